import Testing
@testable import ScenarioFiles

/// Line numbers with every line-end convention: LF, CRLF and the old Mac OS CR alone.
@Suite struct JSON5LineEndTests {
    private static let lines = ["{", "  name: 'x',", "  duration_h: -5,", "}"]

    @Test(arguments: ["\n", "\r\n", "\r"])
    func validationErrorOnLineThreeReportsLineThree(lineEnd: String) {
        let text = Self.lines.joined(separator: lineEnd)
        #expect(errorLines(text) == ["test.json5:3: error: duration_h: must be a finite number > 0, found -5"])
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func syntaxErrorColumnRestartsAfterEachLineEnd(lineEnd: String) {
        let text = ["{", "  name: 'x',", "  duration_h: 5 x", "}"].joined(separator: lineEnd)
        #expect(errorLines(text) == ["test.json5:3:17: error: unexpected 'x', expected ',' or '}' after the value of 'duration_h'"])
    }

    /// A `//` comment ends at a lone CR: before, it ran on to the next LF and swallowed the
    /// rest of a CR-only file.
    @Test func lineCommentEndsAtACarriageReturn() throws {
        let value = try JSON5Parser.parse("{ // note\r a: 1,\r b: 2 }", file: "f.json5")
        guard case .object(let members) = value.kind else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["a", "b"])
        #expect(members[1].keyPosition == SourcePosition(line: 3, column: 2))
    }

    @Test func invalidUTF8IsPlacedOnItsCROnlyLine() {
        let bytes = Array("{\r a: 1,\r b: '".utf8) + [0xFF] + Array("' }".utf8)
        #expect(throws: ScenarioError.invalidUTF8(file: "f.json5", position: SourcePosition(line: 3, column: 6))) {
            try JSON5Parser.parse(bytes, file: "f.json5")
        }
    }
}
