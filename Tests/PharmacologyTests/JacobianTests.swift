import BuiltInLibrary
import Foundation
import Testing
@testable import Pharmacology

@Suite struct JacobianTests {
    /// The kitchen-sink model with stimuli on, and a generic state off its steady state (drugs
    /// everywhere, receptors shuffled), so no term of the Jacobian vanishes by accident.
    private func genericPoint() throws -> (model: CompiledModel, system: ReceptorSystem, state: [Double]) {
        let model = try ReceptorModel.compile(kitchenSinkScenario())
        var system = model.system
        system.stimulusIntensity[0] = 0.7
        system.stimulusIntensity[2] = 0.4
        var y = model.initialState
        for i in 0..<model.dimension { y[i] = y[i] * (1 + 0.3 * sin(Double(i))) + 0.05 * (1 + cos(Double(3 * i))) }
        return (model, system, y)
    }

    /// Analytic Jacobian equals central finite differences at a state off the steady state
    /// (every drug, receptor, modulator and feedback term active).
    @Test func analyticJacobianMatchesFiniteDifferences() throws {
        let (model, system, y) = try genericPoint()
        let n = model.dimension
        var analytic = Array(repeating: 0.0, count: n * n)
        y.withUnsafeBufferPointer { yb in
            analytic.withUnsafeMutableBufferPointer { system.jacobian(time: 0, state: yb, into: $0) }
        }
        var worst = 0.0
        var worstAt = (0, 0)
        for j in 0..<n {
            let h = 1e-6 * max(1, abs(y[j]))
            var plus = y, minus = y
            plus[j] += h; minus[j] -= h
            let fp = SteadyState.residual(system, plus), fm = SteadyState.residual(system, minus)
            for i in 0..<n {
                let fd = (fp[i] - fm[i]) / (2 * h)
                let a = analytic[i * n + j]
                let err = abs(fd - a) / (1e-6 + abs(a) + abs(fd))
                if abs(fd - a) > 1e-5 * (1 + abs(a)) && err > worst { worst = err; worstAt = (i, j) }
            }
        }
        #expect(worst == 0, "worst mismatch \(worst) at d f[\(model.stateNames[worstAt.0])] / d \(model.stateNames[worstAt.1])")
        #expect(n > 40 && n < 100, "state size \(n)")
    }

