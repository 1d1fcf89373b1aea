import Foundation

/// The `lint`, `flags` and `init` commands: configuration → discovery → linting → report.
extension Runner {
    /// What one run lints and with which settings: one group per configuration file.
    struct Plan {
        struct Group {
            var settings: LintSettings
            var inputs: [LintInput]
            var registry: Registry?
        }
        var groups: [Group]
        var today: CalendarDate
        /// The run sees the whole project (directories, not a file list or stdin): unused-flag applies.
        var wholeProject: Bool
        var fileCount: Int { groups.reduce(0) { $0 + $1.inputs.count } }
        /// Configuration and registry files the run reads: an output must not overwrite them.
        var readFiles: [(what: String, path: String)] = []

        /// Every file the run reads, linted files included.
        var inputFiles: [(what: String, path: String)] {
            readFiles + groups.flatMap { $0.inputs.compactMap { i in i.readPath.map { ("the linted file", $0) } } }
        }
    }

    /// Exit 2 when an output path (`-o`, `--write-baseline`) names a file the run reads.
    func refuseOverwritingInputs(_ outputs: [String?], _ plan: Plan, baseline: String? = nil) -> Int32? {
        var inputs = plan.inputFiles
        if let baseline { inputs.append(("the baseline", baseline)) }
        for output in outputs.compactMap({ $0 }) {
            if let clash = OutputGuard.clash(output: output, inputs: inputs) {
                return fail("flaglint: refusing to write \(output): it is \(clash), which this run reads")
            }
        }
        return nil
    }

    /// Builds the plan, or returns the exit code when the run must stop (2) or has nothing to do (0).
    func plan(_ common: Common) -> Result<Plan, ExitStatus> {
        guard ["auto", "always", "never"].contains(common.color) else {
            return .failure(.init(fail("flaglint: --color takes auto, always or never, not `\(common.color)`")))
        }
        var today = CalendarDate.todayUTC()
        if let t = common.today {
            switch CalendarDate.parse(t) {
            case let .success(d): today = d
            case .failure: return .failure(.init(fail("flaglint: --today takes a date YYYY-MM-DD, not `\(t)`")))
            }
        }
        let resolver: ConfigurationResolver
        do {
            resolver = try ConfigurationResolver(overrideFile: common.config)
        } catch {
            return .failure(.init(fail(error.description)))
        }
        let known = Set(RuleRegistry.ids)
        for id in (common.select ?? []) + common.ignore where !known.contains(id) {
            return .failure(.init(fail("flaglint: unknown rule `\(id)` in --select/--ignore; known rules: \(RuleRegistry.ids.joined(separator: ", "))")))
        }
        let discovery = FileDiscovery(resolver: resolver, forceExclude: common.forceExclude)
        var files: [DiscoveredFile] = []
        var stdinContents: [UInt8]?
        let readsStdin = common.stdinFilename != nil || common.paths.contains("-")
        if readsStdin, let other = common.paths.first(where: { $0 != "-" }) {
            return .failure(.init(fail("flaglint: stdin is linted on its own; `\(other)` cannot be linted in the same run")))
        }
        if readsStdin {
            guard let name = common.stdinFilename, name != "-" else {
                return .failure(.init(fail("flaglint: reading stdin needs --stdin-filename PATH to choose the language and configuration")))
            }
            switch readStandardInput() {
            case let .success(bytes): stdinContents = bytes
            case let .failure(why): return .failure(.init(fail("flaglint: cannot read stdin: \(why)")))
            }
            do {
                switch try discovery.stdinFile(name) {
                case let .lint(file): files = [file]
                // Nothing to do, and nothing to say: an editor or hook passed an excluded file.
                case .excluded: return .failure(.init(0))
                case .unsupported:
                    return .failure(.init(fail("flaglint: \(name): error: not a file type flaglint reads (Swift, Python, C, C++, Objective-C)")))
                }
            } catch {
                return .failure(.init(fail(error.description)))
            }
        } else {
            do {
                let result = try discovery.discover(common.paths.isEmpty ? ["."] : common.paths)
                for p in result.problems { stderr.write(TerminalText.escape(p.description) + "\n") }
                if result.hasErrors { return .failure(.init(2)) }
                files = result.files
            } catch {
                return .failure(.init(fail(error.description)))
            }
        }
        // One group of settings per configuration file, in first-seen order.
        var order: [String] = []
        var grouped: [String: (Configuration, [DiscoveredFile])] = [:]
        for f in files {
            let id = f.configuration.file ?? "<defaults>"
            if grouped[id] == nil { order.append(id); grouped[id] = (f.configuration, []) }
            grouped[id]!.1.append(f)
        }
        let explicitFiles = files.contains { $0.isExplicit }
        var plan = Plan(groups: [], today: today, wholeProject: stdinContents == nil && !explicitFiles)
        for id in order {
            let (config, members) = grouped[id]!
            if let file = config.file { plan.readFiles.append(("the configuration", file)) }
            plan.readFiles += config.registry.map { ("the registry", $0.source.path) }
            let registry: Registry?
            switch loadRegistry(config) {
            case let .failure(status): return .failure(status)
            case let .success(r): registry = r
            }
            switch settings(for: config, common) {
            case let .failure(status): return .failure(status)
            case var .success(s):
                s.flagName = LifecycleCheck.flagName(registry)
                let inputs = members.map {
                    LintInput(displayPath: $0.displayPath, readPath: stdinContents == nil ? $0.path : nil, language: $0.language,
                              contents: stdinContents, detectHeaderLanguage: $0.needsContentCheck)
                }
                plan.groups.append(.init(settings: s, inputs: inputs, registry: registry))
            }
        }
        return .success(plan)
    }

