import Foundation

/// The exact ∂f/∂c of the right-hand side with respect to its compiled coefficients, applied
/// to a sparse direction dc/d ln p (`ParameterDirection`): the forward sensitivities' ∂f/∂p by
/// the chain rule (`ParametricReceptorSystem.parameterJacobian`).
///
/// The tangent of `evaluate` term by term, in its order (pharmacokinetics, depots, transfers,
/// binding and trafficking, rule-driven states, peptides). Mass action is linear in each rate
/// constant, so each entry is the flux divided by its constant (the state it multiplies) times
/// the slope. The signalling rules are not restated: their inputs' tangents (Q'_r, a_r) are
/// returned for a `Dual` pass of `SignallingRules`, and their constants' slopes come from the
/// rules at p e^{±h} (`addRuleTangent`). `ParameterSensitivityTests` checks every coefficient
/// kind against differences of the recompiled f, so a change to `evaluate` without this
/// tangent fails there.
extension ReceptorSystem {
    /// The receptor whose pair range holds pair `p`.
    func receptor(ofPair p: Int) -> Int {
        for r in receptorFree.indices where receptorPairStart[r] <= p && p < receptorPairEnd[r] { return r }
        preconditionFailure("pair \(p) belongs to no receptor")
    }

    /// The exact columns of `directions` (`ParameterDirection.exact`) into `matrix` (n × p,
    /// zero there): the coefficient tangent and the rules' constant slope per column, then one
    /// `Dual` pass of the rules per 8 parameters that move their inputs. A method of the base
    /// so that the system (1,032 bytes) is not copied for each column's calls.
    func addExactParameterColumns(_ directions: [ParameterDirection], state: UnsafeBufferPointer<Double>,
                                  into matrix: UnsafeMutableBufferPointer<Double>,
                                  pending: UnsafeMutableBufferPointer<RuleInputTangent>) {
        let n = dimension
        let inputs = ruleInputs(state)
        let circuits = rules.circuits(inputs)
        let drives = rules.drives(inputs, circuits: circuits, stress: stimulusIntensity[Self.stressIndex])
        var count = 0
        for k in directions.indices {
            // Borrowed, not retained (`directions` holds it for the call), so neither it nor its
            // `entries` costs atomic retains per column (Benchmarks/RESULTS.md, grad11). The
            // guaranteed-reference call is underscored standard-library API.
            unowned(unsafe) let unretained = directions[k]
            Unmanaged.passUnretained(unretained)._withUnsafeGuaranteedRef { direction in
                guard direction.exact else { return }
                let column = UnsafeMutableBufferPointer(rebasing: matrix[(k * n)..<((k + 1) * n)])
                var raw = SIMD4<Double>(repeating: 0), activation = SIMD4<Double>(repeating: 0)
                addCoefficientTangent(direction.entries, state: state, drives: drives, into: column, raw: &raw, activation: &activation)
                if direction.movesRuleInputs {
                    pending[count] = RuleInputTangent(parameter: k, raw: raw, activation: activation)
                    count += 1
                }
                if direction.rulesMove {
                    addRuleConstantSlope(
                        direction, inputs: inputs, circuits: direction.circuitsMove ? nil : circuits, state: state, into: column)
                }
            }
        }
        var start = 0
        while start < count {
            let end = min(start + 8, count)
            addRuleInputTangents(inputs: inputs, UnsafeMutableBufferPointer(rebasing: pending[start..<end]), matrix: matrix)
            start = end
        }
    }

