#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import FlaglintSupport
import FlaglintAnalysis
import FlaglintRules

/// Runs flaglint's commands for the CLI: everything but argument parsing. Each command
/// returns the process exit code (README, Usage: 0 clean, 1 findings at the fail level, 2 errors).
public struct Runner: Sendable {
    public struct Common: Sendable {
        public var paths: [String]
        public var config: String?
        public var format: String?
        public var output: String?
        public var today: String?
        public var jobs: Int?
        public var stdinFilename: String?
        public var forceExclude: Bool
        public var select: [String]?
        public var ignore: [String]
        public var color: String
        public var quiet: Bool
        public var noCache: Bool
        public var cacheDir: String?
        /// `--progress auto|always|never` (see `ProgressReporter`).
        public var progress = "auto"

        public init(paths: [String], config: String?, format: String?, output: String?, today: String?, jobs: Int?,
                    stdinFilename: String?, forceExclude: Bool, select: [String]?, ignore: [String], color: String, quiet: Bool,
                    noCache: Bool = false, cacheDir: String? = nil) {
            self.noCache = noCache
            self.cacheDir = cacheDir
            self.paths = paths
            self.config = config
            self.format = format
            self.output = output
            self.today = today
            self.jobs = jobs
            self.stdinFilename = stdinFilename
            self.forceExclude = forceExclude
            self.select = select
            self.ignore = ignore
            self.color = color
            self.quiet = quiet
        }
    }

    public struct Options: Sendable {
        public var common: Common
        public var failOn: String?
        public var statistics = false
        public var baseline: String?
        public var writeBaseline: String?
        public var diff: String?
        /// `--fix`: apply the safe fixes of stale-flag and removed-flag findings first (`flaglint fix --stale`).
        public var fix = false
        /// `--shard K/N`: write this share's part instead of a report (`Runner+Shards`).
        public var shard: String?
        /// `flaglint merge`: the parts' facts, by display path, used instead of analysis.
        public var merged: [String: FileFacts]?
        public init(_ common: Common) { self.common = common }
    }

    /// A problem that stops the run: printed as is, exit 2.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    let stdout: FileHandleOutput
    let stderr: FileHandleOutput

    public init(stdout: FileHandleOutput = .standardOutput, stderr: FileHandleOutput = .standardError) {
        self.stdout = stdout
        self.stderr = stderr
    }

    func fail(_ message: String) -> Int32 {
        let line = message.hasSuffix("\n") ? String(message.dropLast()) : message
        stderr.write(TerminalText.escape(line) + "\n")
        return 2
    }

    /// Writes a document to `-o FILE` (atomically) or stdout.
    func emit(_ document: String, to output: String?) -> Bool {
        guard let output else {
            guard stdout.write(document) else {
                stderr.write("flaglint: cannot write the report to standard output: \(String(cString: strerror(errno)))\n")
                return false
            }
            return true
        }
        do {
            try AtomicWriter.write(document, to: output)
            return true
        } catch {
            stderr.write("flaglint: \(TerminalText.escape("\(error)"))\n")
            return false
        }
    }

    func useColor(_ mode: String, output: String?) -> Bool {
        switch mode {
        case "always": return true
        case "never": return false
        default:
            if let v = ProcessInfo.processInfo.environment["NO_COLOR"], !v.isEmpty { return false }
            return output == nil && stdout.isTerminal
        }
    }

    // MARK: rules, sdks

    public func rules(_ id: String?) -> Int32 {
        guard let id else {
            for d in RuleRegistry.descriptions {
                let severity = d.defaultSeverity?.rawValue ?? "off"
                stdout.write("\(d.id.padding(toLength: 26, withPad: " ", startingAt: 0)) \(severity.padding(toLength: 8, withPad: " ", startingAt: 0)) \(d.summary)\n")
            }
            return 0
        }
        guard let d = RuleRegistry.description(of: id) else {
            return fail("flaglint: unknown rule `\(id)`; known rules: \(RuleRegistry.ids.joined(separator: ", "))")
        }
        stdout.write(RuleDocumentation.renderWithLink(d))
        return 0
    }
}

extension Runner {
    public func sdks(_ id: String?) -> Int32 {
        for p in BuiltinCatalogue.problems { stderr.write("flaglint: warning: built-in catalogue: \(p.location): \(p.message)\n") }
        guard let id else {
            for c in BuiltinCatalogue.all {
                let languages = c.languages.sorted().map(\.rawValue).joined(separator: ", ")
                stdout.write("\(c.id.padding(toLength: 24, withPad: " ", startingAt: 0)) \(c.name) (\(c.evaluators.count) evaluators: \(languages))\n")
            }
            return 0
        }
        guard let c = BuiltinCatalogue.catalogue(id: id) else {
            return fail("flaglint: unknown SDK `\(id)`; built-in: \(BuiltinCatalogue.ids.joined(separator: ", "))")
        }
        stdout.write("# \(c.name) (`\(c.id)`)\n\(c.docs)\n\n")
        for e in c.evaluators {
            let langs = e.languages.sorted().map(\.rawValue).joined(separator: ",")
            var traits = ["type: \(e.info.type.rawValue)", "fallback: \(e.info.fallback.rawValue)"]
            if e.info.polarity == .negative { traits.append("polarity: negative") }
            stdout.write("  [\(langs)] \(e.pattern.text)\n      \(traits.joined(separator: ", "))\n")
            if let note = e.info.note { stdout.write("      note: \(note)\n") }
        }
        return 0
    }
}
