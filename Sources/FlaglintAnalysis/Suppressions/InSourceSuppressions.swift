import FlaglintSyntax

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
    /// The rule that reports directives that suppressed nothing (`UnusedSuppressionRule`).
    public static let unusedSuppressionRule = "unused-suppression"
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
        var indexes = Indexes()
        var result = findings.map { suppress($0, used: &used, explicitOnly: false, indexes: &indexes) }

        if let severity = context.unusedSeverity, context.activeRules.contains(InSourceSuppressions.unusedSuppressionRule) {
            let problems = unusedFindings(used: used, path: path, context: context, severity: severity)
            // Only directives naming the rule itself may silence these reports.
            var usedForUnused = Set<UsedKey>()
            result += problems.map { suppress($0, used: &usedForUnused, explicitOnly: true, indexes: &indexes) }
        }
        return result.sorted(by: Finding.ordered)
    }

    static let unknownNamesReported = 10

    struct UsedKey: Hashable {
        package var directive: Int
        package var rule: String
    }

    private func suppress(_ finding: Finding, used: inout Set<UsedKey>, explicitOnly: Bool, indexes: inout Indexes) -> Finding {
        guard finding.suppression == nil else { return finding }
        let key = Indexes.Key(rule: finding.rule, explicitOnly: explicitOnly)
        if indexes.byRule[key] == nil { indexes.byRule[key] = RuleIndex(directives, rule: finding.rule, explicitOnly: explicitOnly) }
        guard let (index, name) = indexes.byRule[key]!.covering(finding) else { return finding }
        used.insert(UsedKey(directive: index, rule: name))
        var suppressed = finding
        suppressed.suppression = Finding.Suppression(kind: .inSource, justification: directives[index].reason)
        return suppressed
    }

    /// One `RuleIndex` per rule that has findings, built on first use.
    struct Indexes {
        package struct Key: Hashable {
            package var rule: String
            var explicitOnly: Bool
        }
        var byRule: [Key: RuleIndex] = [:]
    }

    /// The directives that can cover one rule's findings, indexed so that each finding costs
    /// a lookup and a binary search, not a pass over every directive (thousands of
    /// suppression comments in one file would otherwise be quadratic).
    struct RuleIndex {
        /// Line → the first line directive covering that line: `disable-line` on its own line,
        /// `disable-next-line` on the line after it ends.
        package var lines: [Int: (Int, String)] = [:]
        /// `disable` and `enable` events for the rule, in file order: the last one before a
        /// finding decides.
        var blocks: [(line: Int, column: Int, directive: Int, name: String?)] = []
        package var file: (Int, String)?

        package init(_ directives: [SuppressionDirective], rule: String, explicitOnly: Bool) {
            func name(_ d: SuppressionDirective) -> String? {
                if d.rules.contains(rule) { return rule }
                return !explicitOnly && d.rules.contains("all") ? "all" : nil
            }
            for (i, d) in directives.enumerated() {
                switch d.kind {
                case .disableLine, .disableNextLine:
                    guard let n = name(d) else { continue }
                    let line = d.kind == .disableLine ? d.start.line : d.end.line + 1
                    if lines[line] == nil { lines[line] = (i, n) }
                case .disable:
                    if let n = name(d) { blocks.append((d.start.line, d.start.column, i, n)) }
                case .enable:
                    if d.covers(rule) { blocks.append((d.start.line, d.start.column, i, nil)) }
                case .disableFile:
                    if file == nil, let n = name(d) { file = (i, n) }
                }
            }
            // Comments arrive in file order; a stable sort keeps it so whatever the frontend did.
            blocks = blocks.enumerated().sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }.map(\.element)
        }

        func covering(_ finding: Finding) -> (Int, String)? {
            if let hit = lines[finding.line] { return hit }
            // The last block event at or before the finding.
            var low = 0, high = blocks.count
            while low < high {
                let mid = (low + high) / 2
                if (blocks[mid].line, blocks[mid].column) <= (finding.line, finding.column) { low = mid + 1 } else { high = mid }
            }
            if low > 0, let n = blocks[low - 1].name { return (blocks[low - 1].directive, n) }
            return file
        }
    }

    private func unusedFindings(used: Set<UsedKey>, path: String, context: Context, severity: Severity) -> [Finding] {
        var out: [Finding] = []
        func report(_ start: SourceLocation, _ end: SourceLocation, _ lineText: String, _ message: String) {
            out.append(Finding(rule: InSourceSuppressions.unusedSuppressionRule, severity: severity, path: path,
                               line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
                               message: message, lineText: lineText))
        }
        for m in malformed {
            report(m.start, m.end, m.lineText, "unknown suppression directive `\(m.text)`: expected "
                   + SuppressionDirective.Kind.allCases.map { "`flaglint:\($0.rawValue)`" }.joined(separator: ", "))
        }
        for (i, d) in directives.enumerated() {
            let written = "`flaglint:\(d.kind.rawValue)`"
            // One finding per unknown name, up to a few; past that one finding counts the rest,
            // so a comment listing thousands of names cannot multiply the report.
            let unknown = d.rules.filter { $0 != "all" && !context.knownRules.contains($0) }
            for rule in unknown.prefix(Self.unknownNamesReported) {
                report(d.start, d.end, d.lineText, "\(written) names unknown rule `\(rule)`")
            }
            if unknown.count > Self.unknownNamesReported {
                report(d.start, d.end, d.lineText, "\(written) names \(unknown.count - Self.unknownNamesReported) more unknown rules")
            }
            for rule in d.rules {
                if rule != "all" && !context.knownRules.contains(rule) { continue }
                // `enable` only ends a block; it suppresses nothing by itself.
                if d.kind == .enable || used.contains(UsedKey(directive: i, rule: rule)) { continue }
                if rule != "all" && !context.activeRules.contains(rule) { continue }
                // Naming `unused-suppression` is judged in the second pass, which cannot report itself.
                if rule == InSourceSuppressions.unusedSuppressionRule { continue }
                report(d.start, d.end, d.lineText, "\(written) for `\(rule)` suppresses nothing: remove it")
            }
        }
        return out
    }
}
