import Foundation
import Testing
@testable import FlaglintFrontends

/// README, Usage exit codes, end to end: 0 nothing at or above the fail level, 1 findings at or above
/// it, 2 usage errors, invalid configuration, unreadable named input, internal errors.
@Suite(.enabled(if: CLI.binary != nil, CLI.skipReason))
struct CLIExitCodeTests {
    @Test func cleanProjectExitsZero() throws {
        let p = try Project(["Sources/A.swift": CLISamples.clean])
        defer { p.remove() }
        let r = try p.run([])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("No problems found"), "\(r)")
    }

    @Test func errorsExitOneByDefault() throws {
        let p = try Project(["Sources/A.swift": CLISamples.error])
        defer { p.remove() }
        let r = try p.run([])
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout == "Sources/A.swift:4:21: error: flag `risky` falls back to `true`: when the flag service fails the new behaviour switches on; use `false` [missing-default-false]\n")
        #expect(try p.run(["lint", "Sources"]).status == 1)
        #expect(try p.run(["lint", "Sources/A.swift"]).status == 1)
    }

    /// (arguments, expected exit) for a project with one error and one with only a warning.
    @Test(arguments: [
        (["--fail-on", "error"], 1, 0),
        (["--fail-on", "warning"], 1, 1),
        (["--fail-on", "never"], 0, 0),
        (["--exit-zero"], 0, 0),
        (["--exit-zero", "--fail-on", "warning"], 0, 0),
        ([String](), 1, 0),
    ])
    func failLevel(_ arguments: [String], errorExit: Int32, warningExit: Int32) throws {
        let p = try Project(["err/A.swift": CLISamples.error, "warn/B.swift": CLISamples.warning])
        defer { p.remove() }
        let withError = try p.run(["err"] + arguments)
        let withWarning = try p.run(["warn"] + arguments)
        #expect(withError.status == errorExit, "\(withError)")
        #expect(withWarning.status == warningExit, "\(withWarning)")
        // The exit code never hides the findings.
        #expect(withError.stdout.contains("[missing-default-false]"))
        #expect(withWarning.stdout.contains("[dynamic-flag-key]"))
    }

    /// Usage errors: exit 2 (not swift-argument-parser's 64), nothing on stdout, a message on stderr.
    @Test(arguments: [
        (["--no-such-option"], "--no-such-option"),
        (["--format", "xml"], "unknown format `xml`"),
        (["--output-format", "yaml"], "unknown format `yaml`"),
        (["--today", "2026-13-01"], "--today takes a date"),
        (["--today", "2026-02-30"], "2026-02-30"),
        (["--today", "yesterday"], "yesterday"),
        (["--select", "nested-flag,no-such-rule"], "unknown rule `no-such-rule`"),
        (["--ignore", "no-such-rule"], "unknown rule `no-such-rule`"),
        (["--fail-on", "sometimes"], "--fail-on"),
        (["--color", "sometimes"], "--color"),
        (["--jobs", "many"], "many"),
        (["-"], "--stdin-filename"),
        (["flags", "--format", "sarif"], "`flags` writes text, json, markdown or html"),
        // Options a subcommand does not use are rejected, not ignored.
        (["flags", "--select", "nested-flag"], "Unknown option '--select'"),
        (["flags", "--ignore", "nested-flag"], "Unknown option '--ignore'"),
        (["flags", "--color", "never"], "Unknown option '--color'"),
        (["baseline", "prune", "--baseline", "b.json", "--format", "sarif"], "Unknown option '--format'"),
        (["baseline", "prune", "--baseline", "b.json", "--select", "nested-flag"], "Unknown option '--select'"),
        (["baseline", "prune", "--baseline", "b.json", "-o", "x"], "Unknown option '-o'"),
        (["--progress", "sometimes"], "--progress takes auto, always or never"),
        (["flags", "--today", "2026-02-30"], "2026-02-30"),
        (["rules", "no-such-rule"], "unknown rule `no-such-rule`"),
        (["sdks", "no-such-sdk"], "unknown SDK `no-such-sdk`"),
        (["baseline", "prune"], "--baseline"),
        (["baseline", "frobnicate"], "frobnicate"),
        (["--config", "missing.yml"], "missing.yml"),
    ])
    func usageErrorsExitTwo(_ arguments: [String], message: String) throws {
        let p = try Project(["Sources/A.swift": CLISamples.error])
        defer { p.remove() }
        let r = try p.run(arguments)
        #expect(r.status == 2, "\(arguments): \(r)")
        #expect(r.stdout.isEmpty, "\(arguments): \(r)")
        #expect(r.stderr.contains(message), "\(arguments): \(r)")
    }

    @Test(arguments: [["--help"], ["lint", "--help"], ["flags", "--help"], ["rules", "--help"], ["--version"]])
    func helpAndVersionExitZero(_ arguments: [String]) throws {
        let p = try Project()
        defer { p.remove() }
        let r = try p.run(arguments)
        #expect(r.status == 0, "\(r)")
        #expect(!r.stdout.isEmpty)
    }

    /// Invalid `.lint.yml`: exit 2 with `file:line:col: error:` pointing into the YAML, nothing linted.
    @Test(arguments: [
        ("version: 1\nbogus: 3\n", ".lint.yml:2:1: error: unknown key `bogus`"),
        ("version: 1\nrules:\n  nested-flag: { severity: eror }\n", ".lint.yml:3:28: error: `severity` must be one of"),
        ("version: 1\nrules:\n  nested-flag: { max_depth: deep }\n", ".lint.yml:3:"),
        ("version: 1\nsdks: [launchdarkly, nosuchsdk]\n", ".lint.yml:2:22: error: unknown SDK `nosuchsdk`"),
        ("version: 1\nexclude: 7\n", ".lint.yml:2:"),
        ("version: 1\nrules: [\n", ".lint.yml:3:1: error:"),
        ("version: 1\nevaluators:\n  - match: \"x\"\n    language: swift\n", ".lint.yml:3:12: error: bad pattern"),
        ("version: 1\nevaluators:\n  - match: \"client.check($KEY)\"\n    language: cobol\n", ".lint.yml:4:"),
        ("\tversion: 1\n", ".lint.yml:1:"),
    ])
    func invalidConfigurationExitsTwo(_ yaml: String, message: String) throws {
        let p = try Project([".lint.yml": yaml, "Sources/A.swift": CLISamples.error])
        defer { p.remove() }
        let r = try p.run([])
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout.isEmpty, "nothing is linted with a half-read configuration: \(r)")
        #expect(r.stderr.contains(message), "\(r)")
        // The same through --config, named from elsewhere: the path names that file.
        let other = try p.run(["--config", p.path(".lint.yml"), "Sources"])
        #expect(other.status == 2, "\(other)")
        #expect(other.stdout.isEmpty)
    }

    /// A nested `.lint.yml` met during the walk is validated too, and named by its relative path.
    @Test func invalidNestedConfigurationExitsTwo() throws {
        let p = try Project(["Sources/A.swift": CLISamples.error, "Sources/Sub/.lint.yml": "version: 1\nfrobs: 1\n",
                             "Sources/Sub/B.swift": CLISamples.clean])
        defer { p.remove() }
        let r = try p.run([])
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("Sources/Sub/.lint.yml:2:1: error:"), "\(r)")
    }

    @Test func nonexistentPathExitsTwo() throws {
        let p = try Project(["Sources/A.swift": CLISamples.clean])
        defer { p.remove() }
        let r = try p.run(["Sources/A.swift", "Sources/Missing.swift"])
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("Sources/Missing.swift: error: No such file or directory"), "\(r)")
        let dir = try p.run(["NoSuchDirectory"])
        #expect(dir.status == 2, "\(dir)")
        #expect(dir.stderr.contains("NoSuchDirectory: error:"), "\(dir)")
    }

    /// Tests run as root, so permissions cannot make a file unreadable. Two inputs that no
    /// one can read instead: a dangling symlink and a symlink loop, named on the command line.
    @Test(arguments: [("Sources/Dangling.swift", "Sources/Nowhere.swift"), ("Sources/Loop.swift", "Loop.swift")])
    func unreadableNamedFileExitsTwo(_ link: String, target: String) throws {
        let p = try Project(["Sources/A.swift": CLISamples.error])
        defer { p.remove() }
        try p.symlink(link, to: target)
        let r = try p.run([link, "Sources/A.swift"])
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("\(link): error:"), "\(r)")
    }

    /// A FIFO named like a source file: not a regular file, refused without opening it (which would block).
    @Test func fifoNamedOnTheCommandLineExitsTwo() throws {
        let p = try Project(["Sources/A.swift": CLISamples.error])
        defer { p.remove() }
        #expect(mkfifo(p.path("Sources/Pipe.swift"), 0o644) == 0)
        let r = try p.run(["Sources/Pipe.swift"])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("Sources/Pipe.swift: error: not a regular file or directory"), "\(r)")
        // Found while walking a directory, it is skipped and the rest is linted.
        let walk = try p.run(["Sources"])
        #expect(walk.status == 1, "\(walk)")
        #expect(walk.stdout.contains("Sources/A.swift:4:21"), "\(walk)")
    }

    /// A directory named like a source file is a directory: walked, not read as a file.
    @Test func directoryNamedLikeAFileIsWalked() throws {
        let p = try Project(["Weird.swift/A.swift": CLISamples.error])
        defer { p.remove() }
        let r = try p.run(["Weird.swift"])
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout.contains("Weird.swift/A.swift:4:21"), "\(r)")
    }

    @Test(arguments: [
        ("flags.yml", "flags:\n  a: [1, 2\n", "flags.yml:"),
        ("flags.yml", "flags:\n  a: { rolled_out: 2026-02-30 }\n", "flags.yml:2:20: error:"),
        ("flags.yml", "flags:\n  a: { owner: x, colour: red }\n", "flags.yml:2:"),
        ("flags.json", "{\"flags\": {\"a\": {\"rolled_out\": \"2026-09-01\"}", "flags.json:"),
        ("flags.json", "{\"flags\": {\"a\": {\"rolled_out\": \"2026-02-30\"}}}", "flags.json:1:"),
        ("flags.json", "[1, 2, 3]", "flags.json:1:"),
    ])
    func malformedRegistryExitsTwo(_ name: String, contents: String, message: String) throws {
        let p = try Project([".lint.yml": "version: 1\nregistry: [\(name)]\n", name: contents, "Sources/A.swift": CLISamples.error])
        defer { p.remove() }
        let r = try p.run([])
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout.isEmpty, "\(r)")
        #expect(r.stderr.contains(message), "\(r)")
        #expect(!r.stderr.contains(p.root), "paths in messages are relative to the current directory: \(r)")
    }

    @Test func missingRegistryFileExitsTwo() throws {
        let p = try Project([".lint.yml": "version: 1\nregistry: [nothere.yml]\n", "Sources/A.swift": CLISamples.error])
        defer { p.remove() }
        let r = try p.run([])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("nothere.yml"), "\(r)")
    }

    @Test(arguments: [
        ("{\"version\": 1, \"findings\": [", "not JSON"),
        ("[1, 2]", "invalid baseline"),
        ("{\"version\": 1, \"findings\": [{\"path\": 3}]}", "invalid baseline"),
        ("", "invalid baseline"),
    ])
    func malformedBaselineExitsTwo(_ contents: String, message: String) throws {
        let p = try Project(["Sources/A.swift": CLISamples.error, "baseline.json": contents])
        defer { p.remove() }
        let r = try p.run(["--baseline", "baseline.json"])
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("baseline.json"), "\(r)")
        #expect(r.stderr.contains(message), "\(r)")
        let prune = try p.run(["baseline", "prune", "--baseline", "baseline.json"])
        #expect(prune.status == 2, "\(prune)")
        #expect(try p.read("baseline.json") == contents, "a malformed baseline is never overwritten")
    }
}