    /// The registry a configuration declares (files and inline `flags:`); nil when none.
    /// Nothing is linted against a half-read registry: any error stops the run.
    func loadRegistry(_ config: Configuration) -> Result<Registry?, ExitStatus> {
        guard !config.registry.isEmpty || config.inlineFlags != nil else { return .success(nil) }
        do {
            var inline: [FlagRecord] = []
            if let flags = config.inlineFlags {
                inline = try NativeRegistry.records(flagsNode: flags.node(), path: flags.path)
            }
            let registry = try Registry.load(sources: config.registry.map(\.source), inline: inline) { path in
                // Registries are data files: 64 MB is far beyond any real one.
                return String(decoding: try FileReader.load(path, limit: 64 << 20).get(), as: UTF8.self)
            }
            return .success(registry)
        } catch {
            // Configuration made registry paths absolute; messages show them as the user sees them.
            var shown = error
            shown.path = PathName.display(error.path, currentDirectory: FileManager.default.currentDirectoryPath)
            return .failure(.init(fail(shown.description)))
        }
    }

    /// The evaluators and rule settings a configuration selects.
    func settings(for config: Configuration, _ common: Common) -> Result<LintSettings, ExitStatus> {
        var evaluators: [EvaluatorDefinition] = []
        if let sdks = config.sdks {
            for sdk in sdks {
                guard let c = BuiltinCatalogue.catalogue(id: sdk.value) else {
                    let e = sdk.location.error("unknown SDK `\(sdk.value)`; built-in: \(BuiltinCatalogue.ids.joined(separator: ", "))")
                    return .failure(.init(fail(e.description)))
                }
                evaluators += c.evaluators
            }
        } else {
            evaluators = BuiltinCatalogue.all.flatMap(\.evaluators)
        }
        // The project's own evaluators come first: they win where both match.
        evaluators = config.evaluators + evaluators
        var rules = RuleRegistry.defaultSettings
        for (id, var s) in rules {
            s.severity = config.severity(ofRule: id, default: s.severity)
            if let d = config.integerOption("max_depth", ofRule: id) { s.maxDepth = d }
            if let d = config.integerOption("days", ofRule: id) { s.days = d }
            if let u = config.severityOption("unverifiable", ofRule: id) { s.unverifiable = u.severity }
            rules[id] = s
        }
        if let db = config.compileCommands, let problem = CFamilyFrontend.problem(withDatabase: db.value) {
            return .failure(.init(fail(db.location.error("`compile_commands`: \(problem)").description)))
        }
        let context = FrontendContext(defines: config.defines, compileCommands: config.compileCommands?.value)
        return .success(LintSettings(evaluators: evaluators, rules: rules, frontendContext: context,
                                     select: common.select.map(Set.init), ignore: Set(common.ignore)))
    }

