/// How `drugs NAME` and `parameters PREFIX` read the text typed: it keeps the names that start
/// with it; when none does, the answer lists the names that contain it (`mu.ki` is in
/// `morphine.mu.ki_nM`) before falling back to the nearest spelling. Shared with `fit` and
/// `export`, whose unknown-parameter errors list the same way.
package enum NamePrefix {
    /// How many names a "contain it" answer lists before `...`.
    package static let listed = 5

    /// The names that start with `text`, in their given order.
    package static func matches(_ text: String, in names: [String]) -> [String] {
        names.filter { $0.hasPrefix(text) }
    }

    /// `; N NAMES contain it: a, b, ...`, or nil when no name contains `text`.
    /// - Parameter what: the plural the count reads with (`names`, `drug ids`).
    package static func containing(_ text: String, in names: [String], what: String) -> String? {
        let found = names.filter { $0.contains(text) }
        guard !found.isEmpty, !text.isEmpty else { return nil }
        let shown = found.prefix(listed).joined(separator: ", ") + (found.count > listed ? ", ..." : "")
        return "; \(found.count) \(found.count == 1 ? String(what.dropLast()) : what) contain\(found.count == 1 ? "s" : "") it: \(shown)"
    }
}