    /// Adds Σ ∂f/∂c · dc for the mass-action coefficients of `entries` to `d`, and the tangents
    /// of the rule inputs Q'_r and a_r to `raw` and `activation`. `drives` are the rules' drives
    /// at `y` (the rates of the rule-driven states multiply target − state).
    func addCoefficientTangent(_ entries: [CoefficientSlope], state y: UnsafeBufferPointer<Double>,
                               drives: SignallingRules.Drives<Double>, into d: UnsafeMutableBufferPointer<Double>,
                               raw: inout SIMD4<Double>, activation: inout SIMD4<Double>) {
        for entry in entries {
            let t = entry.slope
            switch entry.coefficient {
            // Pharmacokinetics.
            case .infusion(let s):
                d[speciesCentral[s]] += t
            case .k10(let s):
                d[speciesCentral[s]] -= t * y[speciesCentral[s]]
            case .k12(let s):
                let c = speciesCentral[s], ac = y[c]
                d[c] -= t * ac
                if speciesPeripheral[s] >= 0 { d[speciesPeripheral[s]] += t * ac }
            case .k21(let s):
                let per = speciesPeripheral[s]
                if per >= 0 { d[speciesCentral[s]] += t * y[per]; d[per] -= t * y[per] }
            case .k13(let s):
                let c = speciesCentral[s], deep = speciesDeepPeripheral[s]
                if deep >= 0 { d[c] -= t * y[c]; d[deep] += t * y[c] }
            case .k31(let s):
                let deep = speciesDeepPeripheral[s]
                if deep >= 0 { d[speciesCentral[s]] += t * y[deep]; d[deep] -= t * y[deep] }
            case .inverseV1(let s):
                d[speciesEffect[s]] += speciesKe0[s] * y[speciesCentral[s]] * t
            case .ke0(let s):
                let e = speciesEffect[s]
                d[e] += t * (y[speciesCentral[s]] * speciesInverseV1[s] - y[e])
            // Depots and transfers.
            case .depotInput(let k):
                d[depotState[k]] += t
            case .depotKa(let k):
                let flux = t * y[depotState[k]]
                d[depotState[k]] -= flux
                d[depotTarget[k]] += depotBioavailability[k] * flux
            case .depotBioavailability(let k):
                d[depotTarget[k]] += t * depotKa[k] * y[depotState[k]]
            case .transfer(let k):
                d[transferTarget[k]] += t * y[transferSource[k]]
            // Binding: v = kon f_a c F − koff B with c = scale · y[ligand].
            case .ligandScale(let l):
                for r in receptorFree.indices {
                    let fa = modulation(r, y).affinity, free = y[receptorFree[r]]
                    for p in receptorPairStart[r]..<receptorPairEnd[r] where pairLigand[p] == l {
                        let dv = pairKon[p] * (pairModulated[p] != 0 ? fa : 1) * t * y[ligandState[l]] * free
                        d[pairState[p]] += dv
                        d[receptorFree[r]] -= dv
                    }
                }
            case .kon(let p):
                let r = receptor(ofPair: p), l = pairLigand[p]
                let fa = pairModulated[p] != 0 ? modulation(r, y).affinity : 1
                let dv = t * fa * ligandScale[l] * y[ligandState[l]] * y[receptorFree[r]]
                d[pairState[p]] += dv
                d[receptorFree[r]] -= dv
            case .koff(let p):
                let dv = -t * y[pairState[p]]
                d[pairState[p]] += dv
                d[receptorFree[receptor(ofPair: p)]] -= dv
            case .desensitization(let p):
                let b = y[pairState[p]]
                d[pairState[p]] -= t * b
                d[receptorDesensitized[receptor(ofPair: p)]] += t * b
            case .internalization(let p):
                let b = y[pairState[p]]
                d[pairState[p]] -= t * b
                d[receptorInternal[receptor(ofPair: p)]] += pairRecycles[p] * t * b
            case .efficacy(let p, let r):
                let fe = pairModulated[p] != 0 ? modulation(r, y).efficacy : 1
                raw[r] += t * fe * y[pairState[p]]
            case .activation(let p, let r):
                activation[r] += t * y[pairState[p]]
            // Trafficking.
            case .synthesis(let r):
                d[receptorFree[r]] += t
            case .endocytosis(let r):
                let free = y[receptorFree[r]]
                d[receptorFree[r]] -= t * free
                d[receptorInternal[r]] += t * free
            case .resensitization(let r):
                let des = y[receptorDesensitized[r]]
                d[receptorFree[r]] += t * des
                d[receptorDesensitized[r]] -= t * des
            case .recycling(let r):
                let inside = y[receptorInternal[r]], agonistInside = y[receptorAgonistInternal[r]]
                d[receptorFree[r]] += t * (inside + agonistInside)
                d[receptorInternal[r]] -= t * inside
                d[receptorAgonistInternal[r]] -= t * agonistInside
            case .degradation(let r):
                d[receptorInternal[r]] -= t * y[receptorInternal[r]]
            case .agonistDegradation(let r):
                d[receptorAgonistInternal[r]] -= t * y[receptorAgonistInternal[r]]
            case .arrestinInternalization(let r):
                let des = y[receptorDesensitized[r]]
                d[receptorDesensitized[r]] -= t * des
                d[receptorAgonistInternal[r]] += t * des
            case .constitutive(let r):
                raw[r] += t * y[receptorFree[r]]
            // Rates of the rule-driven states: dA/dt = k (target − A).
            case .fastRate:
                d[lcFastState] += t * (drives.lcFastTarget - y[lcFastState])
                d[rewardFastState] += t * (drives.rewardFastTarget - y[rewardFastState])
            case .slowRate:
                d[lcSlowState] += t * (drives.lcSlowTarget - y[lcSlowState])
                d[rewardSlowState] += t * (drives.rewardSlowTarget - y[rewardSlowState])
            case .extrinsicRate:
                d[lcExtrinsicState] += t * (drives.extrinsicTarget - y[lcExtrinsicState])
            case .endorphinSuppressionRate:
                d[endorphinSuppressionState] += t * (drives.endorphinSuppressionTarget - y[endorphinSuppressionState])
            case .dynorphinInductionRate:
                d[dynorphinInductionState] += t * (drives.dynorphinInductionTarget - y[dynorphinInductionState])
            // Peptides: dP/dt = k_cl (P_prod − P), P_prod = production · drive · feedback.
            case .peptideClearance(let q):
                let i = peptideState[q]
                d[i] += t * (productionTarget(q, y) - y[i])
            case .peptideProduction(let q):
                d[peptideState[q]] += peptideClearance[q] * t * peptideDrive[q] * peptideFeedback(q, y)
            case .peptideDrive(let q):
                d[peptideState[q]] += peptideClearance[q] * peptideProduction[q] * t * peptideFeedback(q, y)
            case .endorphinSuppressionGain:
                let q = endorphinPeptide
                if q >= 0 { d[peptideState[q]] += peptideClearance[q] * productionTarget(q, y) * (-t * y[endorphinSuppressionState]) }
            case .dynorphinInductionGain:
                let q = dynorphinPeptide
                if q >= 0 { d[peptideState[q]] += peptideClearance[q] * productionTarget(q, y) * (t * y[dynorphinInductionState]) }
            }
        }
    }

