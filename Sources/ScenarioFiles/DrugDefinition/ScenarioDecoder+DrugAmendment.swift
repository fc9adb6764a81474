import Pharmacology

/// A scenario's entry for a drug already known (built in or from `--library`): the
/// non-numeric properties it changes.
extension ScenarioDecoder {
    /// A scenario's entry for a drug of its `--library` file or a built-in drug: the non-numeric
    /// properties it changes (name, binding classes, irreversible flags). Numbers are changed
    /// with `parameters`.
    mutating func decodeAmendment(_ value: JSONValue, of drug: Drug, path: String, libraryFile: Bool) -> Drug? {
        guard case .object(let all) = value.kind else { return nil }
        var amended = drug
        let before = problems.count
        for member in all where !DrugDefinitionFormat.amendmentKeys.contains(member.key) {
            let memberPath = "\(path).\(member.key)"
            if DrugDefinitionFormat.drugKeys.contains(member.key) {
                problems.append(.drugDefinition(location(memberPath, member.keyPosition), message:
                    "'\(drug.id)' is a drug of the \(libraryFile ? "--library file" : "built-in library"): a scenario may change its name, binding classes and irreversible flags; "
                    + "change its numbers with parameters: { \"\(drug.id).<parameter>\": ... }"))
            } else {
                problems.append(.unknownKey(location(memberPath, member.keyPosition), key: member.key,
                                            suggestions: NameSuggestion.suggestions(for: member.key, in: DrugDefinitionFormat.amendmentKeys)))
            }
        }
        let members = Dictionary(all.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        if let name = members["name"].flatMap({ string($0, path: "\(path).name") }) { amended.name = name }
        if let bindingsValue = members["bindings"] {
            let bindingsPath = "\(path).bindings"
            guard case .object(let bindings) = bindingsValue.kind else {
                problems.append(.wrongType(location(bindingsPath, bindingsValue.position), expected: "an object", found: bindingsValue.typeName))
                return nil
            }
            for member in bindings {
                let bindingPath = "\(bindingsPath).\(member.key)"
                guard let index = amended.bindings.firstIndex(where: { $0.receptor.rawValue == member.key }) else {
                    unknownName(member.key, category: .receptor, candidates: amended.bindings.map(\.receptor.rawValue),
                                at: location(bindingPath, member.keyPosition))
                    continue
                }
                guard let keys = object(member.value, path: bindingPath, allowed: DrugDefinitionFormat.amendmentBindingKeys) else { continue }
                if let classValue = keys["class"], let kind = efficacyClass(classValue, path: "\(bindingPath).class") {
                    if kind == .agonist, amended.bindings[index].efficacyClass != .agonist {
                        problems.append(.drugDefinition(location("\(bindingPath).class", keys["class"]!.position), message:
                            "an agonist needs an efficacy and an arrestin bias, which a scenario cannot give a library drug; define a drug of your own"))
                        continue
                    }
                    amended.bindings[index].efficacyClass = kind
                }
                if let irreversible = keys["irreversible"].flatMap({ bool($0, path: "\(bindingPath).irreversible") }) {
                    amended.bindings[index].irreversible = irreversible
                }
            }
        }
        return problems.count == before ? amended : nil
    }
}
