import Integrators

/// Keeps quantities that cannot be negative (concentrations, receptor amounts, occupancies)
/// from appearing below zero in the output, and tells round-off from a real failure.
///
/// The solver controls each state's error to about its absolute tolerance, so a
/// concentration decaying towards zero may come out as -1e-15 nM: that is round-off, and it is
/// written as 0. A value below minus `margin` times the column's absolute tolerance is not
/// round-off but an error larger than the tolerances allow; it stops the run
/// (`ModelError.negativeValue`) instead of being written or hidden.
///
/// A column's absolute tolerance is that of the states it is made of, in the column's unit:
/// the central amount's over V1 for a plasma concentration, the bound states' over the
/// current surface amount for an occupancy, and so on. Signed columns (responses, adaptation,
/// hedonic tone, tolerance index, PET occupancy) pass through untouched.
struct NonNegativeOutput {
    /// How far below zero, in column tolerances, a value still counts as round-off. The
    /// solver bounds the local error per step; the global error of a decaying component can
    /// be a few times that.
    static let margin = 10.0

    private enum Rule {
        case signed
        /// Tolerance fixed in the column's unit.
        case fixed(Double)
        /// Numerator tolerance over the current surface amount of receptor r.
        case perSurface(receptor: Int, numerator: Double)
    }

    private let rules: [Rule]
    private let names: [String]
    /// False when no column is non-negative (nothing to check per row).
    private let active: Bool

    init(model: CompiledModel, observables: [Observable], names: [String], absoluteTolerance atol: Tolerance) {
        let system = model.system
        let layout = model.layout
        let peptides = layout.peptideIDs.count
        func pairs(_ r: Int) -> Double {
            (system.receptorPairStart[r]..<system.receptorPairEnd[r]).reduce(0) { $0 + atol[system.pairState[$1]] }
        }
        func surface(_ r: Int) -> Double { atol[system.receptorFree[r]] + atol[system.receptorDesensitized[r]] + pairs(r) }
        rules = observables.map { observable in
            switch observable {
            case .plasma(let s): return .fixed(atol[system.speciesCentral[s]] * system.speciesInverseV1[s])
            case .brain(let s): return .fixed(atol[system.ligandState[peptides + s]] * system.ligandScale[peptides + s])
            case .peptide(let q): return .fixed(atol[system.peptideState[q]])
            case .occupancy(let r, let p): return .perSurface(receptor: r, numerator: atol[layout.pairs[p].state])
            case .occupancyTotal(let r): return .perSurface(receptor: r, numerator: pairs(r))
            case .surfaceRelative(let r): return .fixed(surface(r) / model.reference.controlTotal[r])
            case .internalRelative(let r):
                return .fixed((atol[system.receptorInternal[r]] + atol[system.receptorAgonistInternal[r]]) / model.reference.controlTotal[r])
            case .totalRelative(let r):
                return .fixed((surface(r) + atol[system.receptorInternal[r]] + atol[system.receptorAgonistInternal[r]])
                    / model.reference.controlTotal[r])
            // PET occupancy is relative to the drug-free surface: below 0 when receptors up-regulate.
            // The rule-driven states are smooth-max driven and may dip by round-off below 0;
            // the signs, index and COWS are max(0, ·) by construction.
            case .time, .petOccupancy, .stimulus, .uncoupled, .circuitResponse, .lcAdaptation, .lcAdaptationSlow,
                 .rewardAdaptation, .dopamineTone, .respiratoryDrive, .withdrawalSigns, .dysphoria, .hedonicTone,
                 .withdrawalIndex, .cowsEquivalent, .toleranceIndex:
                return .signed
            }
        }
        self.names = names
        active = rules.contains { if case .signed = $0 { return false } else { return true } }
    }

    /// Sets round-off negatives of non-negative columns in `row` to 0.
    /// - Throws: `ModelError.negativeValue` for a value below -margin x its tolerance.
    /// - Complexity: O(columns); the tolerance is worked out only for a negative value.
    func clamp(_ row: inout [Double], time: Double, surface: [Double]) throws(ModelError) {
        guard active else { return }
        for j in 0..<row.count where row[j] < 0 {
            let tolerance: Double
            switch rules[j] {
            case .signed: continue
            case .fixed(let value): tolerance = value
            case .perSurface(let r, let numerator): tolerance = numerator / surface[r]
            }
            guard row[j] >= -Self.margin * tolerance else {
                throw .negativeValue(column: names[j], timeHours: time, value: row[j], tolerance: tolerance)
            }
            row[j] = 0
        }
    }
}
