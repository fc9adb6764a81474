/// N virtual subjects: which quantities vary, how much, and the seed.
package struct PopulationDesign: Sendable {
    package let size: Int
    package let seed: UInt64
    package let variabilities: [Variability]
    package let parameters: StudyParameters
    let medians: [Double]
    let sigmas: [Double]

    /// Largest population accepted.
    package static let maximumSize = 10_000_000

    /// - Throws: `StudyError.tooLarge`, and the errors of `StudyParameters.init`.
    /// - Parameter members: per member, the event table `ID` and the scenario it runs (the k-th
    ///   subject's regimen); nil when every member runs the base scenario. Dose fields cannot vary then.
    package init(size: Int, seed: UInt64, variabilities: [Variability], base: CompiledModel,
                library: DrugLibrary = .builtIn, members: [(id: String, scenario: Scenario)]? = nil) throws(StudyError) {
        guard size <= Self.maximumSize else { throw .tooLarge(what: "the population", count: size, limit: Self.maximumSize) }
        self.size = size
        self.seed = seed
        self.variabilities = variabilities
        var parameters = try StudyParameters(names: variabilities.map(\.name), base: base, library: library)
        for (k, target) in parameters.targets.enumerated() {
            if case .dose(_, .count) = target {
                throw .invalidDoseField(name: parameters.names[k], reason: "a dose count is a whole number and cannot vary log-normally")
            }
            if case .dose = target, members != nil {
                throw .invalidDoseField(name: parameters.names[k], reason: "each member's doses come from its ID in the event table")
            }
        }
        if let members {
            precondition(members.count == size, "one scenario per member")
            parameters.memberScenarios = members.map(\.scenario)
            parameters.memberIDs = members.map(\.id)
        }
        self.parameters = parameters
        medians = parameters.baseNamedValues
        sigmas = variabilities.map(\.sigma)
    }

    /// The values of member `member`'s varied quantities (in `variabilities` order). A pure
    /// function of (seed, member): the same on any thread, worker or shard.
    package func values(member: Int) -> [Double] {
        var stream = RandomStream(seed: seed, member: UInt64(member))
        var out = medians
        for k in 0..<out.count {
            let z = stream.nextStandardNormal()
            out[k] = medians[k] * (sigmas[k] * z).exp
        }
        return out
    }
}

import BuiltInLibrary
import Foundation
import Pharmacology

extension Double {
    fileprivate var exp: Double { Foundation.exp(self) }
}
