extension SIMD4 where Scalar == Double {
    /// Four consecutive doubles from `pointer` (any alignment).
    @inlinable @inline(__always)
    static func load(_ pointer: UnsafePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Double>.self)
    }

    /// Writes the four lanes to consecutive doubles at `pointer` (any alignment).
    @inlinable @inline(__always)
    func store(to pointer: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: self, as: SIMD4<Double>.self)
    }
}
