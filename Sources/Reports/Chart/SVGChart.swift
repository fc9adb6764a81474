import Pharmacology

/// Size, title and embedding of a chart.
package struct ChartOptions: Sendable, Equatable {
    /// Shown above the panels; nil for none (the HTML report has its own heading).
    package var title: String?
    /// Width of the viewBox in user units (CSS pixels at 100%).
    package var widthPoints: Double
    /// Height of each panel's plot area in user units.
    package var panelHeightPoints: Double
    /// Prefix of element ids, unique per chart when several share one HTML page.
    package var idPrefix: String
    /// Writes the XML declaration and fixed width/height for a stand-alone .svg file; false for
    /// inline SVG inside HTML, which scales with the page through its viewBox.
    package var standalone: Bool

    package init(
        title: String? = nil, widthPoints: Double = 960, panelHeightPoints: Double = 190, idPrefix: String = "chart",
        standalone: Bool = true
    ) {
        self.title = title
        self.widthPoints = widthPoints
        self.panelHeightPoints = panelHeightPoints
        self.idPrefix = idPrefix
        self.standalone = standalone
    }
}

/// One scenario's results in a comparison.
package struct ComparisonRun: Sendable, Equatable {
    /// Legend text for this run (the scenario name or file name).
    package var label: String
    package var table: TimeSeriesTable
    package var annotations: PlotAnnotations
    /// The scenario, for the HTML comparison's regimen tables; nil for a run read from CSV.
    package var scenario: Scenario?
    /// Solver work, for the HTML comparison; nil when not known.
    package var solver: SolverSummary?

    package init(
        label: String, table: TimeSeriesTable, annotations: PlotAnnotations = PlotAnnotations(), scenario: Scenario? = nil,
        solver: SolverSummary? = nil
    ) {
        self.label = label
        self.table = table
        self.annotations = annotations
        self.scenario = scenario
        self.solver = solver
    }

    /// The short key of the n-th run (`A`, `B`, ..., `Z`, `R27`, ...), used where full labels
    /// would not fit (the dose strip) and before each legend entry.
    package static func key(_ index: Int) -> String {
        index < 26 ? String(UnicodeScalar(UInt8(65 + index))) : "R\(index + 1)"
    }

    /// A run of a scenario, labelled by its name and annotated with its doses and events.
    package init(scenario: Scenario, table: TimeSeriesTable, solver: SolverSummary? = nil) {
        self.init(
            label: scenario.name, table: table, annotations: PlotAnnotations(scenario: scenario), scenario: scenario,
            solver: solver)
    }
}

