/// A JSON5 reader that keeps the line and column of every value.
///
/// Accepts JSON5 (https://spec.json5.org): `//` and `/* */` comments, trailing commas,
/// unquoted identifier keys, single-quoted strings, hexadecimal numbers, leading or trailing
/// decimal points, explicit `+` signs and the `Infinity`/`NaN` literals (which validation then
/// rejects for every numeric field, as they are not finite). Duplicate keys are an error.
///
/// The reader works on bytes, never traps on malformed input and bounds its recursion:
/// invalid UTF-8, truncated files, nesting deeper than `maximumDepth` and numbers beyond the
/// range of `Double` are reported as `ScenarioError`s (huge numbers parse to infinity and are
/// rejected by validation with the literal quoted).
public struct JSON5Parser {
    /// Deepest nesting of objects and arrays accepted; scenarios need 4.
    public static let maximumDepth = 64

    private let bytes: [UInt8]
    private let file: String
    private var index = 0
    private var line = 1
    /// Column of `index` on its line, in Unicode scalars from 1, kept up to date by `advance`
    /// so a position costs O(1): recounting from the start of the line made one long
    /// (minified) line quadratic (a 400 KB one-line file took 32 s).
    private var column = 1
    private var depth = 0

    /// Parses one JSON5 document.
    /// - Parameters:
    ///   - bytes: the file contents.
    ///   - file: the file name used in error messages.
    /// - Throws: `ScenarioError.invalidUTF8`, `.syntax`, `.nestingTooDeep` or `.duplicateKey`.
    /// - Complexity: O(n) in the number of bytes.
    public static func parse(_ bytes: [UInt8], file: String) throws(ScenarioError) -> JSONValue {
        if let bad = firstInvalidUTF8(bytes) {
            throw .invalidUTF8(file: file, position: position(ofByte: bad, in: bytes))
        }
        var parser = JSON5Parser(bytes: bytes, file: file)
        // A UTF-8 byte order mark is allowed at the very start.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            parser.index = 3
        }
        try parser.skipWhitespaceAndComments()
        let value = try parser.parseValue(path: "")
        try parser.skipWhitespaceAndComments()
        if parser.index < bytes.count {
            throw parser.syntaxError("unexpected \(parser.describeCurrent()) after the end of the document")
        }
        return value
    }

    /// Parses a string (used by tests and by callers holding text).
    public static func parse(_ text: String, file: String) throws(ScenarioError) -> JSONValue {
        try parse(Array(text.utf8), file: file)
    }

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    // MARK: Positions and errors

    private var position: SourcePosition { SourcePosition(line: line, column: column) }

    private static func scalarCount(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var count = 0
        var i = start
        while i < end && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    /// The position of byte `offset` (for the one error that is found before parsing starts).
    /// - Complexity: O(offset).
    private static func position(ofByte offset: Int, in bytes: [UInt8]) -> SourcePosition {
        var line = 1
        var lineStart = 0
        for i in 0..<min(offset, bytes.count) where endsLine(at: i, in: bytes) {
            line += 1
            lineStart = i + 1
        }
        return SourcePosition(line: line, column: scalarCount(bytes, from: lineStart, to: offset) + 1)
    }

    /// True when the byte at `i` ends a line: LF, CR not followed by LF (old Mac OS line ends),
    /// and the LF of CRLF (the CR before it then counts as the end of the line's text).
    private static func endsLine(at i: Int, in bytes: [UInt8]) -> Bool {
        bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A))
    }

    private func syntaxError(_ message: String, at position: SourcePosition? = nil) -> ScenarioError {
        .syntax(file: file, position: position ?? self.position, message: message)
    }

    /// A readable name of the byte at the cursor for "unexpected ..." messages.
    private func describeCurrent() -> String {
        guard index < bytes.count else { return "end of file" }
        let byte = bytes[index]
        switch byte {
        case 0x0A, 0x0D: return "end of line"
        case 0x20...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
        default:
            var end = index + 1
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
            return "'\(String(decoding: bytes[index..<end], as: UTF8.self))'"
        }
    }

    // MARK: Lexing

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Moves past one byte, keeping `line` and `column` current (a UTF-8 continuation byte
    /// does not start a new column).
    private mutating func advance() {
        if Self.endsLine(at: index, in: bytes) {
            line += 1
            column = 1
        } else if bytes[index] & 0xC0 != 0x80 {
            column += 1
        }
        index += 1
    }

    private mutating func skipWhitespaceAndComments() throws(ScenarioError) {
        while let byte = current {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C:
                advance()
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA0:  // no-break space
                advance()
                advance()
            case 0x2F where index + 1 < bytes.count && bytes[index + 1] == 0x2F:  // line comment
                while let next = current, next != 0x0A, next != 0x0D { advance() }
            case 0x2F where index + 1 < bytes.count && bytes[index + 1] == 0x2A:  // block comment
                let start = position
                advance()
                advance()
                while true {
                    guard let next = current else {
                        throw syntaxError("unterminated block comment (opened here)", at: start)
                    }
                    if next == 0x2A && index + 1 < bytes.count && bytes[index + 1] == 0x2F {
                        advance()
                        advance()
                        break
                    }
                    advance()
                }
            default:
                return
            }
        }
    }

    // MARK: Values

    private mutating func parseValue(path: String) throws(ScenarioError) -> JSONValue {
        let start = position
        guard let byte = current else {
            throw syntaxError("unexpected end of file, expected a value")
        }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(path: path)
        case UInt8(ascii: "["): return try parseArray(path: path)
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return JSONValue(.string(try parseString()), at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        default:
            if Self.isIdentifierStart(byte) {
                let word = parseIdentifier()
                switch word {
                case "true": return JSONValue(.bool(true), at: start)
                case "false": return JSONValue(.bool(false), at: start)
                case "null": return JSONValue(.null, at: start)
                case "Infinity": return JSONValue(.number(.infinity, literal: word), at: start)
                case "NaN": return JSONValue(.number(.nan, literal: word), at: start)
                default:
                    throw syntaxError("unexpected word '\(word)', expected a value (strings need quotes)", at: start)
                }
            }
            throw syntaxError("unexpected \(describeCurrent()), expected a value")
        }
    }

    private mutating func enterNesting() throws(ScenarioError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw .nestingTooDeep(file: file, position: position, limit: Self.maximumDepth)
        }
    }

    private mutating func parseObject(path: String) throws(ScenarioError) -> JSONValue {
        let start = position
        try enterNesting()
        advance()  // {
        var members: [JSONMember] = []
        var seen: Set<String> = []
        while true {
            try skipWhitespaceAndComments()
            guard let byte = current else {
                throw syntaxError("unexpected end of file, expected '}' to close the object opened at \(start)")
            }
            if byte == UInt8(ascii: "}") {
                advance()
                break
            }
            let keyPosition = position
            let key: String
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                key = try parseString()
            } else if Self.isIdentifierStart(byte) {
                key = parseIdentifier()
            } else {
                throw syntaxError("unexpected \(describeCurrent()), expected a key or '}'")
            }
            let memberPath = path.isEmpty ? key : "\(path).\(key)"
            if !seen.insert(key).inserted {
                throw ScenarioError.duplicateKey(
                    FieldLocation(file: file, path: memberPath, position: keyPosition), key: key)
            }
            try skipWhitespaceAndComments()
            guard current == UInt8(ascii: ":") else {
                throw syntaxError("unexpected \(describeCurrent()), expected ':' after key '\(key)'")
            }
            advance()
            try skipWhitespaceAndComments()
            let value = try parseValue(path: memberPath)
            members.append(JSONMember(key: key, keyPosition: keyPosition, value: value))
            try skipWhitespaceAndComments()
            if current == UInt8(ascii: ",") {
                advance()
                continue
            }
            if current == UInt8(ascii: "}") {
                advance()
                break
            }
            if current == nil {
                throw syntaxError("unexpected end of file, expected '}' to close the object opened at \(start)")
            }
            throw syntaxError("unexpected \(describeCurrent()), expected ',' or '}' after the value of '\(key)'")
        }
        depth -= 1
        return JSONValue(.object(members), at: start)
    }

    private mutating func parseArray(path: String) throws(ScenarioError) -> JSONValue {
        let start = position
        try enterNesting()
        advance()  // [
        var elements: [JSONValue] = []
        while true {
            try skipWhitespaceAndComments()
            guard let byte = current else {
                throw syntaxError("unexpected end of file, expected ']' to close the array opened at \(start)")
            }
            if byte == UInt8(ascii: "]") {
                advance()
                break
            }
            elements.append(try parseValue(path: "\(path)[\(elements.count)]"))
            try skipWhitespaceAndComments()
            if current == UInt8(ascii: ",") {
                advance()
                continue
            }
            if current == UInt8(ascii: "]") {
                advance()
                break
            }
            if current == nil {
                throw syntaxError("unexpected end of file, expected ']' to close the array opened at \(start)")
            }
            throw syntaxError("unexpected \(describeCurrent()), expected ',' or ']' in the array")
        }
        depth -= 1
        return JSONValue(.array(elements), at: start)
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x24
    }

    private static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= 0x30 && byte <= 0x39)
    }

    private mutating func parseIdentifier() -> String {
        let start = index
        while let byte = current, Self.isIdentifierPart(byte) { advance() }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    // MARK: Strings

    private mutating func parseString() throws(ScenarioError) -> String {
        let start = position
        let quote = bytes[index]
        advance()
        // Runs of plain bytes are decoded as whole strings (a string without escapes is one run):
        // appending them scalar by scalar cost 13 M of the 29 M instructions of parsing the
        // built-in library.
        var text = ""
        var chunkStart = index
        while true {
            guard let byte = current else {
                throw syntaxError("unterminated string (opened here)", at: start)
            }
            if byte == quote {
                text += String(decoding: bytes[chunkStart..<index], as: UTF8.self)
                advance()
                return text
            }
            if byte == 0x0A || byte == 0x0D {
                throw syntaxError("unterminated string (opened here): strings cannot span lines", at: start)
            }
            if byte == UInt8(ascii: "\\") {
                text += String(decoding: bytes[chunkStart..<index], as: UTF8.self)
                advance()
                try parseEscape(into: &text.unicodeScalars)
                chunkStart = index
                continue
            }
            advance()
        }
    }

    private mutating func parseEscape(into scalars: inout String.UnicodeScalarView) throws(ScenarioError) {
        guard let byte = current else { throw syntaxError("unterminated string: file ends in an escape") }
        let escapePosition = position
        advance()
        switch byte {
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "b"): scalars.append("\u{08}")
        case UInt8(ascii: "f"): scalars.append("\u{0C}")
        case UInt8(ascii: "v"): scalars.append("\u{0B}")
        case UInt8(ascii: "0"): scalars.append("\u{00}")
        case 0x0A: break  // line continuation
        case 0x0D:
            if current == 0x0A { advance() }
        case UInt8(ascii: "x"):
            let value = try parseHexDigits(2)
            scalars.append(Unicode.Scalar(UInt8(value)))
        case UInt8(ascii: "u"):
            var value = try parseHexDigits(4)
            if (0xD800...0xDBFF).contains(value) {
                // A high surrogate must be followed by an escaped low surrogate.
                guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                    throw syntaxError("unpaired surrogate in \\u escape", at: escapePosition)
                }
                advance()
                advance()
                let low = try parseHexDigits(4)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw syntaxError("unpaired surrogate in \\u escape", at: escapePosition)
                }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw syntaxError("invalid \\u escape (unpaired surrogate)", at: escapePosition)
            }
            scalars.append(scalar)
        case 0x30...0x39:
            throw syntaxError("digits cannot be escaped", at: escapePosition)
        default:
            // JSON5: any other character escapes to itself (\" \' \\ \/ ...); copy its UTF-8 bytes.
            var end = index
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
            scalars.append(contentsOf: String(decoding: bytes[(index - 1)..<end], as: UTF8.self).unicodeScalars)
            while index < end { advance() }
        }
    }

    private mutating func parseHexDigits(_ count: Int) throws(ScenarioError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let byte = current, let digit = Self.hexValue(byte) else {
                throw syntaxError("expected \(count) hexadecimal digits in escape")
            }
            value = value * 16 + UInt32(digit)
            advance()
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    // MARK: Numbers

    private mutating func parseNumber() throws(ScenarioError) -> JSONValue {
        let start = position
        let startIndex = index
        var negative = false
        if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") {
            negative = current == UInt8(ascii: "-")
            advance()
        }
        // Signed Infinity / NaN.
        if let byte = current, Self.isIdentifierStart(byte) {
            let word = parseIdentifier()
            let literal = String(decoding: bytes[startIndex..<index], as: UTF8.self)
            switch word {
            case "Infinity": return JSONValue(.number(negative ? -.infinity : .infinity, literal: literal), at: start)
            case "NaN": return JSONValue(.number(.nan, literal: literal), at: start)
            default: throw syntaxError("invalid number '\(literal)'", at: start)
            }
        }
        // Hexadecimal.
        if current == UInt8(ascii: "0"), index + 1 < bytes.count,
            bytes[index + 1] == UInt8(ascii: "x") || bytes[index + 1] == UInt8(ascii: "X")
        {
            advance()
            advance()
            var value = 0.0
            var digits = 0
            while let byte = current, let digit = Self.hexValue(byte) {
                value = value * 16 + Double(digit)
                digits += 1
                advance()
            }
            let literal = String(decoding: bytes[startIndex..<index], as: UTF8.self)
            if digits == 0 { throw syntaxError("invalid hexadecimal number '\(literal)'", at: start) }
            try expectNumberEnd(literal: literal, start: start)
            return JSONValue(.number(negative ? -value : value, literal: literal), at: start)
        }
        var integerDigits = 0
        var fractionDigits = 0
        if current == UInt8(ascii: "0"), index + 1 < bytes.count, (0x30...0x39).contains(bytes[index + 1]) {
            throw syntaxError("numbers cannot have leading zeros", at: start)
        }
        while let byte = current, (0x30...0x39).contains(byte) {
            integerDigits += 1
            advance()
        }
        if current == UInt8(ascii: ".") {
            advance()
            while let byte = current, (0x30...0x39).contains(byte) {
                fractionDigits += 1
                advance()
            }
        }
        if integerDigits + fractionDigits == 0 {
            let literal = String(decoding: bytes[startIndex..<index], as: UTF8.self)
            throw syntaxError("invalid number '\(literal)'", at: start)
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            advance()
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
            var exponentDigits = 0
            while let byte = current, (0x30...0x39).contains(byte) {
                exponentDigits += 1
                advance()
            }
            if exponentDigits == 0 {
                let literal = String(decoding: bytes[startIndex..<index], as: UTF8.self)
                throw syntaxError("invalid number '\(literal)': exponent has no digits", at: start)
            }
        }
        let literal = String(decoding: bytes[startIndex..<index], as: UTF8.self)
        try expectNumberEnd(literal: literal, start: start)
        // The syntax is checked above; Double(_:) accepts every JSON5 decimal form (`+1`, `1.`,
        // `.5`) and gives infinity beyond the range of Double, which validation then rejects.
        guard let value = Double(literal) else {
            throw syntaxError("invalid number '\(literal)'", at: start)
        }
        return JSONValue(.number(value, literal: literal), at: start)
    }

    /// A number must not run straight into a letter or digit (`12abc`, `0x1g`).
    private func expectNumberEnd(literal: String, start: SourcePosition) throws(ScenarioError) {
        if let byte = current, Self.isIdentifierPart(byte) || byte == UInt8(ascii: ".") {
            throw syntaxError("invalid number '\(literal)\(Character(Unicode.Scalar(byte)))...'", at: start)
        }
    }

    // MARK: UTF-8

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            if i + length > n { return i }
            let b1 = bytes[i + 1]
            if b1 < lower || b1 > upper { return i }
            for k in 2..<max(2, length) where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
