/// One overridable library value: its dotted name, unit, and where it lives in the library.
public struct ParameterEntry {
    /// Dotted name as used in scenario `parameterOverrides` (`"mu.turnover_half_life_h"`).
    public let name: String
    public let unit: String
    /// The values that keep the model meaningful, with the reason.
    public let range: ParameterRange
    let keyPath: WritableKeyPath<DrugLibrary, Sourced>

    /// The value and source in `library`.
    public func value(in library: DrugLibrary) -> Sourced { library[keyPath: keyPath] }
}

/// The dotted names of every library value, and the application of overrides.
///
/// Names: `<receptor>.<field>`, `<peptide>.<field>`, `<peptide>.<receptor>.<field>`,
/// `<drug>.<field>`, `<drug>.<route>.<field>`, `<drug>.<receptor>.<field>`,
/// `<drug>.<metabolite>.<field>`, `<drug>.<metabolite>.cyp2d6.<phenotype>`, `model.<field>`; plus the derived `<drug>.half_life_h`, the
/// central elimination half-life ln 2 · V1 / CL (setting it sets the clearance to ln 2 · V1 / t½;
/// it is the terminal half-life only for a one-compartment drug). A half-life and a clearance
/// of the same drug in one set of overrides contradict each other and are rejected.
public enum ParameterCatalog {
    /// Every entry of `library`, restricted to the drugs in `drugIDs` (nil: all drugs).
    /// - Complexity: O(number of library values).
    public static func entries(of library: DrugLibrary, drugIDs: Set<String>? = nil) -> [ParameterEntry] {
        entries(of: library, drugIDs: drugIDs, includingModel: true)
    }

    /// The entries of the drugs in `drugIDs` alone, without the receptors', peptides' and
    /// physiology's: what the range check of a drug definition needs, once per drug, without
    /// building the physiology's entries each time (reading the built-in library checks every drug).
    /// - Complexity: O(number of values of those drugs).
    package static func drugOnlyEntries(of library: DrugLibrary, drugIDs: Set<String>) -> [ParameterEntry] {
        entries(of: library, drugIDs: drugIDs, includingModel: false)
    }

