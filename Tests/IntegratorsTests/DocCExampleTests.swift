import Foundation
import Testing
import TestSupport
// BEGIN ARTICLE EXAMPLE
import Integrators

/// Robertson's chemical kinetics: y1 → y2 slowly, y2 + y2 → y3 + y2 fast, y2 + y3 → y1 + y3.
struct RobertsonReaction: ODESystem {
    var dimension: Int { 3 }
    var providesJacobian: Bool { true }
    var isAutonomous: Bool { true }

    func evaluate(
        time: Double, state y: UnsafeBufferPointer<Double>,
        derivative dy: UnsafeMutableBufferPointer<Double>
    ) {
        dy[0] = -0.04 * y[0] + 1e4 * y[1] * y[2]
        dy[1] = 0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] * y[1]
        dy[2] = 3e7 * y[1] * y[1]
    }

    func jacobian(
        time: Double, state y: UnsafeBufferPointer<Double>,
        into j: UnsafeMutableBufferPointer<Double>
    ) {
        // Row-major: j[i * 3 + k] = ∂f_i/∂y_k.
        j[0] = -0.04; j[1] = 1e4 * y[2];              j[2] = 1e4 * y[1]
        j[3] = 0.04;  j[4] = -1e4 * y[2] - 6e7 * y[1]; j[5] = -1e4 * y[1]
        j[6] = 0;     j[7] = 6e7 * y[1];              j[8] = 0
    }
}

/// Solves to t = 1e11 with Rodas5P, recording the state at six times spread over the decades.
func solveRobertson() throws -> (solution: ODESolution<RobertsonReaction>, recorded: TrajectoryRecorder) {
    let problem = ODEProblem(
        system: RobertsonReaction(), initialState: [1, 0, 0], startTime: 0, endTime: 1e11)
    // y2 ends near 1e-13: the absolute tolerance must be far below it to control it.
    let options = SolverOptions(relativeTolerance: .scalar(1e-8), absoluteTolerance: .scalar(1e-16))
    var recorder = TrajectoryRecorder(dimension: 3)
    let solution = try ODESolver.solve(
        problem, method: .rodas5P, options: options,
        output: .times([1e-5, 1e-2, 1e1, 1e4, 1e7, 1e11]), into: &recorder)
    return (solution, recorder)
}
// END ARTICLE EXAMPLE

/// The DocC article `Integrators.docc/SolvingAStiffSystem.md`: its code block is exactly the
/// marked region of this file (so the article compiles against the public API: this file
/// imports `Integrators` without `@testable`), and the example's result is the IVP Test Set
/// reference of ROBER at t = 1e11 (Mazzia & Magherini, `rober.f`; quoted in
/// shared/reference/solvers.md section 1.1).
@Suite struct DocCExampleTests {
    static let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    @Test func articleShowsExactlyTheCodeThisFileCompiles() throws {
        let article = try String(
            contentsOf: Self.sourceDirectory.appendingPathComponent(
                "../../Sources/Integrators/Integrators.docc/SolvingAStiffSystem.md"),
            encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let block = try #require(Self.between("```swift\n", and: "```\n", in: article), "the article has a swift block")
        let region = try #require(
            Self.between("// BEGIN ARTICLE EXAMPLE\n", and: "// END ARTICLE EXAMPLE\n", in: source),
            "this file has the marked region")
        #expect(block == region, "the article's code differs from DocCExampleTests.swift's marked region")
    }

    @Test func exampleReachesTheTestSetReference() throws {
        let (solution, recorded) = try solveRobertson()
        let reference = [0.2083340149701255e-07, 0.8333360770334713e-13, 0.9999999791665050e+00]
        #expect(solution.finalTime == 1e11)
        // rtol 1e-8 on every step leaves a global error of a few 1e-7 relative (the stiff
        // benchmark's Rodas5P at rtol 1e-8 ends at 8e-6 with atol 1e-11).
        for i in 0..<3 {
            #expect(isClose(solution.finalState[i], reference[i], relative: 1e-5, absolute: 0),
                    "y\(i + 1) = \(solution.finalState[i]), reference \(reference[i])")
        }
        // The three species' total is an invariant every method here keeps to rounding.
        #expect(abs(solution.finalState.reduce(0, +) - 1) < 1e-12)
        #expect(recorded.times == [1e-5, 1e-2, 1e1, 1e4, 1e7, 1e11])
        #expect(recorded.state(at: 5) == solution.finalState)
        #expect(solution.statistics.acceptedSteps > 100 && solution.statistics.acceptedSteps < 5000,
                "\(solution.statistics)")
    }

    static func between(_ start: String, and end: String, in text: String) -> String? {
        guard let from = text.range(of: start), let to = text.range(of: end, range: from.upperBound..<text.endIndex)
        else { return nil }
        return String(text[from.upperBound..<to.lowerBound])
    }
}
