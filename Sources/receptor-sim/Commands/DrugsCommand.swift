import Pharmacology
import Reports

/// `receptor-sim drugs [NAME]`: the library, or one drug's parameters.
enum DrugsCommand: ReceptorSimCommand {
    static let name = "drugs"
    static let abstract = "List the drug library, or show one drug's parameters with units and sources."
    static let arguments = ArgumentSpecification(
        positionals: [PositionalSpecification(name: "NAME", help: "A drug's library id (as in scenario files).", optional: true)],
        options: [])

    static func run(_ arguments: ParsedArguments, console: Console) throws(CommandLineError) -> Int32 {
        let drugs = ModelBridge.drugs()
        guard let id = arguments.positionals.first else {
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
            console.out(text)
            return 0
        }
        guard let drug = drugs.first(where: { $0.id == id }), let parameters = ModelBridge.parameters(ofDrug: id) else {
            throw .unknownName(UnknownName(.drug, id, valid: drugs.map(\.id)))
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

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - text.count))
    }
}
