import Pharmacology

/// Turns a `CompiledStructure` into parameters, rate expressions, rules and events.
///
/// The right-hand side is rebuilt as `ReceptorSystem.evaluate` computes it: per state a list
/// of terms, appended (`+=`) or replaced (`=`) in the same loop order over the same arrays,
/// with branches on compile-time constants (`pairModulated`, a missing peripheral compartment)
/// resolved here as the compiled loop resolves them at run time.
struct ExportBuilder {
    let structure: CompiledStructure
    let physiology: Physiology
    let initialState: [Double]
    let absoluteToleranceScales: [Double]
    let relativeToleranceFloorScales: [Double]

    var parameters: [ExportedModel.Parameter] = []
    var states: [ExportedModel.State] = []
    var rules: [ExportedModel.Rule] = []
    var events: [ExportedModel.Event] = []

    var compartments: [ExportedModel.Compartment] = []
    var reactions: [ExportedModel.Reaction] = []
    /// Rule constants written as numbers because the rules' form depends on their value
    /// (`RuleConstantNaming`), by catalogue name.
    var formDependentConstants: [String] = []
    /// Numbers of the rules that depend on constants in a form `RuleConstantNaming` does not
    /// recognise (none expected; the tests require none).
    var unnamedRuleNumbers: [String] = []

    static let effectSite = "effect_site"
    static let receptorPools = "brain_receptors"

    /// SBML id of each compiled state.
    private var stateID: [String] = []
    /// The compartment of each state exported as a species, and whether its value is an amount.
    private var speciesCompartment: [Int: (id: String, isAmount: Bool)] = [:]
    /// Terms of each state's derivative.
    private var terms: [[MathExpression]] = []

    init(structure: CompiledStructure, physiology: Physiology, initialState: [Double], absoluteToleranceScales: [Double],
         relativeToleranceFloorScales: [Double]) {
        self.structure = structure
        self.physiology = physiology
        self.initialState = initialState
        self.absoluteToleranceScales = absoluteToleranceScales
        self.relativeToleranceFloorScales = relativeToleranceFloorScales
    }

    @discardableResult
    private mutating func parameter(_ id: String, _ value: Double, _ unit: ExportedUnit, name: String? = nil,
                                    constant: Bool = true, notes: String? = nil, sboTerm: Int? = nil) -> MathExpression {
        parameters.append(.init(id: id, name: name ?? id, value: value, unit: unit, constant: constant, notes: notes, sboTerm: sboTerm))
        return .symbol(id)
    }

    /// A catalogue value (`receptor-sim parameters`) as a parameter whose id is its catalogue
    /// name made an SId and whose name is the catalogue name, with its source as notes.
    /// - Throws: `ExchangeError.modelStructureChanged` when the compiled model holds another
    ///   value (`compiled`), i.e. the value no longer comes from the catalogue as written here.
    private mutating func catalogueParameter(_ catalogueName: String, _ value: Sourced, _ unit: ExportedUnit,
                                             compiled: Double?) throws(ExchangeError) -> MathExpression {
        if let compiled, compiled != value.value {
            throw .modelStructureChanged(field: catalogueName, expected: "the catalogue value \(value.value), compiled \(compiled)")
        }
        return parameter(ExportedModel.identifier(catalogueName), value.value, unit, name: catalogueName,
                         notes: "receptor-sim parameter '\(catalogueName)'. Source: \(value.source)", sboTerm: RuleConstant.sboTerm)
    }

    /// A rate ln 2 / t½ as the assignment rule `rateID` over the catalogue half-life, so
    /// changing the half-life parameter changes the rate.
    /// - Throws: `ExchangeError.modelStructureChanged` when the compiled rate is not ln 2 / t½.
    private mutating func rate(_ rateID: String, halfLife catalogueName: String, _ value: Sourced,
                               compiled: Double) throws(ExchangeError) -> MathExpression {
        guard 0.6931471805599453 / value.value == compiled else {
            throw .modelStructureChanged(field: rateID, expected: "ln 2 / '\(catalogueName)' (\(value.value) h), compiled \(compiled) per h")
        }
        let halfLife = try catalogueParameter(catalogueName, value, .hour, compiled: nil)
        return rule(rateID, .perHour, .quotient(.logarithm(.number(2)), halfLife), column: false)
    }

    @discardableResult
    private mutating func rule(_ id: String, _ unit: ExportedUnit, _ e: MathExpression, column: Bool) -> MathExpression {
        rules.append(.init(id: id, unit: unit, expression: e, isColumn: column))
        return .symbol(id)
    }

    private func y(_ i: Int) -> MathExpression { .symbol(stateID[i]) }

