import ArgumentParser
import Foundation
import FlaglintKit
import FlaglintServer
import FlaglintReporters
import FlaglintSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What to lint and how to read it: shared by `lint`, `flags` and `baseline prune` (README, Usage).
struct InputOptions: ParsableArguments {
    @Argument(help: "Files or directories to lint (default: .). Use - for stdin.")
    var paths: [String] = []
    @Option(name: .long, help: "Use this configuration file instead of the nearest .lint.yml.")
    var config: String?
    @Option(name: .long, help: "Reference date for staleness, YYYY-MM-DD (default: today, UTC).")
    var today: String?
    @Option(name: [.customShort("j", allowingJoined: true), .long], help: "Parallel jobs (default: number of cores).")
    var jobs: Int?
    @Option(name: .long, help: "Read the source from stdin and lint it as if it were PATH.")
    var stdinFilename: String?
    @Flag(name: .long, help: "Apply excludes to files named explicitly (used by the pre-commit hook).")
    var forceExclude = false
    @Flag(name: [.short, .long], help: "Print only findings: no summary.")
    var quiet = false
    @Option(name: .long, help: "Progress line on stderr: auto (on a terminal, text output, runs over a second), always or never.")
    var progress: String = "auto"
    @Flag(name: .long, help: "Do not read or write the project index (.flaglint_cache/).")
    var noCache = false
    @Option(name: .long, help: "Keep the project index in DIR (default: .flaglint_cache/ in the project root; FLAGLINT_CACHE_DIR).")
    var cacheDir: String?
}

/// Where the report goes: `lint` and `flags`.
struct ReportOptions: ParsableArguments {
    @Option(name: [.short, .long], help: "Write the report to FILE (atomically) instead of stdout.")
    var output: String?
}

/// Which rules report: `lint` only (`flags` lists evaluations, not findings).
struct RuleSelectionOptions: ParsableArguments {
    @Option(name: .long, help: "Report only these rules (comma-separated; `flaglint rules` lists them).")
    var select: String?
    @Option(name: .long, help: "Do not report these rules (comma-separated).")
    var ignore: String?

    var selected: [String]? { Self.list(select) }
    var ignored: [String] { Self.list(ignore) ?? [] }
    static func list(_ s: String?) -> [String]? { s.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } }
}

extension InputOptions {
    func runnerOptions(format: String? = nil, report: ReportOptions? = nil, rules: RuleSelectionOptions? = nil, color: String = "auto") -> Runner.Common {
        var common = Runner.Common(paths: paths, config: config, format: format, output: report?.output, today: today, jobs: jobs,
                                   stdinFilename: stdinFilename, forceExclude: forceExclude,
                                   select: rules?.selected, ignore: rules?.ignored ?? [], color: color, quiet: quiet,
                                   noCache: noCache, cacheDir: cacheDir)
        common.progress = progress
        return common
    }
}

/// What the findings report looks like and what it does to the exit code: `lint` and `merge`.
struct FindingsOptions: ParsableArguments {
    @Option(name: [.customLong("format"), .customLong("output-format")],
            help: "Output format: text, json, sarif, github, checkstyle or junit. (default: text)")
    var format: String?
    @Option(name: .long, help: "Colour: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: String = "auto"
    @Option(name: .long, help: "Exit 1 on findings at or above: error, warning or never. (default: error)")
    var failOn: String?
    @Flag(name: .long, help: "Always exit 0 on findings (same as --fail-on never).")
    var exitZero = false
    @Flag(name: .long, help: "Print the number of findings per rule on stderr (also with -q and machine formats).")
    var statistics = false
    @Option(name: .long, help: "Suppress findings recorded in this baseline file.")
    var baseline: String?
    @Option(name: .long, help: "Record the current findings in this baseline file, print a one-line summary and exit 0.")
    var writeBaseline: String?
    @Option(name: .long, help: "Report only findings on lines changed since this git revision.")
    var diff: String?

    func options(_ common: Runner.Common) -> Runner.Options {
        var o = Runner.Options(common)
        o.failOn = exitZero ? "never" : failOn
        o.statistics = statistics
        o.baseline = baseline
        o.writeBaseline = writeBaseline
        o.diff = diff
        return o
    }
}

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Lint files and directories (the default command).")
    @OptionGroup var input: InputOptions
    @OptionGroup var report: ReportOptions
    @OptionGroup var rules: RuleSelectionOptions
    @OptionGroup var findings: FindingsOptions
    @Option(name: .long, help: "Lint share K of N (balanced by file size) and write a part for `flaglint merge`.")
    var shard: String?
    @Flag(name: .long, help: "Apply the safe fixes for reported stale and removed flags first (as `flaglint fix --stale`), then lint.")
    var fix = false

