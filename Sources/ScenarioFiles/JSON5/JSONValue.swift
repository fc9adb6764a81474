/// A position in a source file: 1-based line and column (column counted in Unicode scalars).
public struct SourcePosition: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// A parsed JSON5 value that remembers where it started in the file.
///
/// Every value keeps its position so validation can name the line of the offending field, long
/// after parsing (Foundation's JSONDecoder loses positions, which is why we parse ourselves).
public struct JSONValue: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case null
        case bool(Bool)
        /// The value and the literal as written, for error messages (`1e400`, `0x1F`).
        case number(Double, literal: String)
        case string(String)
        case array([JSONValue])
        /// Members in file order; keys are unique (the parser rejects duplicates).
        case object([JSONMember])
    }

    public var kind: Kind
    public var position: SourcePosition

    public init(_ kind: Kind, at position: SourcePosition) {
        self.kind = kind
        self.position = position
    }

    /// A short name of the value's type for "expected ..., found ..." messages.
    public var typeName: String {
        switch kind {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// One `key: value` member of an object.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var keyPosition: SourcePosition
    public var value: JSONValue

    public init(key: String, keyPosition: SourcePosition, value: JSONValue) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}
