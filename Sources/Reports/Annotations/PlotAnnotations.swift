import Pharmacology

/// One administration drawn on the time axis.
package struct DoseMark: Sendable, Equatable {
    package var timeHours: Double
    package var drug: String
    package var route: Route
    package var amountMilligrams: Double

    package init(timeHours: Double, drug: String, route: Route, amountMilligrams: Double) {
        self.timeHours = timeHours
        self.drug = drug
        self.route = route
        self.amountMilligrams = amountMilligrams
    }

    /// `"morphine oral 10 mg at 24 h"`.
    package var label: String {
        "\(drug) \(route.rawValue) \(NumberText.significant(amountMilligrams)) mg at \(NumberText.significant(timeHours)) h"
    }
}

/// A constant-rate input drawn as a bar on the time axis: an IV infusion, or a transdermal
/// patch while worn (its own strip row, labelled with its route).
package struct InfusionWindow: Sendable, Equatable {
    package var startHours: Double
    package var durationHours: Double
    package var drug: String
    package var rateMilligramsPerHour: Double
    package var route: Route

    package init(startHours: Double, durationHours: Double, drug: String, rateMilligramsPerHour: Double,
                 route: Route = .ivInfusion) {
        self.startHours = startHours
        self.durationHours = durationHours
        self.drug = drug
        self.rateMilligramsPerHour = rateMilligramsPerHour
        self.route = route
    }

    package var endHours: Double { startHours + durationHours }

    /// `"morphine infusion 2 mg/h, 0-24 h"`, `"fentanyl patch 25 µg/h, 0-72 h"`.
    package var label: String {
        if route == .transdermal {
            return "\(drug) patch \(NumberText.significant(rateMilligramsPerHour * 1000)) µg/h, "
                + "\(NumberText.significant(startHours))-\(NumberText.significant(endHours)) h"
        }
        return "\(drug) infusion \(NumberText.significant(rateMilligramsPerHour)) mg/h, "
            + "\(NumberText.significant(startHours))-\(NumberText.significant(endHours)) h"
    }
}

/// A stimulus event shaded behind the curves.
package struct EventWindow: Sendable, Equatable {
    package var kind: StimulusKind
    package var startHours: Double
    package var durationHours: Double
    package var intensity: Double

    package init(kind: StimulusKind, startHours: Double, durationHours: Double, intensity: Double) {
        self.kind = kind
        self.startHours = startHours
        self.durationHours = durationHours
        self.intensity = intensity
    }

    package var endHours: Double { startHours + durationHours }

    /// `"stress x1.5, 48-50 h"`.
    package var label: String {
        "\(kind.displayName) x\(NumberText.significant(intensity)), "
            + "\(NumberText.significant(startHours))-\(NumberText.significant(endHours)) h"
    }
}

extension StimulusKind {
    /// Human name: `social contact` rather than `social_contact`.
    package var displayName: String { String(rawValue.map { $0 == "_" ? " " : $0 }) }
}

/// What a chart draws besides the curves: dose times, infusions and event windows.
package struct PlotAnnotations: Sendable, Equatable {
    package var doses: [DoseMark]
    package var infusions: [InfusionWindow]
    package var events: [EventWindow]

    package init(doses: [DoseMark] = [], infusions: [InfusionWindow] = [], events: [EventWindow] = []) {
        self.doses = doses
        self.infusions = infusions
        self.events = events
    }

    /// The administrations, infusions and events of a scenario, from its one expansion
    /// (`Scenario.schedule`): doses sorted by time (equal times in regimen order), infusions and
    /// events cut at the end of the run as the model runs them.
    /// - Complexity: O(total number of doses · log).
    package init(scenario: Scenario) {
        var doses: [DoseMark] = []
        var infusions: [(index: Int, window: InfusionWindow)] = []  // a patch schedule has several
        var events: [Int: EventWindow] = [:]
        var infusionStarts: [Int: Double] = [:], eventStarts: [Int: Double] = [:]
        for entry in scenario.schedule(library: nil) {
            switch entry.kind {
            case .dose(let index, let amount, _):
                let regimen = scenario.doses[index]
                doses.append(DoseMark(timeHours: entry.timeHours, drug: regimen.drug, route: regimen.route, amountMilligrams: amount))
            case .infusionStart(let index, _):
                infusionStarts[index] = entry.timeHours
            case .infusionEnd(let index, let rate, _):
                let start = infusionStarts[index] ?? entry.timeHours
                infusions.append((index, InfusionWindow(startHours: start, durationHours: entry.timeHours - start,
                                                        drug: scenario.doses[index].drug, rateMilligramsPerHour: rate,
                                                        route: scenario.doses[index].route)))
            case .stimulusStart(let index):
                eventStarts[index] = entry.timeHours
            case .stimulusEnd(let index, _):
                let event = scenario.events[index]
                let start = eventStarts[index] ?? entry.timeHours
                events[index] = EventWindow(kind: event.kind, startHours: start, durationHours: entry.timeHours - start, intensity: event.intensity)
            }
        }
        self.doses = doses
        // Windows in the order of the scenario's entries.
        self.infusions = infusions.enumerated().sorted { ($0.element.index, $0.offset) < ($1.element.index, $1.offset) }.map(\.element.window)
        self.events = events.keys.sorted().map { events[$0]! }
    }

    /// Drug and route pairs in order of first administration: one row each in the dose strip.
    var doseTracks: [DoseTrack] {
        var tracks: [DoseTrack] = []
        for dose in doses where !tracks.contains(DoseTrack(drug: dose.drug, route: dose.route)) {
            tracks.append(DoseTrack(drug: dose.drug, route: dose.route))
        }
        for infusion in infusions where !tracks.contains(DoseTrack(drug: infusion.drug, route: infusion.route)) {
            tracks.append(DoseTrack(drug: infusion.drug, route: infusion.route))
        }
        return tracks
    }
}

/// One row of the dose strip.
struct DoseTrack: Equatable {
    var drug: String
    var route: Route
    var label: String { "\(drug) (\(route.rawValue))" }
}
