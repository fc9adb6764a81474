import Foundation

extension ReceptorSystem {
    /// The exact ∂f/∂y, dense row-major. Derived term by term from `evaluate` (Sources/Pharmacology/Pharmacology.docc/Model.md,
    /// "Jacobian"); tested against central finite differences.
    @inlinable
    public func jacobian(time: Double, state y: UnsafeBufferPointer<Double>,
                         into matrix: UnsafeMutableBufferPointer<Double>) {
        for i in 0..<(dimension * dimension) { matrix[i] = 0 }
        var target = DenseJacobianAccumulator(matrix: matrix.baseAddress!, dimension: dimension)
        accumulateJacobian(state: y, into: &target)
    }

    /// ∂f/∂y at the positions of `jacobianSparsity` only (the engine keeps the rest zero): the
    /// solver's per-step Jacobian clears about 250 entries instead of all n².
    @inlinable
    public func jacobianEntries(time: Double, state y: UnsafeBufferPointer<Double>,
                                into matrix: UnsafeMutableBufferPointer<Double>) {
        for position in jacobianPositions { matrix[position] = 0 }
        var target = DenseJacobianAccumulator(matrix: matrix.baseAddress!, dimension: dimension)
        accumulateJacobian(state: y, into: &target)
    }

    /// The structural pattern recorded at build (`structuralJacobianPositions`); nil (scan
    /// every step) if it was never recorded, so a forgotten recording cannot drop entries.
    public var jacobianSparsity: [Int]? { jacobianPositions.isEmpty ? nil : jacobianPositions }

    /// Every position `accumulateJacobian` writes, whatever the values: its branches depend
    /// only on the compiled structure, so this is the exact structural pattern, valid for any
    /// state, parameter vector or event of the same layout.
    func structuralJacobianPositions() -> [Int] {
        var recorder = JacobianPatternRecorder(dimension: dimension)
        let y = [Double](repeating: 1, count: dimension)
        y.withUnsafeBufferPointer { accumulateJacobian(state: $0, into: &recorder) }
        return recorder.positions()
    }

