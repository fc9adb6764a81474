/// Appends SVG and HTML markup to a string, escaping every piece of text and attribute value,
/// with attributes written in the order given (so output is byte-identical run to run).
package struct MarkupWriter {
    package private(set) var text = ""

    package init() {}

    /// Escapes text for XML 1.0 character data and quoted attributes: the five special
    /// characters become entities, and the control characters XML 1.0 forbids (all below U+0020
    /// but tab and line breaks, and U+FFFE, U+FFFF) become spaces, so any scenario name or label
    /// gives well-formed SVG, HTML and SBML.
    package static func escape(_ raw: String) -> String {
        guard raw.unicodeScalars.contains(where: needsEscaping) else { return raw }
        var result = ""
        result.reserveCapacity(raw.utf8.count + 16)
        for scalar in raw.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if isForbiddenInXML(scalar) { result += " " } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    private static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "&", "<", ">", "\"", "'": return true
        case "\t", "\n", "\r": return false
        default: return isForbiddenInXML(scalar)
        }
    }

    private static func isForbiddenInXML(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    /// Raw markup, written as is: only for literals and already-escaped text.
    package mutating func raw(_ markup: String) {
        text += markup
    }

    /// `<name a="v" ...>` (or `<name .../>` when `selfClosing`).
    package mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], selfClosing: Bool = false) {
        text += "<" + name
        for (key, value) in attributes {
            text += " " + key + "=\"" + Self.escape(value) + "\""
        }
        text += selfClosing ? "/>" : ">"
    }

    /// `<name .../>` followed by a newline.
    package mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        open(name, attributes, selfClosing: true)
        text += "\n"
    }

    package mutating func close(_ name: String) {
        text += "</" + name + ">\n"
    }

    /// `<name ...>escaped text</name>` and a newline.
    package mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text content: String) {
        open(name, attributes)
        text += Self.escape(content)
        close(name)
    }
}