    /// Records a reaction taking `from` to `to` (either may be absent) at `rate`, and its
    /// contribution to each state's derivative (divided by the compartment size for a
    /// concentration species).
    private mutating func flux(_ id: String, _ name: String, from: Int? = nil, to: Int? = nil, rate: MathExpression,
                               reversible: Bool = false) {
        reactions.append(.init(id: id, name: name,
                               reactants: from.map { [.init(species: stateID[$0], stoichiometry: 1)] } ?? [],
                               products: to.map { [.init(species: stateID[$0], stoichiometry: 1)] } ?? [],
                               rate: rate, reversible: reversible))
        func perVolume(_ i: Int) -> MathExpression {
            guard let c = speciesCompartment[i], !c.isAmount else { return rate }
            return rate / .symbol(c.id)
        }
        if let from { terms[from].append(.negation(perVolume(from))) }
        if let to { terms[to].append(perVolume(to)) }
    }

    /// The unit of a compiled state, from its name's suffix (names follow ModelLayout).
    private static func unit(ofState name: String) -> ExportedUnit {
        if name.hasSuffix("_nmol") { return .nanomole }
        if name.hasSuffix("_nM") { return .nanomolar }
        return .dimensionless
    }

    mutating func build() throws(ExchangeError) {
        let s = structure
        let n = s.stateNames.count
        guard initialState.count == n else {
            throw .modelStructureChanged(field: "CompiledModel.initialState", expected: "of length \(n)")
        }
        guard absoluteToleranceScales.count == n else {
            throw .modelStructureChanged(field: "CompiledModel.stateScales", expected: "of length \(n)")
        }
        guard relativeToleranceFloorScales.count == n else {
            throw .modelStructureChanged(field: "CompiledModel.relativeToleranceFloorScales", expected: "of length \(n)")
        }
        stateID = s.stateNames.map(ExportedModel.identifier)
        terms = Array(repeating: [], count: n)

        // Compartments and species: drug amounts (nmol) in per-drug central and peripheral
        // compartments of the drug's volumes and in the absorption depots, effect-site
        // concentrations (nM) in a 1 L effect site, receptor pools (fractions of the control
        // total) in the brain; the other states stay rate-ruled parameters.
        compartments.append(.init(id: "depots", name: "absorption depots (amounts; nominal 1 L)", sizeLitre: 1))
        compartments.append(.init(id: Self.effectSite, name: "effect site (1 L, so nmol and nM agree)", sizeLitre: 1))
        compartments.append(.init(id: Self.receptorPools, name: "brain receptor pools (fractions of the control total; nominal 1 L)", sizeLitre: 1))
        for sp in 0..<s.speciesCentral.count {
            let name = ExportedModel.identifier(s.speciesIDs[sp])
            let v1 = 1 / s.speciesInverseV1[sp]
            compartments.append(.init(id: name + "_central", name: s.speciesIDs[sp] + " central volume V1", sizeLitre: v1))
            speciesCompartment[s.speciesCentral[sp]] = (name + "_central", true)
            if s.speciesPeripheral[sp] >= 0 {
                let v = s.speciesK21[sp] > 0 ? v1 * s.speciesK12[sp] / s.speciesK21[sp] : 1
                compartments.append(.init(id: name + "_peripheral", name: s.speciesIDs[sp] + " peripheral volume V1 k12/k21", sizeLitre: v > 0 && v.isFinite ? v : 1))
                speciesCompartment[s.speciesPeripheral[sp]] = (name + "_peripheral", true)
            }
            if s.speciesDeepPeripheral[sp] >= 0 {
                let v = s.speciesK31[sp] > 0 ? v1 * s.speciesK13[sp] / s.speciesK31[sp] : 1
                compartments.append(.init(id: name + "_deep_peripheral", name: s.speciesIDs[sp] + " deep peripheral volume V1 k13/k31", sizeLitre: v > 0 && v.isFinite ? v : 1))
                speciesCompartment[s.speciesDeepPeripheral[sp]] = (name + "_deep_peripheral", true)
            }
            speciesCompartment[s.speciesEffect[sp]] = (Self.effectSite, false)
        }
        for k in s.depotState { speciesCompartment[k] = ("depots", true) }
        for r in 0..<s.receptorFree.count {
            for i in [s.receptorFree[r], s.receptorDesensitized[r], s.receptorInternal[r], s.receptorAgonistInternal[r]] {
                speciesCompartment[i] = (Self.receptorPools, true)
            }
            for p in s.receptorPairStart[r]..<s.receptorPairEnd[r] { speciesCompartment[s.pairState[p]] = (Self.receptorPools, true) }
        }

        // Pharmacokinetics, as in evaluate: central, peripheral, deep peripheral, effect site per species.
        for sp in 0..<s.speciesCentral.count {
            let name = ExportedModel.identifier(s.speciesIDs[sp])
            let c = s.speciesCentral[sp]
            let k10 = parameter(name + "_k10", s.speciesK10[sp], .perHour)
            let k12 = parameter(name + "_k12", s.speciesK12[sp], .perHour)
            let k21 = parameter(name + "_k21", s.speciesK21[sp], .perHour)
            let inverseV1 = parameter(name + "_inverse_v1", s.speciesInverseV1[sp], .perLitre)
            let ke0 = parameter(name + "_ke0", s.speciesKe0[sp], .perHour)
            let infusion = parameter(name + "_infusion", s.speciesInfusion[sp], .nanomolePerHour,
                                     name: name + " infusion rate (changed by events)", constant: false)
            flux(name + "_infusion_flux", "\(s.speciesIDs[sp]) IV infusion", to: c, rate: infusion)
            flux(name + "_elimination", "\(s.speciesIDs[sp]) elimination", from: c, rate: k10 * y(c))
            let per = s.speciesPeripheral[sp]
            if per >= 0 {
                flux(name + "_distribution", "\(s.speciesIDs[sp]) central to peripheral", from: c, to: per, rate: k12 * y(c))
                flux(name + "_redistribution", "\(s.speciesIDs[sp]) peripheral to central", from: per, to: c, rate: k21 * y(per))
            }
            let deep = s.speciesDeepPeripheral[sp]
            if deep >= 0 {
                let k13 = parameter(name + "_k13", s.speciesK13[sp], .perHour)
                let k31 = parameter(name + "_k31", s.speciesK31[sp], .perHour)
                flux(name + "_deep_distribution", "\(s.speciesIDs[sp]) central to deep peripheral", from: c, to: deep, rate: k13 * y(c))
                flux(name + "_deep_redistribution", "\(s.speciesIDs[sp]) deep peripheral to central", from: deep, to: c, rate: k31 * y(deep))
            }
            let e = s.speciesEffect[sp]
            flux(name + "_effect_site_equilibration", "\(s.speciesIDs[sp]) plasma to effect site (ke0)", to: e,
                 rate: ke0 * (y(c) * inverseV1 - y(e)) * .symbol(Self.effectSite), reversible: true)
            rule(name + "_plasma_nM", .nanomolar, y(c) * inverseV1, column: true)
        }
        for k in 0..<s.depotState.count {
            let id = stateID[s.depotState[k]]
            let ka = parameter(id + "_ka", s.depotKa[k], .perHour)
            let f = parameter(id + "_bioavailability", s.depotBioavailability[k], .dimensionless)
            let depot = s.depotState[k]
            // A zero-order input switched by events: a patch while worn, or a slow depot's
            // zero-order release (`slow_release_duration_h`, `slow_bolus_duration_h`).
            if s.events.contains(where: { if case .changeDepotInput(k, _) = $0.action { true } else { false } }) {
                let input = parameter(id + "_input", s.depotInput[k], .nanomolePerHour,
                                      name: stateID[depot] + " patch input rate (changed by events)", constant: false)
                flux(id + "_patch_input", stateID[depot] + " patch input", to: depot, rate: input)
            }
            // Absorption into the central compartment (F ka A) and presystemic loss ((1 − F) ka A).
            flux(id + "_absorption", stateID[depot] + " absorption", from: depot, to: s.depotTarget[k], rate: f * ka * y(depot))
            if s.depotBioavailability[k] != 1 {
                flux(id + "_presystemic_loss", stateID[depot] + " presystemic loss", from: depot,
                     rate: (.number(1) - f) * ka * y(depot))
            }
        }
        for k in 0..<s.transferSource.count {
            let id = "transfer_" + stateID[s.transferSource[k]] + "_to_" + stateID[s.transferTarget[k]]
            let unique = parameters.contains { $0.id == id } ? id + "_\(k)" : id
            let coefficient = parameter(unique, s.transferCoefficient[k], .perHour)
            // The source's loss is part of its k10; formation reads the source as a modifier.
            flux(unique + "_formation", "metabolite formation " + stateID[s.transferSource[k]] + " to " + stateID[s.transferTarget[k]],
                 to: s.transferTarget[k], rate: coefficient * y(s.transferSource[k]))
        }

        // Ligand concentrations: peptides are their states (scale 1), species their brain column.
        let peptideCount = s.peptideIDs.count
        var ligand: [MathExpression] = []
        for l in 0..<s.ligandState.count {
            let scale = s.ligandScale[l]
            if l < peptideCount {
                ligand.append(scale == 1 ? y(s.ligandState[l])
                              : parameter(ExportedModel.identifier(s.ligandIDs[l]) + "_ligand_scale", scale, .dimensionless) * y(s.ligandState[l]))
            } else {
                let id = ExportedModel.identifier(s.ligandIDs[l])
                let scaleSymbol = parameter(id + "_ligand_scale", scale, .dimensionless)
                rule(id + "_brain_nM", .nanomolar, scaleSymbol * y(s.ligandState[l]), column: true)
                ligand.append(.symbol(id + "_brain_nM"))
            }
        }

        // Receptors: binding and trafficking (Model2Design.md §5).
        var raw: [MathExpression] = [], activation: [MathExpression] = []
        for r in 0..<s.receptorFree.count {
            let k = s.receptorKinds[r].rawValue
            let ksyn = parameter(k + "_ksyn", s.receptorSynthesis[r], .perHour)
            let kendo = parameter(k + "_kendo", s.receptorEndocytosis[r], .perHour)
            let kres = parameter(k + "_kres", s.receptorResensitization[r], .perHour)
            let krec = parameter(k + "_krec", s.receptorRecycling[r], .perHour)
            let kdeg = parameter(k + "_kdeg", s.receptorDegradation[r], .perHour)
            let kdegA = parameter(k + "_kdeg_agonist", s.receptorAgonistDegradation[r], .perHour)
            let karr = parameter(k + "_karr", s.receptorArrestinInternalization[r], .perHour)
            let c0 = parameter(k + "_constitutive_activity", s.receptorConstitutive[r], .dimensionless)

            // Allosteric factors (absent modulators leave kon and efficacy unscaled).
            var fa: [MathExpression] = [], fe: [MathExpression] = []
            let mStart = s.receptorModulatorStart[r], mEnd = s.receptorModulatorEnd[r]
            if mStart < mEnd {
                var affinity: [MathExpression] = [], efficacy: [MathExpression] = []
                for m in mStart..<mEnd {
                    let id = k + "_modulator_" + ExportedModel.identifier(s.ligandIDs[s.modulatorLigand[m]])
                        + (mEnd - mStart > 1 ? "_\(m - mStart)" : "")
                    let kd = parameter(id + "_kd", s.modulatorKd[m], .nanomolar)
                    let alpha = parameter(id + "_alpha_minus_one", s.modulatorAlphaMinusOne[m], .dimensionless)
                    let beta = parameter(id + "_beta_minus_one", s.modulatorBetaMinusOne[m], .dimensionless)
                    let c = ligand[s.modulatorLigand[m]]
                    let rho = rule(id + "_fraction", .dimensionless, c / (c + kd), column: false)
                    affinity.append(.number(1) + alpha * rho)
                    efficacy.append(.number(1) + beta * rho)
                }
                fa = [rule(k + "_affinity_factor", .dimensionless, .multiply(affinity), column: false)]
                fe = [rule(k + "_efficacy_factor", .dimensionless, .multiply(efficacy), column: false)]
            }

            let iF = s.receptorFree[r], iD = s.receptorDesensitized[r]
            let iI = s.receptorInternal[r], iA = s.receptorAgonistInternal[r]
            let free = y(iF), des = y(iD), inside = y(iI), agonistInside = y(iA)
            flux(k + "_synthesis", k + " synthesis", to: iF, rate: ksyn)
            flux(k + "_endocytosis", k + " constitutive endocytosis", from: iF, to: iI, rate: kendo * free)
            flux(k + "_resensitization", k + " resensitization", from: iD, to: iF, rate: kres * des)
            flux(k + "_recycling", k + " recycling of constitutively internalized", from: iI, to: iF, rate: krec * inside)
            flux(k + "_agonist_recycling", k + " recycling of agonist-internalized", from: iA, to: iF, rate: krec * agonistInside)
            flux(k + "_degradation", k + " degradation", from: iI, rate: kdeg * inside)
            flux(k + "_arrestin_internalization", k + " arrestin internalization of desensitized", from: iD, to: iA, rate: karr * des)
            flux(k + "_agonist_degradation", k + " degradation of agonist-internalized", from: iA, rate: kdegA * agonistInside)
            var stimulus: [MathExpression] = [c0 * free]
            var active: [MathExpression] = []
            var bound: [MathExpression] = []
            var drugBound: [MathExpression] = []
            for p in s.receptorPairStart[r]..<s.receptorPairEnd[r] {
                let id = stateID[s.pairState[p]]
                let b = y(s.pairState[p])
                bound.append(b)
                if s.pairIsDrug[p] != 0 { drugBound.append(b) }
                let modulated = s.pairModulated[p] != 0
                let konSymbol = parameter(id + "_kon", s.pairKon[p], .perNanomolarPerHour)
                let koff = parameter(id + "_koff", s.pairKoff[p], .perHour)
                let efficacy = parameter(id + "_efficacy", s.pairEfficacy[p], .dimensionless)
                let kdes = parameter(id + "_kdes", s.pairDesensitization[p], .perHour)
                let kint = parameter(id + "_kint", s.pairInternalization[p], .perHour)
                let recycles = parameter(id + "_recycles", s.pairRecycles[p], .dimensionless)
                let kon: MathExpression = modulated ? .multiply([konSymbol] + fa) : konSymbol
                let bi = s.pairState[p]
                flux(id + "_binding", id + " binding (kon c R − koff B)", from: iF, to: bi,
                     rate: kon * ligand[s.pairLigand[p]] * free - koff * b, reversible: true)
                flux(id + "_desensitization", id + " desensitization", from: bi, to: iD, rate: kdes * b)
                // Internalized bound receptors join the recycling pool, or are lost when the
                // ligand is irreversible (recycles = 0).
                flux(id + "_internalization", id + " internalization", from: bi, to: iI, rate: recycles * kint * b)
                if s.pairRecycles[p] != 1 {
                    flux(id + "_internalization_loss", id + " internalization without recycling", from: bi,
                         rate: (.number(1) - recycles) * kint * b)
                }
                let eff: MathExpression = modulated ? .multiply([efficacy] + fe) : efficacy
                stimulus.append(eff * b)
                if s.pairActivation[p] != 0 {
                    active.append(parameter(id + "_activation", s.pairActivation[p], .dimensionless) * b)
                }
            }
            let rawSymbol = rule(k + "_raw_stimulus", .dimensionless, .add(stimulus), column: false)
            raw.append(rawSymbol)
            activation.append(rule(k + "_activation", .dimensionless, .add(active), column: false))
            let uncoupled = y(s.receptorUncoupled[r])
            rule(k + "_stimulus", .dimensionless, (.number(1) - uncoupled) * rawSymbol, column: true)
            if stateID[s.receptorUncoupled[r]] != k + "_uncoupled" && s.receptorKinds[r] != .nmda {
                rule(k + "_uncoupled", .dimensionless, uncoupled, column: true)
            }

            // Observables of this receptor (CompiledModel+Observables).
            let surface = rule(k + "_surface_amount", .dimensionless, .add([free, des] + bound), column: false)
            for j in bound.indices {
                let p = s.receptorPairStart[r] + j
                rule(k + "_occupancy_" + ExportedModel.identifier(s.ligandIDs[s.pairLigand[p]]), .dimensionless,
                     bound[j] / surface, column: true)
            }
            rule(k + "_occupancy_total", .dimensionless, .add(bound) / surface, column: true)
            if s.receptorKinds[r] != .nmda {
                // PET-equivalent occupancy: sites not held by drugs or metabolites against the
                // drug-free baseline surface.
                let baseline = parameter(k + "_baseline_surface", s.baselineSurface[r], .dimensionless)
                rule(k + "_pet_occupancy", .dimensionless,
                     .number(1) - (surface - .add(drugBound)) / baseline, column: true)
            } else {
                // N = 1 − drug-held / surface (ReceptorSystem.nmdaAvailable).
                rule("nmda_available", .dimensionless, .number(1) - .add(drugBound) / surface, column: false)
            }
            let total = parameter(k + "_control_total", s.controlTotal[r], .dimensionless)
            rule(k + "_surface_rel", .dimensionless, surface / total, column: true)
            rule(k + "_internal_rel", .dimensionless, (inside + agonistInside) / total, column: true)
            rule(k + "_total_rel", .dimensionless, (surface + inside + agonistInside) / total, column: true)
        }

        // Signalling rules: the symbolic instance of the same generic functions the right-hand
        // side evaluates (SignallingRules), their constants and set points named parameters
        // (RuleConstant), found in the numbers the rules produce by RuleConstantNaming.
        let kinds = StimulusKind.allCases
        var stimulus: [MathExpression] = []
        for (j, kind) in kinds.enumerated() {
            stimulus.append(parameter("stimulus_" + kind.rawValue, s.stimulusIntensity[j], .dimensionless,
                                      name: kind.rawValue + " intensity (changed by events)", constant: false))
        }
        let at = { (kind: StimulusKind) in stimulus[kinds.firstIndex(of: kind)!] }
        let signalling = s.rules
        var naming: [RuleConstantNaming.Entry] = []
        var constant: [WritableKeyPath<SignallingRules, Double>: MathExpression] = [:]
        var halfLifeRates: [String: String] = [:]
        for c in RuleConstant.all {
            let value = physiology[keyPath: c.physiology]
            let symbol: MathExpression
            switch c.form {
            case .value:
                symbol = try catalogueParameter(c.catalogueName, value, c.unit, compiled: signalling[keyPath: c.keyPath])
            case .rateFromHalfLife(let rateID):
                symbol = try rate(rateID, halfLife: c.catalogueName, value, compiled: signalling[keyPath: c.keyPath])
                halfLifeRates[c.catalogueName] = rateID
            }
            naming.append(.init(keyPath: c.keyPath, symbol: symbol, label: c.catalogueName))
            constant[c.keyPath] = symbol
        }
        for point in RuleConstant.setPoints {
            let symbol = parameter(point.id, signalling[keyPath: point.keyPath], .dimensionless, notes:
                "Set point: the \(point.meaning) at the drug-free control steady state, computed by receptor-sim for this "
                + "scenario from the couplings and bindings; not a free parameter (after changing a coupling, export again "
                + "with the change as a scenario 'parameters' override).", sboTerm: RuleConstant.sboTerm)
            naming.append(.init(keyPath: point.keyPath, symbol: symbol, label: point.id))
            constant[point.keyPath] = symbol
        }
        let namer = RuleConstantNaming(rules: signalling, entries: naming)
        func pick(_ list: [MathExpression], _ r: Int) -> MathExpression { r >= 0 ? list[r] : .number(0) }
        func uncoupled(_ r: Int) -> MathExpression { r >= 0 ? y(s.receptorUncoupled[r]) : .number(0) }
        let inputs = SignallingRules.Inputs<MathExpression>(
            muRaw: raw[s.muReceptor], deltaRaw: pick(raw, s.deltaReceptor), kappaRaw: pick(raw, s.kappaReceptor),
            muUncoupled: uncoupled(s.muReceptor), deltaUncoupled: uncoupled(s.deltaReceptor),
            kappaUncoupled: uncoupled(s.kappaReceptor),
            muActivation: activation[s.muReceptor], deltaActivation: pick(activation, s.deltaReceptor),
            kappaActivation: pick(activation, s.kappaReceptor),
            nmdaAvailable: s.nmdaReceptor >= 0 ? .symbol("nmda_available") : .number(1),
            lcAdaptation: rule("lc_adaptation", .dimensionless, y(s.lcFastState) + y(s.lcSlowState), column: true),
            rewardAdaptation: rule("reward_adaptation", .dimensionless, y(s.rewardFastState) + y(s.rewardSlowState), column: true),
            ketaminePlasticity: s.ketaminePlasticityState >= 0 ? y(s.ketaminePlasticityState) : .number(0))
        if stateID[s.lcSlowState] != "lc_adaptation_slow" {   // the state is the column when the ids agree
            rule("lc_adaptation_slow", .dimensionless, y(s.lcSlowState), column: true)
        }
        let first = namer.named { r in
            let c = r.circuits(inputs)
            return [c.reward, c.lc, c.kappa, c.delta, c.rewardAC, c.lcAC, c.disinhibition, c.dopamine, r.respiration(inputs)]
        }
        let e = first.expressions
        let circuits = SignallingRules.Circuits<MathExpression>(
            reward: rule("reward_response", .dimensionless, e[0], column: true),
            lc: rule("lc_response", .dimensionless, e[1], column: true),
            kappa: rule("kappa_response", .dimensionless, e[2], column: true),
            delta: rule("delta_reward_response", .dimensionless, e[3], column: false),
            rewardAC: rule("reward_ac_response", .dimensionless, e[4], column: false),
            lcAC: rule("lc_ac_response", .dimensionless, e[5], column: false),
            disinhibition: rule("reward_disinhibition", .dimensionless, e[6], column: false),
            dopamine: rule("dopamine", .dimensionless, e[7], column: false))
        let respiration = rule("respiration_response", .dimensionless, e[8], column: true)
        let second = namer.named { r in
            let d = r.drives(inputs, circuits: circuits, stress: at(.stress))
            return [d.muUncoupling, d.deltaUncoupling, d.kappaUncoupling, d.lcFastTarget, d.lcSlowTarget, d.rewardFastTarget,
                    d.rewardSlowTarget, d.extrinsicTarget, d.ketaminePlasticity, d.endorphinSuppressionTarget,
                    d.dynorphinInductionTarget,
                    r.dysphoria(inputs, circuits: circuits, stress: at(.stress), pain: at(.pain), rejection: at(.socialRejection))]
        }
        let d = second.expressions
        let drives = SignallingRules.Drives<MathExpression>(
            muUncoupling: d[0], deltaUncoupling: d[1], kappaUncoupling: d[2], lcFastTarget: d[3], lcSlowTarget: d[4],
            rewardFastTarget: d[5], rewardSlowTarget: d[6], extrinsicTarget: d[7], ketaminePlasticity: d[8],
            endorphinSuppressionTarget: d[9], dynorphinInductionTarget: d[10])
        unnamedRuleNumbers = first.unnamed + second.unnamed
        // A constant the math does not read (its value is in the form) is no parameter: a user
        // changing it would change nothing.
        formDependentConstants = first.formDependent + second.formDependent.filter { !first.formDependent.contains($0) }
        for name in formDependentConstants {
            let id = ExportedModel.identifier(name)
            parameters.removeAll { $0.id == id }
            if let rateID = halfLifeRates[name] { rules.removeAll { $0.id == rateID } }
        }
        terms[s.receptorUncoupled[s.muReceptor]] = [drives.muUncoupling]
        if s.deltaReceptor >= 0 { terms[s.receptorUncoupled[s.deltaReceptor]] = [drives.deltaUncoupling] }
        if s.kappaReceptor >= 0 { terms[s.receptorUncoupled[s.kappaReceptor]] = [drives.kappaUncoupling] }
        if s.nmdaReceptor >= 0 {
            terms[s.receptorUncoupled[s.nmdaReceptor]] = [.negation(constant[\.uncouplingRecoveryRate]! * y(s.receptorUncoupled[s.nmdaReceptor]))]
        }
        let kFast = try rate("dependence_fast_rate", halfLife: "dependence.fast_half_life_h", physiology.dependenceFastHalfLifeHours,
                             compiled: s.fastRate)
        let kSlow = try rate("dependence_slow_rate", halfLife: "dependence.slow_half_life_h", physiology.dependenceSlowHalfLifeHours,
                             compiled: s.slowRate)
        let kG = try rate("lc_extrinsic_rate", halfLife: "lc.extrinsic_half_life_h", physiology.lcExtrinsicHalfLifeHours,
                          compiled: s.extrinsicRate)
        terms[s.lcFastState] = [kFast * (drives.lcFastTarget - y(s.lcFastState))]
        terms[s.lcSlowState] = [kSlow * (drives.lcSlowTarget - y(s.lcSlowState))]
        terms[s.rewardFastState] = [kFast * (drives.rewardFastTarget - y(s.rewardFastState))]
        terms[s.rewardSlowState] = [kSlow * (drives.rewardSlowTarget - y(s.rewardSlowState))]
        terms[s.lcExtrinsicState] = [kG * (drives.extrinsicTarget - y(s.lcExtrinsicState))]
        if s.ketaminePlasticityState >= 0 { terms[s.ketaminePlasticityState] = [drives.ketaminePlasticity] }

        // Endogenous peptides and their slow feedback states.
        let xe = y(s.endorphinSuppressionState), xd = y(s.dynorphinInductionState)
        let gE = try catalogueParameter("model.endorphin_suppression_gain", physiology.endorphinSuppressionGain, .dimensionless,
                                        compiled: s.endorphinSuppressionGain)
        let kE = try rate("endorphin_suppression_rate", halfLife: "model.endorphin_suppression_half_life_h",
                          physiology.endorphinSuppressionHalfLifeHours, compiled: s.endorphinSuppressionRate)
        let gD = try catalogueParameter("model.dynorphin_induction_gain", physiology.dynorphinInductionGain, .dimensionless,
                                        compiled: s.dynorphinInductionGain)
        let kD = try rate("dynorphin_induction_rate", halfLife: "model.dynorphin_induction_half_life_h",
                          physiology.dynorphinInductionHalfLifeHours, compiled: s.dynorphinInductionRate)
        for q in 0..<s.peptideState.count {
            let id = ExportedModel.identifier(s.peptideIDs[q])
            let clearance = parameter(id + "_clearance", s.peptideClearance[q], .perHour)
            let production = parameter(id + "_production", s.peptideProduction[q], .nanomolar)
            // Basal release relative to control (phenotype factor), plus stimulus-driven release.
            var drive: [MathExpression] = [parameter(id + "_basal_release", s.peptideBasal[q], .dimensionless)]
            for (j, kind) in kinds.enumerated() {
                let gain = parameter(id + "_" + kind.rawValue + "_gain", s.peptideStimulusGain[q * kinds.count + j], .dimensionless)
                drive.append(gain * stimulus[j])
            }
            var factors: [MathExpression] = [production, .add(drive)]
            if q == s.endorphinPeptide { factors.append(.exponential(.negation(gE * xe))) }
            if q == s.dynorphinPeptide { factors.append(.exponential(gD * xd)) }
            let i = s.peptideState[q]
            terms[i] = [clearance * (.multiply(factors) - y(i))]
        }
        terms[s.endorphinSuppressionState] = [kE * (drives.endorphinSuppressionTarget - xe)]
        terms[s.dynorphinInductionState] = [kD * (drives.dynorphinInductionTarget - xd)]

        // Whole-model observables (CompiledModel+Observables).
        let dopamineTone = rule("dopamine_tone", .dimensionless, circuits.dopamine / constant[\.dopamineSetPoint]!, column: true)
        let respirationReference = parameter("reference_respiration_response", s.referenceRespirationResponse, .dimensionless)
        rule("respiratory_drive", .dimensionless, (.number(1) - respiration) / (.number(1) - respirationReference), column: true)
        func positive(_ x: MathExpression) -> MathExpression { MathExpression.positivePart(x) }
        let share = constant[\.acOpposition]!
        // The same function the observables evaluate, with the hard max (not the drives' σ).
        let third = namer.named { r in [r.lcOpposition(inputs.lcAdaptation, circuits: circuits) { positive($0) }] }
        unnamedRuleNumbers += third.unnamed
        let lcOpposing = third.expressions[0]
        let rewardOpposing = (.number(1) - share) * positive(circuits.reward - constant[\.rewardSetPoint]!)
            + share * positive(circuits.rewardAC - constant[\.rewardACSetPoint]!)
        let signs = rule("withdrawal_signs", .dimensionless,
                         positive(inputs.lcAdaptation - lcOpposing) + positive(y(s.lcExtrinsicState)), column: true)
        let index = rule("withdrawal_index", .dimensionless,
                         signs + .number(0.5) * positive(inputs.rewardAdaptation - rewardOpposing), column: true)
        let halfIndex = try catalogueParameter("cows.half_index", physiology.cowsHalfIndex, .dimensionless, compiled: nil)
        rule("cows_equivalent", .dimensionless,
             .number(48) * (.number(1) - .exponential(.negation(.number(0.6931471805599453) * positive(index) / halfIndex))),
             column: true)
        let dysphoria = rule("dysphoria", .dimensionless, d[11], column: true)
        rule("hedonic_tone", .dimensionless, dopamineTone - dysphoria, column: true)
        try buildProbe(rewardCoupling: constant[\.rewardCoupling]!)

        // States: a peptide state named as its CSV column keeps that id.
        for i in 0..<n {
            states.append(.init(id: stateID[i], name: s.stateNames[i], initialValue: initialState[i],
                                unit: Self.unit(ofState: s.stateNames[i]), compartment: speciesCompartment[i]?.id,
                                isAmount: speciesCompartment[i]?.isAmount ?? false, rate: .add(terms[i]),
                                absoluteToleranceScale: absoluteToleranceScales[i],
                                relativeToleranceFloorScale: relativeToleranceFloorScales[i]))
        }
        buildEvents()
    }

