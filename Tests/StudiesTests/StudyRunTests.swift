import BuiltInLibrary
import Foundation
import Pharmacology
import Testing
@testable import Studies
import TestSupport

@Suite struct StudyRunTests {
    @Test func threadCountDoesNotChangeTheOutput() throws {
        let plan = try smallPopulationPlan(size: 6, bands: ["withdrawal_index"])
        let one = try Study.run(plan, fingerprint: "f", threads: 1)
        let three = try Study.run(plan, fingerprint: "f", threads: 3)
        #expect(one.summary == three.summary)
        #expect(one.failedCount == 0 && one.memberCount == 6)
        #expect(one.bands?.values == three.bands?.values)
        // 2 header lines + 6 rows, members in order, all ok.
        let lines = one.summary.components(separatedBy: "\r\n").dropLast()
        #expect(lines.count == 8)
        #expect(lines[0] == "# receptor-sim population study=f members=6")
        #expect(lines[1].hasPrefix("member,status,error,morphine.clearance_l_per_h,mu.turnover_half_life_h,morphine_plasma_nM_peak,"))
        #expect(lines[1].hasSuffix(",reward_response_h_above_0.7"))
        for (k, line) in lines.dropFirst(2).enumerated() { #expect(line.hasPrefix("\(k),ok,,")) }
    }

    @Test func mergedShardsEqualTheUnshardedRunByteForByte() throws {
        let plan = try smallPopulationPlan(size: 7)
        let whole = try Study.run(plan, fingerprint: "abc", threads: 2).summary
        var parts: [ShardMerge.Part] = []
        for i in [2, 0, 1] {
            let shard = try Shard(index: i, count: 3)
            let text = try Study.run(plan, fingerprint: "abc", shard: shard, threads: 1).summary
            #expect(text.hasPrefix("# receptor-sim population study=abc members=7 shard=\(i)/3\r\n"))
            parts.append(try ShardMerge.part(file: "shard-\(i).csv", text: text))
        }
        #expect(try ShardMerge.merge(parts) == whole)
        #expect(Array(try ShardMerge.merge(parts).utf8) == Array(whole.utf8))

        // A missing shard, a duplicate and a part of another study are refused by name.
        #expect(throws: StudyError.merge(file: "merge", reason: "missing 1 of 3 shards: 1/3")) {
            try ShardMerge.merge([parts[0], parts[1]])
        }
        #expect(throws: StudyError.merge(file: "copy.csv", reason: "duplicates shard 2/3, already given as shard-2.csv")) {
            let copy = try ShardMerge.part(file: "copy.csv", text: Study.run(plan, fingerprint: "abc", shard: Shard(index: 2, count: 3), threads: 1).summary)
            _ = try ShardMerge.merge(parts + [copy])
        }
        let other = try ShardMerge.part(file: "other.csv", text: Study.run(plan, fingerprint: "xyz", shard: Shard(index: 1, count: 3), threads: 1).summary)
        #expect(throws: StudyError.self) { try ShardMerge.merge([parts[1], parts[2], other]) }
        #expect(throws: StudyError.merge(file: "whole.csv", reason: "not a shard (no shard=I/N on its study line): it is already a whole study")) {
            try ShardMerge.part(file: "whole.csv", text: whole)
        }
        // A truncated shard (last row dropped) is caught by its row count.
        let truncated = parts[0].rows.dropLast().joined()
        let text = "# receptor-sim population study=abc members=7 shard=2/3\r\n" + parts[0].header + truncated
        #expect(throws: StudyError.self) { try ShardMerge.part(file: "cut.csv", text: text) }
    }

    /// A dose-field sweep recompiles per point: plasma AUC is linear in the dose.
    @Test func doseSweepScalesTheArea() throws {
        let base = try ReceptorModel.compile(bolusScenario(hours: 12))
        let grid = try SweepGrid([Variation(name: "doses[0].amount_mg", values: [5, 10, 20]),
                                  Variation(name: "morphine.half_life_h", values: [2])])
        let plan = try StudyPlan.sweep(grid: grid, base: base, metricColumns: ["morphine_plasma_nM"], thresholds: [], intervalHours: 0.1)
        #expect(plan.parameters.recompilesPerMember)
        let outcomes = StudyExecutor.run(plan, members: 0..<3, threads: 2, recordBands: false, progress: nil)
        let auc = outcomes.map { $0.metrics?[4] ?? .nan }
        #expect(isClose(auc[1], 2 * auc[0], relative: 1e-5))
        #expect(isClose(auc[2], 4 * auc[0], relative: 1e-5))
        // t½ = 2 h at V1 = 276 L: CL = 95.66 L/h; AUC(12 h) = D/CL·(1 − 2^(−6)).
        let d = 10.0 / 285.34 * 1e6, cl = 0.6931471805599453 * 276 / 2
        #expect(isClose(auc[1], d / cl * (1 - 1.0 / 64), relative: 2e-4))
    }

    /// The same half-life applied through the parameter vector (no dose field) gives the same
    /// metrics as through scenario overrides (dose-field path).
    @Test func parameterVectorAndRecompileAgree() throws {
        let base = try ReceptorModel.compile(bolusScenario(hours: 6))
        let vector = try StudyParameters(names: ["morphine.half_life_h"], base: base)
        let recompiled = try StudyParameters(names: ["morphine.half_life_h", "doses[0].amount_mg"], base: base)
        #expect(!vector.recompilesPerMember)
        let a = try vector.model(values: [3])
        let b = try recompiled.model(values: [3, 10])
        #expect(a.parameterValues == b.parameterValues)
        #expect(a.initialState == b.initialState)
    }

    /// A member whose values are outside a parameter's range fails with the message a scenario
    /// file's override gets (`ScenarioCheck.parameter`), and the others run. (A sweep never gets that far: its
    /// values are checked against the same range before any member runs.)
    @Test func aFailedMemberIsRecordedAndTheRestRun() throws {
        let base = try ReceptorModel.compile(bolusScenario(hours: 2))
        let design = try PopulationDesign(size: 8, seed: 3, variabilities: [Variability(name: "morphine.fraction_unbound", coefficientOfVariation: 1)], base: base)
        let plan = try StudyPlan.population(design: design, metricColumns: ["morphine_plasma_nM"], thresholds: [], bandColumns: [], intervalHours: 0.5)
        let result = try Study.run(plan, fingerprint: "f", threads: 2)
        let rows = result.summary.components(separatedBy: "\r\n").dropFirst(2).filter { !$0.isEmpty }
        let failed = rows.filter { $0.contains(",failed,") }
        #expect(result.failedCount == failed.count && result.memberCount == 8)
        #expect(failed.count >= 1 && failed.count < 8)
        // The error text holds a comma, so it is quoted (RFC 4180); the metric fields are empty.
        for line in failed {
            #expect(line.contains(",failed,\"parameters[\"\"morphine.fraction_unbound\"\"]: must be a finite number > 0 and <= 1 (only the unbound fraction reaches the receptors), found "))
            #expect(line.hasSuffix(",,,,,"))
        }
        #expect(rows.filter { $0.contains(",ok,,") }.count == 8 - failed.count)
    }

    @Test func aSweepOutsideAParameterRangeIsRejectedBeforeRunning() throws {
        let base = try ReceptorModel.compile(bolusScenario(hours: 2))
        for (name, values) in [("mu.turnover_half_life_h", [100.0, 0]), ("morphine.clearance_l_per_h", [95, -1]), ("morphine.half_life_h", [0])] {
            let grid = try SweepGrid([Variation(name: name, values: values)])
            #expect(throws: StudyError.self) {
                try StudyPlan.sweep(grid: grid, base: base, metricColumns: ["morphine_plasma_nM"], thresholds: [], intervalHours: 0.5)
            }
        }
        let grid = try SweepGrid([Variation(name: "mu.turnover_half_life_h", values: [0])])
        #expect(throws: StudyError.invalidValues([ScenarioProblem(path: "parameters[\"mu.turnover_half_life_h\"]",
                                                                  .outOfRange(0, ParameterRange.halfLife))])) {
            try StudyPlan.sweep(grid: grid, base: base, metricColumns: ["morphine_plasma_nM"], thresholds: [], intervalHours: 0.5)
        }
    }

    @Test func bandsBracketTheMedian() throws {
        let plan = try smallPopulationPlan(size: 9, bands: ["morphine_plasma_nM", "withdrawal_index"])
        let bands = try #require(try Study.run(plan, fingerprint: "f", threads: 2).bands)
        #expect(bands.memberCount == 9)
        #expect(bands.times.count == 37)
        #expect(bands.csvColumns == ["morphine_plasma_nM_p05", "morphine_plasma_nM_p50", "morphine_plasma_nM_p95",
                                     "withdrawal_index_p05", "withdrawal_index_p50", "withdrawal_index_p95"])
        for row in 0..<bands.times.count {
            for k in 0..<2 {
                let p = Array(bands.values[(row * 6 + k * 3)..<(row * 6 + k * 3 + 3)])
                #expect(p[0] <= p[1] && p[1] <= p[2])
            }
        }
        // After the first oral dose the plasma spread is real (CV 30% on clearance).
        #expect(bands.values[3 * 6 + 2] > bands.values[3 * 6 + 0] * 1.05)
        // Type-7 quantiles of 1...11.
        let x: [Float] = (1...11).map(Float.init)
        #expect(PercentileBands.quantile(sorted: x, 0.05) == 1.5)
        #expect(PercentileBands.quantile(sorted: x, 0.5) == 6)
        #expect(PercentileBands.quantile(sorted: x, 0.95) == 10.5)
    }
}

