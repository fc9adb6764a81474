/// One CSV column: a quantity computed from the state at an output time (Sources/Pharmacology/Pharmacology.docc/Model.md, "Observables").
enum Observable: Sendable, Equatable {
    case time
    /// Total plasma concentration of species s, nM.
    case plasma(species: Int)
    /// Free brain (effect-site) concentration that drives binding, nM.
    case brain(species: Int)
    case peptide(Int)
    /// Fraction of surface receptors of type r bound by the ligand of pair p.
    case occupancy(receptor: Int, pair: Int)
    case occupancyTotal(receptor: Int)
    /// PET-equivalent occupancy of receptor type r: the fall in binding sites available to a
    /// radiotracer (surface receptors not held by a drug or metabolite) relative to the
    /// subject's drug-free steady state.
    case petOccupancy(receptor: Int)
    case surfaceRelative(receptor: Int)
    case internalRelative(receptor: Int)
    case totalRelative(receptor: Int)
    /// Q_r = (1 − U_r)(c0 F + Σ ε β B): the coupled efficacy-weighted amount.
    case stimulus(receptor: Int)
    /// U_r, the long-term uncoupled fraction.
    case uncoupled(receptor: Int)
    /// E_c of a circuit (Model2Design.md §3.2).
    case circuitResponse(Circuit)
    /// A_LC = fast + slow pool; the slow pool alone; A_RW.
    case lcAdaptation
    case lcAdaptationSlow
    case rewardAdaptation
    case dopamineTone
    case respiratoryDrive
    case withdrawalSigns
    case dysphoria
    case hedonicTone
    case withdrawalIndex
    case cowsEquivalent
    case toleranceIndex

    /// The circuits with a response column.
    enum Circuit: String, Sendable, Equatable, CaseIterable {
        case reward, lc, respiration, kappa
    }

    /// Every observable of `layout` with its CSV name, in the canonical column order.
    static func all(for layout: ModelLayout) -> [(name: String, observable: Observable)] {
        var out: [(String, Observable)] = [("time_h", .time)]
        for (s, id) in layout.speciesIDs.enumerated() {
            out.append((id + "_plasma_nM", .plasma(species: s)))
            out.append((id + "_brain_nM", .brain(species: s)))
        }
        for (q, id) in layout.peptideIDs.enumerated() { out.append((id + "_nM", .peptide(q))) }
        for (r, kind) in layout.receptorKinds.enumerated() {
            let k = kind.rawValue
            for (p, pair) in layout.pairs.enumerated() where pair.receptor == r {
                out.append((k + "_occupancy_" + layout.ligandIDs[pair.ligand], .occupancy(receptor: r, pair: p)))
            }
            out.append((k + "_occupancy_total", .occupancyTotal(receptor: r)))
            if kind != .nmda { out.append((k + "_pet_occupancy", .petOccupancy(receptor: r))) }
            out.append((k + "_surface_rel", .surfaceRelative(receptor: r)))
            out.append((k + "_internal_rel", .internalRelative(receptor: r)))
            out.append((k + "_total_rel", .totalRelative(receptor: r)))
            out.append((k + "_stimulus", .stimulus(receptor: r)))
            if kind != .nmda { out.append((k + "_uncoupled", .uncoupled(receptor: r))) }
        }
        for circuit in Circuit.allCases { out.append((circuit.rawValue + "_response", .circuitResponse(circuit))) }
        out.append(("lc_adaptation", .lcAdaptation))
        out.append(("lc_adaptation_slow", .lcAdaptationSlow))
        out.append(("reward_adaptation", .rewardAdaptation))
        out.append(("dopamine_tone", .dopamineTone))
        out.append(("respiratory_drive", .respiratoryDrive))
        out.append(("withdrawal_signs", .withdrawalSigns))
        out.append(("dysphoria", .dysphoria))
        out.append(("hedonic_tone", .hedonicTone))
        out.append(("withdrawal_index", .withdrawalIndex))
        out.append(("cows_equivalent", .cowsEquivalent))
        out.append(("tolerance_index", .toleranceIndex))
        return out
    }
}

/// Reference values of the drug-free steady states the observables are relative to.
package struct ObservableReference: Sendable, Equatable {
    /// Total receptor amount per type in the healthy control steady state (the "1" of `_rel`).
    package var controlTotal: [Double]
    /// Mu probe response in the drug-free **control** steady state (tolerance_index 0 there).
    package var probeResponse: Double
    /// Respiratory response E_R in the drug-free control steady state (respiratory_drive 1 there).
    package var respirationResponse: Double
    /// Surface receptor amount per type (free + desensitized + bound, same scale as
    /// `controlTotal`) in the subject's own drug-free steady state: the baseline a PET scan
    /// before the drug would see (`<receptor>_pet_occupancy`).
    package var baselineSurface: [Double]
}