    /// The declared sparsity is exact enough for the engine: every entry the Jacobian makes
    /// nonzero (at a generic state with every term active, so no structural zero hides) is
    /// declared, `jacobianEntries` writes exactly the declared entries, with the values of
    /// `jacobian`, and leaves every other entry alone.
    @Test func declaredSparsityCoversTheJacobian() throws {
        let (model, system, y) = try genericPoint()
        let n = model.dimension
        let declared = try #require(system.jacobianSparsity)
        #expect(declared == declared.sorted() && Set(declared).count == declared.count)
        let declaredSet = Set(declared)
        var full = [Double](repeating: 0, count: n * n)
        var entries = [Double](repeating: .nan, count: n * n)
        y.withUnsafeBufferPointer { yb in
            full.withUnsafeMutableBufferPointer { system.jacobian(time: 0, state: yb, into: $0) }
            entries.withUnsafeMutableBufferPointer { system.jacobianEntries(time: 0, state: yb, into: $0) }
        }
        let undeclaredNonzeros = (0..<(n * n)).filter { full[$0] != 0 && !declaredSet.contains($0) }
        #expect(undeclaredNonzeros.isEmpty, "undeclared nonzeros at \(undeclaredNonzeros.map { ($0 / n, $0 % n) })")
        let untouched = (0..<(n * n)).filter { entries[$0].isNaN }
        #expect(Set(untouched) == Set(0..<(n * n)).subtracting(declaredSet))
        for position in declared { #expect(entries[position] == full[position]) }
        // Sparse enough for the engine's sparse path (n >= 24, at most a quarter nonzero).
        #expect(4 * declared.count <= n * n, "\(declared.count) of \(n * n)")
    }

    /// The pattern is structural: at the drug-free steady state, where the drug terms of the
    /// Jacobian are exact zeros, the declared positions still include them (and every entry that
    /// is nonzero there), and a new parameter vector declares the same positions.
    @Test func declaredSparsityDoesNotDependOnTheState() throws {
        let model = try ReceptorModel.compile(kitchenSinkScenario())
        let n = model.dimension
        var atRest = [Double](repeating: 0, count: n * n)
        model.initialState.withUnsafeBufferPointer { yb in
            atRest.withUnsafeMutableBufferPointer { model.system.jacobian(time: 0, state: yb, into: $0) }
        }
        let declared = try #require(model.system.jacobianSparsity)
        let nonzeroAtRest = Set((0..<(n * n)).filter { atRest[$0] != 0 })
        #expect(nonzeroAtRest.isSubset(of: declared))
        #expect(nonzeroAtRest.count < declared.count, "drug terms vanish at rest: \(nonzeroAtRest.count) of \(declared.count)")
        // A new parameter vector (every value 10 % lower, so shares at 1 stay in their range)
        // keeps the same structure.
        let varied = try model.withParameterValues(model.parameterValues.map { $0 * 0.9 })
        #expect(varied.system.jacobianSparsity == declared)
    }

    /// The 13 rule inputs share 8 dual slots (`SignallingRules.Seed.slot`); that is exact only
    /// if no rule-driven row reads two inputs of one slot. Every `RuleMask` row is checked, and
    /// a row reading inputs of one slot is caught by name (mu stimulus and mu activation).
    @Test func ruleSlotsAreAColouring() {
        typealias Seed = SignallingRules.Seed
        func clash(_ mask: Int) -> Bool {
            var used = 0
            for k in 0..<Seed.count where mask & (1 << k) != 0 {
                let bit = 1 << Seed.slot(k)
                if used & bit != 0 { return true }
                used |= bit
            }
            return false
        }
        let rows: [(String, Int)] = [
            ("uncouplingMu", RuleMask.uncouplingMu), ("uncouplingDelta", RuleMask.uncouplingDelta),
            ("uncouplingKappa", RuleMask.uncouplingKappa), ("lcFast", RuleMask.lcFast), ("lcSlow", RuleMask.lcSlow),
            ("rewardFast", RuleMask.rewardFast), ("rewardSlow", RuleMask.rewardSlow), ("extrinsic", RuleMask.extrinsic),
            ("ketamine", RuleMask.ketamine), ("endorphinSuppression", RuleMask.endorphinSuppression),
            ("dynorphinInduction", RuleMask.dynorphinInduction),
        ]
        for (name, mask) in rows {
            #expect(!clash(mask), "rule row \(name) reads two inputs seeded in one dual slot")
        }
        for k in 0..<Seed.count { #expect((0..<8).contains(Seed.slot(k))) }
        #expect(clash((1 << Seed.muRaw) | (1 << Seed.muActivation)))
    }

    /// ρ, the C² max of the LC extrinsic drive: 0 below 0, x from w on, monotone and never above
    /// max(0, x) between, with value, slope and curvature continuous at both joins (the Dual slope
    /// against central differences), which is what removes the solver's rejections at its kink.
    @Test func smoothRampIsTwiceDifferentiableAndBelowTheMax() {
        let w = 0.02, h = 1e-7
        func rho(_ x: Double) -> Double { Double.smoothRamp(x, width: w) }
        func slope(_ x: Double) -> Double { Dual.smoothRamp(Dual.seed(x, 0), width: w).gradient[0] }
        #expect(rho(-0.5) == 0 && rho(0) == 0 && rho(w) == w && rho(3.0) == 3.0)
        var previous = 0.0
        for k in 1...199 {
            let x = w * Double(k) / 200
            #expect(rho(x) <= x && rho(x) >= previous, "ρ(\(x)) = \(rho(x))")
            previous = rho(x)
            #expect(abs(slope(x) - (rho(x + h) - rho(x - h)) / (2 * h)) < 1e-6, "ρ'(\(x))")
        }
        for join in [0.0, w] {
            #expect(abs(slope(join - h) - slope(join + h)) < 1e-4, "ρ' at \(join)")
            let curvatureLeft = (slope(join - h) - slope(join - 2 * h)) / h
            let curvatureRight = (slope(join + 2 * h) - slope(join + h)) / h
            #expect(abs(curvatureLeft - curvatureRight) < 0.1, "ρ'' at \(join): \(curvatureLeft), \(curvatureRight)")
        }
    }
}
