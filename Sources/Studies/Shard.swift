/// One of N deterministic slices of a study: `--shard I/N` with I **0-based** (0 ≤ I < N), as
/// Slurm's `SLURM_ARRAY_TASK_ID` with `--array=0-(N-1)` and Kubernetes'
/// `JOB_COMPLETION_INDEX` give it.
///
/// Slice I holds the contiguous members `count·I/N ..< count·(I+1)/N` (integer division), so
/// the slices cover every member once and their concatenation in I order is the whole study.
package struct Shard: Sendable, Equatable {
    package let index: Int
    package let count: Int

    /// Most slices accepted (keeps `total · I` far from overflow for any allowed study size).
    package static let maximumCount = 1_000_000

    package static let whole = Shard(uncheckedIndex: 0, count: 1)

    init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// What `I/N` must be, for messages.
    package static let requirement = "expected I/N with whole numbers, 1 <= N <= \(maximumCount) and 0 <= I < N (I is 0-based: 0/4 to 3/4)"

    /// Slice `index` of `count`; 0 ≤ index < count ≤ `maximumCount` (a programmer error
    /// otherwise: texts go through `parse`).
    package init(index: Int, count: Int) {
        precondition(count >= 1 && count <= Self.maximumCount && index >= 0 && index < count, "a shard is I/N with 0 <= I < N")
        self.index = index
        self.count = count
    }

    /// Parses `I/N` (`--shard`, the `shard=` of a shard file's study line); nil unless both are
    /// whole numbers with 1 ≤ N ≤ `maximumCount` and 0 ≤ I < N (`requirement`).
    package static func parse(_ text: String) -> Shard? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]),
              n >= 1, n <= maximumCount, i >= 0, i < n else { return nil }
        return Shard(index: i, count: n)
    }

    /// The members of this slice of a study of `total` members.
    package func range(of total: Int) -> Range<Int> {
        (total * index / count) ..< (total * (index + 1) / count)
    }
}