    /// The tolerance probe (CompiledModel.probeResponse): the reference agonist at c = K on the
    /// currently free mu receptors, through the reward coupling and the uncoupling.
    private mutating func buildProbe(rewardCoupling: MathExpression) throws(ExchangeError) {
        let s = structure
        let r = s.muReceptor
        let concentration = try catalogueParameter("model.probe_concentration_nM", physiology.probeConcentrationNanomolar, .nanomolar, compiled: nil)
        let ki = try catalogueParameter("model.probe_ki_nM", physiology.probeKiNanomolar, .nanomolar, compiled: nil)
        let probeEfficacy = try catalogueParameter("model.probe_efficacy", physiology.probeEfficacy, .dimensionless, compiled: nil)
        let stimulus = rule("mu_probe_stimulus", .dimensionless,
                            rewardCoupling * (.number(1) - y(s.receptorUncoupled[r])) * probeEfficacy
                                * y(s.receptorFree[r]) * (concentration / (concentration + ki)), column: false)
        let response = rule("mu_probe_response", .dimensionless, stimulus / (.number(1) + stimulus), column: false)
        let probeReference = parameter("reference_probe_response", s.referenceProbeResponse, .dimensionless)
        rule("tolerance_index", .dimensionless, .number(1) - response / probeReference, column: true)
    }

