import Foundation
import Testing
@testable import Integrators

/// Relative-and-absolute closeness used by every floating-point assertion in this target:
/// |a - b| <= absolute + relative * |b|.
func isClose(_ a: Double, _ b: Double, relative: Double, absolute: Double = 0) -> Bool {
    abs(a - b) <= absolute + relative * abs(b)
}

/// Evaluates a system's right-hand side into a new array (tests only).
func rightHandSide<System: ODESystem>(_ system: System, time: Double, state: [Double]) -> [Double] {
    var derivative = [Double](repeating: 0, count: system.dimension)
    state.withUnsafeBufferPointer { y in
        derivative.withUnsafeMutableBufferPointer { f in
            system.evaluate(time: time, state: y, derivative: f)
        }
    }
    return derivative
}

/// Evaluates a system's analytic Jacobian into a new row-major array (tests only).
func analyticJacobian<System: ODESystem>(_ system: System, time: Double, state: [Double]) -> [Double] {
    let n = system.dimension
    var matrix = [Double](repeating: .nan, count: n * n)
    state.withUnsafeBufferPointer { y in
        matrix.withUnsafeMutableBufferPointer { m in
            system.jacobian(time: time, state: y, into: m)
        }
    }
    return matrix
}
