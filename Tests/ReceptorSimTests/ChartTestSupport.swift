import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Short scenarios for `plot`, `report` and `compare` (a fraction of a second each in debug).
enum ChartFixtures {
    /// One day: two oral morphine doses and a stress window.
    static let shortMorphine = """
        { name: "Short morphine & <stress>", description: "Two oral doses and a stress window.", duration_h: 24,
          doses: [{ drug: "morphine", route: "oral", amount_mg: 10, every_h: 8, count: 2, start_h: 1 }],
          events: [{ kind: "stress", start_h: 12, duration_h: 3, intensity: 1.5 }],
          output: { interval_h: 0.25 } }
        """
    /// The same day with a third dose, for comparisons.
    static let threeDoses = """
        { name: "Three doses", description: "Three oral doses.", duration_h: 24,
          doses: [{ drug: "morphine", route: "oral", amount_mg: 10, every_h: 8, count: 3, start_h: 1 }],
          output: { interval_h: 0.25 } }
        """
    /// Fails in the solver (explicit RK4 on a huge equilibration rate), as in RunCommandTests.
    static let failing = """
        { name: "fail", duration_h: 10,
          doses: [{ drug: "morphine", route: "iv_bolus", amount_mg: 10, at_h: 1 }],
          parameters: { "morphine.ke0_per_h": 1e6 },
          solver: { method: "rk4" } }
        """

    /// Writes `text` as `name` in `directory` and returns its path.
    static func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }
}

/// Parses SVG or HTML as XML (the reports are well-formed XML by design) and collects what the
/// tests look at: element counts, attributes and the text of each element.
final class MarkupDocument: NSObject, XMLParserDelegate {
    private(set) var elementCounts: [String: Int] = [:]
    private(set) var elements: [(name: String, attributes: [String: String])] = []
    /// Text directly inside each element, by element name, in document order.
    private(set) var texts: [String: [String]] = [:]
    private(set) var rootElement: String?
    private(set) var parseError: String?
    private var open: [(name: String, text: String)] = []

    static func parse(_ markup: String) -> MarkupDocument {
        let document = MarkupDocument()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = document
        if !parser.parse(), document.parseError == nil {
            document.parseError = parser.parserError.map { "\($0)" } ?? "parse failed"
        }
        return document
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        if rootElement == nil { rootElement = elementName }
        elementCounts[elementName, default: 0] += 1
        elements.append((elementName, attributeDict))
        open.append((elementName, ""))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard let element = open.popLast() else { return }
        texts[element.name, default: []].append(element.text)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if !open.isEmpty { open[open.count - 1].text += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred error: Error) {
        parseError = "line \(parser.lineNumber): \(error)"
    }

    /// Values of `attribute` on every `element` that has it, in document order.
    func values(of attribute: String, on element: String) -> [String] {
        elements.filter { $0.name == element }.compactMap { $0.attributes[attribute] }
    }

    /// The `data-column` of every drawn series, in order.
    var seriesColumns: [String] { values(of: "data-column", on: "path") + values(of: "data-column", on: "polyline") }

    /// The kinds of the event windows in the dose strip above the panels.
    var stripEvents: [String] {
        elements.filter { $0.name == "rect" && $0.attributes["class"] == "event" }.compactMap { $0.attributes["data-event"] }
    }

    func text(_ element: String) -> [String] { texts[element] ?? [] }
}
