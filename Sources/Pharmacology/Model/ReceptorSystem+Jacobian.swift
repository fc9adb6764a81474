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
        // Receptors.
        for r in 0..<receptorFree.count {
            let (fa, fe) = modulation(r, y)
            let iF = receptorFree[r], iD = receptorDesensitized[r], iI = receptorInternal[r]
            let ih = receptorSynthesisState[r], ia = receptorAdaptationState[r]
            let free = y[iF]
            let kendo = receptorEndocytosis[r]
            let synthesis = receptorSynthesis[r] * exp(receptorSynthesisGain[r] * y[ih])
            J.add(iF, iF, -(kendo))
            J.add(iF, iD, receptorResensitization[r])
            J.add(iF, iI, receptorRecycling[r])
            J.add(iF, ih, synthesis * receptorSynthesisGain[r])
            J.add(iD, iD, -(receptorResensitization[r] + kendo))
            J.add(iI, iF, kendo)
            J.add(iI, iD, kendo)
            J.add(iI, iI, -(receptorRecycling[r] + receptorDegradation[r]))
            var s = receptorConstitutive[r] * free
            for p in receptorPairStart[r]..<receptorPairEnd[r] {
                let ib = pairState[p]
                let b = y[ib]
                let l = pairLigand[p]
                let il = ligandState[l]
                let c = ligandScale[l] * y[il]
                let modulated = pairModulated[p] != 0
                let kon = pairKon[p] * (modulated ? fa : 1)  // ×1 exact; keeps loads out of the branch
                let kdes = pairDesensitization[p], kint = pairInternalization[p]
                let dvdF = kon * c, dvdL = kon * ligandScale[l] * free, dvdB = -pairKoff[p]
                J.add(ib, iF, dvdF)
                J.add(ib, il, dvdL)
                J.add(ib, ib, dvdB - kdes - kint)
                J.add(iF, iF, -(dvdF))
                J.add(iF, il, -(dvdL))
                J.add(iF, ib, -(dvdB))
                J.add(iD, ib, kdes)
                J.add(iI, ib, pairRecycles[p] * kint)
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
                s += pairEfficacy[p] * (modulated ? fe : 1) * b
            }
            // Rows driven by the transduced response E(S): H, A (and X_e, X_d for mu).
            let ke = receptorTransducer[r]
            let dEdS = ke / ((s + ke) * (s + ke))
            let isMu = r == muReceptor
            let coefH = -receptorSynthesisRate[r] * dEdS
            let coefA = receptorAdaptationRate[r] * receptorAdaptationGain[r] * dEdS
            let coefXe = isMu ? endorphinSuppressionRate * dEdS : 0
            let coefXd = isMu ? dynorphinInductionRate * dynorphinDriveFromMu * dEdS : 0
            let ixe = endorphinSuppressionState, ixd = dynorphinInductionState
            @inline(__always) func addStimulusGradient(_ column: Int, _ dS: Double) {
                J.add(ih, column, coefH * dS)
                J.add(ia, column, coefA * dS)
                if isMu {
                    J.add(ixe, column, coefXe * dS)
                    J.add(ixd, column, coefXd * dS)
                }
            }
            addStimulusGradient(iF, receptorConstitutive[r])
            for p in receptorPairStart[r]..<receptorPairEnd[r] {
                let modulated = pairModulated[p] != 0
                addStimulusGradient(pairState[p], pairEfficacy[p] * (modulated ? fe : 1))
            }
            for m in receptorModulatorStart[r]..<receptorModulatorEnd[r] {
                let (_, dfe) = modulationDerivative(m, fa: fa, fe: fe, y)
                var dS = 0.0
                for p in receptorPairStart[r]..<receptorPairEnd[r] where pairModulated[p] != 0 {
                    dS += pairEfficacy[p] * dfe * y[pairState[p]]
                }
                addStimulusGradient(ligandState[modulatorLigand[m]], dS)
            }
            J.add(ih, ih, -(receptorSynthesisRate[r]))
            J.add(ia, ia, -(receptorAdaptationRate[r]))
        }
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
