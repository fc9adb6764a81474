import Pharmacology

/// Drugs defined as data: a scenario's `drugs: [...]` and the `drugs` of a `--library` file,
/// decoded into `Drug` values with the scenario's errors (file, field path, line) and the
/// parameter catalogue's ranges (`DrugDefinitionFormat`).
extension ScenarioDecoder {
    /// How a definition's id may relate to the drugs already known.
    enum DefinitionContext {
        /// A scenario's `drugs`: an id of the built-in library is an error, an id of the
        /// `--library` file amends that drug's non-numeric properties.
        case scenario
        /// A `--library` file: every id must be new.
        case libraryFile
        /// The definitions of the built-in drugs themselves (the exported library read back):
        /// built-in ids are allowed and replace the built-in drug.
        case builtInLibrary
    }

    /// Decodes the array `value` at `path` into drugs, recording every problem; the routes of
    /// the drugs decoded are added to `vocabulary.drugRoutes` so later doses may use them.
    /// Definitions may name each other as metabolites in any order.
    /// - Parameter base: the drugs the definitions add to (a scenario's `--library` drugs),
    ///   amended in place by a scenario's amendments.
    mutating func decodeDrugDefinitions(_ value: JSONValue, path: String, context: DefinitionContext,
                                        base: [Drug] = []) -> [Drug] {
        guard let elements = array(value, path: path) else { return base }
        // Every id first, so a parent may name a metabolite defined after it.
        var siblings: Set<String> = []
        for element in elements {
            if case .object(let members) = element.kind, let id = members.first(where: { $0.key == "id" }),
               case .string(let text) = id.value.kind {
                siblings.insert(text)
            }
        }
        var drugs = base
        var firstDefinition: [String: Int] = [:]
        for (i, element) in elements.enumerated() {
            let elementPath = "\(path)[\(i)]"
            guard case .object(let members) = element.kind else {
                problems.append(.wrongType(location(elementPath, element.position), expected: "an object", found: element.typeName))
                continue
            }
            let idValue = members.first { $0.key == "id" }?.value
            let id: String? = idValue.flatMap { value in
                if case .string(let text) = value.kind { return text }
                return nil
            }
            if let id, let idValue {
                let here = location("\(elementPath).id", idValue.position)
                if let first = firstDefinition[id] {
                    problems.append(.drugDefinition(here, message: "drug '\(id)' is already defined at \(path)[\(first)]"))
                    continue
                }
                firstDefinition[id] = i
                if context == .scenario, let index = drugs.firstIndex(where: { $0.id == id }) {
                    if let amended = decodeAmendment(element, of: drugs[index], path: elementPath, libraryFile: true) { drugs[index] = amended }
                    continue
                }
                // A built-in drug listed with only the amendable keys: its name, classes, flags.
                if context == .scenario, let builtIn = vocabulary.amendableDrugs.first(where: { $0.id == id }),
                   Set(element.objectKeys).isSubset(of: DrugDefinitionFormat.amendmentKeys) {
                    if let amended = decodeAmendment(element, of: builtIn, path: elementPath, libraryFile: false) { drugs.append(amended) }
                    continue
                }
                if context != .builtInLibrary, vocabulary.drugRoutes[id] != nil {
                    var how = "give the definition another id; the built-in drug's numbers can be changed with "
                        + "parameters: { \"\(id).<parameter>\": ... } (see 'receptor-sim drugs \(id)')"
                    if context == .scenario { how += ", its name, binding classes and irreversible flags by listing only those keys here" }
                    problems.append(.drugDefinition(here, message: "drug '\(id)' is a built-in drug; " + how))
                    continue
                }
            }
            if let drug = decodeDrugDefinition(element, path: elementPath, siblings: siblings) {
                drugs.append(drug)
                vocabulary.drugRoutes[drug.id] = drug.supportedRoutes
            } else if let id, vocabulary.drugRoutes[id] == nil {
                invalidDrugDefinitions[id] = elementPath
            }
        }
        return drugs
    }

    // MARK: One definition

