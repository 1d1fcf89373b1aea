import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintAnalysis
@testable import FlaglintRules

@Suite struct InSourceSuppressionsTests {
    static let known: Set<String> = ["nested-flag", "stale-flag", "missing-default-false", "unused-suppression", "unknown-flag"]
    static let context = InSourceSuppressions.Context(knownRules: known, activeRules: known.subtracting(["unknown-flag"]))

    /// Lints nothing: places findings of `rule` at the lines marked `<<rule>>` and applies the comments.
    func run(_ text: String, _ language: Language = .swift, comments: [FlaglintSyntax.Comment]? = nil,
             context: InSourceSuppressions.Context = context) -> [Finding] {
        let source = SourceFile(path: "f", language: language, text: text)
        var findings: [Finding] = []
        for line in 1...source.lineStarts.count {
            let lineText = source.lineText(line)
            var rest = Substring(lineText)
            while let open = rest.range(of: "<<"), let close = rest[open.upperBound...].range(of: ">>") {
                let rule = String(rest[open.upperBound..<close.lowerBound])
                let column = lineText.distance(from: lineText.startIndex, to: open.lowerBound) + 1
                findings.append(Finding(rule: rule, severity: .error, path: "f", line: line, column: column,
                                        endLine: line, endColumn: column + 1, message: rule, lineText: lineText))
                rest = rest[close.upperBound...]
            }
        }
        let suppressions = InSourceSuppressions(comments: comments ?? Self.comments(in: text, language), source: source)
        return suppressions.apply(to: findings.sorted(by: Finding.ordered), path: "f", context: context)
    }

    /// A tiny comment scanner good enough for these tests (`//`, `/* */`, `#`).
    static func comments(in text: String, _ language: Language) -> [FlaglintSyntax.Comment] {
        let bytes = Array(text.utf8)
        var out: [FlaglintSyntax.Comment] = []
        var i = 0
        while i < bytes.count {
            let next: UInt8 = i + 1 < bytes.count ? bytes[i + 1] : 0
            let hash = language == .python && bytes[i] == UInt8(ascii: "#")
            let slashes = language != .python && bytes[i] == UInt8(ascii: "/") && next == UInt8(ascii: "/")
            let block = language != .python && bytes[i] == UInt8(ascii: "/") && next == UInt8(ascii: "*")
            if hash || slashes {
                var j = i
                while j < bytes.count && bytes[j] != 0x0A { j += 1 }
                out.append(FlaglintSyntax.Comment(text: String(decoding: bytes[i..<j], as: UTF8.self), start: i, end: j))
                i = j
            } else if block {
                var j = i + 2
                while j + 1 < bytes.count && !(bytes[j] == UInt8(ascii: "*") && bytes[j + 1] == UInt8(ascii: "/")) { j += 1 }
                j = min(bytes.count, j + 2)
                out.append(FlaglintSyntax.Comment(text: String(decoding: bytes[i..<j], as: UTF8.self), start: i, end: j))
                i = j
            } else {
                i += 1
            }
        }
        return out
    }

    func shown(_ findings: [Finding]) -> [String] {
        findings.filter { $0.suppression == nil }.map { "\($0.line):\($0.rule)" }
    }

    @Test func disableNextLineCoversOnlyTheNextLine() {
        let out = run("""
            // flaglint:disable-next-line nested-flag -- legacy, JIRA-12
            a <<nested-flag>> <<stale-flag>>
            b <<nested-flag>>
            """)
        #expect(shown(out) == ["2:stale-flag", "3:nested-flag"])
        #expect(out.first { $0.line == 2 && $0.rule == "nested-flag" }?.suppression == .init(kind: .inSource, justification: "legacy, JIRA-12"))
    }

    @Test func disableNextLineDoesNotSkipBlankLines() {
        let out = run("""
            # flaglint:disable-next-line nested-flag

            a <<nested-flag>>
            """, .python)
        #expect(shown(out) == ["1:unused-suppression", "3:nested-flag"])
    }

    @Test func disableNextLineAfterAMultiLineBlockComment() {
        let out = run("""
            /* flaglint:disable-next-line nested-flag
               because reasons */
            a <<nested-flag>>
            """, .c)
        #expect(shown(out).isEmpty)
    }

