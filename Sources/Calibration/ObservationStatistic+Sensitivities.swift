import Validation

extension ObservationStatistic {
    /// Whether the statistic is a linear function of the output rows (`at`, `mean`, `auc`): its
    /// derivative is then the same statistic of the rows' derivatives, which the forward
    /// sensitivities give. A window extreme or its time moves with the solution between rows,
    /// and a half-life is a fit: those take central differences in `fit`.
    package var followsSensitivities: Bool { self == .at || self == .mean || self == .auc }
}
