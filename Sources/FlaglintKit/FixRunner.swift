import Foundation
import FlaglintSupport
import FlaglintSyntax
import FlaglintFrontends
import FlaglintAnalysis
import FlaglintRules
import FlaglintEngine
import FlaglintFix

/// `flaglint fix`: options → a session and its report → a `ProjectFix` → a diff on stdout, or
/// the files rewritten atomically and a summary on stderr.
extension Runner {
    public struct FixOptions: Sendable {
        public var common: Common
        /// `--flag KEY=true|false`, as given.
        public var flags: [String] = []
        public var stale = false
        public var diff = false
        public var keepRegistry = false
        public init(_ common: Common) { self.common = common }
    }

    /// Exit codes: 0 done (nothing left to fix); 1 with `--diff` when there are changes, and
    /// without it when some evaluations were left alone; 2 on errors.
    public func fix(_ options: FixOptions) -> Int32 {
        var values: [String: Bool] = [:]
        for f in options.flags {
            let parts = f.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, ["true", "false"].contains(parts[1]) else {
                return fail("flaglint: --flag takes KEY=true or KEY=false, not `\(f)`")
            }
            values[parts[0]] = parts[1] == "true"
        }
        guard !values.isEmpty || options.stale else {
            return fail("flaglint: fix needs --flag KEY=true|false or --stale: which flags to remove")
        }
        guard options.common.stdinFilename == nil, !options.common.paths.contains("-") else {
            return fail("flaglint: fix rewrites files; it does not read stdin")
        }
        let (session, plan): (Session, Session.Plan)
        switch prepare(options.common) {
        case let .success(p): (session, plan) = p
        case let .failure(status): return status.code
        }
        let report = session.run(plan, filters: Session.Filters())
        printProblems(report, quiet: options.common.quiet)
        if !report.failures.isEmpty || !report.unavailable.isEmpty {
            return fail("flaglint: not fixing: some files could not be read or parsed (see above)")
        }
        let result = ProjectFix.make(report, plan: plan, session: session,
                                     options: .init(values: values, stale: options.stale, keepRegistry: options.keepRegistry))
        for n in result.notes { stderr.write(TerminalText.escape(n.rendered) + "\n") }
        if options.diff {
            for c in result.changes { stdout.write(UnifiedDiff.render(old: c.before, new: c.after, path: c.path)) }
            if !options.common.quiet { stderr.write(summary(result, wrote: false) + "\n") }
            return result.changes.isEmpty ? 0 : 1
        }
        var failed = false
        for c in result.changes {
            guard let text = String(bytes: c.after, encoding: .utf8) else {
                stderr.write("flaglint: not writing \(TerminalText.escape(c.path)): it is not valid UTF-8\n")
                failed = true
                continue
            }
            do {
                try AtomicWriter.write(text, to: c.readPath)
            } catch {
                stderr.write("flaglint: \(TerminalText.escape("\(error)"))\n")
                failed = true
            }
        }
        if !options.common.quiet {
            for c in result.changes {
                var what: [String] = []
                if c.removed > 0 { what.append("\(c.removed) evaluation\(c.removed == 1 ? "" : "s") removed") }
                what += c.cleanups
                stderr.write("Fixed \(TerminalText.escape(c.path)): \(what.joined(separator: "; "))\n")
            }
            stderr.write(summary(result, wrote: true) + "\n")
        }
        if failed { return 2 }
        return result.notFixed.isEmpty ? 0 : 1
    }

    /// `lint --fix`: `fix --stale` on the same inputs before linting; nil to go on linting.
    func applyStaleFixes(_ options: Options) -> Int32? {
        var common = options.common
        common.format = nil
        common.output = nil
        var fix = FixOptions(common)
        fix.stale = true
        let code = self.fix(fix)
        return code == 2 ? 2 : nil
    }

    func summary(_ r: ProjectFix, wrote: Bool) -> String {
        let flags = r.decisions.keys.sorted().map { k -> String in
            switch r.decisions[k]! {
            case let .value(v): return "\(k)=\(v)"
            case .fallback: return "\(k)=fallback"
            }
        }
        let files = r.changes.count
        let left = r.notFixed.count
        var s = wrote ? "Fixed" : "Would fix"
        s += " \(r.evaluationsRemoved) evaluation\(r.evaluationsRemoved == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")"
        s += flags.isEmpty ? "; no flag to fix" : " (\(flags.joined(separator: ", ")))"
        if left > 0 { s += "; \(left) left unchanged (see above)" }
        return s + "."
    }
}