    /// One drug from its object, or nil (and problems) when any field is wrong.
    private mutating func decodeDrugDefinition(_ value: JSONValue, path: String, siblings: Set<String>) -> Drug? {
        guard let members = object(value, path: path, allowed: DrugDefinitionFormat.drugKeys) else { return nil }
        let here = location(path, value.position)
        let problemsBefore = problems.count
        var sourced = SourcedFields()

        var id = ""
        if let idValue = members["id"] {
            if let text = string(idValue, path: "\(path).id") {
                id = text
                let idHere = location("\(path).id", idValue.position)
                if let problem = DrugDefinitionFormat.idProblem(text) {
                    problems.append(.drugDefinition(idHere, message: problem))
                } else if vocabulary.reservedDrugIDs.contains(text) {
                    problems.append(.drugDefinition(idHere, message: "'\(text)' names a receptor, a peptide or the model's "
                        + "physiology (parameter names begin with it); choose another drug id"))
                }
            }
        } else {
            problems.append(.missingKey(here, key: "id"))
        }
        let name = members["name"].flatMap { string($0, path: "\(path).name") } ?? id

        func required(_ key: String) -> Sourced? {
            guard let field = members[key] else {
                problems.append(.missingKey(here, key: key))
                return nil
            }
            return sourcedNumber(field, path: "\(path).\(key)", catalogueName: "\(id).\(key)", into: &sourced)
        }
        func optional(_ key: String) -> Sourced? {
            members[key].flatMap { sourcedNumber($0, path: "\(path).\(key)", catalogueName: "\(id).\(key)", into: &sourced) }
        }

        let molarMass = required("molar_mass_g_per_mol")
        let volume = required("central_volume_l")
        var clearance: Sourced?
        switch (members["clearance_l_per_h"], members["half_life_h"]) {
        case (nil, nil):
            problems.append(.drugDefinition(here, message: "give one of 'clearance_l_per_h' and 'half_life_h' (the central elimination half-life ln 2 x central_volume_l / clearance_l_per_h)"))
        case (.some, .some(let halfLifeValue)):
            problems.append(.drugDefinition(location("\(path).half_life_h", halfLifeValue.position),
                message: "conflicts with 'clearance_l_per_h': the half-life sets the clearance (ln 2 x central_volume_l / half_life_h); give one of them"))
        case (.some, nil):
            clearance = optional("clearance_l_per_h")
        case (nil, .some(let halfLifeValue)):
            let halfLifePath = "\(path).half_life_h"
            if let halfLife = sourcedNumber(halfLifeValue, path: halfLifePath, catalogueName: nil, into: &sourced) {
                if ParameterRange.halfLife.contains(halfLife.value) {
                    if let volume {
                        clearance = Sourced(0.6931471805599453 * volume.value / halfLife.value,
                                            "ln 2 x central_volume_l / half_life_h \(halfLife.value) h (\(halfLife.source))")
                        // A fitted half-life makes a fitted clearance, with the same SE of its logarithm.
                        clearance?.fit = halfLife.fit
                    }
                } else {
                    problems.append(.outOfRange(location(halfLifePath, halfLifeValue.position), literal: literalOf(halfLifeValue), range: .halfLife))
                }
            }
        }
        let peripheral = compartment(members, path: path, here: here, volumeKey: "peripheral_volume_l",
                                     clearanceKey: "intercompartmental_clearance_l_per_h", id: id, into: &sourced)
        let deep = compartment(members, path: path, here: here, volumeKey: "deep_peripheral_volume_l",
                               clearanceKey: "deep_intercompartmental_clearance_l_per_h", id: id, into: &sourced)
        if deep.given, !peripheral.given, let value = members["deep_peripheral_volume_l"] {
            problems.append(.drugDefinition(location("\(path).deep_peripheral_volume_l", value.position),
                                            message: "a deep peripheral compartment needs a peripheral one (peripheral_volume_l)"))
        }
        let ke0 = required("ke0_per_h")
        let fractionUnbound = required("fraction_unbound")
        let brainPartition = optional("brain_partition")

        var routes: [RouteParameters] = []
        if let routesValue = members["routes"] {
            routes = decodeRoutes(routesValue, path: "\(path).routes", id: id, into: &sourced)
        } else {
            // A drug without routes is a metabolite, formed in the body: say so once.
            defaults.append(ResolvedDefault(path: "\(path).routes", value: "none (a metabolite, formed in the body)"))
        }
        var bindings: [ReceptorBinding] = []
        if let bindingsValue = members["bindings"] {
            bindings = decodeBindings(bindingsValue, path: "\(path).bindings", id: id, into: &sourced)
        } else {
            problems.append(.missingKey(here, key: "bindings"))
        }
        var modulations: [AllostericModulation] = []
        if let value = members["modulations"] {
            modulations = decodeModulations(value, path: "\(path).modulations", id: id, into: &sourced)
        }
        var metabolites: [MetaboliteFormation] = []
        if let value = members["metabolites"] {
            metabolites = decodeMetabolites(value, path: "\(path).metabolites", id: id, siblings: siblings, into: &sourced)
        }

        // A definition with problems is still range-checked (missing numbers stand in as
        // placeholders, never checked): one report holds its missing keys and its bad values.
        let stand = Sourced.rangeCheckPlaceholder
        var drug = Drug(id: id, name: name, molarMassGramsPerMole: molarMass ?? stand, routes: routes, centralVolumeLiters: volume ?? stand,
                        clearanceLitersPerHour: clearance ?? stand, peripheral: peripheral.compartment, deepPeripheral: deep.compartment,
                        effectSiteRatePerHour: ke0 ?? stand, fractionUnbound: fractionUnbound ?? stand, bindings: bindings,
                        modulations: modulations, metabolites: metabolites)
        if let brainPartition { drug.brainPartition = brainPartition }
        let hasEveryNumber = molarMass != nil && volume != nil && clearance != nil && ke0 != nil && fractionUnbound != nil
        checkRanges(of: drug, fields: sourced)
        return hasEveryNumber && problems.count == problemsBefore ? drug : nil
    }

