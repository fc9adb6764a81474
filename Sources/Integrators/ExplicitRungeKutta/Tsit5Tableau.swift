/// Tsitouras' 5(4) pair: Ch. Tsitouras, "Runge–Kutta pairs of order 5(4) satisfying only the
/// first column simplifying assumption", Computers & Mathematics with Applications 62 (2011)
/// 770–775. Numbers as transcribed in OrdinaryDiffEq.jl (`tsit_tableaus.jl`).
///
/// Seven stages, FSAL (the 5th-order weights are the last row of A). `bTilde` is b − b̂, the
/// weights of the error estimate directly: the paper prints b̂ as this difference with a sign
/// error in its last entry (noted in SciPy's and OrdinaryDiffEq's transcriptions), so the
/// difference is taken from the code tables, where e_7 = +1/66.
///
/// Dense output (same paper): y(t + θh) = y + h Σ_i b_i(θ) k_i with
/// b_i(θ) = r_i1 θ + r_i2 θ² + r_i3 θ³ + r_i4 θ⁴ (r_i1 = 0 for i > 1), fourth order.
@usableFromInline
enum Tsit5Tableau {
    @inlinable static var c2: Double { 0.161 }
    @inlinable static var c3: Double { 0.327 }
    @inlinable static var c4: Double { 0.9 }
    @inlinable static var c5: Double { 0.9800255409045097 }

    @inlinable static var a21: Double { 0.161 }
    @inlinable static var a31: Double { -0.008480655492356989 }
    @inlinable static var a32: Double { 0.335480655492357 }
    @inlinable static var a41: Double { 2.8971530571054935 }
    @inlinable static var a42: Double { -6.359448489975075 }
    @inlinable static var a43: Double { 4.3622954328695815 }
    @inlinable static var a51: Double { 5.325864828439257 }
    @inlinable static var a52: Double { -11.748883564062828 }
    @inlinable static var a53: Double { 7.4955393428898365 }
    @inlinable static var a54: Double { -0.09249506636175525 }
    @inlinable static var a61: Double { 5.86145544294642 }
    @inlinable static var a62: Double { -12.92096931784711 }
    @inlinable static var a63: Double { 8.159367898576159 }
    @inlinable static var a64: Double { -0.071584973281401 }
    @inlinable static var a65: Double { -0.028269050394068383 }
    // The 5th-order weights b_i = a_7i (FSAL).
    @inlinable static var a71: Double { 0.09646076681806523 }
    @inlinable static var a72: Double { 0.01 }
    @inlinable static var a73: Double { 0.4798896504144996 }
    @inlinable static var a74: Double { 1.379008574103742 }
    @inlinable static var a75: Double { -3.290069515436081 }
    @inlinable static var a76: Double { 2.324710524099774 }

    @inlinable static var bTilde1: Double { -0.00178001105222577714 }
    @inlinable static var bTilde2: Double { -0.0008164344596567469 }
    @inlinable static var bTilde3: Double { 0.007880878010261995 }
    @inlinable static var bTilde4: Double { -0.1447110071732629 }
    @inlinable static var bTilde5: Double { 0.5823571654525552 }
    @inlinable static var bTilde6: Double { -0.45808210592918697 }
    @inlinable static var bTilde7: Double { 0.015151515151515152 }

    /// Dense-output polynomial b_i(θ) for stage i (1-based).
    @inlinable
    static func denseWeight(_ i: Int, _ theta: Double) -> Double {
        switch i {
        case 1: return theta * (1 + theta * (-2.763706197274826 + theta * (2.9132554618219126 + theta * -1.0530884977290216)))
        case 2: return theta * theta * (0.13169999999999998 + theta * (-0.2234 + theta * 0.1017))
        case 3: return theta * theta * (3.9302962368947516 + theta * (-5.941033872131505 + theta * 2.490627285651253))
        case 4: return theta * theta * (-12.411077166933676 + theta * (30.33818863028232 + theta * -16.548102889244902))
        case 5: return theta * theta * (37.50931341651104 + theta * (-88.1789048947664 + theta * 47.37952196281928))
        case 6: return theta * theta * (-27.896526289197286 + theta * (65.09189467479366 + theta * -34.87065786149661))
        default: return theta * theta * (1.5 + theta * (-4 + theta * 2.5))
        }
    }
}
