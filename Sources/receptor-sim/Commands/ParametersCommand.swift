import Pharmacology
import Reports
import ScenarioFiles

/// `receptor-sim parameters [PREFIX]`: every parameter a scenario may set (`parameters: {...}`,
/// `--vary`, `--variability`), with value, unit, valid range and source, generated from
/// `ParameterCatalog` so it cannot drift from the model.
enum ParametersCommand: ReceptorSimCommand {
    static let name = "parameters"
    static let abstract = "List every settable parameter (drugs, receptors, peptides, physiology) with value, unit, range and source."
    static let usage = "[PREFIX] [--library FILE]"
    static let discussion = """
        PREFIX keeps the names that start with it: 'morphine.' for one drug, 'mu.' for a receptor,
        'model.' for the whole-body physiology, 'endorphin.' for a peptide. When no name starts
        with it, the error lists the names that contain it ('mu.ki': morphine.mu.ki_nM, ...),
        else the nearest name. 'drugs NAME' reads a drug's id the same way. Values are those of the
        built-in library (70 kg); ranges are the values a scenario override, sweep or population
        may take, with the reason.
        """
    static let arguments = ArgumentSpecification(
        positionals: [PositionalSpecification(name: "PREFIX", help: "Show only parameters whose name starts with PREFIX.", optional: true)],
        options: [LibraryOption.specification])

    static func run(_ arguments: ParsedArguments, console: Console) throws(CommandLineError) -> Int32 {
        let vocabulary = try LibraryOption.vocabulary(arguments)
        let library = ModelBridge.library.including(vocabulary.libraryDrugs)
        let all = ModelBridge.parameterReference(of: library)
        let prefix = arguments.positionals.first ?? ""
        let rows = all.filter { $0.name.hasPrefix(prefix) }
        guard !rows.isEmpty else {
            if let containing = NamePrefix.containing(prefix, in: all.map(\.name), what: "names") {
                throw .usage(command: name, message: "no parameter name starts with '\(prefix)'" + containing)
            }
            let heads = Array(Set(all.map { String($0.name.prefix { $0 != "." }) })).sorted()
            let head = String(prefix.prefix { $0 != "." })
            throw .usage(command: name, message: "no parameter name starts with '\(prefix)'"
                + NameSuggestion.didYouMean(NameSuggestion.suggestions(for: head, in: heads)) + " (names start with: " + heads.joined(separator: ", ") + ")")
        }
        let nameWidth = (rows.map(\.name.count).max() ?? 0) + 2
        let rangeWidth = (rows.map(\.range.count).max() ?? 0) + 2
        var text = pad("parameter", nameWidth) + pad("value", 14) + pad("unit", 10) + pad("range", rangeWidth) + "source\n"
        for row in rows {
            text += pad(row.name, nameWidth) + pad(CSVNumberFormat.significantDigits(6).format(row.value), 14)
                + pad(row.unit, 10) + pad(row.range, rangeWidth) + row.source + "\n"
        }
        text += "\n\(rows.count) parameters. Set one in a scenario: parameters: { \"\(rows[0].name)\": ... }; vary it with --vary or --variability."
        if prefix.isEmpty || "subject".hasPrefix(prefix) || prefix.hasPrefix("model.deficit") {
            text += "\nThe subject: phenotype \(Phenotype.allCases.map(\.rawValue).joined(separator: " | ")) "
                + "(opioid_deficit applies model.deficit_release_factor, model.deficit_evoked_release_factor and "
                + "model.deficit_receptor_synthesis_factor), "
                + "weight_kg (default 70; volumes scale with weight, clearances with weight^0.75)."
        }
        console.out(text)
        return 0
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - text.count))
    }
}