    /// Adds every term of ∂f/∂y to `J` (generic so the solver's use specializes to plain
    /// stores, and the pattern recorder sees exactly the positions the solver writes).
    @inlinable
    func accumulateJacobian<Target: JacobianAccumulator>(
        state y: UnsafeBufferPointer<Double>, into J: inout Target
    ) {
        // Pharmacokinetics (linear).
        for s in 0..<speciesCentral.count {
            let c = speciesCentral[s]
            J.add(c, c, -(speciesK10[s] + speciesK12[s]))
            let per = speciesPeripheral[s]
            if per >= 0 {
                J.add(c, per, speciesK21[s])
                J.add(per, c, speciesK12[s])
                J.add(per, per, -(speciesK21[s]))
            }
            let deep = speciesDeepPeripheral[s]
            if deep >= 0 {
                J.add(c, c, -(speciesK13[s]))
                J.add(c, deep, speciesK31[s])
                J.add(deep, c, speciesK13[s])
                J.add(deep, deep, -(speciesK31[s]))
            }
            let e = speciesEffect[s]
            J.add(e, c, speciesKe0[s] * speciesInverseV1[s])
            J.add(e, e, -(speciesKe0[s]))
        }
        for k in 0..<depotState.count {
            let a = depotState[k]
            J.add(a, a, -(depotKa[k]))
            J.add(depotTarget[k], a, depotBioavailability[k] * depotKa[k])
        }
        for k in 0..<transferSource.count {
            J.add(transferTarget[k], transferSource[k], transferCoefficient[k])
        }
        // Receptors: binding and trafficking (mass action, closed form).
        for r in 0..<receptorFree.count {
            let (fa, fe) = modulation(r, y)
            let iF = receptorFree[r], iD = receptorDesensitized[r]
            let iI = receptorInternal[r], iA = receptorAgonistInternal[r]
            let free = y[iF]
            let kendo = receptorEndocytosis[r], krec = receptorRecycling[r]
            let karr = receptorArrestinInternalization[r]
            J.add(iF, iF, -(kendo))
            J.add(iF, iD, receptorResensitization[r])
            J.add(iF, iI, krec)
            J.add(iF, iA, krec)
            J.add(iD, iD, -(receptorResensitization[r] + karr))
            J.add(iI, iF, kendo)
            J.add(iI, iI, -(krec + receptorDegradation[r]))
            J.add(iA, iD, karr)
            J.add(iA, iA, -(krec + receptorAgonistDegradation[r]))
            // The compiled arrays read unchecked, as in `evaluate` (the layout's own indices).
            var p = receptorPairStart[r]
            let pairEnd = receptorPairEnd[r]
            while p < pairEnd {
                defer { p += 1 }
                let ib = pairState.unchecked(p)
                let l = pairLigand.unchecked(p)
                let il = ligandState.unchecked(l)
                let c = ligandScale.unchecked(l) * y[il]
                let modulated = pairModulated.unchecked(p) != 0
                let kon = pairKon.unchecked(p) * (modulated ? fa : 1)  // ×1 exact; keeps loads out of the branch
                let kdes = pairDesensitization.unchecked(p), kint = pairInternalization.unchecked(p)
                let dvdF = kon * c, dvdL = kon * ligandScale.unchecked(l) * free, dvdB = -pairKoff.unchecked(p)
                J.add(ib, iF, dvdF)
                J.add(ib, il, dvdL)
                J.add(ib, ib, dvdB - kdes - kint)
                J.add(iF, iF, -(dvdF))
                J.add(iF, il, -(dvdL))
                J.add(iF, ib, -(dvdB))
                J.add(iD, ib, kdes)
                J.add(iI, ib, pairRecycles.unchecked(p) * kint)
                if modulated {
                    // ∂v/∂(modulator effect site) through the affinity factor.
                    for m in receptorModulatorStart[r]..<receptorModulatorEnd[r] {
                        let (dfa, _) = modulationDerivative(m, fa: fa, fe: fe, y)
                        let im = ligandState[modulatorLigand[m]]
                        let dv = pairKon[p] * dfa * c * free
                        J.add(ib, im, dv)
                        J.add(iF, im, -(dv))
                    }
                }
            }
        }
        accumulateRuleJacobian(state: y, into: &J)
        // Peptides.
        let ixe = endorphinSuppressionState, ixd = dynorphinInductionState
        let xe = y[ixe], xd = y[ixd]
        for q in 0..<peptideState.count {
            let drive = peptideDrive[q]
            let i = peptideState[q]
            let kcl = peptideClearance[q]
            J.add(i, i, -(kcl))
            if q == endorphinPeptide {
                let production = peptideProduction[q] * drive * exp(-endorphinSuppressionGain * xe)
                J.add(i, ixe, kcl * production * (-endorphinSuppressionGain))
            }
            if q == dynorphinPeptide {
                let production = peptideProduction[q] * drive * exp(dynorphinInductionGain * xd)
                J.add(i, ixd, kcl * production * dynorphinInductionGain)
            }
        }
        J.add(ixe, ixe, -(endorphinSuppressionRate))
        J.add(ixd, ixd, -(dynorphinInductionRate))
    }

