import ScenarioFiles

/// The scenario reader's "did you mean" search, reused for command and drug names.
enum NameSuggestionBridge {
    static func nearest(to name: String, in candidates: [String]) -> String? {
        NameSuggestion.nearest(to: name, in: candidates)
    }
}
