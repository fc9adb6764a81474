import Dispatch
import Foundation

/// Runs members of a plan on several threads and hands their outcomes on in member order.
///
/// Workers take the next member from a shared counter (dynamic load balance: members differ
/// in cost). A finished outcome waits only until every earlier member has finished, then goes to
/// `emit`, so the output is in member order, identical for any thread count, and only the few
/// outcomes finished out of order are held in memory. Each worker compiles its own copy of the
/// base model once (`StudyParameters.workerCopy`: no reference-counted buffer is shared between
/// threads in the hot loop); each run builds its own system, solver workspace and sink.
package enum StudyExecutor {
    /// Default thread count: the active processors.
    package static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// - Parameters:
    ///   - members: which members to run (a shard's range).
    ///   - threads: worker count (≥ 1).
    ///   - recordBands: keep the band columns of every member for `PercentileBands`.
    ///   - progress: called after each member with the number done so far (from worker threads).
    ///   - emit: called once per member, in member order, one call at a time (under a lock).
    static func run(_ plan: StudyPlan, members: Range<Int>, threads: Int, recordBands: Bool,
                    progress: (@Sendable (Int) -> Void)?, emit: @escaping (MemberOutcome) -> Void) {
        let slots = OutcomeSlots(count: members.count, emit: emit)
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
    }

    /// All outcomes in member order (tests and small studies).
    static func run(_ plan: StudyPlan, members: Range<Int>, threads: Int, recordBands: Bool,
                    progress: (@Sendable (Int) -> Void)?) -> [MemberOutcome] {
        var outcomes: [MemberOutcome] = []
        run(plan, members: members, threads: threads, recordBands: recordBands, progress: progress) { outcomes.append($0) }
        return outcomes
    }
}

/// The shared state of one execution: the next unclaimed member, the outcomes finished ahead of
/// an unfinished earlier member, and the next member to emit. A lock guards all of it; it is
/// taken twice per member (milliseconds of work), never inside a solve.
final class OutcomeSlots: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private let emit: (MemberOutcome) -> Void
    private var next = 0
    private var done = 0
    private var nextToEmit = 0
    private var waiting: [Int: MemberOutcome] = [:]

    init(count: Int, emit: @escaping (MemberOutcome) -> Void) {
        self.count = count
        self.emit = emit
    }

    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    /// Records member `k` and emits every member now complete in order; returns the count done.
    func store(_ outcome: MemberOutcome, at k: Int) -> Int {
        lock.lock(); defer { lock.unlock() }
        waiting[k] = outcome
        while let ready = waiting.removeValue(forKey: nextToEmit) {
            emit(ready)
            nextToEmit += 1
        }
        done += 1
        return done
    }
}
