import Pharmacology

/// Writes drugs as a library file (`receptor-sim drugs --export NAME`): the template a user
/// copies and changes. Reading the text back (`DrugLibraryFile.decode`) gives equal `Drug`
/// values: every number is written in shortest round-trip form with its source, every
/// default the reader would fill in is written out.
public enum DrugDefinitionWriter {
    /// The library file text for `drugs`, with a header comment saying how to use it.
    public static func libraryText(_ drugs: [Drug], header: [String] = []) -> String {
        var lines = header.map { "// " + $0 }
        lines.append("{")
        lines.append("  drugs: [")
        for drug in drugs { lines += definitionLines(drug, indent: "    ") }
        lines.append("  ],")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One drug as the lines of a JSON5 object (with a trailing comma), for a library file's
    /// or a scenario's `drugs` list.
    public static func definitionLines(_ drug: Drug, indent: String) -> [String] {
        let i1 = indent + "  ", i2 = i1 + "  ", i3 = i2 + "  "
        var lines = ["\(indent){"]
        lines.append("\(i1)id: \(quoted(drug.id)),")
        lines.append("\(i1)name: \(quoted(drug.name)),")
        lines.append("\(i1)molar_mass_g_per_mol: \(sourced(drug.molarMassGramsPerMole)),")
        if drug.routes.isEmpty {
            lines.append("\(i1)routes: {},  // none: a metabolite, formed in the body")
        } else {
            lines.append("\(i1)routes: {")
            for route in drug.routes {
                if route == .intravenous(route.route) {
                    lines.append("\(i2)\(route.route.rawValue): {},")
                    continue
                }
                lines.append("\(i2)\(route.route.rawValue): {")
                lines.append("\(i3)bioavailability: \(sourced(route.bioavailability)),")
                lines.append("\(i3)absorption_rate_per_h: \(sourced(route.absorptionRatePerHour)),")
                lines.append("\(i3)lag_h: \(sourced(route.lagHours)),")
                if let slow = route.slowDepot {
                    lines.append("\(i3)slow_depot_fraction: \(sourced(slow.fraction)),")
                    lines.append("\(i3)slow_absorption_rate_per_h: \(sourced(slow.absorptionRatePerHour)),")
                    if let slowLag = slow.lagHours { lines.append("\(i3)slow_lag_h: \(sourced(slowLag)),") }
                    if let duration = slow.releaseDurationHours { lines.append("\(i3)slow_release_duration_h: \(sourced(duration)),") }
                    if let bolus = slow.bolusFraction { lines.append("\(i3)slow_bolus_fraction: \(sourced(bolus)),") }
                    if let spread = slow.bolusDurationHours { lines.append("\(i3)slow_bolus_duration_h: \(sourced(spread)),") }
                }
                lines.append("\(i2)},")
            }
            lines.append("\(i1)},")
        }
        lines.append("\(i1)central_volume_l: \(sourced(drug.centralVolumeLiters)),")
        lines.append("\(i1)clearance_l_per_h: \(sourced(drug.clearanceLitersPerHour)),")
        if let peripheral = drug.peripheral {
            lines.append("\(i1)peripheral_volume_l: \(sourced(peripheral.volumeLiters)),")
            lines.append("\(i1)intercompartmental_clearance_l_per_h: \(sourced(peripheral.intercompartmentalClearanceLitersPerHour)),")
        }
        if let deep = drug.deepPeripheral {
            lines.append("\(i1)deep_peripheral_volume_l: \(sourced(deep.volumeLiters)),")
            lines.append("\(i1)deep_intercompartmental_clearance_l_per_h: \(sourced(deep.intercompartmentalClearanceLitersPerHour)),")
        }
        lines.append("\(i1)ke0_per_h: \(sourced(drug.effectSiteRatePerHour)),")
        lines.append("\(i1)fraction_unbound: \(sourced(drug.fractionUnbound)),")
        lines.append("\(i1)brain_partition: \(sourced(drug.brainPartition)),")
        lines.append("\(i1)bindings: {")
        for binding in drug.bindings {
            lines.append("\(i2)\(binding.receptor.rawValue): {")
            lines.append("\(i3)class: \(quoted(binding.efficacyClass.rawValue)),")
            lines.append("\(i3)ki_nM: \(sourced(binding.kiNanomolar)),")
            lines.append("\(i3)kon_per_nM_per_h: \(sourced(binding.konPerNanomolarHour)),")
            lines.append("\(i3)efficacy: \(sourced(binding.efficacy)),")
            lines.append("\(i3)arrestin_bias: \(sourced(binding.arrestinBias)),")
            if binding.irreversible { lines.append("\(i3)irreversible: true,") }
            lines.append("\(i2)},")
        }
        lines.append("\(i1)},")
        if !drug.modulations.isEmpty {
            lines.append("\(i1)modulations: {")
            for modulation in drug.modulations {
                lines.append("\(i2)\(modulation.receptor.rawValue): {")
                lines.append("\(i3)modulator_kd_nM: \(sourced(modulation.modulatorKdNanomolar)),")
                lines.append("\(i3)affinity_factor: \(sourced(modulation.affinityFactor)),")
                lines.append("\(i3)efficacy_factor: \(sourced(modulation.efficacyFactor)),")
                lines.append("\(i2)},")
            }
            lines.append("\(i1)},")
        }
        if !drug.metabolites.isEmpty {
            lines.append("\(i1)metabolites: {")
            for metabolite in drug.metabolites {
                lines.append("\(i2)\(metabolite.metabolite): {")
                lines.append("\(i3)formation_fraction: \(sourced(metabolite.formationFraction)),")
                lines.append("\(i3)first_pass_fraction: \(sourced(metabolite.firstPassFraction)),")
                if let cyp2d6 = metabolite.cyp2d6 {
                    lines.append("\(i3)cyp2d6: {")
                    lines.append("\(i3)  poor: \(sourced(cyp2d6.poor)),")
                    lines.append("\(i3)  intermediate: \(sourced(cyp2d6.intermediate)),")
                    lines.append("\(i3)  ultrarapid: \(sourced(cyp2d6.ultrarapid)),")
                    lines.append("\(i3)},")
                }
                lines.append("\(i2)},")
            }
            lines.append("\(i1)},")
        }
        lines.append("\(indent)},")
        return lines
    }

    /// `{ value: 1.2, source: "..." }` with the value in shortest round-trip form, and the
    /// calibration record of a fitted value (`fit: { studies, se_ln, date }`).
    static func sourced(_ value: Sourced) -> String {
        guard let fit = value.fit else {
            return "{ value: \(number(value.value)), source: \(quoted(value.source)) }"
        }
        let studies = fit.studies.map(quoted).joined(separator: ", ")
        return "{ value: \(number(value.value)), source: \(quoted(value.source)), "
            + "fit: { studies: [\(studies)], se_ln: \(number(fit.standardErrorLn)), date: \(quoted(fit.date)) } }"
    }

    /// Shortest round-trip decimal text, without a needless `.0`.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
