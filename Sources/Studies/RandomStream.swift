import Foundation

/// xoshiro256** (Blackman and Vigna 2018, "Scrambled linear pseudorandom number generators"),
/// seeded through SplitMix64 (Steele, Lea and Flood 2014) as its authors recommend.
///
/// Each population member gets its own stream seeded from (study seed, member index) alone, so
/// a member's draws never depend on which thread, worker or shard simulates it.
package struct RandomStream: Sendable {
    var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// One step of SplitMix64: advances `state` and returns the next output.
    static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The stream of member `member` of the study seeded with `seed`.
    package init(seed: UInt64, member: UInt64) {
        // Mix the seed first so (seed, member) and (seed + 1, member - 1) give unrelated streams.
        var mixer = seed
        var state = Self.splitMix64(&mixer) ^ (member &* 0xD1B5_4A32_D192_ED03)
        s0 = Self.splitMix64(&state)
        s1 = Self.splitMix64(&state)
        s2 = Self.splitMix64(&state)
        s3 = Self.splitMix64(&state)
    }

    /// The next 64 random bits.
    package mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform double in (0, 1): 53 random bits, offset by half a unit so 0 never occurs.
    package mutating func nextOpenUnit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// A standard normal draw by the Box-Muller transform (one of the pair; two uniforms per draw,
    /// which keeps the stream position a fixed function of the draw count).
    package mutating func nextStandardNormal() -> Double {
        let u1 = nextOpenUnit()
        let u2 = nextOpenUnit()
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    }
}
