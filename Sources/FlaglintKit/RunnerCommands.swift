import Foundation
import FlaglintSupport
import FlaglintSyntax
import FlaglintAnalysis
import FlaglintRules
import FlaglintReporters
import FlaglintEngine
import FlaglintFix

/// The `lint`, `flags` and `baseline prune` commands: options → a `Session` → its `Report`,
/// rendered. Everything between is library code.
extension Runner {
    /// The session and plan of a command, or the exit code when the run must stop (2) or has
    /// nothing to do (0). Problems met while discovering files are printed here.
    func prepare(_ common: Common) -> Result<(Session, Session.Plan), ExitStatus> {
        guard ["auto", "always", "never"].contains(common.color) else {
            return .failure(.init(fail("flaglint: --color takes auto, always or never, not `\(common.color)`")))
        }
        guard let progress = ProgressReporter.Mode(rawValue: common.progress) else {
            return .failure(.init(fail("flaglint: --progress takes auto, always or never, not `\(common.progress)`")))
        }
        var today = CalendarDate.todayUTC()
        if let t = common.today {
            switch CalendarDate.parse(t) {
            case let .success(d): today = d
            case .failure: return .failure(.init(fail("flaglint: --today takes a date YYYY-MM-DD, not `\(t)`")))
            }
        }
        var request = Session.Request(paths: common.paths)
        let readsStdin = common.stdinFilename != nil || common.paths.contains("-")
        if readsStdin, let other = common.paths.first(where: { $0 != "-" }) {
            return .failure(.init(fail("flaglint: stdin is linted on its own; `\(other)` cannot be linted in the same run")))
        }
        if readsStdin {
            guard let name = common.stdinFilename, name != "-" else {
                return .failure(.init(fail("flaglint: reading stdin needs --stdin-filename PATH to choose the language and configuration")))
            }
            switch readStandardInput() {
            case let .success(bytes): request = Session.Request(stdin: bytes, as: name)
            case let .failure(why): return .failure(.init(fail("flaglint: cannot read stdin: \(why)")))
            }
        }
        let environment = ProcessInfo.processInfo.environment
        let settings = SessionSettings(currentDirectory: FileSystem.currentDirectory(), environment: environment,
                                       configFile: common.config, forceExclude: common.forceExclude,
                                       jobs: common.jobs ?? ProcessInfo.processInfo.activeProcessorCount, today: today,
                                       select: common.select.map(Set.init), ignore: Set(common.ignore),
                                       useCache: !common.noCache, cacheDirectory: common.cacheDir,
                                       progress: ProgressReporter.make(progress, output: stderr, machineFormat: (common.format ?? "text") != "text"))
        do {
            let session = try Session(settings)
            let plan = try session.plan(request)
            for p in plan.problems { stderr.write(TerminalText.escape(p) + "\n") }
            return .success((session, plan))
        } catch {
            if error.status == 0 { return .failure(.init(0)) }
            return .failure(.init(fail(error.description)))
        }
    }

    /// What every command does first: prepare the session, refuse outputs that would overwrite
    /// one of the run's inputs, run it with `filters` and print the files' problems; the exit
    /// status is thrown when the command must stop.
    func report(_ common: Common, filters: Session.Filters?, outputs: [String?] = [], baseline: String? = nil,
                merged: [String: FileFacts]? = nil) throws(ExitStatus) -> Report {
        let (session, planned) = try prepare(common).get()
        var plan = planned
        if let merged {
            do { plan = try session.merging(merged, into: plan) } catch { throw ExitStatus(fail(error.description)) }
        }
        if let refused = refuseOverwritingInputs(outputs, plan, baseline: baseline) { throw ExitStatus(refused) }
        let report = session.run(plan, filters: filters)
        printProblems(report, quiet: common.quiet)
        return report
    }

    /// Exit 2 when an output path (`-o`, `--write-baseline`) names a file the run reads.
    func refuseOverwritingInputs(_ outputs: [String?], _ plan: Session.Plan, baseline: String? = nil) -> Int32? {
        var inputs: [(what: String, path: String)] = []
        for g in plan.groups {
            if let file = g.configuration.file { inputs.append(("the configuration", file)) }
            inputs += g.configuration.registry.map { ("the registry", $0.source.path) }
            inputs += g.inputs.compactMap { i in i.readPath.map { ("the linted file", $0) } }
        }
        if let baseline { inputs.append(("the baseline", baseline)) }
        for output in outputs.compactMap({ $0 }) {
            if let clash = OutputGuard.clash(output: output, inputs: inputs) {
                return fail("flaglint: refusing to write \(output): it is \(clash), which this run reads")
            }
        }
        return nil
    }