    @Test func disableLineAndSeveralRules() {
        let out = run("""
            a <<nested-flag>> <<stale-flag>> <<missing-default-false>> // flaglint:disable-line nested-flag, stale-flag
            b <<nested-flag>> # not a comment in Swift
            """)
        #expect(shown(out) == ["1:missing-default-false", "2:nested-flag"])
    }

    @Test func blocksAndEnable() {
        let out = run("""
            <<nested-flag>>
            /* flaglint:disable all */
            <<nested-flag>> <<stale-flag>>
            /* flaglint:enable nested-flag */
            <<nested-flag>> <<stale-flag>>
            // flaglint:enable
            <<stale-flag>>
            // flaglint:disable stale-flag
            <<stale-flag>>
            """)
        #expect(shown(out) == ["1:nested-flag", "5:nested-flag", "7:stale-flag"])
    }

    @Test func disableFileAnywhere() {
        let out = run("""
            <<stale-flag>> <<nested-flag>>
            # flaglint:disable-file stale-flag
            """, .python)
        #expect(shown(out) == ["1:nested-flag"])
    }

    @Test func unusedUnknownAndMalformedDirectives() {
        let out = run("""
            // flaglint:disable-next-line nested-flag, nested-flg -- typo
            a <<nested-flag>>
            // flaglint:disabel stale-flag
            // flaglint:disable-line stale-flag
            // flaglint:disable-line unknown-flag
            // see flaglint:disable-line in the docs
            """)
        let problems = out.filter { $0.rule == "unused-suppression" }
        #expect(problems.map(\.line) == [1, 3, 4])
        #expect(problems.map(\.message) == [
            "`flaglint:disable-next-line` names unknown rule `nested-flg`",
            "unknown suppression directive `flaglint:disabel`: expected `flaglint:disable-next-line`, `flaglint:disable-line`, `flaglint:disable`, `flaglint:enable`, `flaglint:disable-file`",
            "`flaglint:disable-line` for `stale-flag` suppresses nothing: remove it",
        ])
        #expect(problems.allSatisfy { $0.severity == .warning && $0.suppression == nil })
    }

    @Test func redundantDirectiveIsUnused() {
        let out = run("""
            // flaglint:disable-file nested-flag
            // flaglint:disable-next-line nested-flag
            a <<nested-flag>>
            """)
        #expect(shown(out) == ["1:unused-suppression"])
    }

    @Test func unusedReportsCanOnlyBeSilencedByName() {
        let out = run("""
            # flaglint:disable-file all
            # flaglint:disable-next-line unused-suppression
            # flaglint:disable-line stale-flag
            """, .python)
        #expect(shown(out) == ["1:unused-suppression"])
    }

    @Test func inactiveUnusedRuleReportsNothing() {
        var context = Self.context
        context.activeRules.remove("unused-suppression")
        let out = run("// flaglint:disable-line stale-flag\n", context: context)
        #expect(out.isEmpty)
    }

    @Test func directiveAfterAnotherComment() {
        let out = run("x <<nested-flag>>  # type: ignore  # flaglint:disable-line nested-flag\n", .python)
        #expect(shown(out).isEmpty)
    }

    @Test func parserReadsKindsRulesAndReasons() {
        let source = SourceFile(path: "f", language: .swift, text: "/// flaglint:disable-next-line  a,b c -- why -- not\n")
        let parsed = SuppressionParser.parse(Self.comments(in: source.lineText(1), .swift), in: source)
        #expect(parsed.directives.first?.kind == .disableNextLine)
        #expect(parsed.directives.first?.rules == ["a", "b", "c"])
        #expect(parsed.directives.first?.reason == "why -- not")
        let bare = SuppressionParser.parse([FlaglintSyntax.Comment(text: "# flaglint:disable-file", start: 0, end: 23)],
                                          in: SourceFile(path: "f", language: .python, text: "# flaglint:disable-file"))
        #expect(bare.directives.first?.rules == ["all"])
    }

    @Test func ruleDescriptionIsComplete() {
        let d = UnusedSuppressionRule.description
        #expect(d.id == "unused-suppression")
        #expect(d.defaultSeverity == .warning)
        #expect(!d.triggering.isEmpty && !d.nonTriggering.isEmpty)
    }
}
