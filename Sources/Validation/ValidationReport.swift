import Reports

/// The `validate --report` page: one self-contained HTML file (inline SVG and CSS, no scripts,
/// nothing from the network) with the totals, a table of studies, and per study, grouped by
/// drug and then by kind of evidence, a chart of the model's curve of each compared observable
/// with the observations as markers (error bars: SD; shaded: the acceptance band), the
/// citation, how the numbers were obtained, and the verdicts. Output is a pure function of the
/// results.
package enum ValidationReport {
    static let extraStyle = """
        td.met { color: #006e50; font-weight: bold; }
        td.not-met { color: #b34700; font-weight: bold; }
        td.known-gap { color: #8a5a00; font-weight: bold; }
        p.gap { background: #fff4dc; border-left: 4px solid #e69f00; padding: 4px 8px; }
        p.failure { background: #fde8e0; border-left: 4px solid #d55e00; padding: 4px 8px; }
        dl.study { font-size: 13px; margin: 6px 0; }
        dl.study dt { font-weight: bold; float: left; clear: left; width: 110px; }
        dl.study dd { margin: 0 0 4px 120px; }
        section.study { margin-bottom: 28px; }
        h4 { font-size: 15px; margin: 22px 0 4px; }
        """

    /// - Complexity: O(total rows of the studies' tables).
    package static func render(_ results: [StudyResult], totals: ValidationTotals) -> String {
        var out = MarkupWriter()
        let title = "Validation against published studies"
        HTMLReport.writeHead(&out, title: title, extraStyle: extraStyle)
        out.open("header")
        out.element("h1", text: title)
        out.element("p", ["class": "description", "id": "totals"], text: totals.line + ".")
        out.element("p", ["class": "meta"], text: "Markers are the published values (error bars: SD where reported; shaded: the "
            + "acceptance band the model must lie in); the line is the model. Green: met; red: not met; orange: a known gap "
            + "(stated in the study's file and counted as not met; it covers the comparisons the file names, or all). "
            + "A peak with its time is one marker with both bars; a value over a window is a dashed level across it; a "
            + "time alone is a dashed vertical line; the window of an area or a half-life is shaded and captioned.")
        out.close("header")

        out.open("section", ["id": "studies"])
        out.element("h2", text: "Studies")
        out.open("table", ["id": "study-table"])
        HTMLReport.writeHeaderRow(&out, ["Study", "Drug", "Evidence", "Met", "Status"])
        out.open("tbody")
        for study in ordered(results) {
            out.open("tr")
            out.open("td")
            out.element("a", ["href": "#" + study.id], text: study.id)
            out.close("td")
            out.element("td", text: study.file.drugs.joined(separator: ", "))
            out.element("td", text: study.file.evidence.rawValue)
            let met = study.comparisons.filter { $0.verdict == .met }.count
            out.element("td", ["class": "number"], text: "\(met) of \(study.comparisons.count)")
            let (status, css) = status(study)
            out.element("td", ["class": css], text: status + (study.file.heldBack ? " (held back)" : ""))
            out.close("tr")
        }
        out.close("tbody")
        out.close("table")
        out.close("section")

        var chartIndex = 0
        for drug in Array(Set(results.map { $0.file.drugs.first ?? "" })).sorted() {
            out.open("section", ["class": "drug", "id": "drug-" + drug])
            out.element("h2", text: drug)
            let ofDrug = results.filter { ($0.file.drugs.first ?? "") == drug }
            for kind in EvidenceKind.allCases {
                let studies = ofDrug.filter { $0.file.evidence == kind }.sorted { $0.id < $1.id }
                guard !studies.isEmpty else { continue }
                out.element("h3", text: kind.title)
                for study in studies {
                    writeStudy(&out, study, chartIndex: chartIndex)
                    chartIndex += 1
                }
            }
            out.close("section")
        }
        HTMLReport.writeFoot(&out, rows: results.compactMap(\.table?.rowCount).reduce(0, +))
        return out.text
    }

    /// Studies by first drug, then evidence kind, then id (the order of the sections).
    static func ordered(_ results: [StudyResult]) -> [StudyResult] {
        results.sorted {
            let a = ($0.file.drugs.first ?? "", $0.file.evidence, $0.id), b = ($1.file.drugs.first ?? "", $1.file.evidence, $1.id)
            if a.0 != b.0 { return a.0 < b.0 }
            if a.1 != b.1 { return a.1 < b.1 }
            return a.2 < b.2
        }
    }

    /// A window around the observations when they cover under a quarter of the run (a PET
    /// scan on day 14 is a dot on a 14-day axis): their span plus a quarter of it, at least
    /// 2 h, on each side; nil otherwise.
    static func zoomWindow(_ observations: [Observation], run: ClosedRange<Double>?) -> ClosedRange<Double>? {
        guard let run, let first = observations.map(\.timeHours).min() else { return nil }
        let last = observations.map { $0.endHours ?? $0.timeHours }.max()!
        let runLength = run.upperBound - run.lowerBound
        guard runLength > 0, last - first < 0.25 * runLength else { return nil }
        let pad = max(2, 0.25 * (last - first))
        return max(run.lowerBound, first - pad)...min(run.upperBound, last + pad)
    }

    /// A failed run first, then a comparison out of band that no known gap covers, then the
    /// known gap.
    static func status(_ study: StudyResult) -> (String, String) {
        if study.failure != nil { return ("run failed", "not-met") }
        if study.comparisons.contains(where: { $0.verdict == .notMet }) { return ("NOT MET", "not-met") }
        if study.file.knownGap != nil { return ("known gap", "known-gap") }
        return ("met", "met")
    }

    static func writeStudy(_ out: inout MarkupWriter, _ study: StudyResult, chartIndex: Int) {
        out.open("section", ["class": "study", "id": study.id])
        out.element("h4", text: study.file.title)
        out.element("p", ["class": "meta"], text: "Study " + study.id + "; drug " + study.file.drugs.joined(separator: ", ")
            + "; evidence " + study.file.evidence.rawValue + (study.file.heldBack ? "; held back from fitting" : ""))
        if let table = study.table {
            var panels: [PanelSpecification] = []
            for name in table.columnNames {
                var panel = PanelSpecification(columns: [name], unit: ColumnUnit(columnName: name))
                panel.title = TimeSeriesColumn.displayLabel(forColumn: name) + " (" + name + ")"
                if name.hasSuffix("_pet_occupancy") { panel.axisLabel = "PET occupancy (fraction)" }
                panels.append(panel)
            }
            let marks = Observation.marks(study.file.observations, results: study.comparisons)
            out.raw(SVGChart.render(
                table: table, panels: panels, annotations: study.annotations,
                options: ChartOptions(panelHeightPoints: 150, idPrefix: "study\(chartIndex)", standalone: false),
                observations: marks))
            if let window = zoomWindow(study.file.observations, run: table.timeSpanHours) {
                let zoomed = table.restricted(toHours: window)
                if zoomed.rowCount >= 2 {
                    out.element("p", ["class": "note"], text: "The same, from " + ValidationNumber.text(window.lowerBound) + " to "
                        + ValidationNumber.text(window.upperBound) + " h:")
                    out.raw(SVGChart.render(
                        table: zoomed, panels: panels, annotations: study.annotations,
                        options: ChartOptions(panelHeightPoints: 150, idPrefix: "study\(chartIndex)-zoom", standalone: false),
                        observations: marks))
                }
            }
        }
        if let failure = study.failure { out.element("p", ["class": "failure"], text: "The run failed: " + failure) }
        if let gap = study.file.knownGap {
            let covers = study.file.knownGapCovers
            out.element("p", ["class": "gap"], text: "Known gap"
                + (covers.isEmpty ? " (every comparison)" : " (covers " + covers.joined(separator: "; ") + ")") + ": " + gap)
        }
        out.open("table", ["class": "comparisons"])
        HTMLReport.writeHeaderRow(&out, ["Observable", "Statistic", "Model", "Data", "SD", "n", "Band", "Verdict"])
        out.open("tbody")
        for comparison in study.comparisons {
            let observation = comparison.observation
            out.open("tr")
            out.element("td", text: observation.observable)
            out.element("td", text: observation.statisticLabel)
            out.element("td", ["class": "number"], text: ValidationNumber.text(comparison.modelValue))
            out.element("td", ["class": "number"], text: ValidationNumber.text(observation.value))
            out.element("td", ["class": "number"], text: observation.standardDeviation.map { ValidationNumber.text($0) } ?? "")
            out.element("td", ["class": "number"], text: observation.subjects.map(String.init) ?? "")
            out.element("td", ["class": "number"],
                        text: "[" + ValidationNumber.text(observation.lower) + ", " + ValidationNumber.text(observation.upper) + "]")
            let css = comparison.verdict == .met ? "met" : (comparison.verdict == .knownGap ? "known-gap" : "not-met")
            out.element("td", ["class": css], text: comparison.verdict.rawValue + (comparison.verdict == .knownGap && comparison.inBand ? " (now in band)" : ""))
            out.close("tr")
        }
        out.close("tbody")
        out.close("table")
        out.open("dl", ["class": "study"])
        for (term, text) in [("Citation", study.file.citation), ("Obtained", study.file.obtained),
                             ("Population", study.file.population), ("Acceptance", study.file.acceptance)]
            + study.file.notes.map({ ("Note", $0) }) {
            out.element("dt", text: term)
            out.element("dd", text: text)
        }
        out.close("dl")
        out.close("section")
    }
}