    /// Prints the files' own problems. A file that could not be linted is named and the others
    /// are still reported; the command exits 2 at the end (`report.failures`).
    func printProblems(_ report: Report, quiet: Bool) {
        for p in report.problems where !quiet || p.kind == .unavailable || p.kind == .failure {
            stderr.write(TerminalText.escape(p.rendered) + "\n")
        }
    }

    /// "N files could not be linted" and exit 2, when some could not.
    func failedFiles(_ report: Report) -> Int32? {
        let failed = report.failures.count
        guard failed > 0 else { return nil }
        return fail("flaglint: \(failed) file\(failed == 1 ? "" : "s") could not be linted (see above)")
    }

    public func lint(_ options: Options) -> Int32 {
        if let shard = options.shard { return lintShard(options, shard: shard) }
        let common = options.common
        guard let format = ReportFormat(rawValue: common.format ?? "text") else {
            return fail("flaglint: unknown format `\(common.format ?? "")`; use one of: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let failOn = options.failOn ?? "error"
        guard ["error", "warning", "never"].contains(failOn) else {
            return fail("flaglint: --fail-on takes error, warning or never, not `\(failOn)`")
        }
        if options.fix, let stop = applyStaleFixes(options) { return stop }
        let cwd = FileSystem.currentDirectory()
        var filters = Session.Filters(baselinePath: options.baseline)
        if let path = options.baseline {
            do { filters.baseline = try BaselineFile.read(path) } catch { return fail("flaglint: \(error)") }
        }
        if let ref = options.diff {
            do { filters.changedLines = try GitChangedLines.since(ref, workingDirectory: cwd) } catch { return fail("flaglint: \(error)") }
        }
        let report: Report
        do {
            report = try self.report(common, filters: filters, outputs: [common.output, options.writeBaseline], baseline: options.baseline,
                                     merged: options.merged)
        } catch { return error.code }
        // SARIF carries the fixes of stale and removed flags (SARIF 2.1.0 `fixes`).
        let findings = format == .sarif ? FlagFixes.attach(report.findings, report: report) : report.findings
        // Files that could not be linted (unreadable, libclang missing): the report covers the
        // others, the exit status is 2, and no baseline is written from a partial run.
        let incomplete = !report.unavailable.isEmpty
        if let path = options.writeBaseline, incomplete || !report.failures.isEmpty {
            return fail("flaglint: not writing the baseline \(path): some files could not be linted (see above)")
        }
        if let path = options.writeBaseline {
            let mapper = BaselineFile.pathMapper(workingDirectory: cwd, baselinePath: path)
            let current = findings.filter { $0.suppression?.kind != .inSource }.map { f -> Finding in
                var f = f
                f.suppression = nil
                return f
            }
            do {
                try BaselineFile.write(Baseline(findings: current, relativePath: mapper), to: path)
            } catch {
                return fail("flaglint: \(error)")
            }
            // Writing a baseline accepts today's findings: one line, exit 0, no report.
            let files = Set(current.map(\.path)).count
            if !common.quiet {
                stderr.write("Wrote \(current.count) finding\(current.count == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s") to the baseline \(path).\n")
            }
            return 0
        }
        let lintReport = LintReport(findings: findings, rules: RuleRegistry.descriptions, files: report.fileCount,
                                    evaluations: report.evaluationCount, rootDirectory: cwd)
        let document = format.reporter(color: useColor(common.color, output: common.output)).render(lintReport)
        guard emit(document, to: common.output) else { return 2 }
        // Statistics and the summary go to stderr whatever the format; -q drops only the summary.
        if options.statistics { stderr.write(TextReporter.statistics(lintReport)) }
        if !common.quiet { stderr.write(TextReporter.summary(lintReport) + "\n") }
        if let failed = failedFiles(report) { return failed }
        if incomplete {
            if !common.quiet {
                let n = report.unavailable.count
                stderr.write("\(n) file\(n == 1 ? " was" : "s were") not linted (see the errors above): exit status 2.\n")
            }
            return 2
        }
        let shown = lintReport.unsuppressed
        switch failOn {
        case "never": return 0
        case "warning": return shown.isEmpty ? 0 : 1
        default: return shown.contains { $0.severity == .error } ? 1 : 0
        }
    }

    public func flags(_ options: Options) -> Int32 {
        let common = options.common
        let format = common.format ?? "text"
        guard ["text", "json", "markdown", "html"].contains(format) else {
            return fail("flaglint: `flags` writes text, json, markdown or html, not `\(format)`")
        }
        let report: Report
        do { report = try self.report(common, filters: nil, outputs: [common.output]) } catch { return error.code }
        let registry = report.groups.lazy.compactMap(\.registry).first
        let staleDays = report.groups.first?.settings.rules[StaleFlagRule.id]?.days ?? Lifecycle.defaultStaleDays
        let inventory = FlagInventory(references: report.references, registry: registry, today: report.today, staleDays: staleDays)
        let document: String
        switch format {
        case "json": document = FlagsJSONReporter().render(inventory)
        case "markdown": document = MarkdownFlagsReporter().render(inventory)
        case "html": document = HTMLFlagsReporter(staleDays: staleDays).render(inventory, findings: report.findings)
        default: document = FlagsTextReporter().render(inventory)
        }
        guard emit(document, to: common.output) else { return 2 }
        if let failed = failedFiles(report) { return failed }
        return report.unavailable.isEmpty ? 0 : 2
    }

    /// `flaglint baseline prune --baseline FILE [PATH ...]`: drops entries that no longer match.
    public func pruneBaseline(_ common: Common, baseline path: String) -> Int32 {
        let cwd = FileSystem.currentDirectory()
        let old: Baseline
        do { old = try BaselineFile.read(path) } catch { return fail("flaglint: \(error)") }
        let report: Report
        do { report = try self.report(common, filters: Session.Filters(), outputs: [path]) } catch { return error.code }
        // A partial run would drop the entries of the files it could not lint.
        if !report.unavailable.isEmpty || !report.failures.isEmpty {
            return fail("flaglint: not pruning \(path): some files could not be linted (see above)")
        }
        let mapper = BaselineFile.pathMapper(workingDirectory: cwd, baselinePath: path)
        let roots = (common.paths.isEmpty ? ["."] : common.paths).map { PathName.normalize(mapper(PathName.display(PathName.absolute($0, relativeTo: cwd), currentDirectory: cwd))) }
        let findings = report.findings.filter { $0.suppression == nil }
        let pruned = old.pruned(by: findings, relativePath: mapper, inScope: { p in
            roots.contains { $0 == "." || $0.isEmpty || p == $0 || p.hasPrefix($0 + "/") }
        })
        do { try BaselineFile.write(pruned, to: path) } catch { return fail("flaglint: \(error)") }
        if !common.quiet { stderr.write("Baseline \(path): \(old.totalCount) findings before, \(pruned.totalCount) after pruning.\n") }
        return 0
    }

    public func initConfiguration(force: Bool) -> Int32 {
        let path = ".lint.yml"
        if !force && FileManager.default.fileExists(atPath: path) {
            return fail("flaglint: \(path) already exists; use --force to overwrite it")
        }
        do {
            try AtomicWriter.write(Configuration.starterConfiguration, to: path)
        } catch {
            return fail("flaglint: \(error)")
        }
        stderr.write("Wrote \(path). Edit it, then run `flaglint`.\n")
        return 0
    }

    private func readStandardInput() -> Result<[UInt8], FileSystem.Failure> {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, 1 << 16) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(FileSystem.Failure(code: errno))
            }
            if n == 0 { break }
            guard out.count + n <= FileReader.limit else { return .failure(FileSystem.Failure(code: EFBIG)) }
            out.append(contentsOf: chunk[0..<n])
        }
        return .success(out)
    }
}

/// An exit status carried through `Result`.
struct ExitStatus: Error {
    var code: Int32
    init(_ code: Int32) { self.code = code }
}

/// `--format` of `lint`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github, checkstyle, junit

    func reporter(color: Bool) -> any Reporter {
        switch self {
        case .text: return TextReporter(color: color)
        case .json: return JSONReporter()
        case .sarif: return SARIFReporter()
        case .github: return GitHubReporter()
        case .checkstyle: return CheckstyleReporter()
        case .junit: return JUnitReporter()
        }
    }
}