    /// The numbers of a definition by catalogue name, with where each was written, for the
    /// range check after the drug is built.
    struct SourcedFields {
        var locations: [String: (location: FieldLocation, literal: String)] = [:]
    }

    /// Checks every number of `drug` the file gave against its `ParameterCatalog` range: the
    /// same ranges as parameter overrides, sweeps and populations.
    private mutating func checkRanges(of drug: Drug, fields: SourcedFields) {
        let probe = DrugLibrary(receptors: [], peptides: [], drugs: [drug], physiology: DrugLibrary.builtInPhysiology)
        for entry in ParameterCatalog.drugOnlyEntries(of: probe, drugIDs: [drug.id]) {
            guard let written = fields.locations[entry.name] else { continue }
            if !entry.range.contains(entry.value(in: probe).value) {
                problems.append(.outOfRange(written.location, literal: written.literal, range: entry.range))
            }
        }
        // Numbers the catalogue does not list (efficacy and bias of a non-agonist): fractions.
        for binding in drug.bindings where binding.efficacyClass != .agonist {
            for field in ["efficacy", "arrestin_bias"] {
                let name = "\(drug.id).\(binding.receptor.rawValue).\(field)"
                guard let written = fields.locations[name] else { continue }
                let value = field == "efficacy" ? binding.efficacy.value : binding.arrestinBias.value
                let range = ParameterRange.fraction("a share of full activation")
                if !range.contains(value) { problems.append(.outOfRange(written.location, literal: written.literal, range: range)) }
            }
        }
    }

    /// A number as a bare literal or `{ value, source }`; finite, else nil and a problem. The
    /// range is checked later against the catalogue entry `catalogueName`.
    mutating func sourcedNumber(_ value: JSONValue, path: String, catalogueName: String?,
                                        into fields: inout SourcedFields) -> Sourced? {
        var numberValue = value
        var source = DrugDefinitionFormat.unsourced
        var fit: FitRecord?
        var numberPath = path
        if case .object = value.kind {
            guard let members = object(value, path: path, allowed: DrugDefinitionFormat.sourcedKeys) else { return nil }
            guard let inner = members["value"] else {
                problems.append(.missingKey(location(path, value.position), key: "value"))
                return nil
            }
            numberValue = inner
            numberPath = "\(path).value"
            if let sourceValue = members["source"] {
                guard let text = string(sourceValue, path: "\(path).source") else { return nil }
                source = text
            }
            if let fitValue = members["fit"] {
                guard let record = fitRecord(fitValue, path: "\(path).fit") else { return nil }
                fit = record
            }
        }
        guard let number = number(numberValue, path: numberPath, .finite) else { return nil }
        if let catalogueName {
            fields.locations[catalogueName] = (location(numberPath, numberValue.position), literalOf(numberValue))
        }
        var sourced = Sourced(number, source)
        sourced.fit = fit
        return sourced
    }

