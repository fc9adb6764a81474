import BuiltInLibrary
import Foundation
import Pharmacology
import ScenarioFiles
import Testing
@testable import Studies
@testable import receptor_sim
import TestSupport

/// Inputs that used to trap, hang or give silently wrong answers: each now a clear error or
/// the right value.
@Suite struct StudyLimitsTests {
    /// A one-member population over `hours` of bolus, banding plasma morphine.
    private func bolusPopulation(hours: Double, intervalHours: Double, maximumRowsPerRun: Double = .infinity) throws -> StudyPlan {
        let base = try ReceptorModel.compile(bolusScenario(hours: hours))
        let design = try PopulationDesign(size: 1, seed: 1, variabilities: [
            Variability(name: "morphine.clearance_l_per_h", coefficientOfVariation: 0.3),
        ], base: base)
        return try StudyPlan.population(design: design, metricColumns: ["morphine_plasma_nM"], thresholds: [],
                                        bandColumns: ["morphine_plasma_nM"], intervalHours: intervalHours,
                                        maximumRowsPerRun: maximumRowsPerRun)
    }

    /// The row count includes the end as the engine's grid does (0.3 / 0.1 = 2.999...).
    @Test func rowCountMatchesTheEngineGrid() throws {
        #expect(0.3 / 0.1 < 3)
        #expect(StudyPlan.rowCount(durationHours: 0.3, intervalHours: 0.1) == 4)
        #expect(StudyPlan.rowCount(durationHours: 24, intervalHours: 0.5) == 49)
        #expect(StudyPlan.rowCount(durationHours: 1, intervalHours: 0.3) == 4)
        #expect(StudyPlan.rowCount(durationHours: 1, intervalHours: 1e-300) == nil)
        let plan = try bolusPopulation(hours: 0.3, intervalHours: 0.1)
        #expect(plan.rowsPerRun == 4)
        let outcome = plan.run(0, recordBands: true)
        #expect(outcome.error == nil)
        #expect(outcome.bandTimes?.count == plan.rowsPerRun)
    }

    /// A tiny interval is refused when the plan is made (no Int overflow trap, no hours-long run).
    @Test func rejectsIntervalsAboveTheRowCap() throws {
        #expect(throws: StudyError.invalidValues([ScenarioProblem(path: "output.interval_h",
                                                                  .tooCostly("1e-300 h asks for more than 2^62 rows over 24 h"))])) {
            try bolusPopulation(hours: 24, intervalHours: 1e-300)
        }
        #expect(throws: StudyError.invalidValues([ScenarioProblem(path: "output.interval_h",
                                                                  .tooCostly("1e-09 h asks for more than 100000000 rows over 24 h"))])) {
            try bolusPopulation(hours: 24, intervalHours: 1e-9, maximumRowsPerRun: 1e8)
        }
        let base = try ReceptorModel.compile(bolusScenario(hours: 24))
        let grid = try SweepGrid([Variation(name: "morphine.half_life_h", values: [2])])
        #expect(throws: StudyError.self) {
            try StudyPlan.sweep(grid: grid, base: base, metricColumns: ["morphine_plasma_nM"], thresholds: [],
                                intervalHours: 1e-9, maximumRowsPerRun: 1e8)
        }
        // At the cap is accepted: 24 h / 2.4e-7 h = 1e8.
        #expect(try bolusPopulation(hours: 24, intervalHours: 0.5, maximumRowsPerRun: 48).rowsPerRun == 49)
    }

    /// The commands use the run command's cap and exit 2 with a message.
    @Test(arguments: [["sweep", "--vary", "morphine.half_life_h=2,3"], ["population", "--size", "2"],
                      ["population", "--size", "2", "--bands", "bands.csv", "-o", "out.csv"]])
    func commandsRejectTinyIntervals(command: [String]) throws {
        let directory = try studyDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("oral.json").path
        for interval in ["1e-300", "1e-9"] {
            var arguments = [command[0], file] + command.dropFirst() + ["--interval", interval, "--quiet"]
            arguments = arguments.map { $0.hasSuffix(".csv") ? directory.appendingPathComponent($0).path : $0 }
            let r = try receptorSim(arguments)
            #expect(r.status == 2, "\(r.stderr)")
            #expect(r.stderr.contains("error: output.interval_h: \(interval == "1e-9" ? "1e-09" : interval) h asks for more than"), "\(r.stderr)")
        }
    }

    /// A NaN sample (and a member shorter than the grid) is left out, not sorted into the sample.
    @Test func bandsIgnoreNaNSamples() {
        func member(_ index: Int, _ bands: [Float]) -> MemberOutcome {
            MemberOutcome(index: index, values: [], metrics: [], error: nil, bands: bands, bandTimes: [0, 1])
        }
        // Time 0: 3, NaN, 1, 2, 4 and a missing row; time 1: all NaN or missing.
        let bands = PercentileBands(columns: ["x"], outcomes: [
            member(0, [3, .nan]), member(1, [.nan, .nan]), member(2, [1, .nan]),
            member(3, [2, .nan]), member(4, [4, .nan]), member(5, []),
        ])
        #expect(bands.times == [0, 1])
        #expect(bands.values.count == 6)
        // Type 7 over 1, 2, 3, 4: h = 3p.
        #expect(isClose(bands.values[0], 1.15, relative: 1e-12))
        #expect(bands.values[1] == 2.5)
        #expect(isClose(bands.values[2], 3.85, relative: 1e-12))
        #expect(bands.values[3...].allSatisfy { $0.isNaN })
    }

    /// A huge STEPS is refused before any value is made.
    @Test func rejectsHugeSteps() throws {
        let limit = SweepGrid.maximumPoints
        #expect(throws: CommandLineError.usage(command: "sweep", message: "invalid --vary 'x=0:1:\(limit + 1)': "
                                               + "STEPS must be at most \(limit) (the largest sweep grid)")) {
            try StudyOptions.variation("x=0:1:\(limit + 1)", command: "sweep")
        }
        #expect(throws: CommandLineError.self) { try StudyOptions.variation("x=1:2:\(Int.max):log", command: "sweep") }
        #expect(try StudyOptions.variation("x=0:1:3", command: "sweep").values == [0, 0.5, 1])
    }

    /// The study fingerprint hashes the bytes that were parsed, read once: `readBytes` gives
    /// exactly the file's bytes, `load` is `decode` of them, the sweep setup keeps those bytes for
    /// its fingerprint, and a missing file is the usual unreadable-file error, never an empty
    /// stand-in.
    @Test func scenarioBytesAreReadOnce() throws {
        let directory = try studyDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("oral.json")
        let bytes = try ScenarioReader.readBytes(path: file.path)
        #expect(bytes == Array(try Data(contentsOf: file)))
        let decoded = try ScenarioReader.decode(bytes, file: file.path, vocabulary: ModelBridge.vocabulary)
        #expect(try ScenarioReader.load(path: file.path, vocabulary: ModelBridge.vocabulary) == decoded)
        // The sweep's setup hashes those bytes.
        let arguments = try ArgumentParser.parse(
            [file.path, "--vary", "morphine.clearance_l_per_h=20,40"], command: SweepCommand.name,
            specification: SweepCommand.arguments)
        let setup = try StudyCommandSupport.Setup(arguments, command: SweepCommand.name)
        #expect(setup.scenarioBytes == bytes)
        let missing = directory.appendingPathComponent("no-such.json").path
        #expect(throws: ScenarioError.unreadable(file: missing, reason: "no such file")) {
            try ScenarioReader.readBytes(path: missing)
        }
    }
}
