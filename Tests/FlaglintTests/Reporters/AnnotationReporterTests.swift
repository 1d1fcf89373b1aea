import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintRules
@testable import FlaglintReporters

@Suite struct GitHubReporterTests {
    @Test func escaping() {
        #expect(GitHubReporter.escapeData("100% a:b,c\r\nd") == "100%25 a:b,c%0D%0Ad")
        #expect(GitHubReporter.escapeProperty("100% a:b,c\r\nd") == "100%25 a%3Ab%2Cc%0D%0Ad")
    }

    @Test func commandsOmitColumnsOnMultiLineFindingsAndSkipSuppressed() {
        let lines = GitHubReporter().render(ReportFixture.report).split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("::error file=Sources/App/Checkout.swift,line=10,col=16,endLine=10,endColumn=70,title=flaglint%3A nested-flag::"))
        #expect(lines[1].hasPrefix("::warning file=Sources/App/Checkout.swift,line=13,"))
        #expect(lines[2] == "::warning file=Sources/Légacy code/Old Flags.swift,line=2,endLine=3,title=flaglint%3A dynamic-flag-key::key `k` is 100%25 dynamic: a, b: c%0Asecond line <&\"> \\x01end")
        #expect(!lines.joined().contains("app/flags.py,line=4"))
    }
}

/// Parses XML with Foundation's parser: the output must be well-formed and round-trip its text.
final class XMLCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var text = ""
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append((name, attributes))
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    static func parse(_ xml: String) -> XMLCollector? {
        let collector = XMLCollector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }
}

@Suite struct XMLReporterTests {
    @Test func escapingCoversMarkupLineBreaksAndControlCharacters() {
        #expect(CheckstyleXML.escape("<a & \"b\" 'c'>\n\r\t\u{01}ü") == "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;&#10;&#13;&#9;\u{FFFD}ü")
    }

    @Test func checkstyleIsWellFormedAndComplete() throws {
        let xml = CheckstyleReporter().render(ReportFixture.report)
        let parsed = try #require(XMLCollector.parse(xml), "not well-formed:\n\(xml)")
        #expect(parsed.elements.first?.name == "checkstyle")
        #expect(parsed.elements.first?.attributes["version"] == "4.3")
        let files = parsed.elements.filter { $0.name == "file" }.compactMap { $0.attributes["name"] }
        #expect(files == ["Sources/App/Checkout.swift", "Sources/Légacy code/Old Flags.swift", "app/flags.py"])
        let errors = parsed.elements.filter { $0.name == "error" }
        #expect(errors.count == 4)
        #expect(errors.map { $0.attributes["source"] } == ["flaglint.nested-flag", "flaglint.missing-default-false",
                                                             "flaglint.dynamic-flag-key", "flaglint.unused-suppression"])
        #expect(errors[2].attributes["message"] == "key `k` is 100% dynamic: a, b: c\nsecond line <&\"> \u{FFFD}end")
        #expect(errors[1].attributes["severity"] == "warning")
    }

    @Test func junitHasOneFailurePerFinding() throws {
        let xml = JUnitReporter().render(ReportFixture.report)
        let parsed = try #require(XMLCollector.parse(xml), "not well-formed:\n\(xml)")
        let suites = parsed.elements.filter { $0.name == "testsuite" }
        #expect(suites.count == 1)
        #expect(suites.first?.attributes["failures"] == "4")
        #expect(parsed.elements.filter { $0.name == "testcase" }.count == 4)
        #expect(parsed.elements.filter { $0.name == "failure" }.first?.attributes["type"] == "nested-flag")
    }

    @Test func emptyReportsAreValid() throws {
        let checkstyle = try #require(XMLCollector.parse(CheckstyleReporter().render(ReportFixture.empty)))
        #expect(checkstyle.elements.map(\.name) == ["checkstyle"])
        let junit = try #require(XMLCollector.parse(JUnitReporter().render(ReportFixture.empty)))
        #expect(junit.elements.filter { $0.name == "testcase" }.count == 1)
        #expect(junit.elements.filter { $0.name == "failure" }.isEmpty)
    }
}