    /// The rows of the rule-driven states (U, the four pools, G, K_p, X_e, X_d): the rules of
    /// `SignallingRules` evaluated once in `Dual` seeded on their 13 inputs (in 8 slots,
    /// `SignallingRules.Seed.slot`), then each row's
    /// gradient chained to the states through the inputs' closed-form derivatives. Each row
    /// scatters only the inputs its rule reads (`RuleMask`), so the recorded pattern is the
    /// structural one.
    @inlinable
    func accumulateRuleJacobian<Target: JacobianAccumulator>(
        state y: UnsafeBufferPointer<Double>, into J: inout Target
    ) {
        typealias Seed = SignallingRules.Seed
        let plain = ruleInputs(y)
        let inputs = SignallingRules.Inputs<Dual>(
            muRaw: .seed(plain.muRaw, Seed.slot(Seed.muRaw)), deltaRaw: .seed(plain.deltaRaw, Seed.slot(Seed.deltaRaw)),
            kappaRaw: .seed(plain.kappaRaw, Seed.slot(Seed.kappaRaw)),
            muUncoupled: .seed(plain.muUncoupled, Seed.slot(Seed.muUncoupled)),
            deltaUncoupled: .seed(plain.deltaUncoupled, Seed.slot(Seed.deltaUncoupled)),
            kappaUncoupled: .seed(plain.kappaUncoupled, Seed.slot(Seed.kappaUncoupled)),
            muActivation: .seed(plain.muActivation, Seed.slot(Seed.muActivation)),
            deltaActivation: .seed(plain.deltaActivation, Seed.slot(Seed.deltaActivation)),
            kappaActivation: .seed(plain.kappaActivation, Seed.slot(Seed.kappaActivation)),
            nmdaAvailable: .seed(plain.nmdaAvailable, Seed.slot(Seed.nmdaAvailable)),
            lcAdaptation: .seed(plain.lcAdaptation, Seed.slot(Seed.lcAdaptation)),
            rewardAdaptation: .seed(plain.rewardAdaptation, Seed.slot(Seed.rewardAdaptation)),
            ketaminePlasticity: .seed(plain.ketaminePlasticity, Seed.slot(Seed.ketaminePlasticity)))
        let circuits = rules.circuits(inputs)
        let drives = rules.drives(inputs, circuits: circuits, stress: Dual(stimulusIntensity[Self.stressIndex]))
        // ∂(input)/∂y once per Jacobian (Q'_mu feeds seven rows), then each row scatters lists.
        let capacity = 16 + 3 * pairState.count + modulatorLigand.count
        withUnsafeTemporaryAllocation(of: Int.self, capacity: capacity) { columnBuffer in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: capacity) { slopeBuffer in
                var c = RuleInputColumns(columns: columnBuffer.baseAddress!, slopes: slopeBuffer.baseAddress!,
                                         capacity: capacity)
                fillRuleInputColumns(y, &c)
                let M = RuleMask.self
                addRuleRow(receptorUncoupled[muReceptor], drives.muUncoupling.gradient, 1, M.uncouplingMu, c, &J)
                if deltaReceptor >= 0 {
                    addRuleRow(receptorUncoupled[deltaReceptor], drives.deltaUncoupling.gradient, 1, M.uncouplingDelta, c, &J)
                }
                if kappaReceptor >= 0 {
                    addRuleRow(receptorUncoupled[kappaReceptor], drives.kappaUncoupling.gradient, 1, M.uncouplingKappa, c, &J)
                }
                if nmdaReceptor >= 0 {
                    J.add(receptorUncoupled[nmdaReceptor], receptorUncoupled[nmdaReceptor], -rules.uncouplingRecoveryRate)
                }
                addRuleRow(lcFastState, drives.lcFastTarget.gradient, fastRate, M.lcFast, c, &J)
                addRuleRow(lcSlowState, drives.lcSlowTarget.gradient, slowRate, M.lcSlow, c, &J)
                addRuleRow(rewardFastState, drives.rewardFastTarget.gradient, fastRate, M.rewardFast, c, &J)
                addRuleRow(rewardSlowState, drives.rewardSlowTarget.gradient, slowRate, M.rewardSlow, c, &J)
                addRuleRow(lcExtrinsicState, drives.extrinsicTarget.gradient, extrinsicRate, M.extrinsic, c, &J)
                addRuleRow(endorphinSuppressionState, drives.endorphinSuppressionTarget.gradient, endorphinSuppressionRate,
                           M.endorphinSuppression, c, &J)
                addRuleRow(dynorphinInductionState, drives.dynorphinInductionTarget.gradient, dynorphinInductionRate,
                           M.dynorphinInduction, c, &J)
                if ketaminePlasticityState >= 0 {
                    addRuleRow(ketaminePlasticityState, drives.ketaminePlasticity.gradient, 1, M.ketamine, c, &J)
                }
            }
        }
        J.add(lcFastState, lcFastState, -fastRate)
        J.add(lcSlowState, lcSlowState, -slowRate)
        J.add(rewardFastState, rewardFastState, -fastRate)
        J.add(rewardSlowState, rewardSlowState, -slowRate)
        J.add(lcExtrinsicState, lcExtrinsicState, -extrinsicRate)
    }

    /// Adds scale × ∂(rule)/∂(input k) × ∂(input k)/∂y to row `row` for every input k in `mask`,
    /// in ascending k and, per input, in the columns' order (the order of the former per-row
    /// evaluation, so the sums into shared entries round the same).
    @inlinable
    func addRuleRow<Target: JacobianAccumulator>(
        _ row: Int, _ gradient: SIMD8<Double>, _ scale: Double, _ mask: Int,
        _ c: RuleInputColumns, _ J: inout Target
    ) {
        typealias Seed = SignallingRules.Seed
        var bits = mask
        while bits != 0 {
            let k = bits.trailingZeroBitCount
            bits &= bits &- 1
            let g = scale * gradient[Seed.slot(k)]
            var i = c.start[k]
            let end = c.start[k &+ 1]
            while i < end {
                J.add(row, c.columns[i], g * c.slopes[i])
                i &+= 1
            }
        }
    }

    /// ∂(input k)/∂y of the 13 rule inputs at `y`, in `SignallingRules.Seed` order: Q'_r (free
    /// receptors c0, bound pairs ε fe, the modulators' effect sites), U_r, a_r (agonist pairs),
    /// N (NMDA surface states), A_LC and A_RW (their two pools), K_p. An input the layout lacks
    /// gets an empty list.
    @inlinable
    func fillRuleInputColumns(_ y: UnsafeBufferPointer<Double>, _ c: inout RuleInputColumns) {
        typealias Seed = SignallingRules.Seed
        let receptors = (muReceptor, deltaReceptor, kappaReceptor)
        appendRawColumns(receptors.0, y, &c); c.close(Seed.muRaw)
        appendRawColumns(receptors.1, y, &c); c.close(Seed.deltaRaw)
        appendRawColumns(receptors.2, y, &c); c.close(Seed.kappaRaw)
        if receptors.0 >= 0 { c.append(receptorUncoupled[receptors.0], 1) }
        c.close(Seed.muUncoupled)
        if receptors.1 >= 0 { c.append(receptorUncoupled[receptors.1], 1) }
        c.close(Seed.deltaUncoupled)
        if receptors.2 >= 0 { c.append(receptorUncoupled[receptors.2], 1) }
        c.close(Seed.kappaUncoupled)
        appendActivationColumns(receptors.0, &c); c.close(Seed.muActivation)
        appendActivationColumns(receptors.1, &c); c.close(Seed.deltaActivation)
        appendActivationColumns(receptors.2, &c); c.close(Seed.kappaActivation)
        if nmdaReceptor >= 0 { appendNMDAColumns(y, &c) }
        c.close(Seed.nmdaAvailable)
        c.append(lcFastState, 1); c.append(lcSlowState, 1)
        c.close(Seed.lcAdaptation)
        c.append(rewardFastState, 1); c.append(rewardSlowState, 1)
        c.close(Seed.rewardAdaptation)
        if ketaminePlasticityState >= 0 { c.append(ketaminePlasticityState, 1) }
        c.close(Seed.ketaminePlasticity)
    }

    /// ∂Q'_r/∂y: free receptors (c0), bound pairs (ε fe) and the modulators' effect sites.
    @inlinable
    func appendRawColumns(_ r: Int, _ y: UnsafeBufferPointer<Double>, _ c: inout RuleInputColumns) {
        guard r >= 0 else { return }
        let (fa, fe) = modulation(r, y)
        c.append(receptorFree[r], receptorConstitutive[r])
        for p in receptorPairStart[r]..<receptorPairEnd[r] {
            c.append(pairState.unchecked(p), pairEfficacy.unchecked(p) * (pairModulated.unchecked(p) != 0 ? fe : 1))
        }
        for m in receptorModulatorStart[r]..<receptorModulatorEnd[r] {
            let (_, dfe) = modulationDerivative(m, fa: fa, fe: fe, y)
            var dS = 0.0
            for p in receptorPairStart[r]..<receptorPairEnd[r] where pairModulated.unchecked(p) != 0 {
                dS += pairEfficacy.unchecked(p) * dfe * y[pairState.unchecked(p)]
            }
            c.append(ligandState[modulatorLigand[m]], dS)
        }
    }

    /// ∂a_r/∂y: the agonist pairs of receptor r.
    @inlinable
    func appendActivationColumns(_ r: Int, _ c: inout RuleInputColumns) {
        guard r >= 0 else { return }
        for p in receptorPairStart[r]..<receptorPairEnd[r] where pairActivation[p] != 0 {
            c.append(pairState[p], pairActivation[p])
        }
    }

    /// ∂N/∂y, N = 1 − drug / surface at the NMDA receptor.
    @inlinable
    func appendNMDAColumns(_ y: UnsafeBufferPointer<Double>, _ c: inout RuleInputColumns) {
        let r = nmdaReceptor
        var surface = y[receptorFree[r]] + y[receptorDesensitized[r]]
        var drug = 0.0
        for p in receptorPairStart[r]..<receptorPairEnd[r] {
            surface += y[pairState.unchecked(p)]
            drug += pairIsDrug.unchecked(p) * y[pairState.unchecked(p)]
        }
        guard surface > 0 else { return }
        let common = drug / (surface * surface)   // ∂N/∂(any surface state)
        c.append(receptorFree[r], common)
        c.append(receptorDesensitized[r], common)
        for p in receptorPairStart[r]..<receptorPairEnd[r] {
            c.append(pairState.unchecked(p), common - pairIsDrug.unchecked(p) / surface)
        }
    }

    /// ∂(affinity factor)/∂y and ∂(efficacy factor)/∂y with respect to the effect-site state of
    /// modulator `m` (product rule over the receptor's modulators).
    @inlinable
    func modulationDerivative(_ m: Int, fa: Double, fe: Double, _ y: UnsafeBufferPointer<Double>)
        -> (Double, Double)
    {
        let l = modulatorLigand[m]
        let scale = ligandScale[l]
        let c = scale * y[ligandState[l]]
        let kd = modulatorKd[m]
        let rho = c / (c + kd)
        let dRho = scale * kd / ((c + kd) * (c + kd))
        let a1 = modulatorAlphaMinusOne[m], b1 = modulatorBetaMinusOne[m]
        return (fa / (1 + a1 * rho) * a1 * dRho, fe / (1 + b1 * rho) * b1 * dRho)
    }
}

