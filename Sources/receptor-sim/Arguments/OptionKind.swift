import Pharmacology
import ScenarioFiles

/// What an option's value is: how the parser reads and checks its text (once, for every
/// command), what the value becomes (`OptionValue`), and the placeholder the usage line and
/// `--help` show. A text that does not fit gets the one message
/// `--rtol: expected a number, found 'abc'` (exit 2).
///
/// Whether a value that reads well is acceptable for a scenario (a tolerance in its range, an
/// interval within the row cap) is not the parser's to say: the one check of every setting
/// (`ScenarioCheck`) says it, naming the field, as for a scenario file.
enum OptionKind: Sendable, Equatable {
    /// No value (`--quiet`).
    case flag
    /// Any text, read by the command or its own reader (`--vary SPEC`, `--title TEXT`, `--probe DRUG`).
    case text(String)
    /// A file or folder path; `-` is standard output where the command says so.
    case path(String)
    /// A number (`Double`'s reading, so `nan` and `inf` too when `bounds` is `.any`).
    case number(String, NumberBounds)
    /// A whole number in the range.
    case integer(String, ClosedRange<Int>)
    /// A whole number from 0 to `UInt64.max` (seeds).
    case seed(String)
    /// A comma-separated list of non-empty names (`a,b,c`; spaces around names are ignored).
    case names(String)
    /// A comma-separated list of finite numbers (`1,2.5,10`), each kept with its text.
    case numbers(String)
    /// One of `choices`; another name is an `UnknownName` of `kind` with its suggestions and
    /// the list under `label` (`unknown solver method 'BDF2'; did you mean 'bdf'? (methods: ...)`).
    case choice(kind: String, label: String, [String])

    /// The lower limit of a `.number` option.
    enum NumberBounds: Sendable, Equatable {
        /// Whatever `Double` reads; the range is checked where the value is used.
        case any
        /// Finite and > 0.
        case positive
        /// Finite and >= 0.
        case nonNegative
    }

    /// The placeholder after the option's name: `FILE`, `H`, `{rodas5p,bdf,...}`; nil for a flag.
    var placeholder: String? {
        switch self {
        case .flag: return nil
        case .text(let name), .path(let name), .number(let name, _), .integer(let name, _), .seed(let name),
             .names(let name), .numbers(let name):
            return name
        case .choice(_, _, let choices): return "{" + choices.joined(separator: ",") + "}"
        }
    }

    /// `text` read as this kind.
    /// - Returns: the value, or what was expected (`a number`) for the message.
    func read(_ text: String) -> Result<OptionValue, Expectation> {
        switch self {
        case .flag:
            return .success(.text(text))
        case .text, .path:
            return .success(.text(text))
        case .number(_, let bounds):
            guard let value = Double(text) else { return .failure(Expectation(bounds.expected)) }
            switch bounds {
            case .any: break
            case .positive: guard value.isFinite, value > 0 else { return .failure(Expectation(bounds.expected)) }
            case .nonNegative: guard value.isFinite, value >= 0 else { return .failure(Expectation(bounds.expected)) }
            }
            return .success(.number(value))
        case .integer(_, let range):
            guard let value = Int(text), range.contains(value) else {
                return .failure(Expectation("a whole number from \(range.lowerBound) to \(range.upperBound)"))
            }
            return .success(.integer(value))
        case .seed:
            guard let value = UInt64(text) else { return .failure(Expectation("a whole number from 0 to \(UInt64.max)")) }
            return .success(.seed(value))
        case .names:
            let items = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard !items.isEmpty, !items.contains(where: \.isEmpty) else {
                return .failure(Expectation("a comma-separated list of names"))
            }
            return .success(.names(items))
        case .numbers:
            var numbers: [GivenNumber] = []
            for item in text.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let value = Double(item), value.isFinite else {
                    return .failure(Expectation("a comma-separated list of finite numbers"))
                }
                numbers.append(GivenNumber(value, literal: item))
            }
            return .success(.numbers(numbers))
        case .choice(let kind, let label, let choices):
            guard choices.contains(text) else {
                return .failure(Expectation(unknown: UnknownName(kind, text, valid: choices, hint: UnknownName.listing(label, choices))))
            }
            return .success(.text(text))
        }
    }

    /// What a value that did not fit should have been, for the parser's one message.
    struct Expectation: Error, Equatable {
        /// `a number`, `a whole number from 1 to 17`.
        var phrase: String
        /// A choice's unknown name, said instead of "expected ..." (it has its own suggestions).
        var unknown: UnknownName?

        init(_ phrase: String) {
            self.phrase = phrase
            unknown = nil
        }

        init(unknown: UnknownName) {
            phrase = ""
            self.unknown = unknown
        }

        /// `--rtol: expected a number, found 'abc'`, or `--method: unknown solver method ...`.
        func message(option: String, text: String) -> String {
            if let unknown { return "\(option): \(unknown)" }
            return "\(option): expected \(phrase), found '\(text)'"
        }
    }
}

extension OptionKind.NumberBounds {
    /// The phrase of the uniform message.
    var expected: String {
        switch self {
        case .any: return "a number"
        case .positive: return "a finite number > 0"
        case .nonNegative: return "a finite number >= 0"
        }
    }
}
