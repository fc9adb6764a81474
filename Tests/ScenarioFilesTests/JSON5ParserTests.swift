import Testing
@testable import ScenarioFiles

@Suite struct JSON5ParserTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSON5Parser.parse(text, file: "f.json5")
    }

    private func syntaxError(_ text: String) -> String {
        do {
            _ = try JSON5Parser.parse(text, file: "f.json5")
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func acceptsJSON5Extensions() throws {
        let value = try parse("""
            // comment
            { a: 1, /* block
            comment */ 'b': 'it\\'s', "c": [0x1F, +2, .5, 5., -1e3,], $d_2: null, e: true, }
            """)
        guard case .object(let members) = value.kind else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["a", "b", "c", "$d_2", "e"])
        #expect(members[1].value.kind == .string("it's"))
        guard case .array(let numbers) = members[2].value.kind else { Issue.record("not an array"); return }
        let doubles = numbers.compactMap { element -> Double? in
            if case .number(let x, _) = element.kind { return x }
            return nil
        }
        #expect(doubles == [31, 2, 0.5, 5, -1000])
        #expect(members[3].value.kind == .null)
        #expect(members[4].value.kind == .bool(true))
    }

    @Test func recordsLineAndColumnOfEveryValue() throws {
        let value = try parse("{\n  a: 1,\n  bb: [\n    'x', 7 ]\n}")
        guard case .object(let members) = value.kind, case .array(let elements) = members[1].value.kind else {
            Issue.record("unexpected shape")
            return
        }
        #expect(value.position == SourcePosition(line: 1, column: 1))
        #expect(members[0].value.position == SourcePosition(line: 2, column: 6))
        #expect(members[1].keyPosition == SourcePosition(line: 3, column: 3))
        #expect(elements[0].position == SourcePosition(line: 4, column: 5))
        #expect(elements[1].position == SourcePosition(line: 4, column: 10))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let value = try parse("{ name: 'é', x: 1 }")
        guard case .object(let members) = value.kind else { Issue.record("not an object"); return }
        #expect(members[0].value.kind == .string("é"))
        #expect(members[1].value.position.column == 17)
    }

    @Test func decodesEscapes() throws {
        let value = try parse(#"'a\nb\t\u00e9\x41\uD83D\uDE00\/'"#)
        #expect(value.kind == .string("a\nb\té" + "A😀/"))
    }

    @Test func infinityAndNaNParseAsNumbers() throws {
        guard case .number(let x, let literal) = try parse("-Infinity").kind else { Issue.record("not a number"); return }
        #expect(x == -.infinity)
        #expect(literal == "-Infinity")
        guard case .number(let y, _) = try parse("NaN").kind else { Issue.record("not a number"); return }
        #expect(y.isNaN)
        guard case .number(let z, let hugeLiteral) = try parse("1e400").kind else { Issue.record("not a number"); return }
        #expect(z == .infinity)
        #expect(hugeLiteral == "1e400")
    }

    @Test func preciseSyntaxErrors() {
        #expect(syntaxError("{ a: 1\n  b: 2 }") == "f.json5:2:3: error: unexpected 'b', expected ',' or '}' after the value of 'a'")
        #expect(syntaxError("{ a: 1,") == "f.json5:1:8: error: unexpected end of file, expected '}' to close the object opened at 1:1")
        #expect(syntaxError("[1, 2") == "f.json5:1:6: error: unexpected end of file, expected ']' to close the array opened at 1:1")
        #expect(syntaxError("{ a: 'abc\n' }") == "f.json5:1:6: error: unterminated string (opened here): strings cannot span lines")
        #expect(syntaxError("{ a: morphine }") == "f.json5:1:6: error: unexpected word 'morphine', expected a value (strings need quotes)")
        #expect(syntaxError("{ a: 01 }") == "f.json5:1:6: error: numbers cannot have leading zeros")
        #expect(syntaxError("{ a: 1e }") == "f.json5:1:6: error: invalid number '1e': exponent has no digits")
        #expect(syntaxError("{ a: 12abc }") == "f.json5:1:6: error: invalid number '12a...'")
        #expect(syntaxError("{} x") == "f.json5:1:4: error: unexpected 'x' after the end of the document")
        #expect(syntaxError("/* open") == "f.json5:1:1: error: unterminated block comment (opened here)")
        #expect(syntaxError("") == "f.json5:1:1: error: unexpected end of file, expected a value")
        #expect(syntaxError("{ a: 1, a: 2 }") == "f.json5:1: error: a: duplicate key 'a'")
        #expect(syntaxError("{ 1: 2 }") == "f.json5:1:3: error: unexpected '1', expected a key or '}'")
        #expect(syntaxError(#"'\uD800x'"#) == #"f.json5:1:3: error: unpaired surrogate in \u escape"#)
    }

    @Test func invalidUTF8IsAnErrorWithPosition() {
        var bytes = Array("{\n  name: 'ab".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("' }".utf8)
        #expect(throws: ScenarioError.invalidUTF8(file: "f", position: SourcePosition(line: 2, column: 12))) {
            try JSON5Parser.parse(bytes, file: "f")
        }
        // Overlong encodings and surrogates encoded in UTF-8 are rejected too.
        #expect(JSON5Parser.firstInvalidUTF8([0x41, 0xC0, 0x80]) == 1)
        #expect(JSON5Parser.firstInvalidUTF8([0xED, 0xA0, 0x80]) == 0)
        #expect(JSON5Parser.firstInvalidUTF8([0xF0, 0x9F, 0x98]) == 0)
        #expect(JSON5Parser.firstInvalidUTF8(Array("é😀".utf8)) == nil)
    }

    @Test func deepNestingIsAnErrorNotAStackOverflow() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: ScenarioError.nestingTooDeep(file: "f.json5", position: SourcePosition(line: 1, column: 65), limit: 64)) {
            try JSON5Parser.parse(deep, file: "f.json5")
        }
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect((try? JSON5Parser.parse(ok, file: "f.json5")) != nil)
    }

    @Test func everyPrefixOfADocumentIsRejectedWithoutTrapping() {
        let text = "{ a: [1, 'two', { b: null }], /* c */ d: -Infinity, e: 0x10 }"
        let bytes = Array(text.utf8)
        for end in 0..<bytes.count {
            #expect(throws: ScenarioError.self) { try JSON5Parser.parse(Array(bytes[0..<end]), file: "f") }
        }
    }
}
