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
    /// A lecture slide (`--slide`): 1920 by 1080, text at least 28 units, the highlighted
    /// series thick and coloured, every other series thin and grey, no dose lines in the panels.
    package var slide: Bool
    /// The series drawn strongest (at most `KeyObservables.maximumHighlights` are used); nil
    /// for the lesson defaults of `KeyObservables`, empty for none.
    package var highlightedColumns: [String]?

    package init(
        title: String? = nil, widthPoints: Double = 960, panelHeightPoints: Double = 190, idPrefix: String = "chart",
        standalone: Bool = true, slide: Bool = false, highlightedColumns: [String]? = nil
    ) {
        self.title = title
        self.widthPoints = slide ? ChartMetrics.slideWidth : widthPoints
        self.panelHeightPoints = panelHeightPoints
        self.idPrefix = idPrefix
        self.standalone = standalone
        self.slide = slide
        self.highlightedColumns = highlightedColumns
    }

    var metrics: ChartMetrics { slide ? .slide : .standard }

    /// The highlighted columns among `drawn`, in order, at most three.
    func highlights(drawn: [String]) -> [String] {
        var result: [String] = []
        for name in highlightedColumns ?? KeyObservables.defaults(available: drawn)
        where drawn.contains(name) && !result.contains(name) {
            result.append(name)
        }
        return Array(result.prefix(KeyObservables.maximumHighlights))
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
        let metrics = options.metrics
        let highlights = options.highlights(drawn: panels.flatMap(\.columnNames).filter { table.column(named: $0) != nil })
        let span = table.timeSpanHours ?? 0...1
        let drawn = panels.map { panel in
            let columns = panel.columnNames.compactMap { table.column(named: $0) }
            let hasHighlight = columns.contains { highlights.contains($0.name) }
            var series: [DrawnSeries] = []
            var ordinary = 0
            for column in columns {
                var item = DrawnSeries(
                    label: TimeSeriesColumn.displayLabel(forColumn: column.name), column: column.name,
                    timeHours: table.timeHours, values: column.values, style: SeriesStyle(index: 0))
                if let rank = highlights.firstIndex(of: column.name) {
                    item.emphasis = .highlighted
                    item.style = .highlighted(rank: rank, metrics: metrics)
                    item.peak = SeriesPeak(column: column, in: table, span: span)
                } else if options.slide {
                    item.emphasis = .background
                    item.style = .background(metrics: metrics)
                } else {
                    // Ordinary lines take the palette after the three highlight colours.
                    item.style = SeriesStyle(index: ordinary + (hasHighlight ? 3 : 0))
                    ordinary += 1
                }
                series.append(item)
            }
            return DrawnPanel(specification: panel, series: series)
        }.withMarks(observations)
        let tracks = annotations.doseTracks.enumerated().map { index, track in
            StripTrack(
                label: track.label, colour: SeriesStyle(index: index).colour,
                doses: annotations.doses.filter { $0.drug == track.drug && $0.route == track.route },
                infusions: annotations.infusions.filter { $0.drug == track.drug && $0.route == track.route })
        }
        var canvas = ChartCanvas(
            options: options, timeSpanHours: span, panels: drawn, tracks: tracks, events: annotations.events,
            guideTimesHours: annotations.doses.map(\.timeHours).filter(span.contains), lastDose: annotations.doses.last)
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
        let metrics = options.metrics
        var drawnColumns: [String] = []
        for name in panels.flatMap(\.columnNames) where runs.contains(where: { $0.table.column(named: name) != nil }) {
            drawnColumns.append(name)
        }
        let highlights = options.highlights(drawn: drawnColumns)
        let drawn = panels.map { panel in
            var series: [DrawnSeries] = []
            for (runIndex, run) in runs.enumerated() {
                for name in panel.columnNames {
                    guard let column = run.table.column(named: name) else { continue }
                    let key = ComparisonRun.key(runIndex)
                    let label = panel.columnNames.count == 1
                        ? key + "  " + run.label : key + "  " + run.label + ": " + TimeSeriesColumn.displayLabel(forColumn: name)
                    var item = DrawnSeries(
                        label: label, column: name, timeHours: run.table.timeHours, values: column.values,
                        style: SeriesStyle(index: runIndex))
                    // Colour tells the runs apart; a highlighted column is solid and thick
                    // for the first three runs.
                    if highlights.contains(name), runIndex < KeyObservables.maximumHighlights {
                        item.emphasis = .highlighted
                        item.style = .highlighted(rank: runIndex, metrics: metrics)
                        item.peak = SeriesPeak(column: column, in: run.table, span: run.table.timeSpanHours ?? 0...1)
                        item.peakPrefix = key + " "
                    } else if options.slide {
                        item.emphasis = .background
                        item.style = .background(metrics: metrics)
                    }
                    series.append(item)
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
                    infusions: run.annotations.infusions.filter { $0.drug == track.drug && $0.route == track.route }))
            }
            for event in run.annotations.events where !events.contains(event) { events.append(event) }
        }
        // The last dose of any run, labelled when it is the last of every run (so it means one thing).
        let lastDoses = runs.compactMap(\.annotations.doses.last)
        let lastDose = lastDoses.count == runs.count && Set(lastDoses.map(\.timeHours)).count == 1 ? lastDoses.first : nil
        var canvas = ChartCanvas(
            options: options, timeSpanHours: lower <= upper ? lower...upper : 0...1, panels: drawn, tracks: tracks,
            events: events, guideTimesHours: [], lastDose: lastDose)
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
    var emphasis: SeriesEmphasis = .normal
    /// The peak to annotate (highlighted series only).
    var peak: SeriesPeak? = nil
    /// Put before the peak's label in a comparison (`"A "`), so the room knows whose peak it is.
    var peakPrefix = ""
}

