import Testing
@testable import FlaglintKit

/// Every rule's own examples are its tests (SwiftLint style), plus adversarial variants
/// the harness derives: the same code in comments (no evaluation at all) and after a
/// multibyte prefix (columns count code points).
@Suite struct RuleExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let rule: String
        let example: RuleExample
        let triggering: Bool
        let index: Int
        var testDescription: String { "\(rule) \(triggering ? "triggering" : "non-triggering") #\(index)" }
    }

    static let cases: [Case] = RuleRegistry.fileRules.flatMap { rule -> [Case] in
        let d = rule.description
        return d.triggering.enumerated().map { Case(rule: d.id, example: $0.element, triggering: true, index: $0.offset) }
            + d.nonTriggering.enumerated().map { Case(rule: d.id, example: $0.element, triggering: false, index: $0.offset) }
    }

    func findings(_ code: String, _ c: Case) -> FileFacts {
        TestLinter.lint(code, language: c.example.language)
    }

    @Test(arguments: cases)
    func example(_ c: Case) {
        let (code, markers) = Markers.strip(c.example.code)
        let result = findings(code, c)
        #expect(!result.evaluations.isEmpty, "example has no evaluation: it cannot test anything")
        let mine = result.findings.filter { $0.rule == c.rule }
        if c.triggering {
            #expect(!mine.isEmpty, "expected a \(c.rule) finding")
            if !markers.isEmpty {
                #expect(mine.map { "\($0.line):\($0.column)" }.sorted() == markers.map { "\($0.line):\($0.column)" }.sorted(),
                        "findings at other places than the markers: \(mine.map(\.message))")
            }
            for f in mine { #expect(!f.message.isEmpty) }
        } else {
            #expect(mine.isEmpty, "unexpected: \(mine.map { "\($0.line):\($0.column) \($0.message)" })")
        }
    }

    @Test(arguments: cases)
    func inCommentsNothingIsEvaluated(_ c: Case) {
        let (code, _) = Markers.strip(c.example.code)
        let prefix = c.example.language.lineCommentPrefix + " "
        let commented = code.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
        let result = findings(commented, c)
        #expect(result.evaluations.isEmpty && result.findings.isEmpty)
    }

    @Test(arguments: cases.filter(\.triggering))
    func columnsCountCodePoints(_ c: Case) {
        guard c.example.language != .python else { return }
        let (code, markers) = Markers.strip(c.example.code)
        // A block comment with multibyte characters before every line shifts columns by its length in code points.
        let prefix = "/* ü€😀 */ "
        let shifted = code.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
        let mine = findings(shifted, c).findings.filter { $0.rule == c.rule }
        let expected = markers.map { "\($0.line):\($0.column + prefix.unicodeScalars.count)" }.sorted()
        if !markers.isEmpty { #expect(mine.map { "\($0.line):\($0.column)" }.sorted() == expected) }
    }
}

/// The catalogue's examples (rules/*.yml) with their inline expectations and evaluation counts.
@Suite struct CatalogueExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let sdk: SDKCatalogue
        let example: CatalogueExample
        var testDescription: String { example.origin }
    }

    static let cases: [Case] = BuiltinCatalogue.all.flatMap { sdk in sdk.examples.map { Case(sdk: sdk, example: $0) } }

    @Test(arguments: cases)
    func example(_ c: Case) throws {
        if c.example.language.isCFamily && !TestLinter.libclangAvailable {
            return  // The C-family suite reports the skip reason once.
        }
        let result = TestLinter.lint(c.example.code, language: c.example.language, evaluators: c.sdk.evaluators)
        #expect(result.failure == nil)
        #expect(result.evaluations.count == c.example.evaluations,
                "\(c.example.origin): found \(result.evaluations.map { "\($0.line):\($0.key.displayName)" })")
        let problems = Expectations.compare(expected: Expectations.parse(c.example.code), findings: result.findings, path: c.example.origin)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}
