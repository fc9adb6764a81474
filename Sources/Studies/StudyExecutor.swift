import Dispatch
import Foundation

/// Runs members of a plan on several threads and returns their outcomes in member order.
///
/// Workers take the next member from a shared counter (dynamic load balance: members differ
/// in cost) and write its outcome into its own slot, so the output is in member order and
/// identical for any thread count. Each worker compiles its own copy of the base model once
/// (`StudyParameters.workerCopy`: no reference-counted buffer is shared between threads in the
/// hot loop); each run builds its own system, solver workspace and sink.
public enum StudyExecutor {
    /// Default thread count: the active processors.
    public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// - Parameters:
    ///   - members: which members to run (a shard's range).
    ///   - threads: worker count (≥ 1).
    ///   - recordBands: keep the band columns of every member for `PercentileBands`.
    ///   - progress: called after each member with the number done so far (from worker threads).
    static func run(_ plan: StudyPlan, members: Range<Int>, threads: Int, recordBands: Bool,
                    progress: (@Sendable (Int) -> Void)?) -> [MemberOutcome] {
        let slots = OutcomeSlots(count: members.count)
        let workers = max(1, min(threads, members.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            // Per-worker state: a private copy of the compiled base (see `workerCopy`).
            let parameters = plan.parameters.workerCopy()
            while let k = slots.claim() {
                let outcome = plan.run(members.lowerBound + k, recordBands: recordBands, parameters: parameters)
                let done = slots.store(outcome, at: k)
                progress?(done)
            }
        }
        return slots.outcomes()
    }
}

/// The shared state of one execution: the next unclaimed member and the finished outcomes.
/// A lock guards both; it is taken twice per member (milliseconds of work), never in a solve.
final class OutcomeSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var done = 0
    private var slots: [MemberOutcome?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ outcome: MemberOutcome, at k: Int) -> Int {
        lock.lock(); defer { lock.unlock() }
        slots[k] = outcome
        done += 1
        return done
    }

    func outcomes() -> [MemberOutcome] {
        lock.lock(); defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
