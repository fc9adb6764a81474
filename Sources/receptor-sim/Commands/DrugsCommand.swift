import Pharmacology
import Reports
import ScenarioFiles

/// `receptor-sim drugs [NAME]`: the library, or one drug's parameters.
enum DrugsCommand: ReceptorSimCommand {
    static let name = "drugs"
    static let abstract = "List the drug library, or show one drug's parameters with units and sources."
    static let discussion = """
        NAME is read as 'parameters PREFIX' reads its prefix: an exact id shows that drug; else
        it keeps the drugs whose id starts with NAME: one drug's parameters when one does
        ('morph': morphine), the table of those drugs when several do ('nal'). When none does,
        the error lists the ids that contain NAME, else the nearest id. --export takes an id or
        a prefix of one id.
        --export prints a drug as a library file (JSON5): every number with its unit in the key
        and its source, the template for a drug of your own. Change its id (built-in ids are
        taken), then load it with --library FILE, or paste the object into a scenario's drugs list.
        """
    static let arguments = ArgumentSpecification(
        positionals: [PositionalSpecification(name: "NAME", help: "A drug's library id (as in scenario files).", optional: true)],
        options: [
            OptionSpecification("--export", .text("NAME"), help: "Print drug NAME as a drug definition file (a template to copy and change)."),
            LibraryOption.specification,
        ])

    static func run(_ arguments: ParsedArguments, console: Console) throws(CommandLineError) -> Int32 {
        let vocabulary = try LibraryOption.vocabulary(arguments)
        let library = ModelBridge.library.including(vocabulary.libraryDrugs)
        if let text = arguments.value("--export") {
            let ids = try select(text, in: library)
            guard ids.count == 1, let id = ids.first, let drug = library.drug(id) else {
                throw .usage(command: name, message: "\(ids.count) drug ids start with '\(text)': "
                    + ids.joined(separator: ", ") + "; --export takes one")
            }
            let header = [
                "Drug '\(id)' exported by 'receptor-sim drugs --export \(id)': a template for a drug of your own.",
                "Change \"id\" (built-in ids are taken) and the numbers with their sources; each number may also be",
                "bare (its source is then recorded as not given). Load the file with --library FILE, or paste the",
                "object into a scenario's drugs: [...]. Ranges: 'receptor-sim parameters \(id).'",
            ] + (ModelBridge.library.drug(id) == drug
                ? ["A built-in drug's export is its entry in the shipped library file Sources/BuiltInLibrary/Resources/drugs.json5."] : [])
            console.out(DrugDefinitionWriter.libraryText([drug], header: header))
            return 0
        }
        var drugs = ModelBridge.drugs(of: library)
        if let text = arguments.positionals.first {
            let ids = try select(text, in: library)
            drugs = drugs.filter { ids.contains($0.id) }
        }
        guard arguments.positionals.first != nil, drugs.count == 1, let id = drugs.first?.id else {
            let width = (drugs.map(\.id.count).max() ?? 0) + 2
            let nameWidth = (drugs.map(\.name.count).max() ?? 0) + 2
            var text = pad("id", width) + pad("name", nameWidth) + pad("terminal t½ h", 15) + pad("central t½ h", 14) + "routes\n"
            for drug in drugs {
                let routes = drug.routes.isEmpty ? "(metabolite: formed in the body)" : drug.routes.map(\.rawValue).joined(separator: ", ")
                text += pad(drug.id, width) + pad(drug.name, nameWidth)
                    + pad(CSVNumberFormat.significantDigits(3).format(drug.terminalHalfLifeHours), 15)
                    + pad(CSVNumberFormat.significantDigits(3).format(drug.eliminationHalfLifeHours), 14) + routes + "\n"
            }
            text += "\nterminal t½: ln 2 over the slowest rate of the model's own disposition (central and peripheral "
                + "compartments with elimination; absorption depots excluded), 70 kg.\n"
                + "central t½: ln 2 x central_volume_l / clearance_l_per_h, the central elimination half-life that "
                + "the half_life_h override sets.\n"
                + "\nSee 'receptor-sim drugs NAME' for one drug's parameters."
                + (arguments.positionals.first.map { "\n\(drugs.count) drug ids start with '\($0)'." } ?? "")
            console.out(text)
            return 0
        }
        guard let drug = drugs.first, let parameters = ModelBridge.parameters(ofDrug: id, in: library) else {
            throw unknownDrug(id, in: library)
        }
        let routes = drug.routes.isEmpty ? "none (a metabolite, formed in the body)" : drug.routes.map(\.rawValue).joined(separator: ", ")
        var text = "\(drug.id): \(drug.name)\nroutes: \(routes)\n"
            + "terminal half-life: \(CSVNumberFormat.significantDigits(3).format(drug.terminalHalfLifeHours)) h "
            + "(slowest rate of the model's disposition: central and peripheral compartments with elimination, 70 kg)\n"
            + "central elimination half-life: \(CSVNumberFormat.significantDigits(3).format(drug.eliminationHalfLifeHours)) h "
            + "(ln 2 x V1 / CL; the half_life_h override sets this one, through the clearance)\n"
        if parameters.isEmpty {
            text += "(no parameters available)"
        } else {
            let nameWidth = (parameters.map(\.name.count).max() ?? 0) + 2
            text += "\n" + pad("parameter", nameWidth) + pad("value", 14) + pad("unit", 12) + "source\n"
            for row in parameters {
                text += pad(row.name, nameWidth) + pad(CSVNumberFormat.significantDigits(6).format(row.value), 14)
                    + pad(row.unit, 12) + row.source + "\n"
            }
            text += "\nOverride any of these in a scenario: parameters: { \"\(parameters[0].name)\": ... }"
        }
        console.out(text)
        return 0
    }

    /// The ids `text` selects: itself when it is an id, else the ids that start with it.
    /// - Throws: `unknownDrug` when no id starts with it.
    static func select(_ text: String, in library: DrugLibrary) throws(CommandLineError) -> [String] {
        let ids = library.drugs.map(\.id)
        if ids.contains(text) { return [text] }
        let matches = NamePrefix.matches(text, in: ids)
        if matches.isEmpty { throw unknownDrug(text, in: library) }
        return matches
    }

    /// An unknown drug name; a receptor, peptide or parameter name gets a pointer to where it is
    /// listed instead of the nearest drug id ("mu" is not a misspelt "m6g").
    static func unknownDrug(_ id: String, in library: DrugLibrary) -> CommandLineError {
        let ids = library.drugs.map(\.id)
        if ReceptorKind(rawValue: id) != nil || library.peptides.contains(where: { $0.id == id }) || id == "model" {
            let what = ReceptorKind(rawValue: id) != nil ? "a receptor" : id == "model" ? "the physiology prefix" : "an endogenous peptide"
            return .usage(command: name, message: "'\(id)' is \(what), not a drug; its parameters: 'receptor-sim parameters \(id).'; "
                + "drugs binding it: 'receptor-sim parameters' lists <drug>.\(id).ki_nM")
        }
        if let containing = NamePrefix.containing(id, in: ids, what: "drug ids") {
            return .usage(command: name, message: "no drug id starts with '\(id)'" + containing)
        }
        return .usage(command: name, message: UnknownName(.drug, id, valid: ids).description)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - text.count))
    }
}
