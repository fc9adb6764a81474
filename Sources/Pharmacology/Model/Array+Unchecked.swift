extension Array {
    /// The element at `index` without the bounds check, for the right-hand side's loops over
    /// the indices `ReceptorSystem` compiled itself (checked in debug builds).
    @inlinable @inline(__always)
    func unchecked(_ index: Int) -> Element {
        withUnsafeBufferPointer { $0[index] }
    }
}
