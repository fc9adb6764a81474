import Integrators

/// One simulation as plain values: who, which drugs when, which events, for how long.
///
/// Scenario files are read into this type (ScenarioFiles); the model compiler turns it into a
/// flat system (Pharmacology). Times are in hours, doses in mg.
public struct Scenario: Sendable, Equatable {
    /// A one-line title.
    public var name: String
    /// What the scenario demonstrates and what a user should see.
    public var description: String
    /// Length of the run from t = 0, in hours.
    public var durationHours: Double
    public var subject: Subject
    public var doses: [DoseRegimen]
    public var events: [StimulusEvent]
    /// Overrides of library values by dotted name (`"morphine.half_life_h": 3.0`).
    public var parameterOverrides: [String: Double]
    public var output: OutputSpecification
    public var solver: SolverSpecification
    /// Drugs defined as data for this scenario (its `drugs: [...]` and a `--library` file),
    /// added to the library it is compiled over (`DrugLibrary.including`); empty for a
    /// scenario that uses only the built-in library.
    public var drugs: [Drug]
    /// A regimen the run starts at the periodic steady state of (an event table's `SS=1`);
    /// nil for a run from the drug-free steady state.
    public var steadyStateStart: SteadyStateStart?

    public init(
        name: String, description: String = "", durationHours: Double,
        subject: Subject = Subject(), doses: [DoseRegimen] = [], events: [StimulusEvent] = [],
        parameterOverrides: [String: Double] = [:],
        output: OutputSpecification = OutputSpecification(),
        solver: SolverSpecification = SolverSpecification(),
        drugs: [Drug] = [],
        steadyStateStart: SteadyStateStart? = nil
    ) {
        self.name = name
        self.description = description
        self.durationHours = durationHours
        self.subject = subject
        self.doses = doses
        self.events = events
        self.parameterOverrides = parameterOverrides
        self.output = output
        self.solver = solver
        self.drugs = drugs
        self.steadyStateStart = steadyStateStart
    }
}

/// The simulated person.
public struct Subject: Sendable, Equatable {
    public var phenotype: Phenotype
    /// Body weight; scales weight-normalised volumes and clearances.
    public var weightKilograms: Double
    /// CYP2D6 metabolizer status: scales the formation of CYP2D6-dependent metabolites
    /// (codeine → morphine, tramadol → O-desmethyltramadol).
    public var cyp2d6: CYP2D6Phenotype

    public init(phenotype: Phenotype = .control, weightKilograms: Double = 70, cyp2d6: CYP2D6Phenotype = .normal) {
        self.phenotype = phenotype
        self.weightKilograms = weightKilograms
        self.cyp2d6 = cyp2d6
    }
}

/// CYP2D6 metabolizer phenotypes (CPIC terms): no, reduced, normal or increased enzyme activity.
public enum CYP2D6Phenotype: String, Sendable, CaseIterable {
    case poor
    case intermediate
    case normal
    case ultrarapid
}

/// Parameter sets over the same model (MODEL.md section 1).
public enum Phenotype: String, Sendable, CaseIterable {
    case control
    /// Low baseline endogenous opioid release with compensatory receptor up-regulation
    /// (Bandelow 2010; Prossin 2010).
    case opioidDeficit = "opioid_deficit"
}

/// How a dose enters the body: a route of administration or, where one route has products
/// with their own release (an extended-release tablet, a depot injection, a patch), the class
/// of product. Each drug gives its own parameters for the routes it supports (`RouteParameters`),
/// so a product is data: a new product of an existing class is a new route entry of a drug.
public enum Route: String, Sendable, CaseIterable {
    case oral
    case sublingual
    case intranasal
    case intramuscular = "im"
    case ivBolus = "iv_bolus"
    case ivInfusion = "iv_infusion"
    /// Subcutaneous injection of an immediate-release solution.
    case subcutaneous = "sc"
    /// An extended-release oral tablet (MS Contin, OxyContin): its release is the route's
    /// absorption, often two-phase (a slow depot).
    case oralExtendedRelease = "oral_er"
    /// An extended-release intramuscular injection (microspheres: Vivitrol).
    case intramuscularExtendedRelease = "im_er"
    /// A weekly extended-release subcutaneous depot (Brixadi weekly).
    case subcutaneousExtendedReleaseWeekly = "sc_er_weekly"
    /// A monthly extended-release subcutaneous depot (Sublocade; Brixadi monthly).
    case subcutaneousExtendedReleaseMonthly = "sc_er_monthly"
    /// A transdermal patch: dosed only with a patch schedule (`DoseSchedule.patch`), which
    /// delivers its nominal rate into the skin depot while worn; the depot goes on releasing
    /// into the blood after removal.
    case transdermal
}

