import Foundation
import FlaglintSupport
import FlaglintSyntax
import FlaglintFrontends
import FlaglintAnalysis
import FlaglintRules
import FlaglintReporters

/// What a run depends on from outside the library, passed in rather than read implicitly:
/// the CLI fills it from the process, a test or the language server from their own state.
public struct SessionSettings: Sendable {
    /// The directory relative paths start from and output paths are shown relative to.
    public var currentDirectory: String
    public var environment: [String: String]
    /// `--config FILE`: replaces the nearest-`.lint.yml` search.
    public var configFile: String?
    /// `--force-exclude`: excludes apply to files named explicitly too.
    public var forceExclude: Bool
    public var jobs: Int
    public var today: CalendarDate
    /// `--select` / `--ignore`.
    public var select: Set<String>?
    public var ignore: Set<String>
    /// Keep the project index between runs (`--no-cache` turns it off).
    public var useCache: Bool
    /// Where the index lives (`--cache-dir`, `FLAGLINT_CACHE_DIR`); default `.flaglint_cache/`
    /// in the project root.
    public var cacheDirectory: String?
    /// Told of every file analysed (`--progress`); nil: no progress.
    public var progress: ProgressReporter?
    /// Keeps project indexes and file lists between runs (the language server); nil: each run reads its own.
    public var memory: SessionMemory?

    public init(currentDirectory: String, environment: [String: String] = [:], configFile: String? = nil, forceExclude: Bool = false,
                jobs: Int = 1, today: CalendarDate, select: Set<String>? = nil, ignore: Set<String> = [],
                useCache: Bool = true, cacheDirectory: String? = nil, progress: ProgressReporter? = nil) {
        self.progress = progress
        self.useCache = useCache
        self.cacheDirectory = cacheDirectory ?? environment["FLAGLINT_CACHE_DIR"].flatMap { $0.isEmpty ? nil : $0 }
        self.currentDirectory = PathName.normalize(currentDirectory)
        self.environment = environment
        self.configFile = configFile
        self.forceExclude = forceExclude
        self.jobs = max(1, jobs)
        self.today = today
        self.select = select
        self.ignore = ignore
    }
}

/// A problem that stops the run before anything is linted: the message is printed as is and
/// the exit code is 2 (or 0 for `status == 0`, an excluded stdin file: nothing to do).
public struct SessionError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public var status: Int32
    public init(_ description: String, status: Int32 = 2) {
        self.description = description
        self.status = status
    }
}

/// One run of flaglint as a library: configuration, discovery, per-file facts, cross-file
/// resolution over the facts (no file is parsed twice), the rules, and the filters. Nothing
/// here writes to stdout or stderr: the result is a `Report` value, rendered by the caller.
public struct Session: Sendable {
    public let settings: SessionSettings
    public let configurations: ConfigurationResolver

    public init(_ settings: SessionSettings) throws(SessionError) {
        self.settings = settings
        do {
            configurations = try ConfigurationResolver(overrideFile: settings.configFile, currentDirectory: settings.currentDirectory)
        } catch {
            throw SessionError(error.description)
        }
        let known = Set(RuleRegistry.ids)
        for id in (settings.select.map(Array.init) ?? []).sorted() + settings.ignore.sorted() where !known.contains(id) {
            throw SessionError("flaglint: unknown rule `\(id)` in --select/--ignore; known rules: \(RuleRegistry.ids.joined(separator: ", "))")
        }
    }

    /// What to lint: paths (files and directories), or one buffer read from stdin as `stdinPath`.
    public struct Request: Sendable {
        public var paths: [String]
        public var stdinPath: String?
        public var stdinContents: [UInt8]?

        public init(paths: [String]) {
            self.paths = paths
        }

        public init(stdin contents: [UInt8], as path: String) {
            self.paths = []
            self.stdinPath = path
            self.stdinContents = contents
        }
    }

    /// What one run lints and with which settings: one group per configuration file.
    public struct Plan: Sendable {
        public struct Group: Sendable {
            public var configuration: Configuration
            public var settings: LintSettings
            public var inputs: [LintInput]
            public var registry: Registry?
            /// The project the configuration governs: its directory (the git root, or the
            /// working directory, for the defaults). Names resolve across all its files.
            public var root: String
            /// The run's paths include the whole project: no other file needs looking at.
            public var coversProject: Bool
            /// Facts already computed elsewhere (the parts of a shard merge), by display path:
            /// those files are not analysed again, only resolved and ruled on.
            public var facts: [String: FileFacts] = [:]
        }
        public var groups: [Group]
        /// Problems met while discovering files (unreadable directories): printed, never fatal alone.
        public var problems: [String]
        /// The run sees the whole project (directories, not a file list or stdin): unused-flag applies.
        public var wholeProject: Bool
        public var fileCount: Int { groups.reduce(0) { $0 + $1.inputs.count } }
    }

