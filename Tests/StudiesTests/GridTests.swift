import Testing
@testable import Studies
@testable import receptor_sim
import TestSupport

@Suite struct VariationTests {
    @Test func explicitList() throws {
        let v = try StudyOptions.variation("doses[0].amount_mg=10, 20,30", command: "sweep")
        #expect(v.name == "doses[0].amount_mg")
        #expect(v.values == [10, 20, 30])
    }

    @Test func linearRangeIncludesBothEnds() throws {
        let v = try StudyOptions.variation("morphine.half_life_h=1:3:5", command: "sweep")
        #expect(v.values == [1, 1.5, 2, 2.5, 3])
    }

    @Test func logRangeIsGeometric() throws {
        let v = try StudyOptions.variation("doses[0].amount_mg=1:1000:4:log", command: "sweep")
        #expect(v.values.count == 4)
        #expect(v.values.first == 1 && v.values.last == 1000)
        #expect(isClose(v.values[1], 10, relative: 1e-14) && isClose(v.values[2], 100, relative: 1e-14))
    }

    @Test(arguments: [
        ("x", "expected NAME=V1,V2,... or NAME=FROM:TO:STEPS[:log]"),
        ("=1,2", "missing NAME before '='"),
        ("a=1,,2", "'' is not a finite number"),
        ("a=1:2", "a range is FROM:TO:STEPS or FROM:TO:STEPS:log"),
        ("a=1:2:0", "STEPS must be a whole number >= 1"),
        ("a=0:2:3:log", "a log range needs FROM and TO > 0"),
    ])
    func rejectsBadText(text: String, reason: String) {
        #expect(throws: CommandLineError.usage(command: "sweep", message: "invalid --vary '\(text)': \(reason)")) {
            try StudyOptions.variation(text, command: "sweep")
        }
    }
}

@Suite struct SweepGridTests {
    @Test func coversExactlyTheRequestedPoints() throws {
        let a = Variation(name: "a", values: [1, 2, 3])
        let b = Variation(name: "b", values: [10, 20])
        let c = Variation(name: "c", values: [0.5, 0.25, 0.125, 0.0625])
        let grid = try SweepGrid([a, b, c])
        #expect(grid.count == 24)
        var seen: Set<[Double]> = []
        for i in 0..<grid.count { seen.insert(grid.values(at: i)) }
        var expected: Set<[Double]> = []
        for x in a.values { for y in b.values { for z in c.values { expected.insert([x, y, z]) } } }
        #expect(seen == expected)
        // Row-major: the last variation changes fastest.
        #expect(grid.values(at: 0) == [1, 10, 0.5])
        #expect(grid.values(at: 1) == [1, 10, 0.25])
        #expect(grid.values(at: 4) == [1, 20, 0.5])
        #expect(grid.values(at: 23) == [3, 20, 0.0625])
    }

    @Test func rejectsDuplicateNamesAndHugeGrids() {
        #expect(throws: StudyError.duplicateName("a")) {
            try SweepGrid([Variation(name: "a", values: [1]), Variation(name: "a", values: [2])])
        }
        let big = Variation(name: "x", values: Array(repeating: 1, count: 10_000))
        #expect(throws: StudyError.tooLarge(what: "the sweep grid", count: 100_000_000, limit: SweepGrid.maximumPoints)) {
            try SweepGrid([big, Variation(name: "y", values: Array(repeating: 1, count: 10_000))])
        }
    }
}

@Suite struct ShardTests {
    @Test(arguments: [(0, 1), (1, 1), (7, 3), (100, 7), (5, 8), (10_000, 64)])
    func slicesPartitionTheMembers(total: Int, count: Int) throws {
        var next = 0
        for i in 0..<count {
            let r = try Shard(index: i, count: count).range(of: total)
            #expect(r.lowerBound == next)
            #expect(r.count >= total / count && r.count <= total / count + 1)
            next = r.upperBound
        }
        #expect(next == total)
    }

    @Test func parsesZeroBasedIndex() throws {
        #expect(Shard.parse("0/4") == Shard(index: 0, count: 4))
        #expect(Shard.parse("3/4") == Shard(index: 3, count: 4))
        #expect(Shard.parse("4/4") == nil)
        #expect(Shard.parse("-1/4") == nil)
        #expect(Shard.parse("1of4") == nil)
        #expect(throws: CommandLineError.usage(command: "sweep", message: "invalid --shard '4/4': \(Shard.requirement)")) {
            try StudyOptions.shard("4/4", command: "sweep")
        }
    }
}
