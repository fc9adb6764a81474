/// A library number with where it came from: a paper and table, or "model assumption: reason".
///
/// Every value the model uses is one of these, so `receptor-sim drugs NAME` can print the
/// source next to each number and a reviewer can trace any behaviour back to the literature.
public struct Sourced: Sendable, Equatable {
    public var value: Double
    public var source: String

    public init(_ value: Double, _ source: String) {
        self.value = value
        self.source = source
    }
}
