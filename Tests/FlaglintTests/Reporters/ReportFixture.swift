import Foundation
@testable import FlaglintSyntax
@testable import FlaglintRules
@testable import FlaglintReporters
@testable import FlaglintEngine

/// The fixed report every golden file is rendered from: several files, related locations, a
/// warning, suppressed findings of both kinds, hostile characters, a non-ASCII path with a space.
enum ReportFixture {
    static let root = "/work/demo project"

    static let checkout = """
        import LaunchDarkly

        func checkout(ld: LDClient) {
            // the new flow
            if ld.boolVariation(forKey: "new-checkout", defaultValue: false) {
                render()
            }
            if ld.boolVariation(forKey: "new-checkout", defaultValue: false) {
                if ld.boolVariation(forKey: "gift-wrap", defaultValue: false) {
                    if ld.boolVariation(forKey: "gift-note", defaultValue: false) { note() }
                }
            }
            let express = ld.boolVariation(forKey: "express", defaultValue: fallback)
            // flaglint:disable-next-line nested-flag -- legacy flow, removed in Q3
            if ld.boolVariation(forKey: "a", defaultValue: false) { if ld.boolVariation(forKey: "b", defaultValue: false) { if ld.boolVariation(forKey: "c", defaultValue: false) {} } }
        }

        """

    static let legacy = "let k = \"x\"\nlet e = \u{00C9}t\u{00E9}.flag(\n  k)\n"

    static let sources: [String: String] = [
        root + "/Sources/App/Checkout.swift": checkout,
        root + "/Sources/Légacy code/Old Flags.swift": legacy,
    ]

    static func rule(_ id: String, _ severity: Severity?, options: [RuleOption] = []) -> RuleDescription {
        RuleDescription(
            id: id, summary: "Summary of \(id).", defaultSeverity: severity,
            whatItDoes: "Reports \(id) problems.", whyIsThisBad: "They multiply the paths to test.",
            example: "if a {\n    if b { if c {} }\n}", useInstead: "if a && b && c {}", options: options)
    }

    static let rules = [
        rule("dynamic-flag-key", .warning),
        rule("missing-default-false", .error, options: [.severity("unverifiable", default: .warning, "severity for defaults that cannot be resolved")]),
        rule("nested-flag", .error, options: [.count("max_depth", default: 1, "how many flags may control a check (default 1)")]),
        rule("unknown-flag", nil),
        rule("unused-suppression", .warning),
    ]

    static let findings: [Finding] = [
        Finding(rule: "nested-flag", severity: .error, path: "Sources/App/Checkout.swift", line: 10, column: 16,
                endLine: 10, endColumn: 70, flag: "gift-note",
                message: "flag `gift-note` is checked inside 2 other flags (max_depth 1): new-checkout > gift-wrap",
                related: [
                    RelatedLocation(path: "Sources/App/Checkout.swift", line: 8, column: 11, flag: "new-checkout"),
                    RelatedLocation(path: "Sources/App/Checkout.swift", line: 9, column: 15, flag: "gift-wrap",
                                    message: "flag `gift-wrap` checked here"),
                ],
                lineText: "            if ld.boolVariation(forKey: \"gift-note\", defaultValue: false) { note() }"),
        Finding(rule: "missing-default-false", severity: .warning, path: "Sources/App/Checkout.swift", line: 13, column: 22,
                endLine: 13, endColumn: 78, flag: "express",
                message: "default of flag `express` cannot be verified: `fallback` is not a constant",
                lineText: "        let express = ld.boolVariation(forKey: \"express\", defaultValue: fallback)"),
        Finding(rule: "nested-flag", severity: .error, path: "Sources/App/Checkout.swift", line: 15, column: 118,
                endLine: 15, endColumn: 164, flag: "c", message: "flag `c` is checked inside 2 other flags (max_depth 1): a > b",
                related: [RelatedLocation(path: "Sources/App/Checkout.swift", line: 15, column: 11, flag: "a"),
                          RelatedLocation(path: "Sources/App/Checkout.swift", line: 15, column: 64, flag: "b")],
                lineText: "", suppression: .init(kind: .inSource, justification: "legacy flow, removed in Q3")),
        Finding(rule: "dynamic-flag-key", severity: .warning, path: "Sources/Légacy code/Old Flags.swift", line: 2, column: 9,
                endLine: 3, endColumn: 4, flag: "k",
                message: "key `k` is 100% dynamic: a, b: c\nsecond line <&\"> \u{01}end",
                lineText: "let e = Été.flag("),
        Finding(rule: "nested-flag", severity: .error, path: "app/flags.py", line: 4, column: 8, endLine: 4, endColumn: 40,
                flag: "beta", message: "flag `beta` is checked inside 2 other flags (max_depth 1): alpha > gamma",
                lineText: "        if client.is_enabled(\"beta\"):", suppression: .init(kind: .external, justification: "baseline")),
        Finding(rule: "unused-suppression", severity: .warning, path: "app/flags.py", line: 9, column: 5, endLine: 9, endColumn: 50,
                message: "`flaglint:disable-next-line` for `stale-flag` suppresses nothing: remove it",
                lineText: "    # flaglint:disable-next-line stale-flag"),
    ]

    static let report = LintReport(findings: findings, rules: rules, files: 3, evaluations: 9, rootDirectory: root, toolVersion: "0.1.0")

    static let sarif = SARIFReporter(readSource: { path in sources[path].map { Array($0.utf8) } })

    /// Format name → (reporter, golden file name).
    static let formats: [(name: String, reporter: any Reporter, golden: String)] = [
        ("sarif", sarif, "report.sarif"),
        ("github", GitHubReporter(), "report.github.txt"),
        ("checkstyle", CheckstyleReporter(), "report.checkstyle.xml"),
        ("junit", JUnitReporter(), "report.junit.xml"),
    ]

    static let empty = LintReport(findings: [], rules: rules, files: 0, evaluations: 0, rootDirectory: root, toolVersion: "0.1.0")
}

/// Paths of the repository the tests run from.
