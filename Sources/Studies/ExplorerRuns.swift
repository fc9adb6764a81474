import Dispatch
import Foundation
import Pharmacology
import Reports

/// The time courses of every point of a sweep, each reduced while it runs to what a chart
/// draws (`SeriesEnvelope`), for `receptor-sim explore`. The members are those of a sweep
/// plan (`StudyPlan.sweep`: the same names, values, validation and compiled-model reuse);
/// where `Study.run` keeps a summary row per member, this keeps the reduced series.
package enum ExplorerRuns {
    /// One member: its reduced series (the plan's metric columns, in order) or its error.
    package struct Outcome: Sendable {
        package let index: Int
        package let values: [Double]
        package let envelope: SeriesEnvelope?
        package let error: String?
        /// The member's administrations and infusions (its dose fields applied).
        package let annotations: PlotAnnotations
    }

    /// Runs every member of `plan` on `threads` workers, reducing its metric columns over
    /// `buckets` drawing columns of `spanHours` (default: the whole run).
    /// - Parameter progress: called after each member (from worker threads).
    /// - Returns: the outcomes in member order.
    /// - Complexity: memory O(members · columns · buckets).
    package static func run(_ plan: StudyPlan, buckets: Int, spanHours: ClosedRange<Double>? = nil, threads: Int,
                            progress: (@Sendable () -> Void)? = nil) -> [Outcome] {
        let results = Results(count: plan.count)
        let workers = max(1, min(threads, plan.count))
        let span = spanHours ?? 0...plan.parameters.base.scenario.durationHours
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            // A private copy of the compiled base, as `StudyExecutor` does.
            let parameters = plan.parameters.workerCopy()
            while let k = results.claim() {
                let values = plan.valuesOf(k)
                var sink = SeriesEnvelope(columns: plan.metricColumns.count, spanHours: span, buckets: buckets)
                let outcome: Outcome
                var annotations = PlotAnnotations()
                do {
                    let model = try parameters.model(values: values)
                    annotations = PlotAnnotations(scenario: model.scenario)
                    try ReceptorModel.simulate(model, solver: plan.solver, columns: plan.metricColumns, intervalHours: plan.intervalHours, into: &sink)
                    sink.finish()
                    outcome = Outcome(index: k, values: values, envelope: sink, error: nil, annotations: annotations)
                } catch {
                    outcome = Outcome(index: k, values: values, envelope: nil, error: "\(error)", annotations: annotations)
                }
                results.store(outcome, at: k)
                progress?()
            }
        }
        return results.outcomes
    }
}

/// Outcomes by member index, filled from worker threads under a lock.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [ExplorerRuns.Outcome?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ outcome: ExplorerRuns.Outcome, at k: Int) {
        lock.lock(); defer { lock.unlock() }
        slots[k] = outcome
    }

    var outcomes: [ExplorerRuns.Outcome] {
        lock.lock(); defer { lock.unlock() }
        return slots.map { $0! }
    }
}
