/// Applies one file's suppression comments to that file's findings and reports the comments
/// that did nothing.
///
/// Semantics (ESLint's, which SwiftLint and pylint share):
/// - `disable-line` covers findings starting on the line where the comment starts;
/// - `disable-next-line` covers findings starting on the line right after the comment's last
///   line, blank or not: a directive separated from its code by another line is stale;
/// - `disable` covers findings starting at or after the comment, until an `enable` naming the
///   rule (or `all`) starts before them; `disable all` then `enable nested-flag` re-enables just
///   that rule; a `disable` with no `enable` lasts to the end of the file;
/// - `disable-file` covers the whole file wherever it is written;
/// - `all` covers every rule, but an `unused-suppression` finding is only suppressed by a
///   directive that names `unused-suppression` itself (as ESLint's unused-directive reports).
/// When several directives cover a finding, line directives win over blocks and blocks over the
/// file, and only the winner counts as used: a redundant directive is reported as unused.
public struct InSourceSuppressions: Sendable, Equatable, Codable {
    public var directives: [SuppressionDirective]
    public var malformed: [MalformedSuppression]

    public init(directives: [SuppressionDirective], malformed: [MalformedSuppression] = []) {
        self.directives = directives
        self.malformed = malformed
    }

    public var isEmpty: Bool { directives.isEmpty && malformed.isEmpty }

    public init(comments: [Comment], source: SourceFile) {
        let parsed = SuppressionParser.parse(comments, in: source)
        self.init(directives: parsed.directives, malformed: parsed.malformed)
    }

    /// What `apply` needs to know about the run.
    public struct Context: Sendable {
        /// Every rule id flaglint has; others are reported as unknown.
        public var knownRules: Set<String>
        /// Rules that ran (enabled and selected): a directive for a rule that did not run
        /// cannot be judged unused.
        public var activeRules: Set<String>
        /// Severity of `unused-suppression` findings; `nil` when that rule is off.
        public var unusedSeverity: Severity?

        public init(knownRules: Set<String>, activeRules: Set<String>, unusedSeverity: Severity? = .warning) {
            self.knownRules = knownRules
            self.activeRules = activeRules
            self.unusedSeverity = unusedSeverity
        }
    }

    /// Marks the covered findings of one file as suppressed (`inSource`, with the directive's
    /// reason) and appends `unused-suppression` findings; the result is in `Finding.ordered` order.
    public func apply(to findings: [Finding], path: String, context: Context) -> [Finding] {
        var used = Set<UsedKey>()
        var result = findings.map { suppress($0, used: &used, explicitOnly: false) }

        if let severity = context.unusedSeverity, context.activeRules.contains(UnusedSuppressionRule.id) {
            let problems = unusedFindings(used: used, path: path, context: context, severity: severity)
            // Only directives naming the rule itself may silence these reports.
            var usedForUnused = Set<UsedKey>()
            result += problems.map { suppress($0, used: &usedForUnused, explicitOnly: true) }
        }
        return result.sorted(by: Finding.ordered)
    }

    struct UsedKey: Hashable {
        var directive: Int
        var rule: String
    }

    private func suppress(_ finding: Finding, used: inout Set<UsedKey>, explicitOnly: Bool) -> Finding {
        guard finding.suppression == nil, let (index, name) = coveringDirective(finding, explicitOnly: explicitOnly) else { return finding }
        used.insert(UsedKey(directive: index, rule: name))
        var suppressed = finding
        suppressed.suppression = Finding.Suppression(kind: .inSource, justification: directives[index].reason)
        return suppressed
    }

    /// The directive that suppresses `finding`, and the rule name in it that matched.
    func coveringDirective(_ finding: Finding, explicitOnly: Bool) -> (Int, String)? {
        func name(_ d: SuppressionDirective) -> String? {
            if d.rules.contains(finding.rule) { return finding.rule }
            return !explicitOnly && d.rules.contains("all") ? "all" : nil
        }
        for (i, d) in directives.enumerated() {
            guard let n = name(d) else { continue }
            if d.kind == .disableLine && finding.line == d.start.line { return (i, n) }
            if d.kind == .disableNextLine && finding.line == d.end.line + 1 { return (i, n) }
        }
        // Blocks: the last `disable`/`enable` for this rule before the finding decides.
        var open: (Int, String)?
        for (i, d) in directives.enumerated() where d.kind == .disable || d.kind == .enable {
            guard (d.start.line, d.start.column) <= (finding.line, finding.column) else { break }
            if d.kind == .disable, let n = name(d) {
                open = (i, n)
            } else if d.kind == .enable && d.covers(finding.rule) {
                open = nil
            }
        }
        if let open { return open }
        for (i, d) in directives.enumerated() where d.kind == .disableFile {
            if let n = name(d) { return (i, n) }
        }
        return nil
    }

    private func unusedFindings(used: Set<UsedKey>, path: String, context: Context, severity: Severity) -> [Finding] {
        var out: [Finding] = []
        func report(_ start: SourceLocation, _ end: SourceLocation, _ lineText: String, _ message: String) {
            out.append(Finding(rule: UnusedSuppressionRule.id, severity: severity, path: path,
                               line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
                               message: message, lineText: lineText))
        }
        for m in malformed {
            report(m.start, m.end, m.lineText, "unknown suppression directive `\(m.text)`: expected "
                   + SuppressionDirective.Kind.allCases.map { "`flaglint:\($0.rawValue)`" }.joined(separator: ", "))
        }
        for (i, d) in directives.enumerated() {
            let written = "`flaglint:\(d.kind.rawValue)`"
            for rule in d.rules {
                if rule != "all" && !context.knownRules.contains(rule) {
                    report(d.start, d.end, d.lineText, "\(written) names unknown rule `\(rule)`")
                    continue
                }
                // `enable` only ends a block; it suppresses nothing by itself.
                if d.kind == .enable || used.contains(UsedKey(directive: i, rule: rule)) { continue }
                if rule != "all" && !context.activeRules.contains(rule) { continue }
                // Naming `unused-suppression` is judged in the second pass, which cannot report itself.
                if rule == UnusedSuppressionRule.id { continue }
                report(d.start, d.end, d.lineText, "\(written) for `\(rule)` suppresses nothing: remove it")
            }
        }
        return out
    }
}
