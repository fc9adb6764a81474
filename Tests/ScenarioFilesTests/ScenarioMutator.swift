import Foundation
@testable import ScenarioFiles
import TestSupport

/// The shipped scenario files, read from the repository.
let shippedScenarioFiles: [(name: String, bytes: [UInt8])] = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios")
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    return names.compactMap { name in
        (try? Data(contentsOf: folder.appendingPathComponent(name))).map { (name, Array($0)) }
    }
}()

/// One mutated scenario and what was done to it.
struct Mutation {
    enum Kind: String, CaseIterable {
        case deleteKey, wrongType, badNumber, renameKey, duplicateKey, deepNesting, truncate, invalidUTF8, byteNoise
    }
    var kind: Kind
    var bytes: [UInt8]
    /// The field path the mutation touched (decoder path syntax), if a tree mutation.
    var path: String?
    /// The key involved (deleted, renamed to, duplicated), if any.
    var key: String?
}

/// Seeded mutations of parsed scenarios, serialised back to JSON text, plus byte-level damage.
struct ScenarioMutator {
    var random: SplitMix64
    /// Each original's parsed tree and its nodes, parsed once: the same draws and mutations,
    /// in a fraction of the time (the fuzz tests mutate a few originals hundreds of times).
    private var parsed: [[UInt8]: (root: JSONValue, nodes: [(path: [PathStep], value: JSONValue)])] = [:]

    init(random: SplitMix64) { self.random = random }

    static let badNumbers = ["-1", "-1e400", "1e400", "NaN", "Infinity", "-Infinity", "0", "1e308", "-0.0",
                             "99999999999999999999999", "1e-320", "0x7FFFFFFFFFFFFFFFFFFF", "2.5", "-7.25e3"]

