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
    private mutating func sourcedNumber(_ value: JSONValue, path: String, catalogueName: String?,
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
    private mutating func compartment(_ members: [String: JSONValue], path: String, here: FieldLocation,
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

    // MARK: Routes, bindings, modulations, metabolites

    private mutating func decodeRoutes(_ value: JSONValue, path: String, id: String, into fields: inout SourcedFields) -> [RouteParameters] {
        guard case .object(let members) = value.kind else {
            problems.append(.wrongType(location(path, value.position), expected: "an object (route name: its parameters)", found: value.typeName))
            return []
        }
        var routes: [RouteParameters] = []
        for member in members {
            let routePath = "\(path).\(member.key)"
            guard let route = Route(rawValue: member.key) else {
                unknownName(member.key, category: .route, candidates: Route.allCases.map(\.rawValue), at: location(routePath, member.keyPosition))
                continue
            }
            guard let keys = object(member.value, path: routePath, allowed: DrugDefinitionFormat.routeKeys) else { continue }
            let here = location(routePath, member.value.position)
            if route == .ivBolus || route == .ivInfusion {
                if let first = member.value.objectKeys.first, let field = keys[first] {
                    problems.append(.drugDefinition(location("\(routePath).\(first)", field.position),
                        message: "an intravenous route takes no parameters (the whole dose enters the central compartment); write \(member.key): {}"))
                    continue
                }
                routes.append(.intravenous(route))
                continue
            }
            let prefix = "\(id).\(route.rawValue)."
            func field(_ key: String, required: Bool) -> Sourced? {
                guard let field = keys[key] else {
                    if required { problems.append(.missingKey(here, key: key)) }
                    return nil
                }
                return sourcedNumber(field, path: "\(routePath).\(key)", catalogueName: prefix + key, into: &fields)
            }
            let bioavailability = field("bioavailability", required: true)
            let absorption = field("absorption_rate_per_h", required: true)
            let lag = field("lag_h", required: false)
            var slowDepot: SlowDepot?
            // A slow depot is declared by its fraction and rate together; its own lag and zero-order
            // release duration need both (the catalogue's range checks the duration is above 0),
            // and a bolus share splits a zero-order release, so it needs the duration (its own
            // duration spreads it, so that needs the share).
            let slowGiven = keys["slow_depot_fraction"] != nil || keys["slow_absorption_rate_per_h"] != nil || keys["slow_lag_h"] != nil
                || keys["slow_release_duration_h"] != nil || keys["slow_bolus_fraction"] != nil || keys["slow_bolus_duration_h"] != nil
            if slowGiven {
                let fraction = field("slow_depot_fraction", required: true)
                let rate = field("slow_absorption_rate_per_h", required: true)
                let slowLag = field("slow_lag_h", required: false)
                let duration = field("slow_release_duration_h", required: false)
                let bolus = field("slow_bolus_fraction", required: false)
                if let given = keys["slow_bolus_fraction"], keys["slow_release_duration_h"] == nil {
                    problems.append(.drugDefinition(location("\(routePath).slow_bolus_fraction", given.position),
                        message: "a bolus share splits a zero-order release: give slow_release_duration_h too"))
                }
                let spread = field("slow_bolus_duration_h", required: false)
                if let given = keys["slow_bolus_duration_h"], keys["slow_bolus_fraction"] == nil {
                    problems.append(.drugDefinition(location("\(routePath).slow_bolus_duration_h", given.position),
                        message: "a bolus duration spreads a bolus share: give slow_bolus_fraction too"))
                }
                if let fraction, let rate {
                    slowDepot = SlowDepot(fraction: fraction, absorptionRatePerHour: rate, lagHours: slowLag,
                                          releaseDurationHours: duration, bolusFraction: duration == nil ? nil : bolus,
                                          bolusDurationHours: duration == nil || bolus == nil ? nil : spread)
                }
            }
            // A route missing a number (a problem already recorded) stands in with a placeholder,
            // so the numbers it does give are range-checked with the rest of the definition.
            guard bioavailability != nil || absorption != nil else { continue }
            let stand = Sourced.rangeCheckPlaceholder
            var parameters = RouteParameters(route: route, bioavailability: bioavailability ?? stand,
                                             absorptionRatePerHour: absorption ?? stand, slowDepot: slowDepot)
            if let lag { parameters.lagHours = lag }
            routes.append(parameters)
        }
        return routes
    }

    /// The members of the receptor-keyed object at `path` (`bindings`, `modulations`) whose
    /// receptor is known and whose value is an object of `allowed` keys, each with its path, its
    /// location and its keys; a problem is recorded for every other one (the one reading of such
    /// an object, for bindings and modulations alike).
    private mutating func receptorEntries(_ value: JSONValue, path: String, what: String, allowed: [String])
        -> [(receptor: ReceptorKind, path: String, here: FieldLocation, keys: [String: JSONValue])] {
        guard case .object(let members) = value.kind else {
            problems.append(.wrongType(location(path, value.position), expected: "an object (receptor: its \(what))", found: value.typeName))
            return []
        }
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

    private mutating func decodeBindings(_ value: JSONValue, path: String, id: String, into fields: inout SourcedFields) -> [ReceptorBinding] {
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

    private mutating func decodeModulations(_ value: JSONValue, path: String, id: String, into fields: inout SourcedFields) -> [AllostericModulation] {
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

    private mutating func decodeMetabolites(_ value: JSONValue, path: String, id: String, siblings: Set<String>,
                                            into fields: inout SourcedFields) -> [MetaboliteFormation] {
        guard case .object(let members) = value.kind else {
            problems.append(.wrongType(location(path, value.position), expected: "an object (metabolite id: its formation)", found: value.typeName))
            return []
        }
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
    /// `DrugDefinitionFormat.cyp2d6FactorRange`, and each keeping the formation it scales a
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
            let range = DrugDefinitionFormat.cyp2d6FactorRange
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

    // MARK: Amending a library drug

    /// A scenario's entry for a drug of its `--library` file or a built-in drug: the non-numeric
    /// properties it changes (name, binding classes, irreversible flags). Numbers are changed
    /// with `parameters`.
    private mutating func decodeAmendment(_ value: JSONValue, of drug: Drug, path: String, libraryFile: Bool) -> Drug? {
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

    // MARK: Scalars

    private mutating func efficacyClass(_ value: JSONValue, path: String) -> EfficacyClass? {
        guard let text = string(value, path: path) else { return nil }
        let classes = ["agonist", "neutral_antagonist", "inverse_agonist"]
        guard let parsed = EfficacyClass(rawValue: text) else {
            unknownName(text, category: .efficacyClass, candidates: classes, at: location(path, value.position))
            return nil
        }
        return parsed
    }

    private mutating func bool(_ value: JSONValue, path: String) -> Bool? {
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
    fileprivate static let rangeCheckPlaceholder = Sourced(1, "placeholder: the definition is incomplete")
}
