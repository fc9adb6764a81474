import Foundation
import Testing
@testable import Reports

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct MarkupEscapingTests {
    @Test func specialCharactersBecomeEntities() {
        #expect(MarkupWriter.escape(#"a & b < c > d "e" 'f'"#) == "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;")
        #expect(MarkupWriter.escape("plain text, µ-opioid") == "plain text, µ-opioid")
    }

    @Test func forbiddenControlCharactersBecomeSpacesAndTheResultParses() throws {
        let raw = "name\u{0001}with\u{001F}controls\tand\nbreaks\u{FFFE}"
        let escaped = MarkupWriter.escape(raw)
        #expect(escaped == "name with controls\tand\nbreaks ")
        let document = "<?xml version=\"1.0\"?><t a=\"\(escaped)\">\(escaped)</t>"
        let parser = XMLParser(data: Data(document.utf8))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
    }
}
