import Foundation
import Testing
import TestSupport

/// `receptor-sim fit --evaluate-only`: the printed gradient of S/2 with respect to ln(value)
/// (forward sensitivities, `--gradient sensitivities`) against central differences of the
/// printed S, on a small study of 'at', mean and AUC observations (the statistics the
/// sensitivities serve) in a temporary folder.
@Suite struct FitEvaluateOnlyTests {
    static let scenario = TestStudy.morphineIV

    static let observations = TestStudy.header(title: "Morphine IV gradient test") + """
        morphine_plasma_nM,at,1,,60,6,,48,72
        morphine_plasma_nM,at,4,,15,3,,9,21
        mu_pet_occupancy,at,2,,0.3,0.05,,0.2,0.4
        mu_surface_rel,mean,0,6,0.9,0.02,,0.86,0.94
        morphine_plasma_nM,auc,0,6,250,40,,170,330

        """

    static let parameters = ["morphine.clearance_l_per_h", "morphine.central_volume_l", "morphine.mu.ki_nM",
                             "mu.desensitization_rate_per_h"]

    /// The printed S and gradient (of S/2) of `fit --evaluate-only` with the given `-p` values.
    static func evaluate(_ directory: URL, _ values: [String: Double]) throws -> (s: Double, start: [String: Double], gradient: [String: Double]) {
        let arguments = parameters.flatMap { name in ["-p", values[name].map { "\(name)=\($0)" } ?? name] }
        let result = try runReceptorSim(["fit", "--dir", directory.path, "gradient-test", "--evaluate-only"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let sLine = try #require(lines.first { $0.hasPrefix("weighted sum of squares S = ") })
        let s = try #require(Double(sLine.dropFirst("weighted sum of squares S = ".count).split(separator: " ")[0]))
        var start: [String: Double] = [:], gradient: [String: Double] = [:]
        for name in parameters {
            let value = try #require(lines.first { $0.hasPrefix("  \(name) = ") })
            start[name] = Double(value.dropFirst("  \(name) = ".count))
            let row = try #require(lines.first { $0.hasPrefix("  \(name)\t") }).split(separator: "\t")
            gradient[name] = Double(row[1])
        }
        return (s, start, gradient)
    }

    @Test func gradientMatchesDifferencesOfTheObjective() throws {
        let directory = try makeTemporaryDirectory()
        try Self.scenario.write(to: directory.appendingPathComponent("gradient-test.json"), atomically: true, encoding: .utf8)
        try Self.observations.write(to: directory.appendingPathComponent("gradient-test.csv"), atomically: true, encoding: .utf8)
        let base = try Self.evaluate(directory, [:])
        // Every observation off its value, so S and its gradient are far from zero.
        #expect(base.s > 1)
        let delta = 0.01
        let size = max(Self.parameters.compactMap { base.gradient[$0] }.map(abs).max() ?? 0, 1e-3)
        for name in Self.parameters {
            let value = try #require(base.start[name])
            let up = try Self.evaluate(directory, [name: value * exp(delta)])
            let down = try Self.evaluate(directory, [name: value * exp(-delta)])
            // d(S/2)/d ln p by the central difference of the printed S, step 0.01 in ln p.
            let reference = (up.s - down.s) / (4 * delta)
            let gradient = try #require(base.gradient[name])
            // Truncation δ²/6 of the third derivative (about 2e-5 relative) and both sides' solver
            // error (the scenario's rtol 1e-6, over 2δ for the difference): 1e-3 of the largest
            // component, and each component's sign.
            #expect(abs(gradient - reference) <= 1e-3 * size, "\(name): printed \(gradient), difference \(reference)")
            #expect(abs(reference) < 1e-3 * size || (gradient > 0) == (reference > 0), "\(name): sign")
        }
    }
}