    private static func entries(of library: DrugLibrary, drugIDs: Set<String>?, includingModel: Bool) -> [ParameterEntry] {
        var out: [ParameterEntry] = []
        func add(_ name: String, _ unit: String, _ range: ParameterRange, _ kp: WritableKeyPath<DrugLibrary, Sourced>) {
            out.append(ParameterEntry(name: name, unit: unit, range: range, keyPath: kp))
        }
        for (i, r) in library.receptors.enumerated() where includingModel {
            let p = r.kind.rawValue + "."
            let base: WritableKeyPath<DrugLibrary, ReceptorParameters> = \DrugLibrary.receptors[i]
            add(p + "turnover_half_life_h", "h", .halfLife, base.appending(path: \.turnoverHalfLifeHours))
            add(p + "internal_fraction", "1", ParameterRange(lowerBound: 0, includesLowerBound: false, upperBound: 1, includesUpperBound: false, reason: "the degradation rate is divided by it and the endocytosis rate by 1 minus it"), base.appending(path: \.internalFraction))
            add(p + "recycling_half_life_h", "h", .halfLife, base.appending(path: \.recyclingHalfLifeHours))
            add(p + "desensitization_rate_per_h", "1/h", .switchableRate, base.appending(path: \.desensitizationRatePerHour))
            add(p + "resensitization_half_life_h", "h", .halfLife, base.appending(path: \.resensitizationHalfLifeHours))
            add(p + "arrestin_internalization_rate_per_h", "1/h", .switchableRate, base.appending(path: \.arrestinInternalizationRatePerHour))
            add(p + "chaperone_endocytosis_factor", "1", .nonNegative("a factor on the constitutive endocytosis of antagonist-bound receptors; zero stops it"), base.appending(path: \.chaperoneEndocytosisFactor))
            add(p + "agonist_degraded_fraction", "1", ParameterRange(lowerBound: 0, includesLowerBound: true, upperBound: 1, includesUpperBound: false, reason: "a share of each endosomal cycle; at 1 no agonist-internalized receptor would recycle"), base.appending(path: \.agonistDegradedFraction))
            add(p + "constitutive_activity", "1", .fraction("a share of full activation"), base.appending(path: \.constitutiveActivity))
        }
        func addBindings<Owner>(_ prefix: String, _ owner: WritableKeyPath<DrugLibrary, Owner>,
                                _ bindings: WritableKeyPath<Owner, [ReceptorBinding]>, _ list: [ReceptorBinding]) {
            for (j, b) in list.enumerated() {
                let bp = owner.appending(path: bindings).appending(path: \[ReceptorBinding][j])
                let p = prefix + b.receptor.rawValue + "."
                add(p + "ki_nM", "nM", .affinity, bp.appending(path: \.kiNanomolar))
                add(p + "kon_per_nM_per_h", "1/(nM h)", .affinity, bp.appending(path: \.konPerNanomolarHour))
                if b.efficacyClass == .agonist {
                    add(p + "efficacy", "1", .fraction("a share of full activation"), bp.appending(path: \.efficacy))
                    add(p + "arrestin_bias", "1", .fraction("a share of the signal through arrestin"), bp.appending(path: \.arrestinBias))
                }
            }
        }
        for (i, pep) in library.peptides.enumerated() where includingModel {
            let p = pep.id + "."
            let base: WritableKeyPath<DrugLibrary, Peptide> = \DrugLibrary.peptides[i]
            add(p + "baseline_nM", "nM", .positive("the resting level that release is scaled to and absolute tolerances are relative to"), base.appending(path: \.baselineNanomolar))
            add(p + "half_life_h", "h", .halfLife, base.appending(path: \.halfLifeHours))
            for kind in StimulusKind.allCases where pep.stimulusGains[kind] != nil {
                add(p + kind.rawValue + "_gain", "1", .gain, base.appending(path: \Peptide.stimulusGains[kind]!))
            }
            addBindings(p, base, \.bindings, pep.bindings)
        }
        for (i, d) in library.drugs.enumerated() where drugIDs?.contains(d.id) ?? true {
            let p = d.id + "."
            let base: WritableKeyPath<DrugLibrary, Drug> = \DrugLibrary.drugs[i]
            add(p + "molar_mass_g_per_mol", "g/mol", .positive("doses in mg are divided by it to give nmol"), base.appending(path: \.molarMassGramsPerMole))
            add(p + "central_volume_l", "L", .volume, base.appending(path: \.centralVolumeLiters))
            add(p + "clearance_l_per_h", "L/h", .positive("without elimination repeated doses accumulate without bound and the half-life is infinite"), base.appending(path: \.clearanceLitersPerHour))
            if d.peripheral != nil {
                add(p + "peripheral_volume_l", "L", .volume, base.appending(path: \Drug.peripheral!.volumeLiters))
                add(p + "intercompartmental_clearance_l_per_h", "L/h", .switchableRate,
                    base.appending(path: \Drug.peripheral!.intercompartmentalClearanceLitersPerHour))
            }
            if d.deepPeripheral != nil {
                add(p + "deep_peripheral_volume_l", "L", .volume, base.appending(path: \Drug.deepPeripheral!.volumeLiters))
                add(p + "deep_intercompartmental_clearance_l_per_h", "L/h", .switchableRate,
                    base.appending(path: \Drug.deepPeripheral!.intercompartmentalClearanceLitersPerHour))
            }
            add(p + "ke0_per_h", "1/h", .positive("the effect site follows plasma at this rate; at zero it never sees the drug"), base.appending(path: \.effectSiteRatePerHour))
            add(p + "fraction_unbound", "1", .positiveFraction("only the unbound fraction reaches the receptors"), base.appending(path: \.fractionUnbound))
            add(p + "brain_partition", "1", .nonNegative("zero keeps the drug out of the brain (a peripherally restricted drug)"), base.appending(path: \.brainPartition))
            for (j, r) in d.routes.enumerated() where r.route != .ivBolus && r.route != .ivInfusion {
                let rp = base.appending(path: \Drug.routes[j])
                let q = p + r.route.rawValue + "."
                add(q + "bioavailability", "1", .fraction("the share of a dose that reaches the circulation"), rp.appending(path: \.bioavailability))
                add(q + "absorption_rate_per_h", "1/h", .positive("at zero the dose never leaves the depot"), rp.appending(path: \.absorptionRatePerHour))
                add(q + "lag_h", "h", .nonNegative("a delay"), rp.appending(path: \.lagHours))
                if r.slowDepot != nil {
                    add(q + "slow_depot_fraction", "1", .fraction("the share of the dose that enters the slow depot"),
                        rp.appending(path: \RouteParameters.slowDepot!.fraction))
                    add(q + "slow_absorption_rate_per_h", "1/h", .positive("at zero the slow depot never empties"),
                        rp.appending(path: \RouteParameters.slowDepot!.absorptionRatePerHour))
                    if r.slowDepot?.lagHours != nil {
                        add(q + "slow_lag_h", "h", .nonNegative("a delay"), rp.appending(path: \RouteParameters.slowDepot!.lagHours!))
                    }
                    if r.slowDepot?.releaseDurationHours != nil {
                        add(q + "slow_release_duration_h", "h", .positive("a zero-order release needs a duration"),
                            rp.appending(path: \RouteParameters.slowDepot!.releaseDurationHours!))
                    }
                    if r.slowDepot?.bolusFraction != nil {
                        add(q + "slow_bolus_fraction", "1", .fraction("the share of the slow depot's input given as a bolus"),
                            rp.appending(path: \RouteParameters.slowDepot!.bolusFraction!))
                    }
                    if r.slowDepot?.bolusDurationHours != nil {
                        add(q + "slow_bolus_duration_h", "h", .positive("a spread bolus share needs a duration"),
                            rp.appending(path: \RouteParameters.slowDepot!.bolusDurationHours!))
                    }
                }
            }
            addBindings(p, base, \.bindings, d.bindings)
            for (j, m) in d.modulations.enumerated() {
                let mp = base.appending(path: \Drug.modulations[j])
                let q = p + m.receptor.rawValue + "."
                add(q + "modulator_kd_nM", "nM", .positive("the modulator's occupancy c / (c + Kd) is undefined at rest when Kd is zero"), mp.appending(path: \.modulatorKdNanomolar))
                add(q + "affinity_factor", "1", .positive("a factor on the affinity; zero abolishes binding"), mp.appending(path: \.affinityFactor))
                add(q + "efficacy_factor", "1", .nonNegative("a factor on the efficacy"), mp.appending(path: \.efficacyFactor))
            }
            for (j, m) in d.metabolites.enumerated() {
                let mp = base.appending(path: \Drug.metabolites[j])
                let q = p + m.metabolite + "."
                add(q + "formation_fraction", "1", .fraction("a share of the parent's clearance"), mp.appending(path: \.formationFraction))
                add(q + "first_pass_fraction", "1", .fraction("a share of the unabsorbed dose"), mp.appending(path: \.firstPassFraction))
                if m.cyp2d6 != nil {
                    let cp = mp.appending(path: \MetaboliteFormation.cyp2d6!)
                    add(q + "cyp2d6.poor", "1", .cyp2d6Factor, cp.appending(path: \.poor))
                    add(q + "cyp2d6.intermediate", "1", .cyp2d6Factor, cp.appending(path: \.intermediate))
                    add(q + "cyp2d6.ultrarapid", "1", .cyp2d6Factor, cp.appending(path: \.ultrarapid))
                }
            }
        }
        guard includingModel else { return out }
        let ph: WritableKeyPath<DrugLibrary, Physiology> = \DrugLibrary.physiology
        let probe = ParameterRange.positive("tolerance_index is relative to the response to this probe, zero without it")
        let coupling = ParameterRange.nonNegative("a transducer ratio; zero silences the circuit")
        let physiology: [(String, String, ParameterRange, WritableKeyPath<Physiology, Sourced>)] = [
            ("model.endorphin_suppression_gain", "1", .gain, \.endorphinSuppressionGain),
            ("model.endorphin_suppression_half_life_h", "h", .halfLife, \.endorphinSuppressionHalfLifeHours),
            ("model.dynorphin_induction_gain", "1", .gain, \.dynorphinInductionGain),
            ("model.dynorphin_induction_half_life_h", "h", .halfLife, \.dynorphinInductionHalfLifeHours),
            ("model.dynorphin_drive_from_dopamine", "1", .weight, \.dynorphinDriveFromDopamine),
            ("model.dynorphin_drive_from_adaptation", "1", .weight, \.dynorphinDriveFromAdaptation),
            ("model.dynorphin_drive_from_stress", "1", .weight, \.dynorphinDriveFromStress),
            ("model.deficit_release_factor", "1", .positive("scales endogenous release in the opioid-deficit phenotype; zero leaves no peptide"), \.deficitReleaseFactor),
            ("model.deficit_evoked_release_factor", "1", .nonNegative("scales the endorphin and enkephalin released by stress and social rejection in the opioid-deficit phenotype"), \.deficitEvokedReleaseFactor),
            ("model.deficit_receptor_synthesis_factor", "1", .positive("scales receptor synthesis in the opioid-deficit phenotype; zero leaves no receptors"), \.deficitReceptorSynthesisFactor),
            ("model.probe_concentration_nM", "nM", probe, \.probeConcentrationNanomolar),
            ("model.probe_ki_nM", "nM", probe, \.probeKiNanomolar),
            ("model.probe_efficacy", "1", probe, \.probeEfficacy),
            ("reward.coupling", "1", coupling, \.rewardCoupling),
            ("reward.ac_coupling", "1", coupling, \.rewardACCoupling),
            ("lc.coupling", "1", coupling, \.lcCoupling),
            ("lc.ac_coupling", "1", coupling, \.lcACCoupling),
            ("respiration.coupling", "1", coupling, \.respirationCoupling),
            ("respiration.slope", "1", .positive("the transducer slope; zero makes the response constant"), \.respirationSlope),
            ("delta_reward.coupling", "1", coupling, \.deltaRewardCoupling),
            ("kappa.coupling", "1", coupling, \.kappaCoupling),
            ("model.delta_potentiation", "1", .weight, \.deltaPotentiation),
            ("dependence.ac_opposition", "1", .fraction("a share between the circuit output (0) and the AC-path inhibition (1)"), \.acOpposition),
            ("dependence.tone_loss_share", "1", .fraction("a share of the LC output's loss of inhibition below control"), \.toneLossShare),
            ("dependence.tone_loss_half_adaptation", "1", .positive("the LC adaptation at which half of the tone loss counts; zero would leave 0/0 without adaptation"), \.toneLossHalfAdaptation),
            ("uncoupling.onset_half_life_h", "h", .halfLife, \.uncouplingOnsetHalfLifeHours),
            ("uncoupling.recovery_half_life_h", "h", .halfLife, \.uncouplingRecoveryHalfLifeHours),
            ("uncoupling.gain", "1", .gain, \.uncouplingGain),
            ("uncoupling.arrestin_independent_share", "1", .fraction("a share of the activation"), \.uncouplingArrestinIndependentShare),
            ("dependence.fast_half_life_h", "h", .halfLife, \.dependenceFastHalfLifeHours),
            ("dependence.fast_gain", "1", .gain, \.dependenceFastGain),
            ("dependence.slow_half_life_h", "h", .halfLife, \.dependenceSlowHalfLifeHours),
            ("dependence.slow_gain", "1", .gain, \.dependenceSlowGain),
            ("dependence.smoothing_width", "1", .positive("the width of the smooth max; zero is the non-differentiable max"), \.smoothingWidth),
            ("uncoupling.smoothing_width", "1", .positive("the width of the smooth max of the uncoupling drive; zero is the non-differentiable max"), \.uncouplingSmoothingWidth),
            ("lc.extrinsic_smoothing_width", "1", .positive("the width of the smooth max of the LC extrinsic drive; zero is the non-differentiable max"), \.lcExtrinsicSmoothingWidth),
            ("model.nmda_share", "1", .fraction("a share of the drive that needs NMDA activity"), \.nmdaShare),
            ("lc.extrinsic_gain", "1", .gain, \.lcExtrinsicGain),
            ("lc.extrinsic_half_life_h", "h", .halfLife, \.lcExtrinsicHalfLifeHours),
            ("ketamine_plasticity.onset_rate_per_h", "1/h", .switchableRate, \.ketaminePlasticityOnsetRatePerHour),
            ("ketamine_plasticity.half_life_h", "h", .halfLife, \.ketaminePlasticityHalfLifeHours),
            ("dopamine.floor", "1", .fraction("a share of the maximal dopamine release"), \.dopamineFloor),
            ("dopamine.kappa_inhibition", "1", .fraction("a share of dopamine release kappa can remove"), \.dopamineKappaInhibition),
            ("dysphoria.tonic", "1", .weight, \.dysphoriaTonic),
            ("dysphoria.kappa_weight", "1", .weight, \.dysphoriaKappaWeight),
            ("dysphoria.stress_weight", "1", .weight, \.dysphoriaStressWeight),
            ("dysphoria.pain_weight", "1", .weight, \.dysphoriaPainWeight),
            ("dysphoria.rejection_weight", "1", .weight, \.dysphoriaRejectionWeight),
            ("dysphoria.mu_relief", "1", .fraction("a share of the aversive drive mu signalling can relieve"), \.dysphoriaMuRelief),
            ("dysphoria.ketamine_relief", "1", .fraction("a share of the aversive drive ketamine plasticity can relieve"), \.dysphoriaKetamineRelief),
            ("cows.half_index", "1", .positive("the withdrawal index at half of the COWS scale; zero maps every index to 48"), \.cowsHalfIndex),
        ]
        for (name, unit, range, kp) in physiology { add(name, unit, range, ph.appending(path: kp)) }
        return out
    }

