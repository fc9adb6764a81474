import Foundation

/// Counts residual evaluations and failures across threads, and keeps the first few failure
/// messages for the report.
package final class EvaluationLedger: @unchecked Sendable {
    private let lock = NSLock()
    private var evaluationCount = 0
    private var failureCount = 0
    private var messages: [String] = []
    /// How many distinct failure messages are kept.
    static let keptMessages = 3

    package init() {}

    /// Evaluates `objective` at `x`, counting it; nil when it failed.
    func evaluate<Objective: LeastSquaresObjective>(_ objective: Objective, at x: [Double]) -> [Double]? {
        let result = objective.residuals(at: x)
        lock.lock(); defer { lock.unlock() }
        evaluationCount += 1
        switch result {
        case .success(let r) where r.allSatisfy(\.isFinite):
            return r
        case .success:
            failureCount += 1
            record("non-finite residual")
            return nil
        case .failure(let failure):
            failureCount += 1
            record(failure.message)
            return nil
        }
    }

    private func record(_ message: String) {
        if messages.count < Self.keptMessages, !messages.contains(message) { messages.append(message) }
    }

    /// Residual evaluations so far (each is one simulation of every study the objective holds).
    package var evaluations: Int { lock.lock(); defer { lock.unlock() }; return evaluationCount }
    /// Evaluations that failed (treated as infinite cost).
    package var failures: Int { lock.lock(); defer { lock.unlock() }; return failureCount }
    /// The first distinct failure messages.
    package var failureMessages: [String] { lock.lock(); defer { lock.unlock() }; return messages }
}

/// Results written by concurrent workers, one slot each.
final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [[Double]?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ k: Int, _ value: [Double]?) { lock.lock(); values[k] = value; lock.unlock() }
    func get(_ k: Int) -> [Double]? { lock.lock(); defer { lock.unlock() }; return values[k] }
}