    /// Resolves configuration and discovers the files of `request`.
    public func plan(_ request: Request) throws(SessionError) -> Plan {
        let discovery = FileDiscovery(resolver: configurations, forceExclude: settings.forceExclude, jobs: settings.jobs)
        var files: [DiscoveredFile] = []
        var problems: [String] = []
        if let name = request.stdinPath {
            let classification: StdinClassification
            do {
                classification = try discovery.stdinFile(name)
            } catch {
                throw SessionError(error.description)
            }
            switch classification {
            case let .lint(file): files = [file]
            // Nothing to do, and nothing to say: an editor or hook passed an excluded file.
            case .excluded: throw SessionError("", status: 0)
            case .unsupported:
                throw SessionError("flaglint: \(name): error: not a file type flaglint reads (Swift, Python, C, C++, Objective-C)")
            }
        } else {
            let result: DiscoveryResult
            do {
                result = try discovery.discover(request.paths.isEmpty ? ["."] : request.paths)
            } catch {
                throw SessionError(error.description)
            }
            problems = result.problems.map(\.description)
            if result.hasErrors { throw SessionError(problems.joined(separator: "\n")) }
            files = result.files
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
        let requested = request.stdinPath == nil
            ? (request.paths.isEmpty ? ["."] : request.paths).map { PathName.absolute($0, relativeTo: settings.currentDirectory) } : []
        var plan = Plan(groups: [], problems: problems, wholeProject: request.stdinContents == nil && !explicitFiles)
        for id in order {
            let (config, members) = grouped[id]!
            let registry = try loadRegistry(config)
            var s = try lintSettings(for: config)
            s.flagName = ProjectRules.flagName(registry)
            let inputs = members.map {
                LintInput(displayPath: $0.displayPath, readPath: request.stdinContents == nil ? $0.path : nil, language: $0.language,
                          contents: request.stdinContents, detectHeaderLanguage: $0.needsContentCheck, sourcePath: $0.path)
            }
            let root = Self.projectRoot(of: config, firstFile: members.first?.path, currentDirectory: settings.currentDirectory)
            let covers = requested.contains { $0 == root || root.hasPrefix($0 == "/" ? "/" : $0 + "/") }
            plan.groups.append(.init(configuration: config, settings: s, inputs: inputs, registry: registry, root: root, coversProject: covers))
        }
        return plan
    }

    /// The registry a configuration declares (files and inline `flags:`); nil when none.
    /// Nothing is linted against a half-read registry: any error stops the run.
    public func loadRegistry(_ config: Configuration) throws(SessionError) -> Registry? {
        guard !config.registry.isEmpty || config.inlineFlags != nil else { return nil }
        do {
            var inline: [FlagRecord] = []
            if let flags = config.inlineFlags {
                inline = try NativeRegistry.records(flagsNode: flags.node(), path: flags.path)
            }
            return try Registry.load(sources: config.registry.map(\.source), inline: inline) { path in
                // Registries are data files: 64 MB is far beyond any real one.
                String(decoding: try FileReader.load(path, limit: 64 << 20).get(), as: UTF8.self)
            }
        } catch {
            // Configuration made registry paths absolute; messages show them as the user sees them.
            var shown = error
            shown.path = PathName.display(error.path, currentDirectory: settings.currentDirectory)
            throw SessionError(shown.description)
        }
    }

    /// The evaluators and rule settings a configuration selects.
    public func lintSettings(for config: Configuration) throws(SessionError) -> LintSettings {
        var evaluators: [EvaluatorDefinition] = []
        if let sdks = config.sdks {
            for sdk in sdks {
                guard let c = BuiltinCatalogue.catalogue(id: sdk.value) else {
                    throw SessionError(sdk.location.error("unknown SDK `\(sdk.value)`; built-in: \(BuiltinCatalogue.ids.joined(separator: ", "))").description)
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
            throw SessionError(db.location.error("`compile_commands`: \(problem)").description)
        }
        var context = FrontendContext(defines: config.defines, compileCommands: config.compileCommands?.value,
                                      currentDirectory: settings.currentDirectory, environment: settings.environment)
        context.includeDirectories = config.includeDirectories
        return LintSettings(evaluators: evaluators, rules: rules, frontendContext: context, select: settings.select,
                            ignore: settings.ignore, prefilterDisabled: settings.environment["FLAGLINT_NO_PREFILTER"] == "1")
    }

    /// What runs between the rules and the report; nil fields do nothing.
    public struct Filters: Sendable {
        /// Apply `flaglint:` comments (and report unused ones).
        public var suppressions = true
        public var baseline: Baseline?
        /// Where baseline paths are relative to (the baseline file).
        public var baselinePath: String?
        public var changedLines: ChangedLines?
        public init(suppressions: Bool = true, baseline: Baseline? = nil, baselinePath: String? = nil, changedLines: ChangedLines? = nil) {
            self.suppressions = suppressions
            self.baseline = baseline
            self.baselinePath = baselinePath
            self.changedLines = changedLines
        }
    }

    /// Lints every group of `plan`. `filters` nil: findings as the rules report them.
    public func run(_ plan: Plan, filters: Filters? = nil) -> Report {
        var report = Report(today: settings.today, wholeProject: plan.wholeProject, fileCount: plan.fileCount,
                            rootDirectory: settings.currentDirectory)
        report.discoveryProblems = plan.problems
        for group in plan.groups {
            let index = openIndex(for: group)
            let facts = analyze(group, index: index)
            index.save()
            report.files += facts
            report.groups.append(.init(settings: group.settings, registry: group.registry))
            var findings = facts.flatMap(\.findings)
            // Project rules see every evaluation of the group at once (unused-flag needs them all).
            let references = facts.flatMap { f in f.evaluations.map { FlagReference($0, in: f) } }
            let lifecycle = ProjectRules.findings(references, registry: group.registry, today: settings.today,
                                                  settings: group.settings, wholeProject: plan.wholeProject)
            // Registry findings point into registry files, which configuration made absolute.
            findings += lifecycle.map { f in
                var f = f
                if f.path.hasPrefix("/") { f.path = PathName.display(f.path, currentDirectory: settings.currentDirectory) }
                return f
            }
            if let filters {
                var suppressions: [String: InSourceSuppressions] = [:]
                if filters.suppressions { for f in facts { if let s = f.suppressions { suppressions[f.path] = s } } }
                let cwd = settings.currentDirectory
                findings = FindingFilters(suppressions: suppressions, context: Self.suppressionContext(group.settings),
                                          baseline: filters.baseline,
                                          baselinePath: BaselineFile.pathMapper(workingDirectory: cwd, baselinePath: filters.baselinePath ?? "."),
                                          changedLines: filters.changedLines, rootDirectory: cwd).apply(to: findings)
            }
            report.findings += findings
        }
        report.files.sort { $0.path < $1.path }
        report.findings.sort(by: Finding.ordered)
        return report
    }

    /// The project a configuration governs: the `.lint.yml`'s directory; without one, the git
    /// root above the linted files, else the working directory when they are inside it, else
    /// their own directory.
    static func projectRoot(of config: Configuration, firstFile: String?, currentDirectory: String) -> String {
        if let file = config.file { return PathName.parent(file) }
        let start = firstFile.map(PathName.parent) ?? currentDirectory
        for dir in PathName.selfAndAncestors(start) where FileSystem.exists(PathName.join(dir, ".git")) { return dir }
        if start == currentDirectory || start.hasPrefix(currentDirectory == "/" ? "/" : currentDirectory + "/") { return currentDirectory }
        return start
    }

    /// The group's index: in the cache directory, one file per configuration and working
    /// directory, keyed by everything that changes what analysis produces.
    func openIndex(for group: Plan.Group) -> ProjectIndex {
        guard settings.useCache else { return ProjectIndex(file: nil, key: "") }
        let directory = settings.cacheDirectory.map { PathName.absolute($0, relativeTo: settings.currentDirectory) }
            ?? PathName.join(group.root, ".flaglint_cache")
        let config = group.configuration
        var key = "\(Flaglint.version)|facts \(FileFacts.currentSchema)|cwd \(settings.currentDirectory)|config \(config.file ?? "<defaults>")"
        key += "|include \(config.includeDirectories.joined(separator: ":"))"
        if let file = config.file, let bytes = FileReader.readRegular(file, limit: 16 << 20) { key += "|\(ProjectIndex.hash(bytes))" }
        if let db = config.compileCommands?.value, let bytes = FileReader.readRegular(db, limit: 1 << 30) { key += "|db \(ProjectIndex.hash(bytes))" }
        key += "|prefilter \(group.settings.prefilterDisabled)"
        let name = "index-" + ProjectIndex.hash("\(settings.currentDirectory)|\(config.file ?? "<defaults>")") + ".json"
        if let memory = settings.memory { return memory.index(file: PathName.join(directory, name), key: key) }
        return ProjectIndex(file: PathName.join(directory, name), key: key)
    }

    /// Every file of the group's project, as a whole-project run would discover it.
    package func projectInputs(_ group: Plan.Group) -> [LintInput] {
        let discovery = FileDiscovery(resolver: configurations, forceExclude: false, jobs: settings.jobs)
        guard let result = try? discovery.discover([group.root]) else { return [] }
        return result.files.filter { $0.configuration.file == group.configuration.file }.map {
            LintInput(displayPath: $0.displayPath, readPath: $0.path, language: $0.language, detectHeaderLanguage: $0.needsContentCheck, sourcePath: $0.path)
        }
    }

    /// One file's facts before resolution: from the index when the file did not change, else
    /// analysed (and recorded).
    func cachedFacts(of input: LintInput, _ analyzer: FileAnalyzer, _ index: ProjectIndex) -> FileFacts {
        guard index.isEnabled, input.contents == nil, let path = input.readPath else { return analyzer.analyze(input) }
        let status = FileStatus.of(path)
        if let status, let e = index.entry(for: path, status: status) { return Self.relocated(e.facts, to: input.displayPath) }
        guard let status, let bytes = FileReader.read(path) else { return analyzer.analyze(input) }
        let hash = ProjectIndex.hash(bytes)
        var facts: FileFacts
        var absent: Set<String> = []
        if let e = index.entry(for: path, hash: hash) {
            facts = Self.relocated(e.facts, to: input.displayPath)
            absent = e.absentNames
        } else {
            var withContents = input
            withContents.contents = bytes
            facts = analyzer.analyze(withContents)
        }
        if !facts.hasFailure && !facts.followsIncludes {
            // A file changed within the clock's resolution of now could change again unseen:
            // such an entry is checked by content next time.
            let recent = Int64(Date().timeIntervalSince1970 * 1_000_000_000) - status.modified < 2_000_000_000
            index.store(ProjectIndex.Entry(size: status.size, modified: recent ? -1 : status.modified, inode: status.inode,
                                           hash: hash, facts: facts, absentNames: absent), for: path)
        }
        return facts
    }

    /// Cached facts carry the display path they were made with; the index is per working
    /// directory, so only a renamed display (a different spelling of the same file) differs.
    static func relocated(_ facts: FileFacts, to displayPath: String) -> FileFacts {
        guard facts.path != displayPath else { return facts }
        var f = facts
        f.path = displayPath
        for i in f.problems.indices { f.problems[i].path = displayPath }
        return f
    }

    /// Facts of the group's inputs, keys and defaults resolved across the whole project (the
    /// files named and, when they are not all of it, the project's other files through the
    /// index), file rules run.
    /// Gives files not parsed the chance to supply constants named `names`: those that mention
    /// one are parsed for their constants; the index remembers which names a file does not mention.
    private func lookForConstants(named missing: Set<String>, in facts: inout [FileFacts], _ inputs: [LintInput],
                                  _ analyzer: FileAnalyzer, _ index: ProjectIndex) {
        let pending = facts.indices.filter { !facts[$0].parsed && facts[$0].constants.isEmpty && facts[$0].problems.isEmpty }
        let found = ParallelMap.map(pending, jobs: settings.jobs) { i -> [ConstantFact]? in
            let input = inputs[i]
            guard index.isEnabled, let path = input.readPath, input.contents == nil else {
                return analyzer.analyze(input, constantsNamed: Prefilter(names: missing)).constants
            }
            let status = FileStatus.of(path)
            let cached = status.flatMap { index.entry(for: path, status: $0) }
            let names = missing.subtracting(cached?.absentNames ?? [])
            guard !names.isEmpty else { return nil }
            let more = analyzer.analyze(input, constantsNamed: Prefilter(names: names))
            if more.constants.isEmpty {
                index.recordAbsent(names, in: path)
                return nil
            }
            if var e = cached {
                e.facts.constants = more.constants
                index.store(e, for: path)
            }
            return more.constants
        }
        for (k, i) in pending.enumerated() { if let c = found[k] { facts[i].constants = c } }
    }

    package func analyze(_ group: Plan.Group, index: ProjectIndex) -> [FileFacts] {
        let analyzer = FileAnalyzer(settings: group.settings)
        let jobs = settings.jobs
        var inputs = group.inputs
        let requested = inputs.count
        if !group.coversProject {
            let own = Set(inputs.compactMap(\.sourcePath))
            let project = settings.memory?.projectInputs("\(group.root)|\(group.configuration.file ?? "")") { projectInputs(group) }
            inputs += (project ?? projectInputs(group)).filter { !own.contains($0.sourcePath ?? "") }
        }
        settings.progress?.start(phase: "linting", total: inputs.count)
        var facts = ParallelMap.map(inputs, jobs: jobs) { input in
            defer { settings.progress?.advance() }
            return group.facts[input.displayPath] ?? cachedFacts(of: input, analyzer, index)
        }
        settings.progress?.finish()
        // A buffer read from stdin keeps its file's entry: the file is still there.
        index.retain(Set(inputs.compactMap { $0.contents == nil ? $0.readPath : $0.sourcePath }))
        // Names a key or default refers to that its own file does not define. Files not parsed
        // are asked for their constants only when they mention one of those names, and the
        // index remembers which names a file does not mention.
        var missing = facts[..<requested].reduce(into: Set<String>()) { $0.formUnion($1.unresolvedNames) }
        if !missing.isEmpty {
            var asked = Set<String>()
            // Twice at most: the second round asks for what aliases found in the first stand for.
            for _ in 0..<2 where !missing.subtracting(asked).isEmpty {
                let names = missing.subtracting(asked)
                asked.formUnion(names)
                lookForConstants(named: names, in: &facts, inputs, analyzer, index)
                missing = ProjectConstants.withAliasTargets(missing, in: facts)
            }
            let project = ProjectConstants(facts, names: missing)
            if !project.isEmpty {
                for i in 0..<requested where !facts[i].unresolvedNames.isEmpty {
                    if let resolved = project.resolve(facts[i]) { facts[i] = resolved }
                }
            }
        }
        // Files parsed only for their constants report nothing of their own.
        return ParallelMap.map(Array(facts[..<requested]), jobs: jobs) { f in
            var f = f
            if f.parsed { f.findings = FileRules.findings(f, settings: group.settings) }
            return f
        }
    }

    static func suppressionContext(_ settings: LintSettings) -> InSourceSuppressions.Context {
        InSourceSuppressions.Context(knownRules: Set(RuleRegistry.ids), activeRules: Set(RuleRegistry.ids.filter(settings.isEnabled)),
                                     unusedSeverity: settings.isEnabled(UnusedSuppressionRule.id)
                                        ? settings.rules[UnusedSuppressionRule.id]?.severity : nil)
    }
}

/// The outcome of a run, as a value: every file's facts, every finding (file and project
/// rules, filtered when the run asked for it), and the problems met.
public struct Report: Sendable {
    public struct Group: Sendable {
        public var settings: LintSettings
        public var registry: Registry?
    }
    public var today: CalendarDate
    public var wholeProject: Bool
    public var fileCount: Int
    /// Absolute directory relative finding paths start from.
    public var rootDirectory: String
    /// Sorted by path.
    public var files: [FileFacts] = []
    /// In `Finding.ordered` order; suppressed findings included, marked.
    public var findings: [Finding] = []
    public var groups: [Group] = []
    public var discoveryProblems: [String] = []

    public var evaluationCount: Int { files.reduce(0) { $0 + $1.evaluations.count } }
    /// Every problem of every file, in path order.
    public var problems: [Problem] { files.flatMap(\.problems) }
    /// Files that could not be linted at all: the run exits 2.
    public var failures: [Problem] { problems.filter { $0.kind == .failure } }
    /// Files whose frontend cannot run here (libclang missing): the report covers the others,
    /// the run exits 2, and no baseline is written from it.
    public var unavailable: [Problem] { problems.filter { $0.kind == .unavailable } }
    /// Every evaluation, as the lifecycle rules and the inventory see them.
    public var references: [FlagReference] { files.flatMap { f in f.evaluations.map { FlagReference($0, in: f) } } }
}
