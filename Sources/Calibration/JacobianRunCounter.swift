import Foundation

/// Counts the Jacobian's own model runs across threads (`CalibrationProblem.studyJacobian`):
/// sensitivity solves (one per study) and the single-study simulations of central differences.
package final class JacobianRunCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var solves = 0
    private var runs = 0
    package init() {}
    func add(sensitivitySolves: Int = 0, differenceRuns: Int = 0) {
        lock.lock(); defer { lock.unlock() }
        solves += sensitivitySolves
        runs += differenceRuns
    }
    /// Sensitivity solves (each one study with its sensitivities).
    package var sensitivitySolves: Int { lock.lock(); defer { lock.unlock() }; return solves }
    /// Study simulations run for central differences inside the Jacobian.
    package var differenceRuns: Int { lock.lock(); defer { lock.unlock() }; return runs }
}
