import Pharmacology

/// A drug definition's receptor-keyed objects: `bindings` (affinity, kinetics, efficacy) and
/// `modulations` (allosteric factors).
extension ScenarioDecoder {
    /// The members of the receptor-keyed object at `path` (`bindings`, `modulations`) whose
    /// receptor is known and whose value is an object of `allowed` keys, each with its path, its
    /// location and its keys; a problem is recorded for every other one (the one reading of such
    /// an object, for bindings and modulations alike).
    private mutating func receptorEntries(_ value: JSONValue, path: String, what: String, allowed: [String])
        -> [(receptor: ReceptorKind, path: String, here: FieldLocation, keys: [String: JSONValue])] {
        guard let members = self.members(value, path: path, expected: "an object (receptor: its \(what))") else { return [] }
        var entries: [(receptor: ReceptorKind, path: String, here: FieldLocation, keys: [String: JSONValue])] = []
        for member in members {
            let memberPath = "\(path).\(member.key)"
            guard let receptor = ReceptorKind(rawValue: member.key) else {
                unknownName(member.key, category: .receptor, candidates: ReceptorKind.allCases.map(\.rawValue),
                            at: location(memberPath, member.keyPosition))
                continue
            }
            guard let keys = object(member.value, path: memberPath, allowed: allowed) else { continue }
            entries.append((receptor, memberPath, location(memberPath, member.value.position), keys))
        }
        return entries
    }

    mutating func decodeBindings(_ value: JSONValue, path: String, id: String, into fields: inout SourcedFields) -> [ReceptorBinding] {
        var bindings: [ReceptorBinding] = []
        for entry in receptorEntries(value, path: path, what: "binding", allowed: DrugDefinitionFormat.bindingKeys) {
            let (receptor, bindingPath, here, keys) = (entry.receptor, entry.path, entry.here, entry.keys)
            let prefix = "\(id).\(receptor.rawValue)."
            func field(_ key: String) -> Sourced? {
                keys[key].flatMap { sourcedNumber($0, path: "\(bindingPath).\(key)", catalogueName: prefix + key, into: &fields) }
            }
            var kind: EfficacyClass?
            if let classValue = keys["class"] { kind = efficacyClass(classValue, path: "\(bindingPath).class") }
            if keys["class"] == nil { problems.append(.missingKey(here, key: "class")) }
            if keys["ki_nM"] == nil { problems.append(.missingKey(here, key: "ki_nM")) }
            if kind == .agonist {
                for key in ["efficacy", "arrestin_bias"] where keys[key] == nil { problems.append(.missingKey(here, key: key)) }
            }
            let ki = field("ki_nM")
            let kon = field("kon_per_nM_per_h")
            let efficacy = field("efficacy")
            let bias = field("arrestin_bias")
            let irreversible = keys["irreversible"].flatMap { bool($0, path: "\(bindingPath).irreversible") }
            // A missing class or Ki (a problem already recorded) stands in with a placeholder, so
            // the binding's other numbers are range-checked; without a class, only Ki and kon are.
            guard kind != nil || ki != nil else { continue }
            var binding = ReceptorBinding(receptor: receptor, kiNanomolar: ki ?? .rangeCheckPlaceholder,
                                          konPerNanomolarHour: kon ?? .definitionDefaultKon,
                                          efficacyClass: kind ?? .neutralAntagonist, irreversible: irreversible ?? false)
            if kind != nil, let efficacy { binding.efficacy = efficacy }
            if kind != nil, let bias { binding.arrestinBias = bias }
            bindings.append(binding)
        }
        return bindings
    }

    mutating func decodeModulations(_ value: JSONValue, path: String, id: String, into fields: inout SourcedFields) -> [AllostericModulation] {
        var modulations: [AllostericModulation] = []
        for entry in receptorEntries(value, path: path, what: "modulation", allowed: DrugDefinitionFormat.modulationKeys) {
            let (receptor, modulationPath, here, keys) = (entry.receptor, entry.path, entry.here, entry.keys)
            var values: [Sourced] = []
            for key in DrugDefinitionFormat.modulationKeys {
                guard let field = keys[key] else {
                    problems.append(.missingKey(here, key: key))
                    continue
                }
                if let number = sourcedNumber(field, path: "\(modulationPath).\(key)",
                                              catalogueName: "\(id).\(receptor.rawValue).\(key)", into: &fields) {
                    values.append(number)
                }
            }
            guard values.count == 3 else { continue }
            modulations.append(AllostericModulation(receptor: receptor, modulatorKdNanomolar: values[0],
                                                    affinityFactor: values[1], efficacyFactor: values[2]))
        }
        return modulations
    }
}
