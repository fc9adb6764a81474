import Foundation

/// The arithmetic the signalling rules (`SignallingRules`) are written over, so each rule is
/// stated once and evaluated as a plain `Double` in the right-hand side, as a `Dual` for its
/// Jacobian entries, and as a symbolic expression for the SBML export (Exchange conforms its
/// `MathExpression`).
///
/// Only what the rules use: the field operations, mixed operations with constants, the smooth
/// maxima σ and ρ, a power with a constant exponent and the non-smooth max(0, x) of the dopamine rule.
public protocol ModelScalar {
    init(_ value: Double)
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Self) -> Self
    // Mixed operations with constants: requirements (with defaults below) so a type can
    // witness them cheaply (`Dual` without building a zero gradient) inside the generic rules.
    static func + (lhs: Self, rhs: Double) -> Self
    static func + (lhs: Double, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Double) -> Self
    static func - (lhs: Double, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Double) -> Self
    static func * (lhs: Double, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Double) -> Self
    /// σ(x): a continuously differentiable max(0, x) of width w: 0 for x ≤ 0, x²/(2w) on
    /// (0, w), x − w/2 beyond (Model2Design.md §4.1 smooths with a softplus; this form keeps
    /// σ(0) = 0 and σ ≥ 0, so inhibition below the set point, as an antagonist or the deficit
    /// phenotype gives, drives nothing at all rather than a −w ln 2 floor).
    static func smoothMax(_ x: Self, width: Double) -> Self
    /// x^n for x ≥ 0 and a constant n (the respiratory transducer slope).
    static func power(_ x: Self, _ exponent: Double) -> Self
    /// max(0, x), not smooth: the rules use it only where the prototype does (net disinhibition u).
    static func positivePart(_ x: Self) -> Self
    /// ρ(x): a twice continuously differentiable max(0, x) that is exactly x from w on (no offset,
    /// unlike σ): 0 for x ≤ 0, w s³(6 − 8s + 3s²) with s = x/w on (0, w), x beyond.
    static func smoothRamp(_ x: Self, width: Double) -> Self
}

extension ModelScalar {
    @inlinable @inline(__always) public static func + (lhs: Self, rhs: Double) -> Self { lhs + Self(rhs) }
    @inlinable @inline(__always) public static func + (lhs: Double, rhs: Self) -> Self { Self(lhs) + rhs }
    @inlinable @inline(__always) public static func - (lhs: Self, rhs: Double) -> Self { lhs - Self(rhs) }
    @inlinable @inline(__always) public static func - (lhs: Double, rhs: Self) -> Self { Self(lhs) - rhs }
    @inlinable @inline(__always) public static func * (lhs: Self, rhs: Double) -> Self { lhs * Self(rhs) }
    @inlinable @inline(__always) public static func * (lhs: Double, rhs: Self) -> Self { Self(lhs) * rhs }
    @inlinable @inline(__always) public static func / (lhs: Self, rhs: Double) -> Self { lhs / Self(rhs) }
    @inlinable @inline(__always) public static func / (lhs: Double, rhs: Self) -> Self { Self(lhs) / rhs }
}

/// σ(x) of `ModelScalar.smoothMax` and its slope σ'(x).
@inlinable @inline(__always)
func smoothMaxAndSlope(_ x: Double, _ w: Double) -> (value: Double, slope: Double) {
    if x <= 0 { return (0, 0) }
    if x < w { return (x * x / (2 * w), x / w) }
    return (x - 0.5 * w, 1)
}

/// ρ(x) of `ModelScalar.smoothRamp` and its slope ρ'(x) = s²(18 − 32s + 15s²).
@inlinable @inline(__always)
func smoothRampAndSlope(_ x: Double, _ w: Double) -> (value: Double, slope: Double) {
    if x <= 0 { return (0, 0) }
    if x >= w { return (x, 1) }
    let s = x / w
    return (w * (s * s * s) * (6 + s * (3 * s - 8)), (s * s) * (18 + s * (15 * s - 32)))
}

extension Double: ModelScalar {
    @inlinable public static func smoothMax(_ x: Double, width: Double) -> Double {
        smoothMaxAndSlope(x, width).value
    }
    @inlinable public static func power(_ x: Double, _ exponent: Double) -> Double {
        exponent == 4 ? (x * x) * (x * x) : pow(Swift.max(x, 0), exponent)
    }
    @inlinable public static func positivePart(_ x: Double) -> Double { x > 0 ? x : 0 }
    @inlinable public static func smoothRamp(_ x: Double, width: Double) -> Double { smoothRampAndSlope(x, width).value }
}

