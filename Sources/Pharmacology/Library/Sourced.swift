import Foundation

/// A library number with where it came from: a paper and table, "model assumption: reason", or
/// a fit to named validation studies.
///
/// Every value the model uses is one of these, so `receptor-sim drugs NAME` can print the
/// source next to each number and a reviewer can trace any behaviour back to the literature.
public struct Sourced: Sendable, Equatable {
    /// Where a value comes from, as the parameter reference groups them.
    public enum Kind: String, Sendable {
        /// Read in, computed from, or recalled from a published source ([R], [C], [M]).
        case source
        /// A modelling choice ("model assumption: reason").
        case assumption
        /// Calibrated with `receptor-sim fit` to validation studies (`fit` says which).
        case fitted
    }

    public var value: Double
    public var source: String
    /// The calibration record when the value was fitted; nil otherwise.
    public var fit: FitRecord?

    public init(_ value: Double, _ source: String) {
        self.value = value
        self.source = source
        self.fit = nil
    }

    /// A value fitted with `receptor-sim fit`: the source text is generated from the record
    /// ("[F] fitted <date> to <studies>: SE(ln) …"), followed by `remark` (what was fitted
    /// together with it, what it replaced).
    public static func fitted(_ value: Double, _ record: FitRecord, _ remark: String) -> Sourced {
        let factor = exp(record.standardErrorLn)
        var text = "[F] fitted \(record.date) with `receptor-sim fit` to " + record.studies.joined(separator: ", ")
            + ": SE(ln) " + String(format: "%.3g", record.standardErrorLn) + " (x/÷ " + String(format: "%.3g", factor) + ")"
        if !remark.isEmpty { text += "; " + remark }
        var sourced = Sourced(value, text)
        sourced.fit = record
        return sourced
    }

    /// Fitted when there is a fit record; an assumption when the source says "model assumption"; a source otherwise.
    public var kind: Kind {
        if fit != nil { return .fitted }
        return source.hasPrefix("model assumption") ? .assumption : .source
    }
}
