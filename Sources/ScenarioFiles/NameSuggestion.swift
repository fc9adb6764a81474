/// "Did you mean ...?" suggestions for every name a user types: scenario keys, drugs, routes,
/// phenotypes, columns, parameters, solver methods, and the command line's commands, options and
/// names. The one place that decides what counts as close, so every message suggests alike.
package enum NameSuggestion {
    /// Most names one suggestion offers; more partial matches than this suggest nothing useful.
    package static let maximumSuggestions = 3

    /// The candidates `name` plausibly meant, best first (empty when none is close).
    ///
    /// In order, the first rule that finds anything wins:
    /// 0. a model-1 column that model 2 (issue #15) replaced: its replacements among the
    ///    candidates (`mu_response` → `reward_response`, `lc_response`, `respiration_response`;
    ///    `mu_adaptation` → `lc_adaptation`, `reward_adaptation`; `modelOneColumns`);
    /// 1. a candidate equal to `name` ignoring case (`AMOUNT_MG` → `amount_mg`);
    /// 2. candidates that start with `name`, ignoring case (`IV` → `iv_bolus`, `iv_infusion`;
    ///    `amount` → `amount_mg`), for names of at least 2 characters;
    /// 3. candidates that contain `name` (`deficit` → `opioid_deficit`), at least 3 characters;
    /// 4. candidates contained in `name` (`oral_route` → `oral`), at least 3 characters;
    /// 5. the nearest candidate by edit distance, if within a quarter of the name's length (at
    ///    least 2): a typo (`wieght_kg` → `weight_kg`).
    ///
    /// A rule of 2-4 that matches more than `maximumSuggestions` candidates makes the name
    /// ambiguous (`mu` among the `mu_...` columns): no suggestion. Ties are in alphabetical order.
    /// - Complexity: O(c m n) for c candidates of length n and a name of length m.
    package static func suggestions(for name: String, in candidates: [String]) -> [String] {
        let lowered = name.lowercased()
        guard !lowered.isEmpty else { return [] }
        let sorted = Array(Set(candidates)).sorted()
        let loweredCandidates = sorted.map { ($0, $0.lowercased()) }
        if let same = loweredCandidates.first(where: { $0.1 == lowered }) { return [same.0] }
        if let replaced = modelOneColumns[lowered] {
            let found = replaced.filter(candidates.contains)
            if !found.isEmpty { return found }
        }

        let partialRules: [(minimumLength: Int, matches: (String) -> Bool)] = [
            (2, { $0.hasPrefix(lowered) }),
            (3, { $0.contains(lowered) }),
            (3, { $0.count >= 3 && lowered.contains($0) }),
        ]
        for rule in partialRules where lowered.count >= rule.minimumLength {
            let found = loweredCandidates.filter { rule.matches($0.1) }.map(\.0)
            if found.count > maximumSuggestions { return [] }
            if !found.isEmpty { return found }
        }

        var best: (candidate: String, distance: Int)?
        for (candidate, loweredCandidate) in loweredCandidates {
            let distance = editDistance(lowered, loweredCandidate)
            if let current = best, current.distance <= distance { continue }
            best = (candidate, distance)
        }
        guard let found = best, found.distance <= max(2, name.count / 4) else { return [] }
        return [found.candidate]
    }

    /// Model 1's per-receptor response and adaptation columns and the model-2 columns that
    /// replace them (Model2Design.md §7), best first.
    static let modelOneColumns: [String: [String]] = {
        var table: [String: [String]] = [
            "mu_response": ["reward_response", "lc_response", "respiration_response"],
            "delta_response": ["reward_response"],
        ]
        for receptor in ["mu", "delta", "kappa", "nmda"] {
            table[receptor + "_adaptation"] = ["lc_adaptation", "reward_adaptation"]
        }
        return table
    }()

    /// `"; did you mean 'a'?"`, `"; did you mean 'a' or 'b'?"`, `"; did you mean 'a', 'b' or 'c'?"`,
    /// or `""` for no suggestions: the tail every "unknown ..." message ends with.
    package static func didYouMean(_ suggestions: [String]) -> String {
        guard let last = suggestions.last else { return "" }
        let quoted = suggestions.dropLast().map { "'\($0)'" }
        return "; did you mean " + (quoted.isEmpty ? "" : quoted.joined(separator: ", ") + " or ") + "'\(last)'?"
    }

    /// `didYouMean(suggestions(for: name, in: candidates))`.
    package static func didYouMean(_ name: String, in candidates: [String]) -> String {
        didYouMean(suggestions(for: name, in: candidates))
    }

    /// `didYouMean(name, in: candidates)`, or `fallback` (such as a list of the valid names)
    /// when nothing is near enough to suggest.
    package static func didYouMean(_ name: String, in candidates: [String], otherwise fallback: String) -> String {
        let tail = didYouMean(name, in: candidates)
        return tail.isEmpty ? fallback : tail
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