    func run() throws {
        var o = findings.options(input.runnerOptions(format: findings.format, report: report, rules: rules, color: findings.color))
        o.shard = shard
        o.fix = fix
        throw ExitCode(Runner().lint(o))
    }
}

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine the parts of `lint --shard K/N` jobs into the report one run over the whole tree gives.")
    @Argument(help: "The parts: every shard of one matrix.") var parts: [String]
    @OptionGroup var report: ReportOptions
    @OptionGroup var rules: RuleSelectionOptions
    @OptionGroup var findings: FindingsOptions
    @Option(name: .long, help: "Reference date for staleness, YYYY-MM-DD (default: today, UTC).")
    var today: String?
    @Option(name: [.customShort("j", allowingJoined: true), .long], help: "Parallel jobs (default: number of cores).")
    var jobs: Int?
    @Flag(name: [.short, .long], help: "Print only findings: no summary.")
    var quiet = false

    func run() throws {
        let common = Runner.Common(paths: [], config: nil, format: findings.format, output: report.output, today: today, jobs: jobs,
                                   stdinFilename: nil, forceExclude: false, select: rules.selected, ignore: rules.ignored,
                                   color: findings.color, quiet: quiet)
        throw ExitCode(Runner().merge(parts, options: findings.options(common)))
    }
}

struct Flags: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Inventory: every flag, its references and its registry state.")
    @OptionGroup var input: InputOptions
    @Option(name: [.customLong("format"), .customLong("output-format")],
            help: "Output format: text, json, markdown or html (one self-contained page). (default: text)")
    var format: String?
    @OptionGroup var report: ReportOptions
    func run() throws { throw ExitCode(Runner().flags(Runner.Options(input.runnerOptions(format: format, report: report)))) }
}

struct Fix: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Remove flags from code: rewrite it as if each flag always had one value.")
    @OptionGroup var input: InputOptions
    @Option(name: .customLong("flag"), help: "KEY=true or KEY=false: rewrite as if flag KEY always had that value (repeatable).")
    var flags: [String] = []
    @Flag(name: .long, help: "Fix every flag stale-flag or removed-flag reports (rolled out: true; removed: its fallback).")
    var stale = false
    @Flag(name: .long, help: "Print a unified diff and change nothing (exit 1 if there are changes).")
    var diff = false
    @Flag(name: .long, help: "Keep the flags' entries in the native flags.yml registry.")
    var keepRegistry = false
    func run() throws {
        var o = Runner.FixOptions(input.runnerOptions())
        o.flags = flags
        o.stale = stale
        o.diff = diff
        o.keepRegistry = keepRegistry
        throw ExitCode(Runner().fix(o))
    }
}

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the rules, or print one rule's documentation.")
    @Argument(help: "A rule id.") var rule: String?
    func run() throws { throw ExitCode(Runner().rules(rule)) }
}