    /// The parameters of one drug (or metabolite) only: its PK, routes, bindings, modulation and
    /// metabolite formation (`<id>.*`), for `receptor-sim drugs NAME`.
    /// - Throws: `ModelError.unknownDrug`.
    public static func drugEntries(of library: DrugLibrary, drug id: String) throws -> [ParameterEntry] {
        guard library.drug(id) != nil else { throw ModelError.unknownDrug(id) }
        return entries(of: library, drugIDs: [id]).filter { $0.name.hasPrefix(id + ".") }
    }

    /// Names of the derived half-life overrides for the drugs in `drugIDs`.
    static func derivedNames(of library: DrugLibrary, drugIDs: Set<String>?) -> [String] {
        library.drugs.filter { drugIDs?.contains($0.id) ?? true }.map { $0.id + ".half_life_h" }
    }

    /// The valid range of the parameter `name` (derived names included), or nil if the library
    /// has no such parameter.
    /// - Complexity: O(number of library values).
    public static func range(of name: String, in library: DrugLibrary) -> ParameterRange? {
        range(of: name, in: library, catalog: entries(of: library))
    }

    /// As `range(of:in:)`, over a catalog of `library` the caller built once (`entries(of:)`).
    package static func range(of name: String, in library: DrugLibrary, catalog: [ParameterEntry]) -> ParameterRange? {
        if let entry = catalog.first(where: { $0.name == name }) { return entry.range }
        return derivedNames(of: library, drugIDs: nil).contains(name) ? .halfLife : nil
    }

