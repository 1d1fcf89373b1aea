import Foundation
import Testing
@testable import FlaglintFrontends
@testable import FlaglintAnalysis
@testable import FlaglintRules
@testable import FlaglintEngine

/// Every rule's own examples are its tests (SwiftLint style), for every shape of rule (file,
/// project, filter): each runs through a real `Session` on a temporary directory holding the
/// example file and a `.lint.yml` made of the example's configuration, with `--today`
/// 2026-11-25 and the suppression filter on. The harness also derives adversarial variants:
/// the same code in comments (no evaluation at all) and after a multibyte prefix (columns
/// count code points).
@Suite struct RuleExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let rule: String
        let example: RuleExample
        let triggering: Bool
        let index: Int
        var testDescription: String { "\(rule) \(triggering ? "triggering" : "non-triggering") #\(index)" }
        /// unused-suppression judges comments: its examples need no evaluation.
        var needsEvaluation: Bool { rule != UnusedSuppressionRule.id }
    }

    static let cases: [Case] = RuleRegistry.descriptions.flatMap { d -> [Case] in
        d.triggering.enumerated().map { Case(rule: d.id, example: $0.element, triggering: true, index: $0.offset) }
            + d.nonTriggering.enumerated().map { Case(rule: d.id, example: $0.element, triggering: false, index: $0.offset) }
    }
    static let today = date("2026-11-25")

    /// The example linted as the CLI would lint its directory.
    static func run(_ code: String, _ c: Case) throws -> Report {
        let tree = try TemporaryTree([".lint.yml": c.example.configuration ?? "", TestLinter.fileName(c.example.language): code])
        defer { tree.remove() }
        let session = try Session(SessionSettings(currentDirectory: tree.root, environment: ProcessInfo.processInfo.environment,
                                                  today: today))
        return session.run(try session.plan(.init(paths: ["."])), filters: .init())
    }

    /// The case's own findings in the example file that no suppression covers, as `line:column`.
    static func positions(_ report: Report, _ c: Case) -> [String] {
        let file = TestLinter.fileName(c.example.language)
        return report.findings.filter { $0.rule == c.rule && $0.path == file && $0.suppression == nil }.map { "\($0.line):\($0.column)" }.sorted()
    }

    @Test func everyRuleHasExamplesOfBothKinds() {
        for d in RuleRegistry.descriptions {
            #expect(!d.triggering.isEmpty && !d.nonTriggering.isEmpty, "\(d.id) has no triggering or no non-triggering example")
        }
    }

    func check(_ c: Case) throws {
        let (code, markers) = Markers.strip(c.example.code)
        let report = try Self.run(code, c)
        #expect(report.failures.isEmpty, "\(report.failures)")
        if c.needsEvaluation {
            #expect(report.evaluationCount > 0, "example has no evaluation: it cannot test anything")
        }
        let mine = report.findings.filter { $0.rule == c.rule && $0.suppression == nil }
        if c.triggering {
            #expect(!mine.isEmpty, "expected a \(c.rule) finding")
            if !markers.isEmpty {
                #expect(Self.positions(report, c) == markers.map { "\($0.line):\($0.column)" }.sorted(),
                        "findings at other places than the markers: \(mine.map { "\($0.line):\($0.column) \($0.message)" })")
            }
            for f in mine { #expect(!f.message.isEmpty) }
        } else {
            #expect(mine.isEmpty, "unexpected: \(mine.map { "\($0.line):\($0.column) \($0.message)" })")
        }
    }

    @Test(arguments: cases.filter { !$0.example.language.isCFamily })
    func example(_ c: Case) throws {
        try check(c)
    }

    @Test(.enabled(if: TestLibclang.available, TestLibclang.reason), arguments: cases.filter { $0.example.language.isCFamily })
    func cFamilyExample(_ c: Case) throws {
        try check(c)
    }

    @Test(arguments: cases.filter { $0.needsEvaluation && !$0.example.language.isCFamily })
    func inCommentsNothingIsEvaluated(_ c: Case) throws {
        let (code, _) = Markers.strip(c.example.code)
        let prefix = c.example.language.lineCommentPrefix + " "
        let commented = code.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
        let report = try Self.run(commented, c)
        #expect(report.evaluationCount == 0)
        #expect(Self.positions(report, c).isEmpty)
    }

    @Test(arguments: cases.filter { $0.triggering && $0.example.language != .python && !$0.example.language.isCFamily })
    func columnsCountCodePoints(_ c: Case) throws {
        let (code, markers) = Markers.strip(c.example.code)
        guard !markers.isEmpty else { return }
        // A block comment with multibyte characters before every line shifts columns by its length in code points.
        let prefix = "/* ü€😀 */ "
        let shifted = code.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
        let expected = markers.map { "\($0.line):\($0.column + prefix.unicodeScalars.count)" }.sorted()
        #expect(Self.positions(try Self.run(shifted, c), c) == expected)
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

    @Test(arguments: cases.filter { !$0.example.language.isCFamily })
    func example(_ c: Case) throws {
        try check(c)
    }

    /// Without libclang these skip with the reason (CI, with FLAGLINT_REQUIRE_ALL_TOOLS=1, fails instead).
    @Test(.enabled(if: TestLibclang.available, TestLibclang.reason), arguments: cases.filter { $0.example.language.isCFamily })
    func cFamilyExample(_ c: Case) throws {
        try check(c)
    }

    func check(_ c: Case) throws {
        let result = TestLinter.lint(c.example.code, language: c.example.language, evaluators: c.sdk.evaluators)
        #expect(result.failure == nil)
        #expect(result.evaluations.count == c.example.evaluations,
                "\(c.example.origin): found \(result.evaluations.map { "\($0.line):\($0.key.displayName)" })")
        let problems = Expectations.compare(expected: Expectations.parse(c.example.code), findings: result.findings, path: c.example.origin)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}