    /// Lints every group; prints diagnostics; returns results, or an exit status on fatal problems.
    /// `filters` builds each group's suppression/baseline/diff step (nil: findings as they are).
    func execute(_ plan: Plan, _ common: Common,
                 filters: ((LintSettings, [String: InSourceSuppressions]) -> FindingFilters)? = nil) -> Result<[FileResult], ExitStatus> {
        let jobs = max(1, common.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        var results: [FileResult] = []
        for group in plan.groups {
            let linter = Linter(settings: group.settings)
            var groupResults = linter.lint(group.inputs, jobs: jobs)
            // Cross-file constants (SPEC §4.1): only when some key or default stayed unresolved,
            // and only files that mention one of those names are parsed for their constants.
            let missing = groupResults.reduce(into: Set<String>()) { $0.formUnion($1.unresolvedNames) }
            if !missing.isEmpty {
                let table = linter.constants(in: group.inputs, naming: missing, jobs: jobs)
                if !table.isEmpty {
                    let redo = groupResults.indices.filter { !groupResults[$0].unresolvedNames.isEmpty }
                    let again = linter.lint(redo.map { group.inputs[$0] }, jobs: jobs, resolver: ValueResolver(project: table))
                    for (k, i) in redo.enumerated() { groupResults[i] = again[k] }
                }
            }
            // Lifecycle rules see every evaluation of the group at once (unused-flag needs them all).
            let lifecycle = LifecycleCheck(registry: group.registry, today: plan.today)
                .findings(groupResults.flatMap(\.evaluations).map(FlagReference.init), settings: group.settings, wholeProject: plan.wholeProject)
            if !lifecycle.isEmpty {
                // Registry findings point into registry files, which config resolution made absolute.
                let cwd = FileManager.default.currentDirectoryPath
                var extra = FileResult(path: "")
                extra.findings = lifecycle.map { f in
                    var f = f
                    if f.path.hasPrefix("/") { f.path = PathName.display(f.path, currentDirectory: cwd) }
                    return f
                }
                groupResults.append(extra)
            }
            if let filters {
                var suppressions: [String: InSourceSuppressions] = [:]
                for r in groupResults { if let sup = r.suppressions { suppressions[r.path] = sup } }
                let filtered = filters(group.settings, suppressions).apply(to: groupResults.flatMap(\.findings))
                for i in groupResults.indices { groupResults[i].findings = [] }
                var all = FileResult(path: "")
                all.findings = filtered
                groupResults.append(all)
            }
            results += groupResults
        }
        results.sort { $0.path < $1.path }
        // A file that could not be linted is reported and the others still are; the caller
        // exits 2 at the end (`failedFiles`).
        for r in results {
            if !common.quiet { for d in r.diagnostics { stderr.write(TerminalText.escape(d) + "\n") } }
            if let f = r.failure { stderr.write(TerminalText.escape(f) + "\n") }
        }
        return .success(results)
    }

    public func lint(_ options: Options) -> Int32 {
        let common = options.common
        guard let format = ReportFormat(rawValue: common.format ?? "text") else {
            return fail("flaglint: unknown format `\(common.format ?? "")`; use one of: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let failOn = options.failOn ?? "error"
        guard ["error", "warning", "never"].contains(failOn) else {
            return fail("flaglint: --fail-on takes error, warning or never, not `\(failOn)`")
        }
        let cwd = FileManager.default.currentDirectoryPath
        var baseline: Baseline?
        if let path = options.baseline {
            do { baseline = try BaselineFile.read(path) } catch { return fail("flaglint: \(error)") }
        }
        var changed: ChangedLines?
        if let ref = options.diff {
            do { changed = try GitChangedLines.since(ref, workingDirectory: cwd) } catch { return fail("flaglint: \(error)") }
        }
        let plan: Plan
        switch self.plan(common) {
        case let .failure(s): return s.code
        case let .success(p): plan = p
        }
        if let refused = refuseOverwritingInputs([common.output, options.writeBaseline], plan, baseline: options.baseline) { return refused }
        let results: [FileResult]
        switch execute(plan, common, filters: { settings, suppressions in
            FindingFilters(suppressions: suppressions, context: Self.suppressionContext(settings), baseline: baseline,
                           baselinePath: BaselineFile.pathMapper(workingDirectory: cwd, baselinePath: options.baseline ?? "."),
                           changedLines: changed, rootDirectory: cwd)
        }) {
        case let .failure(s): return s.code
        case let .success(r): results = r
        }
        let findings = results.flatMap(\.findings).sorted(by: Finding.ordered)
        let failed = results.filter { $0.failure != nil }.count
        if let path = options.writeBaseline {
            // A baseline written without the findings of unreadable files would drop their entries.
            guard failed == 0 else {
                return fail("flaglint: \(failed) file\(failed == 1 ? "" : "s") could not be linted; the baseline \(path) was not written")
            }
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
            if !common.quiet { stderr.write("Wrote \(current.count) findings to the baseline \(path).\n") }
        }
        let report = LintReport(findings: findings, rules: RuleRegistry.descriptions, files: plan.fileCount,
                                evaluations: results.reduce(0) { $0 + $1.evaluations.count },
                                rootDirectory: FileManager.default.currentDirectoryPath)
        let document = format.reporter(color: useColor(common.color, output: common.output)).render(report)
        guard emit(document, to: common.output) else { return 2 }
        if format == .text && !common.quiet {
            if options.statistics { stderr.write(TextReporter.statistics(report)) }
            stderr.write(TextReporter.summary(report) + "\n")
        }
        if failed > 0 { return fail("flaglint: \(failed) file\(failed == 1 ? "" : "s") could not be linted (see above)") }
        let shown = report.unsuppressed
        switch failOn {
        case "never": return 0
        case "warning": return shown.isEmpty ? 0 : 1
        default: return shown.contains { $0.severity == .error } ? 1 : 0
        }
    }

    public func flags(_ options: Options) -> Int32 {
        let common = options.common
        let format = common.format ?? "text"
        guard ["text", "json", "markdown"].contains(format) else {
            return fail("flaglint: `flags` writes text, json or markdown, not `\(format)`")
        }
        let plan: Plan
        switch self.plan(common) {
        case let .failure(s): return s.code
        case let .success(p): plan = p
        }
        if let refused = refuseOverwritingInputs([common.output], plan) { return refused }
        let results: [FileResult]
        switch execute(plan, common) {
        case let .failure(s): return s.code
        case let .success(r): results = r
        }
        let registry = plan.groups.lazy.compactMap(\.registry).first
        let staleDays = plan.groups.first?.settings.rules[StaleFlagRule.id]?.days ?? Lifecycle.defaultStaleDays
        let inventory = FlagInventory(references: results.flatMap(\.evaluations).map(FlagReference.init),
                                      registry: registry, today: plan.today, staleDays: staleDays)
        let document: String
        switch format {
        case "json": document = FlagsJSONReporter().render(inventory)
        case "markdown": document = MarkdownFlagsReporter().render(inventory)
        default: document = FlagsTextReporter().render(inventory)
        }
        guard emit(document, to: common.output) else { return 2 }
        return results.contains { $0.failure != nil } ? 2 : 0
    }

    static func suppressionContext(_ settings: LintSettings) -> InSourceSuppressions.Context {
        InSourceSuppressions.Context(knownRules: Set(RuleRegistry.ids), activeRules: Set(RuleRegistry.ids.filter(settings.isEnabled)),
                                     unusedSeverity: settings.isEnabled(UnusedSuppressionRule.description.id)
                                        ? settings.rules[UnusedSuppressionRule.description.id]?.severity : nil)
    }

    /// `flaglint baseline prune --baseline FILE [PATH ...]`: drops entries that no longer match.
    public func pruneBaseline(_ common: Common, baseline path: String) -> Int32 {
        let cwd = FileManager.default.currentDirectoryPath
        let old: Baseline
        do { old = try BaselineFile.read(path) } catch { return fail("flaglint: \(error)") }
        let plan: Plan
        switch self.plan(common) {
        case let .failure(s): return s.code
        case let .success(p): plan = p
        }
        if let refused = refuseOverwritingInputs([path], plan) { return refused }
        let results: [FileResult]
        switch execute(plan, common, filters: { settings, suppressions in
            FindingFilters(suppressions: suppressions, context: Self.suppressionContext(settings), rootDirectory: cwd)
        }) {
        case let .failure(s): return s.code
        case let .success(r): results = r
        }
        // Entries of files that could not be linted would be pruned as if fixed.
        if results.contains(where: { $0.failure != nil }) { return fail("flaglint: the baseline \(path) was not pruned") }
        let mapper = BaselineFile.pathMapper(workingDirectory: cwd, baselinePath: path)
        let roots = (common.paths.isEmpty ? ["."] : common.paths).map { PathName.normalize(mapper(PathName.display(PathName.absolute($0, relativeTo: cwd), currentDirectory: cwd))) }
        let findings = results.flatMap(\.findings).filter { $0.suppression == nil }
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

    /// Stdin to its end; a closed or unreadable stdin is an error, not an empty file.
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