    /// The one check of a parameter value against its range, for scenario overrides, parameter
    /// vectors (`CompiledModel.withParameterValues`) and study variations alike.
    /// - Throws: `ModelError.invalidValue` naming the parameter, the range and its reason.
    public static func validate(_ value: Double, of name: String, range: ParameterRange) throws(ModelError) {
        guard range.contains(value) else {
            throw .invalidValue(path: name, reason: "\(range.requirement), got \(value)")
        }
    }

    /// `library` with `overrides` applied.
    /// - Throws: `ModelError.unknownParameter` for a name not in the catalog of `drugIDs`,
    ///   `ModelError.invalidValue` for a value outside the parameter's range, or for a
    ///   `<drug>.half_life_h` given together with `<drug>.clearance_l_per_h` (both set the clearance),
    ///   or for a CYP2D6 factor that makes a formation more than all of the parent's clearance.
    public static func apply(_ overrides: [String: Double], to library: DrugLibrary,
                             drugIDs: Set<String>? = nil) throws -> DrugLibrary {
        if overrides.isEmpty { return library }
        for name in overrides.keys.sorted() where name.hasSuffix(".half_life_h") {
            let clearance = String(name.dropLast(".half_life_h".count)) + ".clearance_l_per_h"
            if overrides[clearance] != nil {
                throw ModelError.invalidValue(
                    path: name, reason: "conflicts with '\(clearance)': the half-life override sets the clearance "
                        + "(ln 2 x central_volume_l / half_life_h); give one of '\(name)' and '\(clearance)'")
            }
        }
        var lib = library
        let entries = entries(of: library, drugIDs: drugIDs)
        var byName: [String: ParameterEntry] = [:]
        for e in entries { byName[e.name] = e }
        for name in overrides.keys.sorted() {
            let value = overrides[name]!
            let source = "scenario override"
            if let entry = byName[name] {
                try validate(value, of: name, range: entry.range)
                lib[keyPath: entry.keyPath] = Sourced(value, source)
            } else if name.hasSuffix(".half_life_h"),
                      let index = lib.drugs.firstIndex(where: { $0.id + ".half_life_h" == name }),
                      drugIDs?.contains(lib.drugs[index].id) ?? true {
                try validate(value, of: name, range: .halfLife)
                let v1 = lib.drugs[index].centralVolumeLiters.value
                lib.drugs[index].clearanceLitersPerHour = Sourced(
                    EliminationHalfLife.clearanceLitersPerHour(halfLifeHours: value, centralVolumeLiters: v1),
                    "scenario override of half-life")
            } else {
                throw ModelError.unknownParameter(name)
            }
        }
        try checkCYP2D6Shares(of: lib, overrides: overrides)
        return lib
    }

    /// Each CYP2D6 factor times the fractions it scales stays at most 1 (the drug definition
    /// reader's check): more would move more than all of the parent's elimination into the metabolite.
    private static func checkCYP2D6Shares(of library: DrugLibrary, overrides: [String: Double]) throws(ModelError) {
        for d in library.drugs {
            for m in d.metabolites {
                guard let dependence = m.cyp2d6 else { continue }
                let prefix = d.id + "." + m.metabolite + "."
                guard overrides.keys.contains(where: { $0.hasPrefix(prefix) }) else { continue }
                let factors = [("poor", dependence.poor.value), ("intermediate", dependence.intermediate.value),
                               ("ultrarapid", dependence.ultrarapid.value)]
                let fractions = [("formation_fraction", m.formationFraction.value), ("first_pass_fraction", m.firstPassFraction.value)]
                for (phenotype, factor) in factors {
                    for (field, fraction) in fractions where factor * fraction > 1 {
                        throw .invalidValue(
                            path: prefix + "cyp2d6." + phenotype,
                            reason: "\(factor) x \(field) \(fraction) is above 1: a phenotype's formation must stay a share "
                                + "of the parent's clearance; lower the factor or the fraction")
                    }
                }
            }
        }
    }
}
