import Foundation
import Pharmacology
@testable import Reports

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small synthetic run shaped like the model's output: three days of oral morphine every
/// 6 h, then a stop, with a stress and an exercise event. Values are analytic (Bateman
/// functions and smooth curves), not model results: the tests check drawing, not pharmacology.
enum Synthetic {
    static let scenario = Scenario(
        name: "Synthetic morphine <abrupt stop> & \"quotes\"",
        description: "Morphine 10 mg every 6 h for 2 days, then stop; stress on day 3.",
        durationHours: 96,
        doses: [
            DoseRegimen(drug: "morphine", route: .oral, schedule: .repeated(startHours: 0, everyHours: 6, count: 8, amountMilligrams: 10)),
            DoseRegimen(drug: "naloxone", route: .intranasal, schedule: .single(atHours: 60, amountMilligrams: 4)),
        ],
        events: [
            StimulusEvent(kind: .stress, startHours: 66, durationHours: 4, intensity: 1.5),
            StimulusEvent(kind: .exercise, startHours: 80, durationHours: 1),
        ])

    static func bateman(_ t: Double, ka: Double = 1.2, ke: Double = 0.25) -> Double {
        t < 0 ? 0 : (exp(-ke * t) - exp(-ka * t)) * ka / (ka - ke)
    }

    static func table(stepHours: Double = 0.25, hours: Double = 96) -> TimeSeriesTable {
        let count = Int((hours / stepHours).rounded()) + 1
        let time = (0..<count).map { Double($0) * stepHours }
        let doses = (0..<8).map { Double($0) * 6 }
        let plasma = time.map { t in doses.reduce(0) { $0 + 40 * bateman(t - $1) } }
        let brain = time.map { t in doses.reduce(0) { $0 + 25 * bateman(t - $1 - 0.5, ka: 0.8) } }
        let occupancy = brain.map { $0 / ($0 + 5) }
        let withdrawal = time.map { t in t < 48 ? 0 : 0.8 * (t - 48) / 24 * exp(1 - (t - 48) / 24) }
        let columns: [(String, [Double])] = [
            ("morphine_plasma_nM", plasma),
            ("morphine_brain_nM", brain),
            ("mu_occupancy_morphine", occupancy),
            ("mu_occupancy_total", occupancy.map { min(1, $0 + 0.05) }),
            ("mu_surface_rel", time.map { 1 - 0.3 * min($0, 48) / 48 }),
            ("mu_total_rel", time.map { 1 - 0.2 * min($0, 48) / 48 }),
            ("endorphin_nM", time.map { 0.5 - 0.2 * min($0, 48) / 48 }),
            ("dynorphin_nM", time.map { 0.3 + 0.1 * sin($0 / 12) }),
            ("dopamine_tone", occupancy.map { 0.9 + 0.5 * $0 }),
            ("hedonic_tone", zip(occupancy, withdrawal).map { 0.5 * $0 - $1 }),
            ("withdrawal_index", withdrawal),
            ("tolerance_index", time.map { 0.4 * min($0, 48) / 48 }),
        ]
        return try! TimeSeriesTable(timeHours: time, columns: columns.map { TimeSeriesColumn(name: $0.0, values: $0.1) })
    }
}

/// Parses XML and collects elements and attributes, to check well-formedness and content.
final class XMLSummary: NSObject, XMLParserDelegate {
    var elementCounts: [String: Int] = [:]
    var attributes: [(element: String, attributes: [String: String])] = []
    var text = ""
    /// Text of each element, in document order, keyed by element name (`texts["text"]`).
    var texts: [String: [String]] = [:]
    private var open: [(name: String, text: String)] = []
    var error: Error?

    static func parse(_ markup: String) -> XMLSummary {
        let summary = XMLSummary()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = summary
        if !parser.parse() { summary.error = parser.parserError ?? ReportsError.emptyTable }
        return summary
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        elementCounts[elementName, default: 0] += 1
        attributes.append((elementName, attributeDict))
        open.append((elementName, ""))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard let element = open.popLast() else { return }
        texts[element.name, default: []].append(element.text)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
        if !open.isEmpty { open[open.count - 1].text += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        error = parseError
    }

    func values(of attribute: String, on element: String) -> [String] {
        attributes.filter { $0.element == element }.compactMap { $0.attributes[attribute] }
    }
}

/// |a - b| <= absolute + relative * max(|a|, |b|): the one floating-point comparison of these
/// tests (defaults: 1e-12 each, for values computed by a different but exact-in-theory route).
func isClose(_ a: Double, _ b: Double, relative: Double = 1e-12, absolute: Double = 1e-12) -> Bool {
    abs(a - b) <= absolute + relative * max(abs(a), abs(b))
}