@Suite struct StudyConsistencyTests {
    /// A member's row holds the metrics of simulating its own values directly (the worker's
    /// private model copy changes nothing).
    @Test func memberMetricsEqualADirectSimulation() throws {
        let plan = try smallPopulationPlan(size: 3, seed: 9)
        let outcomes = StudyExecutor.run(plan, members: 0..<3, threads: 2, recordBands: false, progress: nil)
        let member = outcomes[2]
        let model = try plan.parameters.model(values: member.values)
        var sink = RunMetrics(columnCount: plan.simulatedColumns.count, thresholds: plan.thresholdIndices)
        try sink.simulate(model, columns: plan.simulatedColumns, intervalHours: 1, extremaCount: plan.metricColumns.count)
        let direct = sink.values
        let metrics = try #require(member.metrics)
        #expect(Array(metrics[0..<10]) == Array(direct[0..<10]))
        #expect(metrics.last == direct.last)
    }

    @Test func sweepShardsMergeToTheWholeGrid() throws {
        let base = try ReceptorModel.compile(bolusScenario(hours: 4))
        let grid = try SweepGrid([Variation(name: "morphine.central_volume_l", values: [200, 276]),
                                  Variation(name: "doses[0].amount_mg", values: [5, 10, 15])])
        let plan = try StudyPlan.sweep(grid: grid, base: base, metricColumns: ["morphine_plasma_nM"],
                                       thresholds: [Threshold(column: "morphine_plasma_nM", above: true, value: 20)], intervalHours: 0.5)
        let whole = try Study.run(plan, fingerprint: "s", threads: 2).summary
        let parts = try (0..<4).map { i in
            try ShardMerge.part(file: "s\(i)", text: Study.run(plan, fingerprint: "s", shard: Shard(index: i, count: 4), threads: 1).summary)
        }
        #expect(try ShardMerge.merge(parts.reversed()) == whole)
        #expect(whole.hasPrefix("# receptor-sim sweep study=s members=6\r\npoint,status,error,morphine.central_volume_l,doses[0].amount_mg,"))
        // Peak plasma is dose / V1 (in nM): point 4 is V1 = 276 L, 10 mg.
        let row = whole.components(separatedBy: "\r\n")[6].split(separator: ",", omittingEmptySubsequences: false)
        #expect(row[0] == "4" && row[3] == "276" && row[4] == "10")
        #expect(isClose(Double(row[5]) ?? 0, 10 / 285.34 * 1e6 / 276, relative: 1e-5))
    }
}
