import FlaglintSyntax

/// Known findings a team has accepted for now (`--write-baseline`, `--baseline`; docs/semantics.md, Suppressions).
///
/// Entries match on what a finding is, not where: (path, rule, flag, normalised source line),
/// with a count. Moving code keeps it suppressed; a new identical finding beyond the count is
/// reported. Paths are relative to the baseline file's directory, so the file can be committed
/// and used from any working directory.
public struct Baseline: Sendable, Equatable {
    public struct Entry: Sendable, Equatable, Hashable {
        public var path: String
        public var rule: String
        public var flag: String?
        /// The finding's source line, trimmed, inner whitespace collapsed to one space.
        public var source: String
        public var count: Int

        public init(path: String, rule: String, flag: String?, source: String, count: Int) {
            self.path = path
            self.rule = rule
            self.flag = flag
            self.source = source
            self.count = count
        }

        package var key: Key { Key(path: path, rule: rule, flag: flag, source: source) }

        package static func ordered(_ a: Entry, _ b: Entry) -> Bool {
            (a.path, a.rule, a.flag ?? "", a.source) < (b.path, b.rule, b.flag ?? "", b.source)
        }
    }

    package struct Key: Hashable {
        package var path: String
        package var rule: String
        package var flag: String?
        package var source: String

        package init(path: String, rule: String, flag: String?, source: String) {
            self.path = path
            self.rule = rule
            self.flag = flag
            self.source = source
        }

        package init(_ finding: Finding, path: String) {
            self.init(path: path, rule: finding.rule, flag: finding.flag, source: Baseline.normalize(finding.lineText))
        }
    }

    public static let formatVersion = 1

    /// Sorted by path, rule, flag, source; one entry per key.
    public private(set) var entries: [Entry]

    public init(entries: [Entry]) {
        var merged: [Key: Entry] = [:]
        for e in entries where e.count > 0 {
            merged[e.key, default: Entry(path: e.path, rule: e.rule, flag: e.flag, source: e.source, count: 0)].count += e.count
        }
        self.entries = merged.values.sorted(by: Entry.ordered)
    }

    /// A baseline accepting `findings`. In-source suppressed findings are left out (their
    /// comment already covers them); findings the old baseline covered are kept.
    /// `relativePath` maps a finding's path to the baseline file's directory.
    public init(findings: [Finding], relativePath: (String) -> String = { $0 }) {
        self.init(entries: findings.filter(Baseline.isBaselineable).map {
            let key = Key($0, path: relativePath($0.path))
            return Entry(path: key.path, rule: key.rule, flag: key.flag, source: key.source, count: 1)
        })
    }

    static func isBaselineable(_ f: Finding) -> Bool { f.suppression == nil || f.suppression?.kind == .external }

    public static func normalize(_ line: String) -> String {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\u{0B}" || $0 == "\u{0C}" })
            .joined(separator: " ")
    }

    /// Marks up to `count` unsuppressed findings per entry as suppressed (`external`), in the
    /// order given (`Finding.ordered`), so the earliest occurrences are the accepted ones.
    public func apply(to findings: [Finding], relativePath: (String) -> String = { $0 }) -> [Finding] {
        var budget: [Key: Int] = [:]
        for e in entries { budget[e.key] = e.count }
        return findings.map { finding in
            guard finding.suppression == nil else { return finding }
            let key = Key(finding, path: relativePath(finding.path))
            guard let left = budget[key], left > 0 else { return finding }
            budget[key] = left - 1
            var suppressed = finding
            suppressed.suppression = Finding.Suppression(kind: .external, justification: "baseline")
            return suppressed
        }
    }

    /// Drops what no longer matches (`flaglint baseline prune`): entries in scope keep at most
    /// as many as `findings` still has; entries for paths outside the linted scope are kept.
    public func pruned(by findings: [Finding], relativePath: (String) -> String = { $0 }, inScope: (String) -> Bool) -> Baseline {
        var present: [Key: Int] = [:]
        for f in findings where Baseline.isBaselineable(f) { present[Key(f, path: relativePath(f.path)), default: 0] += 1 }
        return Baseline(entries: entries.compactMap { e in
            guard inScope(e.path) else { return e }
            var kept = e
            kept.count = min(e.count, present[e.key] ?? 0)
            return kept.count > 0 ? kept : nil
        })
    }

    public var totalCount: Int { entries.reduce(0) { $0 + $1.count } }
}