/// Which rule inputs (`SignallingRules.Seed` bits) each rule-driven row reads: the structural
/// sparsity of the rule rows, known from the equations (Model2Design.md §10).
@usableFromInline
enum RuleMask {
    typealias Seed = SignallingRules.Seed
    @usableFromInline static let uncouplingMu = (1 << Seed.muActivation) | (1 << Seed.muUncoupled) | (1 << Seed.nmdaAvailable)
    @usableFromInline static let uncouplingDelta = (1 << Seed.deltaActivation) | (1 << Seed.deltaUncoupled) | (1 << Seed.nmdaAvailable)
    @usableFromInline static let uncouplingKappa = (1 << Seed.kappaActivation) | (1 << Seed.kappaUncoupled) | (1 << Seed.nmdaAvailable)
    /// The reward circuit's mu stimulus with its delta potentiation (no uncoupling on the AC path).
    @usableFromInline static let rewardAC = (1 << Seed.muRaw) | (1 << Seed.deltaRaw) | (1 << Seed.deltaUncoupled)
    @usableFromInline static let lcFast = 1 << Seed.muRaw
    @usableFromInline static let lcSlow = (1 << Seed.muRaw) | (1 << Seed.nmdaAvailable)
    @usableFromInline static let rewardFast = rewardAC
    @usableFromInline static let rewardSlow = rewardAC | (1 << Seed.nmdaAvailable)
    @usableFromInline static let extrinsic = (1 << Seed.lcAdaptation) | (1 << Seed.muRaw) | (1 << Seed.muUncoupled) | (1 << Seed.nmdaAvailable)
    @usableFromInline static let ketamine = (1 << Seed.nmdaAvailable) | (1 << Seed.ketaminePlasticity)
    @usableFromInline static let endorphinSuppression = rewardAC | (1 << Seed.muUncoupled)
    @usableFromInline static let dynorphinInduction = endorphinSuppression | (1 << Seed.kappaRaw) | (1 << Seed.kappaUncoupled)
        | (1 << Seed.rewardAdaptation)
}