    /// One SBML event per distinct event time. Doses add to their state; infusion rates, patch
    /// input rates and stimulus intensities are assigned the value the compiled model holds after the event
    /// (replaying its running sums, with the same snapping of round-off to zero).
    private mutating func buildEvents() {
        let s = structure
        var infusion = s.speciesInfusion
        var depotInput = s.depotInput
        var intensity = s.stimulusIntensity
        var k = 0
        let ordered = s.events
        while k < ordered.count {
            let time = ordered[k].timeHours
            var added: [Int: Double] = [:]
            var addedOrder: [Int] = []
            var infusionChanged: [Int] = []
            var depotInputChanged: [Int] = []
            var stimulusChanged: [Int] = []
            var count = 0
            while k < ordered.count, ordered[k].timeHours == time {
                switch ordered[k].action {
                case .addAmount(let state, let amount):
                    if added[state] == nil { addedOrder.append(state) }
                    added[state, default: 0] += amount
                case .changeInfusion(let sp, let delta):
                    let v = infusion[sp] + delta
                    infusion[sp] = abs(v) < 1e-9 * abs(delta) ? 0 : v
                    if !infusionChanged.contains(sp) { infusionChanged.append(sp) }
                case .changeDepotInput(let depot, let delta):
                    let v = depotInput[depot] + delta
                    depotInput[depot] = abs(v) < 1e-9 * abs(delta) ? 0 : v
                    if !depotInputChanged.contains(depot) { depotInputChanged.append(depot) }
                case .changeStimulus(let kind, let delta):
                    let v = intensity[kind] + delta
                    intensity[kind] = abs(v) < 1e-12 ? 0 : v
                    if !stimulusChanged.contains(kind) { stimulusChanged.append(kind) }
                }
                k += 1
                count += 1
            }
            var assignments: [ExportedModel.Assignment] = []
            for state in addedOrder {
                assignments.append(.init(variable: stateID[state], expression: y(state) + .measured(added[state]!, Self.unit(ofState: s.stateNames[state]))))
            }
            for sp in infusionChanged {
                assignments.append(.init(variable: ExportedModel.identifier(s.speciesIDs[sp]) + "_infusion",
                                         expression: .measured(infusion[sp], .nanomolePerHour)))
            }
            for depot in depotInputChanged {
                assignments.append(.init(variable: stateID[s.depotState[depot]] + "_input",
                                         expression: .measured(depotInput[depot], .nanomolePerHour)))
            }
            for kind in stimulusChanged {
                assignments.append(.init(variable: "stimulus_" + StimulusKind.allCases[kind].rawValue,
                                         expression: .number(intensity[kind])))
            }
            events.append(.init(id: "event_\(events.count)", timeHours: time, assignments: assignments, mergedCount: count))
        }
    }
}
