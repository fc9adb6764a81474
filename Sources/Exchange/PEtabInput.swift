import Pharmacology

/// One study of a PEtab export: its compiled scenario and the observations PEtab can express
/// (values at time points), each with the sigma `fit` weighs it by.
package struct PEtabStudy: Sendable {
    package var id: String
    package var model: CompiledModel
    package var measurements: [PEtabMeasurement]

    package init(id: String, model: CompiledModel, measurements: [PEtabMeasurement]) {
        self.id = id
        self.model = model
        self.measurements = measurements
    }
}

/// One observation at a time point: a CSV column's value at `timeHours`.
package struct PEtabMeasurement: Sendable, Equatable {
    /// The CSV column (an SBML state or assignment-rule id of the same name).
    package var observable: String
    package var timeHours: Double
    package var value: Double
    /// The observation's sd, else half its band (`CalibrationProblem`'s weight).
    package var sigma: Double

    package init(observable: String, timeHours: Double, value: Double, sigma: Double) {
        self.observable = observable
        self.timeHours = timeHours
        self.value = value
        self.sigma = sigma
    }
}

/// One estimated parameter: its dotted scenario name, the nominal (start) value and bounds, in
/// natural units (PEtab's bounds and nominal values are unscaled).
package struct PEtabParameter: Sendable, Equatable {
    package var name: String
    package var nominal: Double
    package var lower: Double
    package var upper: Double

    package init(name: String, nominal: Double, lower: Double, upper: Double) {
        self.name = name
        self.nominal = nominal
        self.lower = lower
        self.upper = upper
    }

    /// The SBML/PEtab id of the parameter: `fit_` and the dotted name with `.` as `_`.
    package var identifier: String { "fit_" + ExportedModel.identifier(name) }
}