/// Where `ReceptorSystem.accumulateJacobian` puts its terms.
@usableFromInline
protocol JacobianAccumulator {
    mutating func add(_ row: Int, _ column: Int, _ value: Double)
}

/// Adds into a dense row-major n×n matrix.
@usableFromInline
struct DenseJacobianAccumulator: JacobianAccumulator {
    @usableFromInline let matrix: UnsafeMutablePointer<Double>
    @usableFromInline let dimension: Int

    @inlinable
    init(matrix: UnsafeMutablePointer<Double>, dimension: Int) {
        self.matrix = matrix
        self.dimension = dimension
    }

    /// Row and column are state indices (< dimension), so the position cannot overflow:
    /// wrapping arithmetic drops an overflow check from each of the ~200 terms per call.
    @inlinable
    mutating func add(_ row: Int, _ column: Int, _ value: Double) {
        matrix[row &* dimension &+ column] += value
    }
}

/// Records which positions receive a term, whatever its value.
struct JacobianPatternRecorder: JacobianAccumulator {
    let dimension: Int
    var touched: [Bool]

    init(dimension: Int) {
        self.dimension = dimension
        touched = [Bool](repeating: false, count: dimension * dimension)
    }

    mutating func add(_ row: Int, _ column: Int, _ value: Double) {
        touched[row * dimension + column] = true
    }

    /// The recorded positions, ascending (row-major order).
    func positions() -> [Int] { touched.indices.filter { touched[$0] } }
}
