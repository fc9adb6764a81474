import BuiltInLibrary
import Dispatch
import Foundation
import Pharmacology

/// What a challenge gives and measures: probe doses of one drug by one route at several times
/// of a scenario's run, and the observable whose change is the response.
package struct ChallengeDesign: Sendable, Equatable {
    /// Default length of the window after the probe in which the peak change is taken, h: long
    /// enough for an IV, intranasal or intramuscular probe to peak, short enough that the
    /// scenario's own next doses and drift matter little (they are subtracted anyway).
    package static let defaultWindowHours = 4.0
    /// The window is sampled at this many equal intervals (dense output; 7.2 s for 4 h).
    package static let gridIntervals = 2000

    /// Branch times, h from the start of the run (the first is the reference of the fold shift).
    package var timesHours: [Double]
    package var probeDrug: String
    package var probeRoute: Route
    /// Probe doses, mg, each > 0.
    package var dosesMilligrams: [Double]
    /// The CSV column whose change is the response (`mu_response`, `mu_occupancy_total`, ...).
    package var observable: String
    package var windowHours: Double

    package init(timesHours: [Double], probeDrug: String, probeRoute: Route, dosesMilligrams: [Double],
                 observable: String, windowHours: Double = ChallengeDesign.defaultWindowHours) {
        self.timesHours = timesHours
        self.probeDrug = probeDrug
        self.probeRoute = probeRoute
        self.dosesMilligrams = dosesMilligrams
        self.observable = observable
        self.windowHours = windowHours
    }

    /// The probe as a dose entry of the scenario: one dose at `timeHours`.
    package func probe(atHours timeHours: Double, milligrams: Double) -> DoseRegimen {
        DoseRegimen(drug: probeDrug, route: probeRoute, schedule: .single(atHours: timeHours, amountMilligrams: milligrams))
    }
}

/// The dose-response curve measured at one branch time.
package struct ChallengeCurve: Sendable, Equatable {
    package var timeHours: Double
    package var dosesMilligrams: [Double]
    /// Peak change of the observable after each dose relative to the unprobed copy (signed: the
    /// difference of largest magnitude in the window), in the observable's unit.
    package var responses: [Double]
    /// Hours from the probe to that peak.
    package var peakAfterHours: [Double]
    /// The Hill fit, nil when fewer than three doses changed the observable.
    package var fit: HillFit?
    /// The ED50 (mg), or why it is not determinable.
    package var ed50: Result<Double, ED50Problem>
    /// ED50 over the first curve's ED50; nil when either is not determinable.
    package var foldShift: Double?

    package var ed50Milligrams: Double? { if case .success(let v) = ed50 { return v } else { return nil } }
}

/// A tolerance (or cross-tolerance) challenge: the scenario run to each branch time, each
/// probe dose given to a copy of the state there, and the dose-response curve of each time with
/// its ED50 and the fold shift against the first time.
///
/// One compile serves every branch (`BranchableModel`); one run to the latest branch time gives
/// every branch point; each time then runs one unprobed copy and one copy per dose over the
/// window, in parallel. The response of a dose is the peak over the window of (probed −
/// unprobed) on a grid of `ChallengeDesign.gridIntervals` intervals, so the scenario's own
/// doses and slow drift during the window cancel.
package enum ToleranceChallenge {
    /// - Parameters:
    ///   - threads: workers for the branches (≥ 1).
    /// - Throws: `ModelError` (compile, unknown column, solver failure).
    /// - Complexity: one run to the latest time plus times × (doses + 1) runs over the window.
    package static func run(
        scenario: Scenario, design: ChallengeDesign, library: DrugLibrary = .builtIn, threads: Int = 1
    ) throws -> [ChallengeCurve] {
        let largest = design.dosesMilligrams.max() ?? 1
        let model = try BranchableModel(
            scenario: scenario, extraDoses: [design.probe(atHours: design.timesHours.first ?? 0, milligrams: largest)],
            library: library)
        let points = try model.branchPoints(at: design.timesHours)
        let runsPerTime = design.dosesMilligrams.count + 1
        let results = BranchResults(count: points.count * runsPerTime)
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, results.count))) { _ in
            while let task = results.claim() {
                let point = points[task / runsPerTime], dose = task % runsPerTime
                let grid = (0...ChallengeDesign.gridIntervals).map {
                    point.timeHours + design.windowHours * Double($0) / Double(ChallengeDesign.gridIntervals)
                }
                var recorder = ObservableRecorder(columns: [design.observable])
                do {
                    let doses = dose == 0 ? [] : [design.probe(atHours: point.timeHours, milligrams: design.dosesMilligrams[dose - 1])]
                    try model.simulate(from: point, durationHours: design.windowHours, adding: doses,
                                       columns: [design.observable], outputTimes: grid, into: &recorder)
                    results.store(.success(recorder.series(design.observable)), at: task)
                } catch {
                    results.store(.failure(error), at: task)
                }
            }
        }
        var curves: [ChallengeCurve] = []
        for (k, point) in points.enumerated() {
            let control = try results.value(at: k * runsPerTime)
            var responses: [Double] = [], after: [Double] = []
            for d in design.dosesMilligrams.indices {
                let probed = try results.value(at: k * runsPerTime + d + 1)
                let peak = peakChange(probed: probed, control: control)
                responses.append(peak.change)
                after.append(design.windowHours * Double(peak.index) / Double(ChallengeDesign.gridIntervals))
            }
            let fit = HillEstimator.fit(dosesMilligrams: design.dosesMilligrams, responses: responses)
            curves.append(ChallengeCurve(
                timeHours: point.timeHours, dosesMilligrams: design.dosesMilligrams, responses: responses,
                peakAfterHours: after, fit: fit, ed50: HillEstimator.ed50(of: fit, dosesMilligrams: design.dosesMilligrams),
                foldShift: nil))
        }
        if let reference = curves.first?.ed50Milligrams {
            for k in curves.indices { curves[k].foldShift = curves[k].ed50Milligrams.map { $0 / reference } }
        }
        return curves
    }

    /// The difference (probed − control) of largest magnitude and its grid index (the first
    /// when several tie).
    package static func peakChange(probed: [Double], control: [Double]) -> (change: Double, index: Int) {
        var best = 0.0, index = 0
        for i in 0..<min(probed.count, control.count) {
            let d = probed[i] - control[i]
            if abs(d) > abs(best) { best = d; index = i }
        }
        return (best, index)
    }
}

/// The branch runs of a challenge: the next task to claim and each task's series (or error),
/// under a lock taken twice per run, never inside a solve.
private final class BranchResults: @unchecked Sendable {
    private let lock = NSLock()
    let count: Int
    private var next = 0
    private var values: [Result<[Double], any Error>?]

    init(count: Int) {
        self.count = count
        values = Array(repeating: nil, count: count)
    }

    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ value: Result<[Double], any Error>, at index: Int) {
        lock.lock(); defer { lock.unlock() }
        values[index] = value
    }

    func value(at index: Int) throws -> [Double] {
        lock.lock(); defer { lock.unlock() }
        return try values[index]!.get()
    }
}