/// The extremum of a series worth pointing at, and when it is first reached: its peak, or for
/// a series that mostly falls from where it started (receptor density, hedonic tone in
/// withdrawal) its lowest point.
struct SeriesPeak: Equatable {
    var timeHours: Double
    var value: Double
    /// True for the lowest point, false for the peak.
    var isLow = false

    /// The extremum of `column` within `span` that departs further from the series' first
    /// value: the dense-output extremum of a simulation (`TimeSeriesTable.exactExtremes`,
    /// found between output rows) when the table has it, else the tabulated one (its first
    /// row). Nil when there is nothing to point at: no finite value, a flat series, or an
    /// extremum at the first or last row (a monotone stretch).
    init?(column: TimeSeriesColumn, in table: TimeSeriesTable, span: ClosedRange<Double>) {
        var high: (time: Double, value: Double)? = nil, low: (time: Double, value: Double)? = nil
        var start: (time: Double, value: Double)? = nil
        var end = -Double.infinity
        for (time, value) in zip(table.timeHours, column.values) where value.isFinite && span.contains(time) {
            if start == nil { start = (time, value) }
            end = time
            if high == nil || value > high!.value { high = (time, value) }
            if low == nil || value < low!.value { low = (time, value) }
        }
        guard let start, var high, var low else { return nil }
        if let exact = table.exactExtremes[column.name] {
            if exact.peak.isFinite, span.contains(exact.peakTimeHours) { high = (exact.peakTimeHours, exact.peak) }
            if exact.trough.isFinite, span.contains(exact.troughTimeHours) { low = (exact.troughTimeHours, exact.trough) }
        }
        guard high.value - low.value > 1e-9 * max(1, abs(high.value)) else { return nil }
        let falls = start.value - low.value > high.value - start.value
        let chosen = falls ? low : high
        // At either edge it is where the window was cut, not a turning point of the curve.
        guard chosen.time > start.time, chosen.time < end else { return nil }
        self.init(timeHours: chosen.time, value: chosen.value, isLow: falls)
    }

    init(timeHours: Double, value: Double, isLow: Bool = false) {
        self.timeHours = timeHours
        self.value = value
        self.isLow = isLow
    }
}

/// One row of the dose strip above the panels.
struct StripTrack {
    var label: String
    var colour: String
    var doses: [DoseMark]
    var infusions: [InfusionWindow]
}