    mutating func mutate(_ original: [UInt8], kind: Mutation.Kind) -> Mutation {
        switch kind {
        case .truncate:
            let cut = Int.random(in: 0..<max(1, original.count), using: &random)
            return Mutation(kind: kind, bytes: Array(original[0..<cut]))
        case .invalidUTF8:
            let sequences: [[UInt8]] = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]]
            var bytes = original
            bytes.insert(contentsOf: sequences.randomElement(using: &random)!, at: Int.random(in: 0...bytes.count, using: &random))
            return Mutation(kind: kind, bytes: bytes)
        case .byteNoise:
            var bytes = original
            let noise = Array("{}[],:'\"/*\\-+.0123456789eE xnul".utf8)
            for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = noise.randomElement(using: &random)!
            }
            return Mutation(kind: kind, bytes: bytes)
        default:
            break
        }
        guard let (root, nodes) = tree(of: original) else {
            return Mutation(kind: .truncate, bytes: original)
        }
        var mutated = root
        var touched = ""
        var key: String?
        switch kind {
        case .deleteKey, .renameKey, .duplicateKey:
            let members = nodes.filter { if case .key = $0.path.last { return true } else { return false } }
            guard let target = members.randomElement(using: &random), case .key(let name)? = target.path.last else { break }
            let parent = Array(target.path.dropLast())
            switch kind {
            case .deleteKey:
                key = name
                touched = render(parent)
                modify(&mutated, at: parent) { value in
                    if case .object(let all) = value.kind { value.kind = .object(all.filter { $0.key != name }) }
                }
            case .renameKey:
                var renamed = name
                if Bool.random(using: &random), renamed.count > 1 {
                    renamed.remove(at: renamed.index(renamed.startIndex, offsetBy: Int.random(in: 0..<renamed.count, using: &random)))
                } else {
                    renamed += "x"
                }
                key = renamed
                touched = render(parent + [.key(renamed)])
                modify(&mutated, at: parent) { value in
                    if case .object(let all) = value.kind {
                        value.kind = .object(all.map { $0.key == name ? JSONMember(key: renamed, keyPosition: $0.keyPosition, value: $0.value) : $0 })
                    }
                }
            default:
                key = name
                touched = render(target.path)
                modify(&mutated, at: parent) { value in
                    if case .object(let all) = value.kind, let member = all.first(where: { $0.key == name }) { value.kind = .object(all + [member]) }
                }
            }
        case .wrongType:
            guard let target = nodes.filter({ !$0.path.isEmpty }).randomElement(using: &random) else { break }
            touched = render(target.path)
            let replacements: [JSONValue.Kind] = [.string("x"), .bool(true), .null, .array([]), .object([]), .number(42, literal: "42")]
            let replacement = replacements.filter { !$0.sameType(as: target.value.kind) }.randomElement(using: &random)!
            modify(&mutated, at: target.path) { $0.kind = replacement }
        case .badNumber:
            guard let target = nodes.filter({ if case .number = $0.value.kind { return true } else { return false } })
                .randomElement(using: &random) else { break }
            touched = render(target.path)
            let literal = Self.badNumbers.randomElement(using: &random)!
            modify(&mutated, at: target.path) { $0.kind = .number(0, literal: literal) }
        case .deepNesting:
            guard let target = nodes.filter({ !$0.path.isEmpty }).randomElement(using: &random) else { break }
            touched = render(target.path)
            let depth = Int.random(in: 70...2_000, using: &random)
            modify(&mutated, at: target.path) { $0.kind = .number(0, literal: String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)) }
        default:
            break
        }
        return Mutation(kind: kind, bytes: Array(serialize(mutated).utf8), path: touched, key: key)
    }

    enum PathStep { case key(String), index(Int) }

    /// The parsed tree of `original` and every node with its path, or nil if it does not parse.
    private mutating func tree(of original: [UInt8]) -> (root: JSONValue, nodes: [(path: [PathStep], value: JSONValue)])? {
        if let known = parsed[original] { return known }
        guard let root = try? JSON5Parser.parse(original, file: "original") else { return nil }
        var nodes: [(path: [PathStep], value: JSONValue)] = []
        collect(root, path: [], into: &nodes)
        parsed[original] = (root, nodes)
        return (root, nodes)
    }

    private func collect(_ value: JSONValue, path: [PathStep], into nodes: inout [(path: [PathStep], value: JSONValue)]) {
        nodes.append((path, value))
        switch value.kind {
        case .object(let members): for member in members { collect(member.value, path: path + [.key(member.key)], into: &nodes) }
        case .array(let elements): for (i, element) in elements.enumerated() { collect(element, path: path + [.index(i)], into: &nodes) }
        default: break
        }
    }

    private func modify(_ value: inout JSONValue, at path: [PathStep], _ change: (inout JSONValue) -> Void) {
        guard let first = path.first else {
            change(&value)
            return
        }
        let rest = Array(path.dropFirst())
        switch (first, value.kind) {
        case (.key(let name), .object(var members)):
            if let i = members.firstIndex(where: { $0.key == name }) {
                modify(&members[i].value, at: rest, change)
                value.kind = .object(members)
            }
        case (.index(let i), .array(var elements)) where i < elements.count:
            modify(&elements[i], at: rest, change)
            value.kind = .array(elements)
        default:
            break
        }
    }

    /// The decoder's path syntax: `doses[2].taper.amounts_mg[0]`.
    func render(_ path: [PathStep]) -> String {
        var text = ""
        for step in path {
            switch step {
            case .key(let name): text += text.isEmpty ? name : ".\(name)"
            case .index(let i): text += "[\(i)]"
            }
        }
        return text
    }

    /// JSON text; numbers keep their literal (so injected literals like `1e400` or nested arrays pass through).
    func serialize(_ value: JSONValue) -> String {
        switch value.kind {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(_, let literal): return literal
        case .string(let s): return quote(s)
        case .array(let elements): return "[" + elements.map(serialize).joined(separator: ", ") + "]"
        case .object(let members): return "{\n" + members.map { "  \(quote($0.key)): \(serialize($0.value))" }.joined(separator: ",\n") + "\n}"
        }
    }

    private func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension JSONValue.Kind {
    func sameType(as other: JSONValue.Kind) -> Bool {
        switch (self, other) {
        case (.null, .null), (.bool, .bool), (.number, .number), (.string, .string), (.array, .array), (.object, .object): return true
        default: return false
        }
    }
}
