import ScenarioFiles

/// The scenario reader's "did you mean" search (`NameSuggestion`), reused for command, option,
/// column, drug and method names, so the command line and scenario files suggest alike.
enum NameSuggestionBridge {
    /// The names `name` plausibly meant, best first.
    static func suggestions(for name: String, in candidates: [String]) -> [String] {
        NameSuggestion.suggestions(for: name, in: candidates)
    }

    /// `"; did you mean 'a'?"` (or `'a' or 'b'`), or `""` when nothing is close.
    static func didYouMean(_ name: String, in candidates: [String]) -> String {
        NameSuggestion.didYouMean(name, in: candidates)
    }
}
