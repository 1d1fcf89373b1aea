import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintAnalysis
@testable import FlaglintRules

@Suite struct FindingFiltersTests {
    @Test func suppressionThenBaselineThenDiff() {
        let text = "a\n// flaglint:disable-next-line nested-flag\nb\nc\n// flaglint:disable-line stale-flag\n"
        let source = SourceFile(path: "x.swift", language: .swift, text: text)
        let comments = [FlaglintSyntax.Comment(text: "// flaglint:disable-next-line nested-flag", start: 2, end: 43),
                        FlaglintSyntax.Comment(text: "// flaglint:disable-line stale-flag", start: 48, end: 83)]
        func f(_ line: Int, _ rule: String = "nested-flag") -> Finding {
            Finding(rule: rule, severity: .error, path: "x.swift", line: line, column: 1, endLine: line, endColumn: 2,
                    message: "m", lineText: source.lineText(line))
        }
        let rules: Set<String> = ["nested-flag", "stale-flag", "unused-suppression"]
        let filters = FindingFilters(
            suppressions: ["x.swift": InSourceSuppressions(comments: comments, source: source)],
            context: .init(knownRules: rules, activeRules: rules),
            baseline: Baseline(findings: [f(1)]),
            changedLines: ChangedLines(files: ["/r/x.swift": .some([1, 3, 5])]),
            rootDirectory: "/r")
        let out = filters.apply(to: [f(4), f(3), f(1)])
        #expect(out.map { "\($0.line) \($0.rule) \($0.suppression?.kind.rawValue ?? "-")" }
                == ["1 nested-flag external", "3 nested-flag inSource", "5 unused-suppression -"])
    }
}
