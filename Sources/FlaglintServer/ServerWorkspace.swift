import Foundation
import FlaglintAnalysis
import FlaglintEngine
import FlaglintFrontends
import FlaglintReporters
import FlaglintRules
import FlaglintSupport
import FlaglintSyntax

/// What `flaglint server` is started with (`flaglint server --help`).
public struct ServerOptions: Sendable {
    public var configFile: String?
    /// `--today`: nil follows the clock, day by day.
    public var today: CalendarDate?
    public var jobs: Int
    public var useCache: Bool
    public var cacheDirectory: String?
    public var environment: [String: String]
    /// How long an edit waits for the next one before it is analysed.
    public var debounceMilliseconds: Int

    public init(configFile: String? = nil, today: CalendarDate? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                useCache: Bool = true, cacheDirectory: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
                debounceMilliseconds: Int = 15) {
        self.configFile = configFile
        self.today = today
        self.jobs = jobs
        self.useCache = useCache
        self.cacheDirectory = cacheDirectory
        self.environment = environment
        self.debounceMilliseconds = debounceMilliseconds
    }
}

/// One buffer linted as `flaglint lint --stdin-filename PATH` lints it.
struct BufferLint: Sendable {
    package enum Outcome: Sendable {
        case linted
        /// Not a file type flaglint reads: nothing to report.
        case notLinted
        /// The configuration or registry is invalid, or the file could not be analysed.
        case failed(String)
    }
    package var outcome: Outcome
    package var facts: FileFacts?
    /// The findings `lint` shows for the file: suppressed ones left out.
    package var findings: [Finding] = []
    package var registry: Registry?
    /// The run the findings come from: code actions compute a stale flag's removal from it.
    package var report: Report?
    package var staleDays = Lifecycle.defaultStaleDays
    package var today: CalendarDate
    /// The directory finding paths are relative to.
    package var currentDirectory: String
}

/// Every file of the workspace's project, as a whole-project run sees it: what hover,
/// references and the flag list count.
struct ProjectFacts: Sendable {
    package var files: [FileFacts]
    package var registry: Registry?
    package var staleDays: Int
    package var today: CalendarDate
    package var currentDirectory: String

    /// The facts with `buffers` (absolute path → the buffer's own facts) in place of the saved files'.
    func overlaid(_ buffers: [String: FileFacts]) -> ProjectFacts {
        var copy = self
        var seen = Set<String>()
        for i in copy.files.indices {
            let absolute = PathName.absolute(copy.files[i].path, relativeTo: currentDirectory)
            if let b = buffers[absolute] { copy.files[i] = b; seen.insert(absolute) }
        }
        for (path, facts) in buffers where !seen.contains(path) { copy.files.append(facts) }
        return copy
    }

    package var references: [FlagReference] { files.flatMap { f in f.evaluations.map { FlagReference($0, in: f) } } }

    package var inventory: FlagInventory { FlagInventory(references: references, registry: registry, today: today, staleDays: staleDays) }
}

/// The long-lived session behind the server: one `Session` and one set of frontend caches
/// (libclang stays loaded), rebuilt when a file they were read from changes (`.lint.yml`,
/// a registry, `compile_commands.json`), when the client says so or when the day turns.
/// Used from the server's analysis queue only.
final class ServerWorkspace {
    package let root: String
    package let options: ServerOptions
    private var session: Session?
    private var caches: FrontendCaches
    /// The files the session's configuration was read from, with their status when read.
    private var watched: [String: FileStatus?] = [:]
    private var project: ProjectFacts?
    private let memory = SessionMemory()

    /// Extensions of the files flaglint lints by default: a watched-file event for one of them
    /// changes the project's file list, not its configuration.
    static let sourceExtensions: Set<String> = ["swift", "py", "pyi", "c", "h", "cc", "cpp", "cxx", "hh", "hpp", "hxx", "m", "mm"]

    package init(root: String, options: ServerOptions) {
        self.root = root
        self.options = options
        caches = FrontendCaches(environment: options.environment)
    }