/// Doses of one drug by one route.
public struct DoseRegimen: Sendable, Equatable {
    /// Library id of the drug (`"morphine"`).
    public var drug: String
    public var route: Route
    public var schedule: DoseSchedule

    public init(drug: String, route: Route, schedule: DoseSchedule) {
        self.drug = drug
        self.route = route
        self.schedule = schedule
    }
}

/// When and how much. Every amount is in mg, every time in hours from the start of the run.
public enum DoseSchedule: Sendable, Equatable {
    /// One dose.
    case single(atHours: Double, amountMilligrams: Double)
    /// `count` equal doses, `everyHours` apart, from `startHours`.
    case repeated(startHours: Double, everyHours: Double, count: Int, amountMilligrams: Double)
    /// Doses `everyHours` apart with the listed amounts: a taper (falling) or titration (rising).
    case stepped(startHours: Double, everyHours: Double, amountsMilligrams: [Double])
    /// A constant-rate infusion (route `ivInfusion`).
    case infusion(startHours: Double, durationHours: Double, rateMilligramsPerHour: Double)
    /// `count` patches (route `transdermal`), one applied every `everyHours` from `startHours`,
    /// each worn `wearHours` and delivering its nominal rate into the skin depot while worn
    /// (the labelled delivery rate, 25 µg/h for a 25 µg/h fentanyl patch: the route's
    /// bioavailability scales it). Removal stops the input; the skin depot keeps releasing.
    case patch(startHours: Double, everyHours: Double, count: Int, wearHours: Double, rateMilligramsPerHour: Double)
}

/// A scenario event that drives endogenous peptide release.
public struct StimulusEvent: Sendable, Equatable {
    public var kind: StimulusKind
    public var startHours: Double
    public var durationHours: Double
    /// Relative strength; 1 is a typical event of its kind.
    public var intensity: Double

    public init(kind: StimulusKind, startHours: Double, durationHours: Double, intensity: Double = 1) {
        self.kind = kind
        self.startHours = startHours
        self.durationHours = durationHours
        self.intensity = intensity
    }
}

public enum StimulusKind: String, Sendable, CaseIterable {
    case stress
    case exercise
    case socialContact = "social_contact"
    case pain
    /// Social exclusion or rejection (seed 000): an aversive drive and dynorphin release.
    case socialRejection = "social_rejection"

    /// True for the stress-type stimuli whose endorphin and enkephalin release the
    /// opioid-deficit phenotype scales by `Physiology.deficitEvokedReleaseFactor`: PET finds
    /// the evoked release lower in low-opioid phenotypes for exactly these challenges
    /// (sustained sadness in borderline personality disorder: endogenous opioid deactivation in
    /// the nucleus accumbens and hypothalamus against controls, Prossin et al. 2010 Am J
    /// Psychiatry 167:925; social rejection in major depression: reduced release, Hsu et al.
    /// 2015 Mol Psychiatry 20:193). Pain, exercise and social contact keep the control gains:
    /// no measurement of a lower evoked release was found for them, and the phenotype's larger
    /// response to social reward (seed 000) needs the full release.
    var deficitScalesEvokedRelease: Bool { self == .stress || self == .socialRejection }
}

/// What goes into the CSV.
public struct OutputSpecification: Sendable, Equatable {
    /// Time between output rows, in hours.
    public var intervalHours: Double
    /// Columns to write, by CSV name; nil for all.
    public var columns: [String]?

    public init(intervalHours: Double = 0.25, columns: [String]? = nil) {
        self.intervalHours = intervalHours
        self.columns = columns
    }
}

/// Integration method and tolerances: a scenario's own (`Scenario.solver`, what its file says),
/// and the settings one run is solved with (`ReceptorModel.simulate(_:solver:…)`), which the
/// command line may override without recompiling the model. The defaults suit every shipped
/// scenario.
public struct SolverSpecification: Sendable, Equatable {
    /// Typed, so an unknown name is rejected once where the text is read (the scenario file's
    /// decoder, the command line's `--method`) and no later step can meet one.
    public var method: IntegrationMethod
    public var relativeTolerance: Double
    public var absoluteTolerance: Double

    public init(method: IntegrationMethod = .defaultForStiffModels, relativeTolerance: Double = 1e-6, absoluteTolerance: Double = 1e-9) {
        self.method = method
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
    }
}