    /// A number's calibration record, `{ studies: [...], se_ln, date }`: every key required,
    /// at least one study, a standard error of ln(value) >= 0 and an ISO date.
    private mutating func fitRecord(_ value: JSONValue, path: String) -> FitRecord? {
        guard let members = object(value, path: path, allowed: DrugDefinitionFormat.fitRecordKeys) else { return nil }
        let problemsBefore = problems.count
        for key in DrugDefinitionFormat.fitRecordKeys where members[key] == nil {
            problems.append(.missingKey(location(path, value.position), key: key))
        }
        var studies: [String] = []
        if let list = members["studies"], let elements = array(list, path: "\(path).studies") {
            if elements.isEmpty { problems.append(.emptyList(location("\(path).studies", list.position))) }
            for (index, element) in elements.enumerated() {
                if let study = string(element, path: "\(path).studies[\(index)]") { studies.append(study) }
            }
        }
        var standardErrorLn: Double?
        if let se = members["se_ln"] { standardErrorLn = number(se, path: "\(path).se_ln", .nonNegative) }
        var date: String?
        if let dateValue = members["date"], let text = string(dateValue, path: "\(path).date") {
            if DrugDefinitionFormat.isISODate(text) {
                date = text
            } else {
                problems.append(.drugDefinition(location("\(path).date", dateValue.position),
                                                message: "a date as yyyy-mm-dd (the day of the fit), found '\(text)'"))
            }
        }
        guard problems.count == problemsBefore, let standardErrorLn, let date else { return nil }
        return FitRecord(studies: studies, standardErrorLn: standardErrorLn, date: date)
    }

    /// A peripheral compartment from its two keys: both or neither.
    mutating func compartment(_ members: [String: JSONValue], path: String, here: FieldLocation,
                                      volumeKey: String, clearanceKey: String, id: String,
                                      into fields: inout SourcedFields) -> (compartment: PeripheralCompartment?, given: Bool) {
        let volumeValue = members[volumeKey], clearanceValue = members[clearanceKey]
        if volumeValue == nil, clearanceValue == nil { return (nil, false) }
        if volumeValue == nil { problems.append(.missingKey(here, key: volumeKey)) }
        if clearanceValue == nil { problems.append(.missingKey(here, key: clearanceKey)) }
        guard let volumeValue, let clearanceValue,
              let volume = sourcedNumber(volumeValue, path: "\(path).\(volumeKey)", catalogueName: "\(id).\(volumeKey)", into: &fields),
              let clearance = sourcedNumber(clearanceValue, path: "\(path).\(clearanceKey)", catalogueName: "\(id).\(clearanceKey)", into: &fields)
        else { return (nil, true) }
        return (PeripheralCompartment(volumeLiters: volume, intercompartmentalClearanceLitersPerHour: clearance), true)
    }

    // MARK: Scalars

    mutating func efficacyClass(_ value: JSONValue, path: String) -> EfficacyClass? {
        guard let text = string(value, path: path) else { return nil }
        let classes = ["agonist", "neutral_antagonist", "inverse_agonist"]
        guard let parsed = EfficacyClass(rawValue: text) else {
            unknownName(text, category: .efficacyClass, candidates: classes, at: location(path, value.position))
            return nil
        }
        return parsed
    }

    mutating func bool(_ value: JSONValue, path: String) -> Bool? {
        guard case .bool(let flag) = value.kind else {
            problems.append(.wrongType(location(path, value.position), expected: "true or false", found: value.typeName))
            return nil
        }
        return flag
    }
}

extension JSONValue {
    /// The keys of an object in file order (empty for any other value).
    var objectKeys: [String] {
        if case .object(let members) = kind { return members.map(\.key) }
        return []
    }
}

extension Sourced {
    /// Stands in for a missing number of an incomplete definition, only so the numbers beside
    /// it can be range-checked; such a drug is never returned.
    static let rangeCheckPlaceholder = Sourced(1, "placeholder: the definition is incomplete")
}
