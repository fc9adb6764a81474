/// The checksum a shard file carries on its end line, so `merge` notices a value edited after
/// the run (a row that still parses, with the right member and field count, but another number).
///
/// FNV-1a with 64 bits (Fowler, Noll and Vo; offset basis 0xcbf29ce484222325, prime
/// 0x100000001b3, as `StudyFingerprint`) over the UTF-8 bytes of every line after the study line
/// up to the end line: the header row and every data row, each with its CRLF. Written as 16
/// lowercase hex digits. It detects accidental edits and corruption with probability 1 − 2⁻⁶⁴
/// per changed file; it is not a cryptographic signature and does not resist a deliberate forgery.
package struct ShardChecksum: Sendable, Equatable {
    package private(set) var hash: UInt64 = 0xCBF2_9CE4_8422_2325

    package init() {}

    /// Adds the bytes of `text`.
    /// - Complexity: O(bytes).
    package mutating func add<Text: StringProtocol>(_ text: Text) {
        var h = hash
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01B3
        }
        hash = h
    }

    /// 16 lowercase hex digits.
    package var hex: String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
