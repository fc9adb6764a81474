/// Text taken from a file (a scenario's name, an unknown key, a stray character) made safe to
/// print on a terminal: a file must not be able to colour, retitle or rewrite the user's
/// terminal, or hide text behind bidirectional overrides, when its content is echoed.
package enum TerminalText {
    /// `text` with every control character written as a JSON escape, as it would be written in
    /// a scenario file: `\n`, `\r`, `\t`, otherwise `\u001b`. Escaped are C0 (U+0000-U+001F),
    /// DEL, C1 (U+0080-U+009F) and the bidirectional embeddings, overrides and isolates
    /// (U+202A-U+202E, U+2066-U+2069). Everything else, including a backslash, is kept, so
    /// escaping twice changes nothing.
    /// - Complexity: O(n).
    package static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }
        }
        return result
    }

    /// `text` escaped line by line: its own line breaks kept, every other control character
    /// escaped. For messages that are several lines by design.
    package static func escapedLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escaped(String($0)) }.joined(separator: "\n")
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
