/// A name that is not among the valid ones, with the names it may have meant: the one
/// "unknown name" message of scenario files, studies, observation files and the command line
/// (`unknown drug 'morfine'; did you mean 'morphine'? (see 'receptor-sim drugs' for the library)`).
///
/// The suggestions come from `NameSuggestion`, so every message suggests alike.
public struct UnknownName: Sendable, Equatable, CustomStringConvertible {
    /// What kind of name (`drug`, `column`, `option`, `panel preset`).
    public var kind: String
    public var name: String
    /// Every valid name, for the suggestions (and the hint of a short, closed list).
    public var valid: [String]
    /// Where the name was given, said right after it (` in --panels`, ` for s.json`).
    public var place: String
    /// What follows the suggestion: the valid names of a short list (`listing`), or where to
    /// look them up.
    public var hint: String
    /// Said instead of a suggestion when nothing is close (`; see 'receptor-sim drugs DRUG'`).
    public var fallback: String

    public init(_ kind: String, _ name: String, valid: [String], place: String = "", hint: String = "", fallback: String = "") {
        self.kind = kind
        self.name = name
        self.valid = valid
        self.place = place
        self.hint = hint
        self.fallback = fallback
    }

    /// A scenario's kind of name, with its category's hint (`NameCategory.hint`).
    public init(_ category: NameCategory, _ name: String, valid: [String], place: String = "", fallback: String = "") {
        self.init(category.rawValue, name, valid: valid, place: place, hint: category.hint(valid: valid), fallback: fallback)
    }

    /// The names `name` plausibly meant, best first (`NameSuggestion`).
    public var suggestions: [String] { NameSuggestion.suggestions(for: name, in: valid) }

    /// ` (label: a, b, c)`: the valid names of a short, closed list, as a hint.
    public static func listing(_ label: String, _ valid: [String]) -> String {
        " (\(label): \(valid.joined(separator: ", ")))"
    }

    /// `unknown KIND 'NAME'PLACE; did you mean 'X'?HINT` (`FALLBACK` instead of the suggestion
    /// when nothing is close).
    public var description: String {
        let found = suggestions
        return "unknown \(kind) '\(name)'\(place)" + (found.isEmpty ? fallback : NameSuggestion.didYouMean(found)) + hint
    }
}
