/// A named run of one solve's workspace: where it starts and how many elements it holds.
///
/// Slices are handed out by `WorkspaceAllocator` before any memory exists, so a method's
/// layout is computed once from the dimension alone and the memory is allocated exactly once to
/// the size the allocator counted; `WorkspaceMemory` then turns a slice into a pointer.
@usableFromInline
struct WorkspaceSlice<Element>: Sendable, Equatable {
    /// Index of the first element in the workspace of `Element`s.
    @usableFromInline let offset: Int
    /// Number of elements.
    @usableFromInline let count: Int

    @inlinable
    init(offset: Int, count: Int) {
        self.offset = offset
        self.count = count
    }

    /// One past the last element.
    @inlinable var end: Int { offset + count }
}
