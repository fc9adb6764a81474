import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Pharmacology

/// Scenarios covering every exported feature: depots of several routes, metabolites, a
/// peripheral compartment, a modulator (oxytocin), NMDA (ketamine), an irreversible antagonist,
/// an infusion, overlapping stimulus windows, simultaneous doses, and the deficit phenotype.
enum TestScenarios {
    static let kitchenSink = Scenario(
        name: "kitchen sink <&\"'>", durationHours: 3,
        doses: [
            DoseRegimen(drug: "morphine", route: .oral, schedule: .repeated(startHours: 0, everyHours: 1, count: 3, amountMilligrams: 30)),
            DoseRegimen(drug: "buprenorphine", route: .sublingual, schedule: .single(atHours: 0.5, amountMilligrams: 2)),
            DoseRegimen(drug: "oxytocin", route: .intranasal, schedule: .single(atHours: 0, amountMilligrams: 0.04)),
            DoseRegimen(drug: "ketamine", route: .ivInfusion, schedule: .infusion(startHours: 0.25, durationHours: 1, rateMilligramsPerHour: 20)),
            DoseRegimen(drug: "naloxone", route: .ivBolus, schedule: .single(atHours: 1, amountMilligrams: 0.4)),
            DoseRegimen(drug: "morphine", route: .ivBolus, schedule: .single(atHours: 1, amountMilligrams: 5)),
            DoseRegimen(drug: "naltrexone", route: .oral, schedule: .single(atHours: 2, amountMilligrams: 4.5)),
        ],
        events: [
            StimulusEvent(kind: .stress, startHours: 0, durationHours: 1, intensity: 1),
            StimulusEvent(kind: .stress, startHours: 0.5, durationHours: 1, intensity: 0.5),
            StimulusEvent(kind: .exercise, startHours: 1.5, durationHours: 0.5, intensity: 2),
        ])

    static let deficitMethadone = Scenario(
        name: "deficit methadone", durationHours: 2,
        subject: Subject(phenotype: .opioidDeficit, weightKilograms: 82),
        doses: [DoseRegimen(drug: "methadone", route: .oral, schedule: .stepped(startHours: 0, everyHours: 0.5, amountsMilligrams: [10, 20, 5]))],
        events: [StimulusEvent(kind: .socialContact, startHours: 0.2, durationHours: 0.5)],
        parameterOverrides: ["methadone.half_life_h": 30])

    static let drugFree = Scenario(name: "drug free", durationHours: 1)

    /// Two transdermal patches worn in turn (the release rate switches on after the route's lag
    /// and off at removal, while the skin depot keeps releasing) over an oral dose.
    static let patches = Scenario(
        name: "patches", durationHours: 8,
        doses: [
            DoseRegimen(drug: "morphine", route: .oral, schedule: .single(atHours: 0, amountMilligrams: 10)),
            DoseRegimen(drug: "fentanyl", route: .transdermal,
                        schedule: .patch(startHours: 0, everyHours: 3, count: 2, wearHours: 2.5, rateMilligramsPerHour: 0.05)),
        ])

    /// Two extended-release naltrexone injections (Vivitrol, route `im_er`): each adds its
    /// small fast share at the route's lag; its slow share's inputs (the bolus part over
    /// `slow_bolus_duration_h`, the zero-order rest) switch on at the slow depot's own lag
    /// (`slow_lag_h`, 6 h), so the run must outlast the later one; both run past its end.
    static let delayedSlowDepot = Scenario(
        name: "delayed slow depot", durationHours: 40,
        doses: [DoseRegimen(drug: "naltrexone", route: .intramuscularExtendedRelease,
                            schedule: .repeated(startHours: 0, everyHours: 6, count: 2, amountMilligrams: 380))])

    static let all = [kitchenSink, deficitMethadone, drugFree, patches, delayedSlowDepot]
}

/// The elements of an XML document, parsed by Foundation's XMLParser.
final class ParsedXML: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var path: [String]
        var text = ""
    }
    private(set) var elements: [Element] = []
    private var stack: [Int] = []
    private(set) var error: String?

    init(_ text: String) {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        if !parser.parse() { error = parser.parserError.map { "\($0)" } ?? "parse failed" }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes, path: stack.map { elements[$0].name }))
        stack.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let top = stack.last { elements[top].text += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        error = "\(parseError)"
    }

    func named(_ name: String) -> [Element] { elements.filter { $0.name == name } }
}
