import Pharmacology

/// A drug definition's `metabolites`: the drugs it forms, with shares and CYP2D6 factors.
extension ScenarioDecoder {
    mutating func decodeMetabolites(_ value: JSONValue, path: String, id: String, siblings: Set<String>,
                                            into fields: inout SourcedFields) -> [MetaboliteFormation] {
        guard let members = self.members(value, path: path, expected: "an object (metabolite id: its formation)") else { return [] }
        var metabolites: [MetaboliteFormation] = []
        for member in members {
            let metabolitePath = "\(path).\(member.key)"
            let keyHere = location(metabolitePath, member.keyPosition)
            if member.key == id {
                problems.append(.drugDefinition(keyHere, message: "a drug cannot be its own metabolite"))
                continue
            }
            if vocabulary.drugRoutes[member.key] == nil, !siblings.contains(member.key) {
                let candidates = (Array(vocabulary.drugRoutes.keys) + siblings.filter { $0 != id }).sorted()
                unknownName(member.key, category: .drug, candidates: candidates, at: keyHere)
                continue
            }
            guard let keys = object(member.value, path: metabolitePath, allowed: DrugDefinitionFormat.metaboliteKeys) else { continue }
            let prefix = "\(id).\(member.key)."
            guard let formationValue = keys["formation_fraction"] else {
                problems.append(.missingKey(location(metabolitePath, member.value.position), key: "formation_fraction"))
                continue
            }
            let formation = sourcedNumber(formationValue, path: "\(metabolitePath).formation_fraction",
                                          catalogueName: prefix + "formation_fraction", into: &fields)
            let firstPass = keys["first_pass_fraction"].flatMap {
                sourcedNumber($0, path: "\(metabolitePath).first_pass_fraction", catalogueName: prefix + "first_pass_fraction", into: &fields)
            }
            var cyp2d6: CYP2D6Dependence?
            if let cypValue = keys["cyp2d6"] {
                let fractions = [("formation_fraction", formation), ("first_pass_fraction", firstPass)].compactMap { name, value in
                    value.map { (name, $0.value) }
                }
                guard let dependence = decodeCYP2D6(cypValue, path: "\(metabolitePath).cyp2d6", fractions: fractions) else { continue }
                cyp2d6 = dependence
            }
            guard let formation else { continue }
            metabolites.append(MetaboliteFormation(
                metabolite: member.key, formationFraction: formation,
                firstPassFraction: firstPass ?? Sourced(0, "model assumption: no first-pass formation given in the drug definition"),
                cyp2d6: cyp2d6))
        }
        return metabolites
    }

    /// A metabolite's `cyp2d6: { poor, intermediate, ultrarapid }`: all three factors, each in
    /// `ParameterRange.cyp2d6Factor`, and each keeping the formation it scales a
    /// share of the parent's clearance (factor x `fractions` at most 1: the model moves
    /// factor x fraction of the parent's elimination into the metabolite, more than all of it
    /// would create drug). Nil, with problems, when any is wrong.
    private mutating func decodeCYP2D6(_ value: JSONValue, path: String, fractions: [(name: String, value: Double)]) -> CYP2D6Dependence? {
        let before = problems.count
        guard let keys = object(value, path: path, allowed: DrugDefinitionFormat.cyp2d6Keys) else { return nil }
        var written = SourcedFields()
        var factors: [Sourced] = []
        for key in DrugDefinitionFormat.cyp2d6Keys {
            guard let field = keys[key] else {
                problems.append(.missingKey(location(path, value.position), key: key))
                continue
            }
            // The factor's own path stands in for a catalogue name, to find where it was written.
            guard let factor = sourcedNumber(field, path: "\(path).\(key)", catalogueName: key, into: &written),
                  let at = written.locations[key] else { continue }
            factors.append(factor)
            let range = ParameterRange.cyp2d6Factor
            if !range.contains(factor.value) {
                problems.append(.outOfRange(at.location, literal: at.literal, range: range))
                continue
            }
            for fraction in fractions where factor.value * fraction.value > 1 {
                problems.append(.drugDefinition(at.location, message: "\(key) \(at.literal) x \(fraction.name) "
                    + "\(DrugDefinitionWriter.number(fraction.value)) is above 1: a phenotype's formation must stay a share of "
                    + "the parent's clearance; lower the factor or the fraction"))
            }
        }
        guard problems.count == before, factors.count == 3 else { return nil }
        return CYP2D6Dependence(poor: factors[0], intermediate: factors[1], ultrarapid: factors[2])
    }
}
