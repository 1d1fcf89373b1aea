import Foundation
import FlaglintSupport
import FlaglintSyntax
import FlaglintFrontends
import FlaglintAnalysis
import FlaglintRules
import FlaglintEngine

/// `flaglint fix` over a whole run, as a value: which flags become which value, every file's
/// rewrite, the declarations and registry entries that go with the last evaluation of a flag,
/// and what was left alone. Nothing here writes files or prints.
public struct ProjectFix: Sendable {
    /// One file's new content.
    public struct FileChange: Sendable {
        /// The path as output shows it, and where it is read and written.
        public var path: String
        public var readPath: String
        public var before: [UInt8]
        public var after: [UInt8]
        /// Evaluations removed from this file.
        public var removed: Int
        /// Declarations and registry entries removed (`enum case newCheckout`, `legacy-search` in flags.yml).
        public var cleanups: [String] = []
    }

    /// An evaluation left alone (`notFixed`), or a declaration kept (`kept`), with why.
    public struct Note: Sendable, Equatable {
        public enum Kind: String, Sendable { case notFixed = "not fixed", kept }
        public var kind: Kind = .notFixed
        public var path: String
        public var line: Int
        public var column: Int
        public var flag: String
        public var reason: String
        public var rendered: String { "\(path):\(line):\(column): \(kind.rawValue): \(reason) [\(flag)]" }
    }

    /// Evaluations left alone.
    public var notFixed: [Note] { notes.filter { $0.kind == .notFixed } }

    public var changes: [FileChange] = []
    public var notes: [Note] = []
    /// Flags the run fixed, with what they became.
    public var decisions: [String: FlagDecision] = [:]
    public var evaluationsRemoved: Int { changes.reduce(0) { $0 + $1.removed } }

    public struct Options: Sendable {
        /// `--flag KEY=VALUE`: registry key or the key as code spells it.
        public var values: [String: Bool] = [:]
        /// `--stale`: every flag `stale-flag` or `removed-flag` reports.
        public var stale = false
        /// `--keep-registry`: leave native registry entries alone.
        public var keepRegistry = false
        public init(values: [String: Bool] = [:], stale: Bool = false, keepRegistry: Bool = false) {
            self.values = values
            self.stale = stale
            self.keepRegistry = keepRegistry
        }
    }

    /// Plans the fix of `report` (a run of `session` over `plan`, suppressions applied).
    public static func make(_ report: Report, plan: Session.Plan, session: Session, options: Options) -> ProjectFix {
        var fix = ProjectFix()
        var groupOf: [String: Int] = [:]
        for (g, group) in plan.groups.enumerated() { for i in group.inputs { groupOf[i.displayPath] = g } }
        func flagName(_ key: FlagKey, _ g: Int) -> String? {
            guard let v = key.value else { return nil }
            return plan.groups[g].registry?.lookup(codeKey: v)?.key ?? v
        }
        // What each flag becomes.
        for (k, v) in options.values { fix.decisions[k] = .value(v) }
        if options.stale {
            for f in report.findings where f.suppression == nil {
                guard let flag = f.flag, fix.decisions[flag] == nil else { continue }
                if f.rule == StaleFlagRule.id { fix.decisions[flag] = .value(true) }
                if f.rule == RemovedFlagRule.id { fix.decisions[flag] = .fallback }
            }
        }
        // Per file: the evaluations to rewrite.
        struct Job: Sendable {
            var facts: FileFacts
            var input: LintInput
            var group: Int
            var targets: [FixSpec: FixValue]
        }
        var jobs: [Job] = []
        for facts in report.files where !facts.evaluations.isEmpty {
            guard let g = groupOf[facts.path], let input = plan.groups[g].inputs.first(where: { $0.displayPath == facts.path }) else { continue }
            var targets: [FixSpec: FixValue] = [:]
            var conflicting: Set<FixSpec> = []
            for e in facts.evaluations {
                guard let name = flagName(e.key, g) else { continue }
                let decision = fix.decisions[name] ?? e.key.value.flatMap { fix.decisions[$0] }
                guard let decision else { continue }
                switch FixTargets.value(of: e.evaluation, under: decision) {
                case let .success(v):
                    let spec = FixSpec(e.evaluation)
                    if let old = targets[spec], old.value != v { conflicting.insert(spec) }
                    targets[spec] = FixValue(flag: name, value: v)
                case let .failure(why):
                    fix.notes.append(Note(path: facts.path, line: e.line, column: e.column, flag: name, reason: why.reason))
                }
            }
            for spec in conflicting {
                targets[spec] = nil
                for e in facts.evaluations where FixSpec(e.evaluation) == spec {
                    fix.notes.append(Note(path: facts.path, line: e.line, column: e.column, flag: flagName(e.key, g) ?? "",
                                          reason: "evaluations written the same way have different values here"))
                }
            }
            if !targets.isEmpty { jobs.append(Job(facts: facts, input: input, group: g, targets: targets)) }
        }
        let results = ParallelMap.map(jobs, jobs: session.settings.jobs) { job -> (FileChange?, [Note]) in
            guard let path = job.input.readPath, let bytes = FileReader.read(path) else {
                return (nil, [Note(path: job.facts.path, line: 1, column: 1, flag: job.targets.values.first?.flag ?? "", reason: "cannot read the file")])
            }
            let settings = plan.groups[job.group].settings
            let fixer = FileFixer(language: job.facts.language, evaluators: settings.evaluators, context: settings.frontendContext, targets: job.targets)
            let outcome = fixer.fix(bytes, path: job.facts.path)
            let source = SourceFile(path: job.facts.path, language: job.facts.language, bytes: bytes)
            let notes = outcome.notFixed.map { n -> Note in
                let l = source.location(at: n.offset)
                return Note(path: job.facts.path, line: l.line, column: l.column, flag: n.flag, reason: n.reason)
            }
            guard outcome.changed else { return (nil, notes) }
            return (FileChange(path: job.facts.path, readPath: path, before: bytes, after: outcome.bytes,
                               removed: outcome.targetCount - outcome.remaining), notes)
        }
        for (change, notes) in results {
            if let change { fix.changes.append(change) }
            fix.notes += notes
        }
        // The declarations and registry entries of flags no evaluation is left of.
        var cleanup = ProjectCleanup(fix: fix, report: report, plan: plan, session: session)
        cleanup.run(keepRegistry: options.keepRegistry)
        fix = cleanup.fix
        fix.changes.sort { $0.path < $1.path }
        fix.notes.sort { ($0.path, $0.line, $0.column) < ($1.path, $1.line, $1.column) }
        return fix
    }
}
