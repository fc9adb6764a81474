import Reports
/// Deterministic, indented XML text: elements, attributes in the order given, escaped text.
struct XMLText {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var open: [String] = []

    /// `s` escaped for attribute values and character data: the one XML escaper the SVG, HTML
    /// and SBML writers share (the five entities; XML-forbidden control characters as spaces).
    static func escape(_ s: String) -> String { MarkupWriter.escape(s) }

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
