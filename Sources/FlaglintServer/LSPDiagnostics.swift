import FlaglintAnalysis
import FlaglintEngine
import FlaglintFix
import FlaglintFrontends
import FlaglintReporters
import FlaglintRules
import FlaglintSupport
import FlaglintSyntax
/// Findings as the editor shows them: LSP diagnostics with the rule as the code, a link to
/// its documentation, the controlling checks as related information, and code actions
/// (suppress on this line; the finding's own fix, such as a `true` fallback made `false`).
enum LSPDiagnostics {
    /// The range a finding covers in `lines` (the linted buffer).
    package static func range(of finding: Finding, in lines: EditorLines) -> LSPRange {
        if let bytes = finding.byteRange { return lines.range(bytes) }
        let start = lines.position(line: finding.line, column: finding.column)
        return LSPRange(start: start, end: max(start, lines.position(line: finding.endLine, column: finding.endColumn)))
    }

    package static func diagnostics(_ lint: BufferLint, lines: EditorLines, texts: inout SourceTexts) -> [JSONValue] {
        lint.findings.map { finding in
            var members: [(String, JSONValue)] = [
                ("range", range(of: finding, in: lines).json),
                ("severity", .int(finding.severity == .error ? 1 : 2)),
                ("code", .string(finding.rule)),
                ("codeDescription", .object([("href", .string(Flaglint.rulesDocumentationURL + "#" + finding.rule))])),
                ("source", .string("flaglint")),
                ("message", .string(finding.message)),
            ]
            if !finding.related.isEmpty {
                members.append(("relatedInformation", .array(finding.related.map { r in
                    let path = PathName.absolute(r.path, relativeTo: lint.currentDirectory)
                    return .object([("location", texts.location(path, line: r.line, column: r.column)),
                                    ("message", .string(r.message ?? r.flag.map { "flag `\($0)`" } ?? "related"))])
                })))
            }
            return .object(members)
        }
    }

    /// Code actions for the findings whose range meets `range`: the finding's fix (if it has
    /// one; for a stale or removed flag, its removal from the buffer) and a `flaglint:disable-next-line RULE` comment above its line, in the file's
    /// comment syntax and indentation.
    static func codeActions(_ lint: BufferLint, document: TextDocument, range: LSPRange, only: [String]?) -> [JSONValue] {
        guard let language = lint.facts?.language else { return [] }
        if let only, !only.contains(where: { "quickfix".hasPrefix($0) }) { return [] }
        let lines = document.lines
        var actions: [JSONValue] = []
        var suppressed = Set<String>()
        for var finding in lint.findings {
            let where_ = self.range(of: finding, in: lines)
            guard where_.overlaps(range) else { continue }
            // A stale or removed flag: its removal from this buffer, as `flaglint fix --stale`
            // rewrites it, computed on demand (it re-parses the buffer).
            if finding.fix == nil, let report = lint.report {
                finding = FlagFixes.attach([finding], report: report, contents: [finding.path: lines.bytes])[0]
            }
            let diagnostic = JSONValue.object([("range", where_.json), ("severity", .int(finding.severity == .error ? 1 : 2)),
                                               ("code", .string(finding.rule)), ("source", .string("flaglint")),
                                               ("message", .string(finding.message))])
            if let fix = finding.fix, fix.edits.allSatisfy({ $0.range.upperBound <= lines.bytes.count }) {
                let edits = fix.edits.map { e in
                    JSONValue.object([("range", lines.range(e.range).json), ("newText", .string(e.replacement))])
                }
                actions.append(action(fix.message, document: document, edits: edits, diagnostic: diagnostic,
                                      preferred: fix.applicability == .safe))
            }
            let line = where_.start.line
            guard suppressed.insert("\(line) \(finding.rule)").inserted else { continue }
            let comment = lines.indentation(ofLine: line) + language.lineCommentPrefix + " flaglint:disable-next-line " + finding.rule + "\n"
            let at = LSPPosition(line: line, character: 0)
            actions.append(action("Suppress \(finding.rule) on this line", document: document,
                                  edits: [.object([("range", LSPRange(start: at, end: at).json), ("newText", .string(comment))])],
                                  diagnostic: diagnostic, preferred: false))
        }
        return actions
    }

    private static func action(_ title: String, document: TextDocument, edits: [JSONValue], diagnostic: JSONValue, preferred: Bool) -> JSONValue {
        // `changes` rather than `documentChanges`: every client applies it.
        .object([("title", .string(title)), ("kind", .string("quickfix")), ("diagnostics", .array([diagnostic])),
                 ("isPreferred", .bool(preferred)), ("edit", .object([("changes", .object([(document.uri, .array(edits))]))]))])
    }
}
