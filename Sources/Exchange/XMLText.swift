/// Deterministic, indented XML text: elements, attributes in the order given, escaped text.
struct XMLText {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var open: [String] = []

    /// `s` escaped for attribute values and character data (XML 1.0: the five predefined
    /// entities; control characters other than tab and line breaks, which XML 1.0 forbids,
    /// become spaces).
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    private var indent: String { String(repeating: "  ", count: open.count) }

    private static func tag(_ name: String, _ attributes: [(String, String)]) -> String {
        var t = "<" + name
        for (key, value) in attributes { t += " \(key)=\"\(escape(value))\"" }
        return t
    }

    mutating func start(_ name: String, _ attributes: [(String, String)] = []) {
        text += indent + Self.tag(name, attributes) + ">\n"
        open.append(name)
    }

    mutating func end() {
        let name = open.removeLast()
        text += indent + "</\(name)>\n"
    }

    mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        text += indent + Self.tag(name, attributes) + "/>\n"
    }

    mutating func leaf(_ name: String, _ attributes: [(String, String)] = [], text content: String) {
        text += indent + Self.tag(name, attributes) + ">" + Self.escape(content) + "</\(name)>\n"
    }
}
