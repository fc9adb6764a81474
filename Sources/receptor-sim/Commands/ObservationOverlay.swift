import Pharmacology
import Reports
import Validation

/// `plot` and `compare --observations FILE.csv`: published observations (the format of
/// `validate`'s study files) drawn as markers with error bars over the curves.
enum ObservationOverlay {
    static let option = OptionSpecification(
        "--observations", .path("FILE.csv"),
        help: "Draw observations (the validation study format, Scenarios/validation/README.md) as markers with SD bars and shaded acceptance bands over the curves; panels are added for observed columns not drawn otherwise.")

    /// The marks of `--observations`, checked against the columns drawn from (and the run length
    /// of `scenario`, when known); empty without the option.
    /// - Throws: `.validation` for a malformed file (exit 2).
    static func marks(_ arguments: ParsedArguments, available: [String], scenario: Scenario?) throws(CommandLineError) -> [ObservationMark] {
        guard let path = arguments.value("--observations") else { return [] }
        let file = try ValidateCommand.readObservations(
            path, columns: available, drugIDs: Set(ModelBridge.vocabulary.drugRoutes.keys), durationHours: scenario?.durationHours)
        return Observation.marks(file.observations)
    }

    /// `panels` plus panels for the observed columns none of them draws (one per unit for
    /// `plot`, one per column for `compare`), so every observation is shown.
    static func panels(
        _ panels: [PanelSpecification], marks: [ObservationMark], available: [String], comparison: Bool
    ) -> [PanelSpecification] {
        var missing: [String] = []
        for mark in marks where !panels.contains(where: { $0.columnNames.contains(mark.column) }) && !missing.contains(mark.column) {
            missing.append(mark.column)
        }
        guard !missing.isEmpty else { return panels }
        let added = comparison
            ? (try? PanelSpecification.comparisonPanels(available: available, columns: missing)) ?? []
            : (try? PanelSpecification.panels(available: available, columns: missing)) ?? []
        return panels + added
    }
}
