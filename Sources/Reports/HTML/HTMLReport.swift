import Pharmacology

/// One self-contained HTML file per run (or per comparison): inline SVG and CSS, no scripts,
/// no network, no web fonts, so it opens offline, mails as one attachment and prints.
///
/// The markup is also well-formed XML (every element closed, attributes quoted, text escaped),
/// which the tests check with an XML parser. Output is a pure function of the inputs.
package enum HTMLReport {
    /// The report of one run: scenario, regimen, charts, summary, dependence figures, solver.
    ///
    /// - Parameters:
    ///   - panels: the charts' panels (`PanelSpecification.panels(available:...)`).
    ///   - solver: solver work, or nil to leave the section out.
    /// - Complexity: O(rows · drawn columns).
    package static func render(
        scenario: Scenario, table: TimeSeriesTable, solver: SolverSummary?, panels: [PanelSpecification],
        chartOptions: ChartOptions = ChartOptions()
    ) -> String {
        let annotations = PlotAnnotations(scenario: scenario)
        var out = MarkupWriter()
        writeHead(&out, title: scenario.name, extraStyle: chartOptions.slide ? slideStyle : "")
        out.open("header")
        out.element("h1", text: scenario.name)
        if !scenario.description.isEmpty { out.element("p", ["class": "description"], text: scenario.description) }
        out.element("p", ["class": "meta"], text: metaLine(scenario))
        out.close("header")

        out.open("section", ["id": "regimen"])
        out.element("h2", text: "Regimen")
        writeRegimen(&out, scenario: scenario, annotations: annotations)
        writeOverrides(&out, scenario: scenario)
        out.close("section")

        out.open("section", ["id": "charts"])
        out.element("h2", text: "Time course")
        out.raw(SVGChart.render(
            table: table, panels: panels, annotations: annotations,
            options: embedded(chartOptions, idPrefix: "report")))
        out.element("p", ["class": "note"], text: chartNote)
        out.close("section")

        out.open("section", ["id": "summary"])
        out.element("h2", text: "Summary")
        writeSummary(&out, ObservableSummary.main(of: table))
        let dependence = DependenceSummary(table: table, doseTimesHours: annotations.doses.map(\.timeHours))
        if !dependence.rows.isEmpty {
            out.element("h3", text: "Tolerance and withdrawal")
            writeKeyValueTable(&out, dependence.rows, id: "dependence")
        }
        out.close("section")

        if let solver {
            out.open("section", ["id": "solver"])
            out.element("h2", text: "Solver")
            writeKeyValueTable(&out, solver.rows, id: "solver-statistics")
            out.close("section")
        }
        writeFoot(&out, rows: table.sourceRowCount ?? table.rowCount)
        return out.text
    }

    /// Several runs overlaid on the same panels (one panel per observable, one line per run),
    /// with each run's regimen and a side-by-side summary.
    ///
    /// - Parameter panels: usually `PanelSpecification.comparisonPanels(available:...)`.
    package static func renderComparison(
        _ runs: [ComparisonRun], panels: [PanelSpecification], title: String = "Scenario comparison",
        observations: [ObservationMark] = [], chartOptions: ChartOptions = ChartOptions()
    ) -> String {
        var out = MarkupWriter()
        writeHead(&out, title: title, extraStyle: chartOptions.slide ? slideStyle : "")
        out.open("header")
        out.element("h1", text: title)
        out.open("ol", ["class": "runs"])
        for (index, run) in runs.enumerated() {
            out.open("li")
            // An explicit end tag: outside SVG, HTML parsers ignore `/>` on non-void elements.
            let style = SeriesStyle(index: index)
            out.element("span", [
                "class": "swatch",
                "style": "border-top-color: \(style.colour); border-top-style: \(style.dash == nil ? "solid" : "dashed")",
            ], text: "")
            out.element("strong", text: ComparisonRun.key(index) + "  " + run.label)
            if let description = run.scenario?.description, !description.isEmpty {
                out.element("span", ["class": "description"], text: " " + description)
            }
            out.close("li")
        }
        out.close("ol")
        out.close("header")

        out.open("section", ["id": "charts"])
        out.element("h2", text: "Time course")
        out.raw(SVGChart.renderComparison(
            runs, panels: panels, options: embedded(chartOptions, idPrefix: "compare"), observations: observations))
        out.element("p", ["class": "note"], text: chartNote)
        out.close("section")

        out.open("section", ["id": "summary"])
        out.element("h2", text: "Summary")
        writeComparisonSummary(&out, runs)
        out.close("section")

        out.open("section", ["id": "regimen"])
        out.element("h2", text: "Regimens")
        for (index, run) in runs.enumerated() {
            out.element("h3", text: ComparisonRun.key(index) + "  " + run.label)
            if let scenario = run.scenario {
                out.element("p", ["class": "meta"], text: metaLine(scenario))
                writeRegimen(&out, scenario: scenario, annotations: run.annotations)
            } else {
                out.element("p", ["class": "meta"], text: "Read from a CSV file: no scenario.")
            }
        }
        out.close("section")

        let solved = runs.filter { $0.solver != nil }
        if let first = solved.first?.solver {
            out.open("section", ["id": "solver"])
            out.element("h2", text: "Solver")
            out.open("table", ["id": "solver-statistics"])
            out.open("thead")
            out.open("tr")
            out.element("th", text: "")
            for (index, run) in runs.enumerated() where run.solver != nil {
                out.element("th", ["scope": "col"], text: ComparisonRun.key(index) + "  " + run.label)
            }
            out.close("tr")
            out.close("thead")
            out.open("tbody")
            for (row, (label, _)) in first.rows.enumerated() {
                out.open("tr")
                out.element("th", ["scope": "row"], text: label)
                for run in solved { out.element("td", text: run.solver!.rows[row].1) }
                out.close("tr")
            }
            out.close("tbody")
            out.close("table")
            out.close("section")
        }
        writeFoot(&out, rows: runs.map { $0.table.sourceRowCount ?? $0.table.rowCount }.reduce(0, +))
        return out.text
    }

    static let chartNote = "Triangles above the panels and on the time axis mark doses (larger for larger doses); "
        + "hatched bands are stimulus events. Hover over a mark for its details."

    /// `"30 h"`: tables stay in hours whatever the chart axis uses, so columns compare.
    /// A page of slides is as wide as a slide, so the chart is drawn at its own scale.
    static let slideStyle = """
        body { max-width: 1960px; font-size: 24px; } h1 { font-size: 44px; } h2 { font-size: 34px; } h3 { font-size: 28px; }
        p.description { font-size: 26px; } p.meta, p.note, footer, table { font-size: 22px; }
        """

    /// The caller's chart options for a chart inside the page (no XML declaration, no fixed size).
    static func embedded(_ options: ChartOptions, idPrefix: String) -> ChartOptions {
        var options = options
        options.idPrefix = idPrefix
        options.standalone = false
        return options
    }

    static func timeText(_ hours: Double) -> String {
        NumberText.significant(hours, 5) + " h"
    }

    static func metaLine(_ scenario: Scenario) -> String {
        "Duration " + timeText(scenario.durationHours)
            + (scenario.durationHours > 72 ? " (" + NumberText.trimmed(scenario.durationHours / 24, 2) + " days)" : "")
            + "; phenotype " + scenario.subject.phenotype.rawValue
            + "; body weight " + NumberText.significant(scenario.subject.weightKilograms) + " kg; output every "
            + NumberText.significant(scenario.output.intervalHours) + " h."
    }
}
