/// A 64-bit FNV-1a hash of everything that defines a study's rows (the scenario file's bytes and
/// the canonical options), written into every shard so `merge` refuses parts of different studies.
package enum StudyFingerprint {
    /// FNV-1a over `parts`, each followed by a 0 byte; 16 lowercase hex digits.
    package static func of(_ parts: [[UInt8]]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for part in parts {
            for byte in part + [0] {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