    /// The feedback factor of peptide q's production: e^{−g X_e} for endorphin, e^{g X_d} for
    /// dynorphin, 1 otherwise (as in `evaluate`).
    func peptideFeedback(_ q: Int, _ y: UnsafeBufferPointer<Double>) -> Double {
        var factor = 1.0
        if q == endorphinPeptide { factor *= exp(-endorphinSuppressionGain * y[endorphinSuppressionState]) }
        if q == dynorphinPeptide { factor *= exp(dynorphinInductionGain * y[dynorphinInductionState]) }
        return factor
    }

    /// Peptide q's production target P_prod at `y`, nM.
    func productionTarget(_ q: Int, _ y: UnsafeBufferPointer<Double>) -> Double {
        peptideProduction[q] * peptideDrive[q] * peptideFeedback(q, y)
    }

    /// Adds the tangent of the rule-driven rows for a tangent `drives` of the rules' drives
    /// (rates fixed; their own slopes are `addCoefficientTangent`'s).
    func addRuleTangent(_ drives: SignallingRules.Drives<Double>, into d: UnsafeMutableBufferPointer<Double>) {
        d[receptorUncoupled[muReceptor]] += drives.muUncoupling
        if deltaReceptor >= 0 { d[receptorUncoupled[deltaReceptor]] += drives.deltaUncoupling }
        if kappaReceptor >= 0 { d[receptorUncoupled[kappaReceptor]] += drives.kappaUncoupling }
        d[lcFastState] += fastRate * drives.lcFastTarget
        d[lcSlowState] += slowRate * drives.lcSlowTarget
        d[rewardFastState] += fastRate * drives.rewardFastTarget
        d[rewardSlowState] += slowRate * drives.rewardSlowTarget
        d[lcExtrinsicState] += extrinsicRate * drives.extrinsicTarget
        if ketaminePlasticityState >= 0 { d[ketaminePlasticityState] += drives.ketaminePlasticity }
        d[endorphinSuppressionState] += endorphinSuppressionRate * drives.endorphinSuppressionTarget
        d[dynorphinInductionState] += dynorphinInductionRate * drives.dynorphinInductionTarget
    }

    /// Adds the slope of the rules' constants and set points between the rules compiled at
    /// p e^{±h} (`direction.rulesPlus`, `.rulesMinus`), at the rule inputs `inputs`: the rule-driven rows'
    /// central difference in ln p over 2 sinh h rather than 2h, so it is exact for a row linear
    /// in a constant ∝ p (a gain: c e^{±h} differ by 2c sinh h), O(h²) otherwise (set points,
    /// constants inside a saturation; the rules are not restated with their constants generic,
    /// see `ParametricReceptorSystem`). Includes NMDA's uncoupling recovery row. `circuits`: the
    /// base's, when its constants are both systems' (`ParameterDirection.circuitsMove`).
    func addRuleConstantSlope(_ direction: ParameterDirection, inputs: SignallingRules.Inputs<Double>,
                              circuits: SignallingRules.Circuits<Double>?,
                              state y: UnsafeBufferPointer<Double>, into d: UnsafeMutableBufferPointer<Double>) {
        let s = direction.ruleSlopeScale
        let stress = stimulusIntensity[Self.stressIndex]
        let up = direction.rulesPlus.drives(inputs, circuits: circuits ?? direction.rulesPlus.circuits(inputs), stress: stress)
        let down = direction.rulesMinus.drives(inputs, circuits: circuits ?? direction.rulesMinus.circuits(inputs), stress: stress)
        addRuleTangent(SignallingRules.Drives(
            muUncoupling: (up.muUncoupling - down.muUncoupling) * s,
            deltaUncoupling: (up.deltaUncoupling - down.deltaUncoupling) * s,
            kappaUncoupling: (up.kappaUncoupling - down.kappaUncoupling) * s,
            lcFastTarget: (up.lcFastTarget - down.lcFastTarget) * s, lcSlowTarget: (up.lcSlowTarget - down.lcSlowTarget) * s,
            rewardFastTarget: (up.rewardFastTarget - down.rewardFastTarget) * s,
            rewardSlowTarget: (up.rewardSlowTarget - down.rewardSlowTarget) * s,
            extrinsicTarget: (up.extrinsicTarget - down.extrinsicTarget) * s,
            ketaminePlasticity: (up.ketaminePlasticity - down.ketaminePlasticity) * s,
            endorphinSuppressionTarget: (up.endorphinSuppressionTarget - down.endorphinSuppressionTarget) * s,
            dynorphinInductionTarget: (up.dynorphinInductionTarget - down.dynorphinInductionTarget) * s), into: d)
        if nmdaReceptor >= 0 {
            let i = receptorUncoupled[nmdaReceptor]
            d[i] -= (direction.rulesPlus.uncouplingRecoveryRate - direction.rulesMinus.uncouplingRecoveryRate) * s * y[i]
        }
    }

