/// How `fit` computes the Jacobian of its residuals with respect to ln(value) of the parameters.
package enum JacobianMethod: String, Sendable, CaseIterable {
    /// Forward sensitivities of the receptor model (`ReceptorModel.simulateWithSensitivities`)
    /// for every observation whose statistic is linear in the output rows (`at`, `mean`,
    /// `auc`): one sensitivity solve per study instead of 2p simulations. Window extremes
    /// (`max`, `min`, `time_of_max`, `time_of_min`) and half-lives, and every observation of a
    /// study whose sensitivity solve fails, take central differences.
    case sensitivities
    /// Central differences in ln(value), step 0.01, for every study (`CentralDifferenceJacobian`).
    case differences
}