struct SDKs: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sdks", abstract: "List the built-in evaluator catalogue, or one SDK's evaluators.")
    @Argument(help: "An SDK id.") var sdk: String?
    func run() throws { throw ExitCode(Runner().sdks(sdk)) }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a starter .lint.yml in the current directory.")
    @Flag(name: .long, help: "Scan the project: enable the SDKs it imports and suggest its in-house wrappers as evaluators.")
    var detect = false
    @Argument(help: "With --detect: files or directories to scan (default: .).")
    var paths: [String] = []
    @Flag(name: .long, help: "Overwrite an existing .lint.yml.") var force = false
    @Option(name: [.customShort("j", allowingJoined: true), .long], help: "With --detect: parallel jobs (default: number of cores).")
    var jobs: Int?
    @Option(name: .long, help: "With --detect: progress on stderr: auto (a terminal, runs over a second), always or never.")
    var progress: String = "auto"

    func run() throws {
        guard detect else {
            if !paths.isEmpty || jobs != nil || progress != "auto" {
                throw ValidationError("paths, --jobs and --progress need --detect")
            }
            throw ExitCode(Runner().initConfiguration(force: force))
        }
        guard let mode = ProgressReporter.Mode(rawValue: progress) else {
            throw ValidationError("--progress takes auto, always or never, not `\(progress)`")
        }
        throw ExitCode(Runner().initDetected(paths: paths, force: force, jobs: jobs, progress: mode))
    }
}

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "baseline", abstract: "Maintain a baseline file.",
                                                    subcommands: [Prune.self])

    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Drop baseline entries that no longer match any finding.")
        @OptionGroup var input: InputOptions
        @Option(name: .long, help: "The baseline file to prune.") var baseline: String
        func run() throws { throw ExitCode(Runner().pruneBaseline(input.runnerOptions(), baseline: baseline)) }
    }
}

struct Server: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Language server (LSP 3.17) over stdio: diagnostics as you type, flag facts on hover.")
    @Option(name: .long, help: "Use this configuration file instead of the nearest .lint.yml.")
    var config: String?
    @Option(name: .long, help: "Reference date for staleness, YYYY-MM-DD (default: today, UTC, day by day).")
    var today: String?
    @Option(name: [.customShort("j", allowingJoined: true), .long], help: "Parallel jobs (default: number of cores).")
    var jobs: Int?
    @Flag(name: .long, help: "Do not read or write the project index (.flaglint_cache/).")
    var noCache = false
    @Option(name: .long, help: "Keep the project index in DIR (default: .flaglint_cache/ in the project root; FLAGLINT_CACHE_DIR).")
    var cacheDir: String?
    @Option(name: .long, help: "Milliseconds an edit waits for the next before it is analysed. (default: 15)")
    var debounce: Int = 15

    func run() throws {
        var options = ServerOptions(configFile: config, useCache: !noCache, cacheDirectory: cacheDir, debounceMilliseconds: max(0, debounce))
        if let jobs { options.jobs = max(1, jobs) }
        if let today {
            guard case let .success(date) = CalendarDate.parse(today) else { throw ValidationError("--today takes a date YYYY-MM-DD, not `\(today)`") }
            options.today = date
        }
        throw ExitCode(LanguageServer(options: options).run())
    }
}

struct Flaglint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flaglint",
        abstract: "A flag-aware linter: finds every feature-flag evaluation and enforces safe rollout.",
        version: FlaglintSupport.Flaglint.version,
        subcommands: [Lint.self, Flags.self, Fix.self, Rules.self, SDKs.self, Init.self, BaselineCommand.self, Merge.self, Server.self],
        defaultSubcommand: Lint.self)
}

// README, Usage: usage errors exit 2, not swift-argument-parser's 64.
do {
    var command = try Flaglint.parseAsRoot()
    try command.run()
} catch {
    let code = Flaglint.exitCode(for: error)
    if code == .success {
        Flaglint.exit(withError: error)
    } else if let e = error as? ExitCode {
        exit(e.rawValue)
    } else {
        let message = Flaglint.fullMessage(for: error)
        FileHandleOutput.standardError.write("flaglint: " + message + "\n")
        exit(2)
    }
}