    /// Forget the configuration, registry and compilation databases: the next request reloads them.
    func reload() {
        session = nil
        project = nil
        memory.forgetProjectFiles()
        watched = [:]
        caches = FrontendCaches(environment: options.environment)
    }

    /// Saved files changed, or files were added or deleted: the project is walked again and
    /// its facts read again (through the index) when next asked for.
    func filesChanged() {
        project = nil
        memory.forgetProjectFiles()
    }

    private var today: CalendarDate { options.today ?? CalendarDate.todayUTC() }

    private func currentSession() throws(SessionError) -> Session {
        let changed = watched.contains { path, status in FileStatus.of(path) != status }
        if changed { reload() }
        if let session, session.settings.today == today { return session }
        var settings = SessionSettings(currentDirectory: root, environment: options.environment, configFile: options.configFile,
                                       jobs: options.jobs, today: today, useCache: options.useCache, cacheDirectory: options.cacheDirectory)
        settings.memory = memory
        let s = try Session(settings)
        session = s
        project = nil
        if let file = options.configFile { watch(PathName.absolute(file, relativeTo: root)) }
        // Files that may appear later: a configuration or compilation database in the root.
        watch(PathName.join(root, ConfigurationResolver.fileName))
        watch(PathName.join(root, "compile_commands.json"))
        return s
    }

    private func watch(_ path: String) {
        if watched[path] == nil { watched[path] = FileStatus.of(path) }
    }

    /// The session's plan for `request`, sharing the workspace's frontend caches; the files it
    /// read its settings from are watched.
    private func plan(_ session: Session, _ request: Session.Request) throws(SessionError) -> Session.Plan {
        var plan = try session.plan(request)
        for i in plan.groups.indices {
            plan.groups[i].settings.frontendContext.caches = caches
            let config = plan.groups[i].configuration
            if let file = config.file { watch(file) }
            for r in config.registry { watch(r.source.path) }
            if let db = config.compileCommands?.value { watch(db) }
        }
        return plan
    }

    package func lint(path: String, bytes: [UInt8]) -> BufferLint {
        var result = BufferLint(outcome: .notLinted, today: today, currentDirectory: root)
        do {
            let session = try currentSession()
            switch try FileDiscovery(resolver: session.configurations).stdinFile(path) {
            case .lint: break
            case .excluded, .unsupported: return result
            }
            let plan = try self.plan(session, Session.Request(stdin: bytes, as: path))
            let report = session.run(plan, filters: Session.Filters())
            result.today = report.today
            result.report = report
            guard let group = plan.groups.first, let input = group.inputs.first else { return result }
            result.registry = group.registry
            result.staleDays = group.settings.rules[StaleFlagRule.id]?.days ?? Lifecycle.defaultStaleDays
            result.facts = report.files.first
            result.findings = report.findings.filter { $0.suppression == nil && $0.path == input.displayPath }
            if let problem = report.problems.first(where: { $0.kind == .failure || $0.kind == .unavailable }) {
                result.outcome = .failed(problem.rendered)
            } else {
                result.outcome = .linted
            }
        } catch {
            // Read everything again next time: the user is fixing what failed.
            reload()
            result.outcome = .failed("\(error)")
        }
        return result
    }

    /// The whole project's facts (through the index: only changed files are read again).
    func projectFacts() -> Result<ProjectFacts, JSONRPC.Failure> {
        if let project { return .success(project) }
        do {
            let session = try currentSession()
            let plan = try self.plan(session, Session.Request(paths: [root]))
            let report = session.run(plan, filters: nil)
            let group = report.groups.first
            let facts = ProjectFacts(files: report.files, registry: report.groups.lazy.compactMap(\.registry).first,
                                     staleDays: group?.settings.rules[StaleFlagRule.id]?.days ?? Lifecycle.defaultStaleDays,
                                     today: report.today, currentDirectory: root)
            project = facts
            return .success(facts)
        } catch {
            reload()
            return .failure(JSONRPC.Failure(.requestFailed, error.description))
        }
    }
}