    /// Adds, for up to 8 parameters at once, the rules' tangent along their inputs' tangents
    /// (`tangents[j]`, written into column `tangents[j].parameter` of `matrix`): one `Dual`
    /// pass of the rules with lane j seeded by parameter j's input tangents, so the rules are
    /// stated once.
    func addRuleInputTangents(inputs x: SignallingRules.Inputs<Double>, _ tangents: UnsafeMutableBufferPointer<RuleInputTangent>,
                              matrix: UnsafeMutableBufferPointer<Double>) {
        func lanes(_ r: Int, _ part: (RuleInputTangent) -> SIMD4<Double>) -> SIMD8<Double> {
            var g = SIMD8<Double>(repeating: 0)
            if r >= 0 { for j in tangents.indices { g[j] = part(tangents[j])[r] } }
            return g
        }
        let mu = muReceptor, delta = deltaReceptor, kappa = kappaReceptor
        let inputs = SignallingRules.Inputs<Dual>(
            muRaw: Dual(value: x.muRaw, gradient: lanes(mu, \.raw)), deltaRaw: Dual(value: x.deltaRaw, gradient: lanes(delta, \.raw)),
            kappaRaw: Dual(value: x.kappaRaw, gradient: lanes(kappa, \.raw)),
            muUncoupled: Dual(x.muUncoupled), deltaUncoupled: Dual(x.deltaUncoupled), kappaUncoupled: Dual(x.kappaUncoupled),
            muActivation: Dual(value: x.muActivation, gradient: lanes(mu, \.activation)),
            deltaActivation: Dual(value: x.deltaActivation, gradient: lanes(delta, \.activation)),
            kappaActivation: Dual(value: x.kappaActivation, gradient: lanes(kappa, \.activation)),
            nmdaAvailable: Dual(x.nmdaAvailable), lcAdaptation: Dual(x.lcAdaptation), rewardAdaptation: Dual(x.rewardAdaptation),
            ketaminePlasticity: Dual(x.ketaminePlasticity))
        let drives = rules.drives(inputs, circuits: rules.circuits(inputs), stress: Dual(stimulusIntensity[Self.stressIndex]))
        let n = dimension
        for j in tangents.indices {
            let k = tangents[j].parameter
            addRuleTangent(SignallingRules.Drives(
                muUncoupling: drives.muUncoupling.gradient[j], deltaUncoupling: drives.deltaUncoupling.gradient[j],
                kappaUncoupling: drives.kappaUncoupling.gradient[j], lcFastTarget: drives.lcFastTarget.gradient[j],
                lcSlowTarget: drives.lcSlowTarget.gradient[j], rewardFastTarget: drives.rewardFastTarget.gradient[j],
                rewardSlowTarget: drives.rewardSlowTarget.gradient[j], extrinsicTarget: drives.extrinsicTarget.gradient[j],
                ketaminePlasticity: drives.ketaminePlasticity.gradient[j],
                endorphinSuppressionTarget: drives.endorphinSuppressionTarget.gradient[j],
                dynorphinInductionTarget: drives.dynorphinInductionTarget.gradient[j]),
                into: UnsafeMutableBufferPointer(rebasing: matrix[(k * n)..<((k + 1) * n)]))
        }
    }
}

/// One parameter's tangents of the rule inputs Q'_r and a_r (per receptor), waiting for the
/// `Dual` pass of `ReceptorSystem.addRuleInputTangents`.
struct RuleInputTangent {
    var parameter: Int
    var raw: SIMD4<Double>
    var activation: SIMD4<Double>
}
