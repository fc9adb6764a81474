import BuiltInLibrary
import Foundation
import Testing
@testable import Pharmacology
import TestSupport

@Suite struct DrugLibraryTests {
    let library = DrugLibrary.builtIn

    @Test func issueThreeDrugsArePresent() {
        for id in ["morphine", "fentanyl", "buprenorphine", "naloxone", "oxycodone", "methadone", "naltrexone",
                   "naltrexol_6beta", "nalmefene", "mitragynine", "hydroxymitragynine_7", "ketamine",
                   "norketamine", "nalfurafine", "aticaprant", "oxytocin"] {
            #expect(library.drug(id) != nil, "missing \(id)")
        }
    }

    @Test func everyNumberHasASourceAndIsFinite() {
        let entries = ParameterCatalog.entries(of: library)
        #expect(entries.count > 200)
        for e in entries {
            let v = e.value(in: library)
            #expect(v.value.isFinite && v.value >= 0, "\(e.name) = \(v.value)")
            #expect(v.source.count > 10, "\(e.name) has no real source: '\(v.source)'")
        }
        let names = entries.map(\.name)
        #expect(Set(names).count == names.count, "duplicate parameter names")
        #expect(names.contains("mu.turnover_half_life_h"))
        #expect(names.contains("morphine.oral.bioavailability"))
        #expect(names.contains("buprenorphine.mu.kon_per_nM_per_h"))
    }

    /// The parameter table of the model reference (Pharmacology.docc/Parameters.md) is the library as it is:
    /// the same names in the same order, with the same values, units, kinds (source, assumption,
    /// fitted) and sources. A library change that forgets the document fails here. Regenerate the table with
    /// `RECEPTOR_SIM_UPDATE_PARAMETERS=1 swift test --skip-build --filter modelReferenceParameterTable`
    /// (the text above the table is kept) and review the diff.
    @Test func modelReferenceParameterTableMatchesTheLibrary() throws {
        let reference = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Pharmacology/Pharmacology.docc/Parameters.md")
        var text = try String(contentsOf: reference, encoding: .utf8)
        let header = "| parameter | value | unit | kind | source |"
        if ProcessInfo.processInfo.environment["RECEPTOR_SIM_UPDATE_PARAMETERS"] == "1" {
            let prefix = try #require(text.range(of: header)).lowerBound
            var table = header + "\n|---|---|---|---|---|\n"
            for e in ParameterCatalog.entries(of: library) {
                let v = e.value(in: library)
                let kind = v.kind == .fitted ? "**fitted**" : v.kind.rawValue
                table += "| `\(e.name)` | \(v.value) | \(e.unit) | \(kind) | \(v.source.replacingOccurrences(of: "|", with: "\\|")) |\n"
            }
            text = String(text[..<prefix]) + table
            try text.write(to: reference, atomically: true, encoding: .utf8)
        }
        let start = try #require(text.range(of: header))
        var rows: [(name: String, value: Double, unit: String, kind: String, source: String)] = []
        for line in text[start.upperBound...].split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.dropFirst().dropLast().split(separator: "|", maxSplits: 4, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 5, let value = Double(cells[1]) else { Issue.record("unreadable row: \(line)"); continue }
            rows.append((String(cells[0].dropFirst().dropLast()), value, cells[2], cells[3], cells[4]))
        }
        let entries = ParameterCatalog.entries(of: library)
        #expect(rows.map(\.name) == entries.map(\.name))
        for (row, entry) in zip(rows, entries) where row.name == entry.name {
            let sourced = entry.value(in: library)
            #expect(isClose(row.value, sourced.value, relative: 1e-4), "\(entry.name): table \(row.value), library \(sourced.value)")
            #expect(row.unit == entry.unit, "\(entry.name) unit")
            #expect(row.kind == (sourced.kind == .fitted ? "**fitted**" : sourced.kind.rawValue), "\(entry.name) kind \(row.kind)")
            #expect(row.source == sourced.source.replacingOccurrences(of: "|", with: "\\|"), "\(entry.name) source")
        }
    }

    /// A fitted value says so in its source text, with the studies it was fitted to and a finite
    /// standard error; a value without a fit record is never labelled "[F]".
    @Test func fittedValuesCarryTheirRecordInTheSource() {
        for entry in ParameterCatalog.entries(of: library) {
            let sourced = entry.value(in: library)
            if let fit = sourced.fit {
                #expect(!fit.studies.isEmpty, "\(entry.name): fitted to no study")
                #expect(sourced.source.hasPrefix("[F] fitted \(fit.date)"), "\(entry.name): \(sourced.source)")
                for study in fit.studies { #expect(sourced.source.contains(study), "\(entry.name) source names \(study)") }
                #expect(fit.standardErrorLn.isFinite && fit.standardErrorLn > 0, "\(entry.name) SE(ln) \(fit.standardErrorLn)")
            } else {
                #expect(!sourced.source.hasPrefix("[F]"), "\(entry.name) says fitted without a record")
            }
        }
    }

    @Test func drugEntriesListOneDrug() throws {
        let entries = try ParameterCatalog.drugEntries(of: library, drug: "buprenorphine")
        #expect(entries.allSatisfy { $0.name.hasPrefix("buprenorphine.") })
        let ki = try #require(entries.first { $0.name == "buprenorphine.mu.ki_nM" })
        #expect(ki.unit == "nM" && ki.value(in: library).value == 0.088)
        #expect(ki.value(in: library).source.contains("Synapse 1999"))
        #expect(throws: ModelError.unknownDrug("xylazine")) { try ParameterCatalog.drugEntries(of: library, drug: "xylazine") }
    }

    @Test func metabolitesResolveAndIdsAreUnique() {
        let ids = library.drugs.map(\.id)
        #expect(Set(ids).count == ids.count)
        for d in library.drugs {
            for m in d.metabolites { #expect(library.drug(m.metabolite) != nil, "\(d.id) -> \(m.metabolite)") }
            for r in d.routes { #expect(r.bioavailability.value <= 1 && r.bioavailability.value > 0) }
        }
    }

    @Test func overridesReplaceValuesAndRejectUnknownNames() throws {
        let lib = try ParameterCatalog.apply(["morphine.half_life_h": 3.0, "mu.turnover_half_life_h": 60], to: library)
        let morphine = try #require(lib.drug("morphine"))
        #expect(abs(morphine.eliminationHalfLifeHours - 3.0) < 1e-12)
        #expect(lib.receptor(.mu)?.turnoverHalfLifeHours.value == 60)
        #expect(throws: ModelError.unknownParameter("morphine.half_lief_h")) {
            try ParameterCatalog.apply(["morphine.half_lief_h": 3], to: library)
        }
        #expect(throws: ModelError.invalidValue(path: "morphine.oral.bioavailability", reason: "must be a finite number >= 0 and <= 1 (the share of a dose that reaches the circulation), got 1.5")) {
            try ParameterCatalog.apply(["morphine.oral.bioavailability": 1.5], to: library)
        }
    }
}