/// A forward-mode dual number with a fixed gradient width of 8 (the rules read 13 inputs, seeded
/// in 8 slots by `SignallingRules.Seed.slot`): value plus the partial derivatives with respect
/// to the seeded inputs. SIMD storage, so the hot loop neither allocates nor dispatches; 8
/// rather than 16 lanes halves every gradient operation of the Jacobian's rule rows.
@frozen public struct Dual: ModelScalar {
    public var value: Double
    public var gradient: SIMD8<Double>

    @inlinable public init(_ value: Double) {
        self.value = value
        gradient = SIMD8(repeating: 0)
    }

    @inlinable public init(value: Double, gradient: SIMD8<Double>) {
        self.value = value
        self.gradient = gradient
    }

    /// The input `value` seeded as independent variable number `index`.
    @inlinable @inline(__always) public static func seed(_ value: Double, _ index: Int) -> Dual {
        var g = SIMD8<Double>(repeating: 0)
        g[index] = 1
        return Dual(value: value, gradient: g)
    }

    @inlinable @inline(__always) public static func + (lhs: Dual, rhs: Dual) -> Dual {
        Dual(value: lhs.value + rhs.value, gradient: lhs.gradient + rhs.gradient)
    }
    @inlinable @inline(__always) public static func - (lhs: Dual, rhs: Dual) -> Dual {
        Dual(value: lhs.value - rhs.value, gradient: lhs.gradient - rhs.gradient)
    }
    @inlinable @inline(__always) public static func * (lhs: Dual, rhs: Dual) -> Dual {
        Dual(value: lhs.value * rhs.value, gradient: rhs.value * lhs.gradient + lhs.value * rhs.gradient)
    }
    @inlinable @inline(__always) public static func / (lhs: Dual, rhs: Dual) -> Dual {
        let q = lhs.value / rhs.value
        return Dual(value: q, gradient: (lhs.gradient - q * rhs.gradient) / rhs.value)
    }
    // Constant operands without building a zero gradient.
    @inlinable @inline(__always) public static func + (lhs: Dual, rhs: Double) -> Dual { Dual(value: lhs.value + rhs, gradient: lhs.gradient) }
    @inlinable @inline(__always) public static func + (lhs: Double, rhs: Dual) -> Dual { Dual(value: lhs + rhs.value, gradient: rhs.gradient) }
    @inlinable @inline(__always) public static func - (lhs: Dual, rhs: Double) -> Dual { Dual(value: lhs.value - rhs, gradient: lhs.gradient) }
    @inlinable @inline(__always) public static func - (lhs: Double, rhs: Dual) -> Dual { Dual(value: lhs - rhs.value, gradient: -rhs.gradient) }
    @inlinable @inline(__always) public static func * (lhs: Dual, rhs: Double) -> Dual { Dual(value: lhs.value * rhs, gradient: lhs.gradient * rhs) }
    @inlinable @inline(__always) public static func * (lhs: Double, rhs: Dual) -> Dual { Dual(value: lhs * rhs.value, gradient: lhs * rhs.gradient) }
    @inlinable @inline(__always) public static func / (lhs: Dual, rhs: Double) -> Dual { Dual(value: lhs.value / rhs, gradient: lhs.gradient / rhs) }

    @inlinable @inline(__always) public static func smoothMax(_ x: Dual, width: Double) -> Dual {
        let (v, slope) = smoothMaxAndSlope(x.value, width)
        return Dual(value: v, gradient: slope * x.gradient)
    }
    @inlinable @inline(__always) public static func power(_ x: Dual, _ exponent: Double) -> Dual {
        guard x.value > 0 else { return Dual(0) }
        let v = Double.power(x.value, exponent)
        return Dual(value: v, gradient: (exponent * v / x.value) * x.gradient)
    }
    @inlinable @inline(__always) public static func positivePart(_ x: Dual) -> Dual { x.value > 0 ? x : Dual(0) }
    @inlinable @inline(__always) public static func smoothRamp(_ x: Dual, width: Double) -> Dual {
        let (v, slope) = smoothRampAndSlope(x.value, width)
        return Dual(value: v, gradient: slope * x.gradient)
    }
}
