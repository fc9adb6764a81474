/// Hands out the named slices of one solve's workspace, one after the other, and counts them.
///
/// Every stepper and the shared step loop describe their buffers as calls on one allocator
/// (`doubles(_:_:)`, `indices(_:_:)`), in a `Layout` struct with a field per buffer. The counts
/// the allocator reaches are the sizes `Workspace` allocates, so no size is computed by hand
/// and no slice can overlap another or fall outside the memory. Sizes use checked arithmetic:
/// a dimension whose workspace would overflow traps here, before any memory is touched.
///
/// With `recordsNames` the allocator also keeps each slice's name, kind, offset and count
/// (`entries`) for the accounting tests; solves leave it off and so allocate nothing here.
@usableFromInline
struct WorkspaceAllocator {
    /// One slice as the allocator handed it out.
    @usableFromInline
    struct Entry: Sendable, Equatable {
        @usableFromInline enum Kind: Sendable, Equatable { case doubles, indices }
        @usableFromInline let name: String
        @usableFromInline let kind: Kind
        @usableFromInline let offset: Int
        @usableFromInline let count: Int
    }

    /// Doubles handed out so far: the size of the `Double` workspace.
    @usableFromInline private(set) var doubleCount = 0
    /// Ints handed out so far: the size of the `Int` workspace (pivots, patterns, counters).
    @usableFromInline private(set) var indexCount = 0
    /// Every slice handed out, in order, when `recordsNames`; otherwise empty.
    @usableFromInline private(set) var entries: [Entry] = []
    @usableFromInline let recordsNames: Bool

    @inlinable
    init(recordsNames: Bool = false) {
        self.recordsNames = recordsNames
    }

    /// The next `count` doubles, named `name` for the accounting.
    @inlinable
    mutating func doubles(_ count: Int, _ name: StaticString) -> WorkspaceSlice<Double> {
        WorkspaceSlice(offset: next(count, .doubles, name), count: count)
    }

    /// The next `count` Ints, named `name` for the accounting.
    @inlinable
    mutating func indices(_ count: Int, _ name: StaticString) -> WorkspaceSlice<Int> {
        WorkspaceSlice(offset: next(count, .indices, name), count: count)
    }

    /// Hands out `count` elements of the `kind` workspace: the offset of the first, the count
    /// of that kind advanced past them (checked: an overflow traps), the slice recorded.
    @inlinable
    mutating func next(_ count: Int, _ kind: Entry.Kind, _ name: StaticString) -> Int {
        precondition(count >= 0, "negative workspace slice")
        let offset: Int
        switch kind {
        case .doubles:
            offset = doubleCount
            doubleCount += count
        case .indices:
            offset = indexCount
            indexCount += count
        }
        if recordsNames { record(name, kind, offset: offset, count: count) }
        return offset
    }

    @usableFromInline
    mutating func record(_ name: StaticString, _ kind: Entry.Kind, offset: Int, count: Int) {
        entries.append(Entry(name: "\(name)", kind: kind, offset: offset, count: count))
    }
}
