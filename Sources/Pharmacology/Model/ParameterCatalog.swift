/// One overridable library value: its dotted name, unit, and where it lives in the library.
public struct ParameterEntry {
    /// Dotted name as used in scenario `parameterOverrides` (`"mu.turnover_half_life_h"`).
    public let name: String
    public let unit: String
    let keyPath: WritableKeyPath<DrugLibrary, Sourced>

    /// The value and source in `library`.
    public func value(in library: DrugLibrary) -> Sourced { library[keyPath: keyPath] }
}

/// The dotted names of every library value, and the application of overrides.
///
/// Names: `<receptor>.<field>`, `<peptide>.<field>`, `<peptide>.<receptor>.<field>`,
/// `<drug>.<field>`, `<drug>.<route>.<field>`, `<drug>.<receptor>.<field>`,
/// `<drug>.<metabolite>.<field>`, `model.<field>`; plus the derived `<drug>.half_life_h`, the
/// central elimination half-life ln 2 · V1 / CL (setting it sets the clearance to ln 2 · V1 / t½;
/// it is the terminal half-life only for a one-compartment drug). A half-life and a clearance
/// of the same drug in one set of overrides contradict each other and are rejected.
public enum ParameterCatalog {
    /// Every entry of `library`, restricted to the drugs in `drugIDs` (nil: all drugs).
    /// - Complexity: O(number of library values).
    public static func entries(of library: DrugLibrary, drugIDs: Set<String>? = nil) -> [ParameterEntry] {
        var out: [ParameterEntry] = []
        func add(_ name: String, _ unit: String, _ kp: WritableKeyPath<DrugLibrary, Sourced>) {
            out.append(ParameterEntry(name: name, unit: unit, keyPath: kp))
        }
        for (i, r) in library.receptors.enumerated() {
            let p = r.kind.rawValue + "."
            let base: WritableKeyPath<DrugLibrary, ReceptorParameters> = \DrugLibrary.receptors[i]
            add(p + "turnover_half_life_h", "h", base.appending(path: \.turnoverHalfLifeHours))
            add(p + "internal_fraction", "1", base.appending(path: \.internalFraction))
            add(p + "recycling_half_life_h", "h", base.appending(path: \.recyclingHalfLifeHours))
            add(p + "desensitization_rate_per_h", "1/h", base.appending(path: \.desensitizationRatePerHour))
            add(p + "resensitization_half_life_h", "h", base.appending(path: \.resensitizationHalfLifeHours))
            add(p + "arrestin_internalization_rate_per_h", "1/h", base.appending(path: \.arrestinInternalizationRatePerHour))
            add(p + "antagonist_endocytosis_factor", "1", base.appending(path: \.antagonistEndocytosisFactor))
            add(p + "constitutive_activity", "1", base.appending(path: \.constitutiveActivity))
            add(p + "transducer_half_max_stimulus", "1", base.appending(path: \.transducerHalfMaxStimulus))
            add(p + "synthesis_feedback_gain", "1", base.appending(path: \.synthesisFeedbackGain))
            add(p + "synthesis_feedback_half_life_h", "h", base.appending(path: \.synthesisFeedbackHalfLifeHours))
            add(p + "adaptation_gain", "1", base.appending(path: \.adaptationGain))
            add(p + "adaptation_half_life_h", "h", base.appending(path: \.adaptationHalfLifeHours))
        }
        func addBindings<Owner>(_ prefix: String, _ owner: WritableKeyPath<DrugLibrary, Owner>,
                                _ bindings: WritableKeyPath<Owner, [ReceptorBinding]>, _ list: [ReceptorBinding]) {
            for (j, b) in list.enumerated() {
                let bp = owner.appending(path: bindings).appending(path: \[ReceptorBinding][j])
                let p = prefix + b.receptor.rawValue + "."
                add(p + "ki_nM", "nM", bp.appending(path: \.kiNanomolar))
                add(p + "kon_per_nM_per_h", "1/(nM h)", bp.appending(path: \.konPerNanomolarHour))
                if b.efficacyClass == .agonist {
                    add(p + "efficacy", "1", bp.appending(path: \.efficacy))
                    add(p + "arrestin_bias", "1", bp.appending(path: \.arrestinBias))
                }
            }
        }
        for (i, pep) in library.peptides.enumerated() {
            let p = pep.id + "."
            let base: WritableKeyPath<DrugLibrary, Peptide> = \DrugLibrary.peptides[i]
            add(p + "baseline_nM", "nM", base.appending(path: \.baselineNanomolar))
            add(p + "half_life_h", "h", base.appending(path: \.halfLifeHours))
            for kind in StimulusKind.allCases where pep.stimulusGains[kind] != nil {
                add(p + kind.rawValue + "_gain", "1", base.appending(path: \Peptide.stimulusGains[kind]!))
            }
            addBindings(p, base, \.bindings, pep.bindings)
        }
        for (i, d) in library.drugs.enumerated() where drugIDs?.contains(d.id) ?? true {
            let p = d.id + "."
            let base: WritableKeyPath<DrugLibrary, Drug> = \DrugLibrary.drugs[i]
            add(p + "molar_mass_g_per_mol", "g/mol", base.appending(path: \.molarMassGramsPerMole))
            add(p + "central_volume_l", "L", base.appending(path: \.centralVolumeLiters))
            add(p + "clearance_l_per_h", "L/h", base.appending(path: \.clearanceLitersPerHour))
            if d.peripheral != nil {
                add(p + "peripheral_volume_l", "L", base.appending(path: \Drug.peripheral!.volumeLiters))
                add(p + "intercompartmental_clearance_l_per_h", "L/h",
                    base.appending(path: \Drug.peripheral!.intercompartmentalClearanceLitersPerHour))
            }
            if d.deepPeripheral != nil {
                add(p + "deep_peripheral_volume_l", "L", base.appending(path: \Drug.deepPeripheral!.volumeLiters))
                add(p + "deep_intercompartmental_clearance_l_per_h", "L/h",
                    base.appending(path: \Drug.deepPeripheral!.intercompartmentalClearanceLitersPerHour))
            }
            add(p + "ke0_per_h", "1/h", base.appending(path: \.effectSiteRatePerHour))
            add(p + "fraction_unbound", "1", base.appending(path: \.fractionUnbound))
            add(p + "brain_partition", "1", base.appending(path: \.brainPartition))
            for (j, r) in d.routes.enumerated() where r.route != .ivBolus && r.route != .ivInfusion {
                let rp = base.appending(path: \Drug.routes[j])
                let q = p + r.route.rawValue + "."
                add(q + "bioavailability", "1", rp.appending(path: \.bioavailability))
                add(q + "absorption_rate_per_h", "1/h", rp.appending(path: \.absorptionRatePerHour))
                add(q + "lag_h", "h", rp.appending(path: \.lagHours))
                if r.slowDepot != nil {
                    add(q + "slow_depot_fraction", "1", rp.appending(path: \RouteParameters.slowDepot!.fraction))
                    add(q + "slow_absorption_rate_per_h", "1/h", rp.appending(path: \RouteParameters.slowDepot!.absorptionRatePerHour))
                }
            }
            addBindings(p, base, \.bindings, d.bindings)
            for (j, m) in d.modulations.enumerated() {
                let mp = base.appending(path: \Drug.modulations[j])
                let q = p + m.receptor.rawValue + "."
                add(q + "modulator_kd_nM", "nM", mp.appending(path: \.modulatorKdNanomolar))
                add(q + "affinity_factor", "1", mp.appending(path: \.affinityFactor))
                add(q + "efficacy_factor", "1", mp.appending(path: \.efficacyFactor))
            }
            for (j, m) in d.metabolites.enumerated() {
                let mp = base.appending(path: \Drug.metabolites[j])
                let q = p + m.metabolite + "."
                add(q + "formation_fraction", "1", mp.appending(path: \.formationFraction))
                add(q + "first_pass_fraction", "1", mp.appending(path: \.firstPassFraction))
            }
        }
        let ph: WritableKeyPath<DrugLibrary, Physiology> = \DrugLibrary.physiology
        let physiology: [(String, String, WritableKeyPath<Physiology, Sourced>)] = [
            ("endorphin_suppression_gain", "1", \.endorphinSuppressionGain),
            ("endorphin_suppression_half_life_h", "h", \.endorphinSuppressionHalfLifeHours),
            ("dynorphin_induction_gain", "1", \.dynorphinInductionGain),
            ("dynorphin_induction_half_life_h", "h", \.dynorphinInductionHalfLifeHours),
            ("dynorphin_drive_from_mu", "1", \.dynorphinDriveFromMu),
            ("dynorphin_drive_from_stress", "1", \.dynorphinDriveFromStress),
            ("hedonic_delta_weight", "1", \.hedonicDeltaWeight),
            ("hedonic_kappa_weight", "1", \.hedonicKappaWeight),
            ("deficit_release_factor", "1", \.deficitReleaseFactor),
            ("deficit_receptor_synthesis_factor", "1", \.deficitReceptorSynthesisFactor),
            ("probe_concentration_nM", "nM", \.probeConcentrationNanomolar),
            ("probe_ki_nM", "nM", \.probeKiNanomolar),
            ("probe_efficacy", "1", \.probeEfficacy),
        ]
        for (name, unit, kp) in physiology { add("model." + name, unit, ph.appending(path: kp)) }
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

    /// `library` with `overrides` applied.
    /// - Throws: `ModelError.unknownParameter` for a name not in the catalog of `drugIDs`,
    ///   `ModelError.invalidValue` for a negative, non-finite or out-of-range value, or for a
    ///   `<drug>.half_life_h` given together with `<drug>.clearance_l_per_h` (both set the clearance).
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
            guard value.isFinite, value >= 0 else {
                throw ModelError.invalidValue(path: name, reason: "must be a finite number >= 0, got \(value)")
            }
            let source = "scenario override"
            if let entry = byName[name] {
                if name.hasSuffix("bioavailability") || name.hasSuffix("fraction_unbound")
                    || name.hasSuffix("_fraction") || name.hasSuffix("arrestin_bias"),
                    value > 1 {
                    throw ModelError.invalidValue(path: name, reason: "must be between 0 and 1, got \(value)")
                }
                lib[keyPath: entry.keyPath] = Sourced(value, source)
            } else if name.hasSuffix(".half_life_h"),
                      let index = lib.drugs.firstIndex(where: { $0.id + ".half_life_h" == name }),
                      drugIDs?.contains(lib.drugs[index].id) ?? true {
                guard value > 0 else {
                    throw ModelError.invalidValue(path: name, reason: "half-life must be > 0")
                }
                let v1 = lib.drugs[index].centralVolumeLiters.value
                lib.drugs[index].clearanceLitersPerHour = Sourced(
                    0.6931471805599453 * v1 / value, "scenario override of half-life")
            } else {
                throw ModelError.unknownParameter(name)
            }
        }
        return lib
    }
}
