/// Appends SVG and HTML markup to a string, escaping every piece of text and attribute value,
/// with attributes written in the order given (so output is byte-identical run to run).
package struct MarkupWriter {
    package private(set) var text = ""

    package init() {}

    /// Escapes the five XML special characters; safe in text and in quoted attributes.
    package static func escape(_ raw: String) -> String {
        guard raw.contains(where: { "&<>\"'".contains($0) }) else { return raw }
        var result = ""
        result.reserveCapacity(raw.utf8.count + 16)
        for character in raw {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
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
