import Testing
@testable import Integrators

/// Checks that slices of one kind tile [0, total): in order, no gaps, no overlap.
func expectContiguous(_ entries: [WorkspaceAllocator.Entry], total: Int) throws {
    var end = 0
    for entry in entries {
        #expect(entry.offset == end, "\(entry.name) starts at \(entry.offset), the previous slice ends at \(end)")
        #expect(entry.count >= 0)
        end = entry.offset + entry.count
    }
    #expect(end == total)
}

/// The workspace allocator's accounting (`WorkspaceAllocator`): every method's named slices
/// tile one `[Double]` and one `[Int]` without overlap, and the totals are the sizes the
/// hand-computed offsets of the earlier code allocated (stated per method below), so the
/// workspaces did not grow or shrink by the move to named slices (except the BDF's explicit
/// 3n scratch for the initial step, which it used to borrow from three adjacent vectors).
@Suite struct WorkspaceAllocatorTests {
    @Test func slicesFollowEachOtherAndAreCounted() throws {
        var allocator = WorkspaceAllocator(recordsNames: true)
        let a = allocator.doubles(3, "a")
        let i = allocator.indices(2, "i")
        let b = allocator.doubles(0, "b")
        let c = allocator.doubles(5, "c")
        #expect(a == WorkspaceSlice(offset: 0, count: 3))
        #expect(i == WorkspaceSlice(offset: 0, count: 2))
        #expect(b == WorkspaceSlice(offset: 3, count: 0))
        #expect(c == WorkspaceSlice(offset: 3, count: 5))
        #expect(allocator.doubleCount == 8 && allocator.indexCount == 2)
        #expect(allocator.entries.map(\.name) == ["a", "i", "b", "c"])
        var workspace = Workspace(allocator)
        #expect(workspace.doubles.count == 8 && workspace.indices.count == 2)
        workspace.withMemory { memory in
            #expect(memory[c] - memory[a] == 3)
            for k in 0..<5 { memory[c][k] = Double(k + 1) }
        }
        #expect(workspace.values(c) == [1, 2, 3, 4, 5])
        #expect(workspace.values(c, 1..<3) == [2, 3])
        // Solves do not record names (no allocation for the accounting).
        var quiet = WorkspaceAllocator()
        _ = quiet.doubles(4, "x")
        #expect(quiet.entries.isEmpty && quiet.doubleCount == 4)
    }

    /// Rodas5P: (5 + s + dense rows) n + 3n² doubles plus the tableau (s = 8, 3 dense rows,
    /// 2s² + 2s + 3s = 168), and n + 10 + 10n + 12n² Ints (pivots and the LU structure). The
    /// hand-computed count allocated (6 + s + dense rows) n: n doubles nobody used.
    @Test(arguments: [1, 3, 20, 49]) func rodasSlices(n: Int) throws {
        var allocator = WorkspaceAllocator(recordsNames: true)
        _ = RodasStepper<Decay, Rodas5PTableau>.Layout(dimension: n, allocator: &allocator)
        #expect(allocator.doubleCount == 16 * n + 3 * n * n + 168)
        #expect(allocator.indexCount == n + 10 + 10 * n + 12 * n * n)
        try expectAllContiguous(allocator)
    }

    /// Rosenbrock23: 9n + 3n² doubles; Tsit5: 8n; RK4: 8n.
    @Test(arguments: [1, 7]) func oneStepMethodSlices(n: Int) throws {
        var rosenbrock = WorkspaceAllocator(recordsNames: true)
        _ = Rosenbrock23Stepper<Decay>.Layout(dimension: n, allocator: &rosenbrock)
        #expect(rosenbrock.doubleCount == 9 * n + 3 * n * n)
        try expectAllContiguous(rosenbrock)
        var tsit = WorkspaceAllocator(recordsNames: true)
        _ = Tsit5Stepper<Decay>.Layout(dimension: n, allocator: &tsit)
        #expect(tsit.doubleCount == 8 * n && tsit.indexCount == 0)
        try expectAllContiguous(tsit)
        var rk4 = WorkspaceAllocator(recordsNames: true)
        _ = FixedStepRK4.Layout(dimension: n, allocator: &rk4)
        #expect(rk4.doubleCount == 8 * n && rk4.indexCount == 0)
        try expectAllContiguous(rk4)
        var loop = WorkspaceAllocator(recordsNames: true)
        _ = AdaptiveDriver.Slices(dimension: n, allocator: &loop)
        #expect(loop.doubleCount == 8 * n)
    }

    /// BDF with m sensitivities and p parameters: 15n(m + 1) (eight difference rows, rescaled in
    /// place, and seven working rows) + 4n + 3n² + n + 108 doubles, plus the initial step's own 3n, plus n² + np + mn with sensitivities and the
    /// corrector's four interleaved n·m vectors and m sums (`BDFSensitivityWorkspace`; the
    /// prediction, iterate, correction and history are the rows' own); Ints
    /// n + 10 + 10n + 12n², plus m + n + 1 + n² with sensitivities.
    @Test(arguments: [(4, 0, 0), (4, 2, 3), (20, 10, 25)])
    func bdfSlices(n: Int, m: Int, p: Int) throws {
        var allocator = WorkspaceAllocator(recordsNames: true)
        _ = BDFStepper<Decay>.Layout(dimension: n, sensitivityCount: m, parameterCount: p, allocator: &allocator)
        let sensitivityDoubles = m > 0 ? n * n + n * p + m * n + 4 * m * n + m : 0
        let sensitivityIndices = m > 0 ? m + n + 1 + n * n : 0
        #expect(allocator.doubleCount == 15 * n * (m + 1) + 4 * n + 3 * n * n + n + 108 + 3 * n + sensitivityDoubles)
        #expect(allocator.indexCount == n + 10 + 10 * n + 12 * n * n + sensitivityIndices)
        try expectAllContiguous(allocator)
        let names = allocator.entries.map(\.name)
        #expect(Set(names).count == names.count, "every slice has its own name")
    }

    func expectAllContiguous(_ allocator: WorkspaceAllocator) throws {
        try expectContiguous(allocator.entries.filter { $0.kind == .doubles }, total: allocator.doubleCount)
        try expectContiguous(allocator.entries.filter { $0.kind == .indices }, total: allocator.indexCount)
    }
}

/// y' = −y, only to name a system type for the layouts.
private struct Decay: ODESystem {
    var dimension: Int { 1 }
    func evaluate(time: Double, state: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>) {
        derivative[0] = -state[0]
    }
}
