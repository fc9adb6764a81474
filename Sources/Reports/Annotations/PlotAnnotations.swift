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

/// A constant-rate infusion drawn as a bar on the time axis.
package struct InfusionWindow: Sendable, Equatable {
    package var startHours: Double
    package var durationHours: Double
    package var drug: String
    package var rateMilligramsPerHour: Double

    package init(startHours: Double, durationHours: Double, drug: String, rateMilligramsPerHour: Double) {
        self.startHours = startHours
        self.durationHours = durationHours
        self.drug = drug
        self.rateMilligramsPerHour = rateMilligramsPerHour
    }

    package var endHours: Double { startHours + durationHours }

    /// `"morphine infusion 2 mg/h, 0-24 h"`.
    package var label: String {
        "\(drug) infusion \(NumberText.significant(rateMilligramsPerHour)) mg/h, "
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

    /// Expands a scenario's regimens into individual administrations, sorted by time (stable
    /// for equal times, in regimen order), and copies its events.
    /// - Complexity: O(total number of doses · log).
    package init(scenario: Scenario) {
        var doses: [DoseMark] = []
        var infusions: [InfusionWindow] = []
        for regimen in scenario.doses {
            switch regimen.schedule {
            case .single(let atHours, let amount):
                doses.append(DoseMark(timeHours: atHours, drug: regimen.drug, route: regimen.route, amountMilligrams: amount))
            case .repeated(let start, let every, let count, let amount):
                for index in 0..<max(count, 0) {
                    doses.append(DoseMark(
                        timeHours: start + Double(index) * every, drug: regimen.drug, route: regimen.route,
                        amountMilligrams: amount))
                }
            case .stepped(let start, let every, let amounts):
                for (index, amount) in amounts.enumerated() {
                    doses.append(DoseMark(
                        timeHours: start + Double(index) * every, drug: regimen.drug, route: regimen.route,
                        amountMilligrams: amount))
                }
            case .infusion(let start, let duration, let rate):
                infusions.append(InfusionWindow(
                    startHours: start, durationHours: duration, drug: regimen.drug, rateMilligramsPerHour: rate))
            }
        }
        // Enumerated sort keeps equal times in regimen order, so output is deterministic.
        self.doses = doses.enumerated().sorted { ($0.element.timeHours, $0.offset) < ($1.element.timeHours, $1.offset) }
            .map(\.element)
        self.infusions = infusions
        self.events = scenario.events.map {
            EventWindow(kind: $0.kind, startHours: $0.startHours, durationHours: $0.durationHours, intensity: $0.intensity)
        }
    }

    /// Drug and route pairs in order of first administration: one row each in the dose strip.
    var doseTracks: [DoseTrack] {
        var tracks: [DoseTrack] = []
        for dose in doses where !tracks.contains(DoseTrack(drug: dose.drug, route: dose.route)) {
            tracks.append(DoseTrack(drug: dose.drug, route: dose.route))
        }
        for infusion in infusions where !tracks.contains(DoseTrack(drug: infusion.drug, route: .ivInfusion)) {
            tracks.append(DoseTrack(drug: infusion.drug, route: .ivInfusion))
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
