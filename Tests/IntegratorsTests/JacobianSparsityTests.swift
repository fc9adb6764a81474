import Foundation
import Testing
@testable import Integrators
import TestSupport

/// A chain y_{i-1} → y_i with a bimolecular coupling y_{i+7} · y_{i+13} into each y_i, started
/// with everything in y_0: most couplings (and their Jacobian entries) are exact zeros at the
/// start and appear as the material spreads, the case a declared sparsity must cover.
struct SpreadingChain: ODESystem {
    static let size = 30
    /// Whether the system declares its sparsity (and writes only those entries).
    var declares: Bool
    var dimension: Int { Self.size }
    var providesJacobian: Bool { true }
    var isAutonomous: Bool { true }

    static func rate(_ i: Int) -> Double { 0.5 + Double(i % 4) }
    static func partners(_ i: Int) -> (Int, Int) { ((i + 7) % size, (i + 13) % size) }

    func evaluate(time: Double, state y: UnsafeBufferPointer<Double>, derivative f: UnsafeMutableBufferPointer<Double>) {
        let n = Self.size
        for i in 0..<n {
            let (a, b) = Self.partners(i)
            f[i] = -Self.rate(i) * y[i] + (i > 0 ? Self.rate(i - 1) * y[i - 1] : 0) + 0.8 * y[a] * y[b] - 0.8 * y[i] * y[i]
        }
    }

    func jacobian(time: Double, state y: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>) {
        for index in 0..<(Self.size * Self.size) { m[index] = 0 }
        jacobianEntries(time: time, state: y, into: m)
    }

    func jacobianEntries(time: Double, state y: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>) {
        let n = Self.size
        for position in Self.pattern { m[position] = 0 }
        for i in 0..<n {
            let (a, b) = Self.partners(i)
            m[i * n + i] += -Self.rate(i) - 1.6 * y[i]
            if i > 0 { m[i * n + i - 1] += Self.rate(i - 1) }
            m[i * n + a] += 0.8 * y[b]
            m[i * n + b] += 0.8 * y[a]
        }
    }

    static let pattern: [Int] = {
        var positions = Set<Int>()
        for i in 0..<size {
            let (a, b) = partners(i)
            positions.formUnion([i * size + i, i * size + a, i * size + b])
            if i > 0 { positions.insert(i * size + i - 1) }
        }
        return positions.sorted()
    }()

    var jacobianSparsity: [Int]? { declares ? Self.pattern : nil }
}

@Suite struct JacobianSparsityTests {
    func finalState(declares: Bool, method: IntegrationMethod) throws -> (state: [Double], statistics: SolverStatistics) {
        var initial = [Double](repeating: 0, count: SpreadingChain.size)
        initial[0] = 1
        var sink = DiscardingSink()
        let solution = try ODESolver.solve(
            ODEProblem(system: SpreadingChain(declares: declares), initialState: initial, startTime: 0, endTime: 40),
            method: method, options: SolverOptions(relativeTolerance: .scalar(1e-8), absoluteTolerance: .scalar(1e-12)),
            output: .times([]), into: &sink)
        return (solution.finalState, solution.statistics)
    }

    /// Declaring the sparsity changes how W is built and solved, not the answer: the final
    /// states agree to rounding, with the same number of steps, for both Rosenbrock methods and
    /// the BDF.
    @Test(arguments: [IntegrationMethod.rodas5P, .rosenbrock23, .bdf])
    func declaredSparsityGivesTheSameSolution(method: IntegrationMethod) throws {
        let declared = try finalState(declares: true, method: method)
        let scanned = try finalState(declares: false, method: method)
        #expect(declared.statistics.acceptedSteps == scanned.statistics.acceptedSteps)
        for i in 0..<SpreadingChain.size {
            #expect(isClose(declared.state[i], scanned.state[i], relative: 1e-9, absolute: 1e-14), "y[\(i)]")
        }
        // The couplings did come alive: material reached the far end of the chain.
        #expect(declared.state[SpreadingChain.size - 1] > 1e-3)
    }
}
