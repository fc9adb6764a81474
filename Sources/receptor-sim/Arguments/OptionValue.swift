import ScenarioFiles

/// An option's value as its `OptionKind` read it; commands take it through the typed accessors
/// of `ParsedArguments` (`number(_:)`, `integer(_:)`, `names(_:)`, ...).
enum OptionValue: Sendable, Equatable {
    case text(String)
    case number(Double)
    case integer(Int)
    case seed(UInt64)
    case names([String])
    case numbers([GivenNumber])
}
