/// "Did you mean ...?" suggestions by edit distance.
package enum NameSuggestion {
    /// The candidate closest to `name`, if it is close enough to be a plausible typo: at most
    /// a quarter of the name's length in edits (and at least 2), or equal ignoring case.
    package static func nearest(to name: String, in candidates: [String]) -> String? {
        let lowered = name.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates.sorted() {
            if candidate.lowercased() == lowered { return candidate }
            let distance = editDistance(lowered, candidate.lowercased())
            if let current = best, current.distance <= distance { continue }
            best = (candidate, distance)
        }
        guard let found = best else { return nil }
        return found.distance <= max(2, name.count / 4) ? found.candidate : nil
    }

    /// Levenshtein distance over Unicode scalars.
    /// - Complexity: O(m n) time, O(n) space.
    package static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