/// Publication-quality SVG line charts: panels stacked on one time axis, nice ticks in hours or
/// days, unit-labelled axes, legends, dose marks and shaded event windows. Output is a pure
/// function of the inputs (byte-identical across runs).
package enum SVGChart {
    /// Draws one run: a line per column in each panel. Columns missing from the table are
    /// skipped (`PanelSpecification.panels` checks user requests beforehand). The time axis
    /// spans the table; to zoom, pass `table.restricted(toHours:)`.
    ///
    /// - Complexity: O(rows · drawn columns); output size O(chart width · drawn columns).
    /// - Parameter observations: published values drawn as markers with error bars over the
    ///   curves, each in the first panel that draws its column.
    package static func render(
        table: TimeSeriesTable, panels: [PanelSpecification], annotations: PlotAnnotations = PlotAnnotations(),
        options: ChartOptions = ChartOptions(), observations: [ObservationMark] = []
    ) -> String {
        let drawn = panels.map { panel in
            DrawnPanel(specification: panel, series: panel.columnNames.compactMap { table.column(named: $0) }.enumerated().map {
                DrawnSeries(
                    label: TimeSeriesColumn.displayLabel(forColumn: $0.element.name), column: $0.element.name,
                    timeHours: table.timeHours, values: $0.element.values, style: SeriesStyle(index: $0.offset))
            })
        }.withMarks(observations)
        let tracks = annotations.doseTracks.enumerated().map { index, track in
            StripTrack(
                label: track.label, colour: SeriesStyle(index: index).colour,
                doses: annotations.doses.filter { $0.drug == track.drug && $0.route == track.route },
                infusions: track.route == .ivInfusion ? annotations.infusions.filter { $0.drug == track.drug } : [])
        }
        let span = table.timeSpanHours ?? 0...1
        var canvas = ChartCanvas(
            options: options, timeSpanHours: span, panels: drawn, tracks: tracks, events: annotations.events,
            guideTimesHours: annotations.doses.map(\.timeHours).filter(span.contains))
        return canvas.draw()
    }

    /// Draws several runs overlaid: in each panel one line per run and column, styled by run,
    /// so the legend reads by scenario. The time axis covers the longest run.
    ///
    /// - Complexity: O(total rows · drawn columns).
    package static func renderComparison(
        _ runs: [ComparisonRun], panels: [PanelSpecification], options: ChartOptions = ChartOptions(),
        observations: [ObservationMark] = []
    ) -> String {
        let drawn = panels.map { panel in
            var series: [DrawnSeries] = []
            for (runIndex, run) in runs.enumerated() {
                for name in panel.columnNames {
                    guard let column = run.table.column(named: name) else { continue }
                    let key = ComparisonRun.key(runIndex)
                    let label = panel.columnNames.count == 1
                        ? key + "  " + run.label : key + "  " + run.label + ": " + TimeSeriesColumn.displayLabel(forColumn: name)
                    series.append(DrawnSeries(
                        label: label, column: name, timeHours: run.table.timeHours, values: column.values,
                        style: SeriesStyle(index: runIndex)))
                }
            }
            return DrawnPanel(specification: panel, series: series)
        }.withMarks(observations)
        var tracks: [StripTrack] = []
        var events: [EventWindow] = []
        var lower = Double.infinity, upper = -Double.infinity
        for (runIndex, run) in runs.enumerated() {
            if let span = run.table.timeSpanHours {
                lower = min(lower, span.lowerBound)
                upper = max(upper, span.upperBound)
            }
            for track in run.annotations.doseTracks {
                tracks.append(StripTrack(
                    label: ComparisonRun.key(runIndex) + ": " + track.label, colour: SeriesStyle(index: runIndex).colour,
                    doses: run.annotations.doses.filter { $0.drug == track.drug && $0.route == track.route },
                    infusions: track.route == .ivInfusion ? run.annotations.infusions.filter { $0.drug == track.drug } : []))
            }
            for event in run.annotations.events where !events.contains(event) { events.append(event) }
        }
        var canvas = ChartCanvas(
            options: options, timeSpanHours: lower <= upper ? lower...upper : 0...1, panels: drawn, tracks: tracks,
            events: events, guideTimesHours: [])
        return canvas.draw()
    }
}

/// A panel with its series resolved.
struct DrawnPanel {
    var specification: PanelSpecification
    var series: [DrawnSeries]
    /// Observations drawn over the series (those of the panel's columns).
    var marks: [ObservationMark] = []
}

extension [DrawnPanel] {
    /// Gives each mark to the first panel that draws its column (marks of undrawn columns
    /// are left out: callers add panels for them first).
    func withMarks(_ marks: [ObservationMark]) -> [DrawnPanel] {
        guard !marks.isEmpty else { return self }
        var panels = self
        for mark in marks {
            guard let index = panels.firstIndex(where: { $0.specification.columnNames.contains(mark.column) }) else { continue }
            panels[index].marks.append(mark)
        }
        return panels
    }
}

struct DrawnSeries {
    var label: String
    var column: String
    var timeHours: [Double]
    var values: [Double]
    var style: SeriesStyle
}

/// One row of the dose strip above the panels.
struct StripTrack {
    var label: String
    var colour: String
    var doses: [DoseMark]
    var infusions: [InfusionWindow]
}
