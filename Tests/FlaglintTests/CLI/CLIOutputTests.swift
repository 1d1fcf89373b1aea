import Foundation
import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintEngine

/// Where and how the CLI writes (README, Usage, §8): documents on stdout only, `-o` atomically,
/// stdin as a named file, deterministic order, colour, quiet, rule selection.
@Suite(.enabled(if: CLI.binary != nil, CLI.skipReason))
struct CLIOutputTests {
    static let machineFormats = ["json", "sarif", "github", "checkstyle", "junit"]

    @Test(arguments: machineFormats)
    func machineFormatsWriteOnlyTheirDocument(_ format: String) throws {
        let p = try Project(["Sources/A.swift": CLISamples.nested, "Sources/B.swift": CLISamples.warning])
        defer { p.remove() }
        let r = try p.run(["--format", format])
        #expect(r.status == 1, "\(r)")
        // The document alone on stdout; the summary on stderr, as for text.
        #expect(r.stderr == "Found 3 problems (2 errors, 1 warning) in 2 files; linted 2 files, 4 flag evaluations.\n", "\(r)")
        try Self.expectDocument(r.stdoutData, format: format)
        // `--output-format` is the same option; `--statistics` must not leak into the document either.
        let alias = try p.run(["--output-format", format, "--statistics"])
        #expect(alias.stdoutData == r.stdoutData)
        #expect(alias.stderr == "     1  dynamic-flag-key\n     1  missing-default-false\n     1  nested-flag\n" + r.stderr, "\(alias)")
        // -q: no summary; --statistics still prints.
        let quiet = try p.run(["--format", format, "-q"])
        #expect(quiet.stderr.isEmpty && quiet.stdoutData == r.stdoutData, "\(quiet)")
        let quietStatistics = try p.run(["--format", format, "-q", "--statistics"])
        #expect(quietStatistics.stderr == "     1  dynamic-flag-key\n     1  missing-default-false\n     1  nested-flag\n", "\(quietStatistics)")
    }

    /// The document parses as its format, whole: nothing before or after it.
    static func expectDocument(_ data: Data, format: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let text = String(decoding: data, as: UTF8.self)
        switch format {
        case "json", "sarif":
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            #expect(object != nil, sourceLocation: sourceLocation)
            if format == "sarif" { #expect(object?["version"] as? String == "2.1.0", sourceLocation: sourceLocation) }
        case "github":
            #expect(!text.isEmpty, sourceLocation: sourceLocation)
            for line in text.split(separator: "\n") {
                #expect(line.hasPrefix("::error ") || line.hasPrefix("::warning ") || line.hasPrefix("::notice "),
                        "\(line)", sourceLocation: sourceLocation)
            }
        default:
            #expect(text.hasPrefix("<?xml"), sourceLocation: sourceLocation)
            let root = format == "checkstyle" ? "</checkstyle>" : "</testsuites>"
            #expect(text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(root), "\(text.suffix(200))", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: ["text"] + machineFormats)
    func outputFileIsWrittenAndStdoutStaysEmpty(_ format: String) throws {
        let p = try Project(["Sources/A.swift": CLISamples.nested, "out/report.old": "old"])
        defer { p.remove() }
        let expected = try p.run(["--format", format, "Sources"])
        try p.write("out/report", "an older, longer report that must be replaced entirely\n" + String(repeating: "x", count: 10000))
        let r = try p.run(["--format", format, "-o", "out/report", "Sources"])
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout.isEmpty, "\(r)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: p.path("out/report"))) == expected.stdoutData)
        // Atomic: a temporary file beside the target, renamed; nothing else is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: p.path("out")).sorted() == ["report", "report.old"])
        let long = try p.run(["--format", format, "--output", "out/long", "Sources"])
        #expect(long.status == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: p.path("out/long"))) == expected.stdoutData)
    }

    @Test func outputIntoAMissingDirectoryExitsTwo() throws {
        let p = try Project(["Sources/A.swift": CLISamples.error])
        defer { p.remove() }
        let r = try p.run(["--format", "json", "-o", "no/such/dir/report.json"])
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("no/such/dir/report.json"), "\(r)")
    }

    @Test func flagsWritesItsDocumentToOutputFile() throws {
        let p = try Project(["Sources/A.swift": CLISamples.nested])
        defer { p.remove() }
        let expected = try p.run(["flags", "--format", "json"])
        let r = try p.run(["flags", "--format", "json", "-o", "inventory.json"])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: p.path("inventory.json"))) == expected.stdoutData)
    }

    // MARK: stdin

    static let stdinProject: [String: String] = [
        ".lint.yml": "version: 1\nexclude: [\"Generated/**\"]\n",
        // The subdirectory's own configuration turns the error off and adds an in-house evaluator.
        "Sub/.lint.yml": """
            version: 1
            evaluators:
              - match: "Features.isOn($KEY)"
                language: [swift, python]
                fallback: false
            rules:
              missing-default-false: { severity: off }
              dynamic-flag-key: { severity: error }

            """,
        "Sources/Existing.swift": CLISamples.clean,
    ]

    @Test(arguments: [["--stdin-filename", "Sources/Editing.swift"], ["--stdin-filename", "Sources/Editing.swift", "-"],
                      ["-", "--stdin-filename", "Sources/Editing.swift"]])
    func stdinIsLintedAsTheNamedFile(_ arguments: [String]) throws {
        let p = try Project(Self.stdinProject)
        defer { p.remove() }
        let r = try p.run(arguments, stdin: CLISamples.error)
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout == "Sources/Editing.swift:4:21: error: flag `risky` falls back to `true`: when the flag service fails the new behaviour switches on; use `false` [missing-default-false]\n")
        #expect(r.stderr.contains("in 1 file"), "only stdin is linted, not the directory: \(r)")
        #expect(!p.exists("Sources/Editing.swift"), "the named file need not exist and is not created")
    }

    @Test func stdinUsesTheConfigurationNearestTheNamedPath() throws {
        let p = try Project(Self.stdinProject)
        defer { p.remove() }
        let source = CLISamples.error + "let x = Features.isOn(\"in-house\")\nlet y = Features.isOn(name)\n"
        let r = try p.run(["--stdin-filename", "Sub/Deep/Editing.swift", "--format", "json"], stdin: source)
        #expect(r.status == 1, "\(r)")
        let findings = try Self.findings(r)
        #expect(findings.map(\.rule) == ["dynamic-flag-key"], "\(r)")
        #expect(findings.map(\.path) == ["Sub/Deep/Editing.swift"])
        #expect(findings.first?.severity == "error")
        // The same from inside the subdirectory: paths stay relative to the current directory.
        let inside = try p.run(["--stdin-filename", "Deep/Editing.swift"], in: "Sub", stdin: source)
        // Location: the method name of a call with a fixed receiver (docs/semantics.md, like `IsEnabled`).
        #expect(inside.stdout.hasPrefix("Deep/Editing.swift:8:18: error:"), "\(inside)")
    }

    @Test func stdinLanguageFollowsTheNamedExtension() throws {
        let p = try Project(Self.stdinProject)
        defer { p.remove() }
        let py = try p.run(["--stdin-filename", "app/editing.py"], stdin: CLISamples.pythonError)
        #expect(py.status == 1, "\(py)")
        #expect(py.stdout.hasPrefix("app/editing.py:2:15: error: flag `py-risky` falls back to"), "\(py)")
        // Python source named .swift is read as Swift: no Python evaluation is found.
        let swift = try p.run(["--stdin-filename", "app/editing.swift"], stdin: CLISamples.pythonError)
        #expect(swift.status == 0, "\(swift)")
        let txt = try p.run(["--stdin-filename", "notes.txt"], stdin: "hello")
        #expect(txt.status == 2, "\(txt)")
        #expect(txt.stderr.contains("notes.txt"), "\(txt)")
    }

    @Test func stdinExcludedNameIsLintedUnlessForceExclude() throws {
        let p = try Project(Self.stdinProject)
        defer { p.remove() }
        let named = try p.run(["--stdin-filename", "Generated/G.swift"], stdin: CLISamples.error)
        #expect(named.status == 1, "an explicitly named file is linted even when excluded: \(named)")
        #expect(named.stdout.hasPrefix("Generated/G.swift:4:21"))
        for format in ["text", "json", "sarif"] {
            let forced = try p.run(["--stdin-filename", "Generated/G.swift", "--force-exclude", "--format", format], stdin: CLISamples.error)
            #expect(forced.status == 0, "\(forced)")
            #expect(forced.stdout.isEmpty, "\(format): \(forced)")
            #expect(forced.stderr.isEmpty, "\(format): \(forced)")
        }
        // Default excludes (hidden and dependency directories) apply as well.
        let hidden = try p.run(["--stdin-filename", "node_modules/x/G.swift", "--force-exclude"], stdin: CLISamples.error)
        #expect(hidden.status == 0 && hidden.stdout.isEmpty, "\(hidden)")
        let flags = try p.run(["flags", "--stdin-filename", "Generated/G.swift", "--force-exclude"], stdin: CLISamples.error)
        #expect(flags.status == 0 && flags.stdout.isEmpty, "\(flags)")
    }

    // MARK: determinism

    @Test func outputIsIdenticalWhateverTheJobs() throws {
        var files: [String: String] = [:]
        for i in 0..<120 {
            let dir = ["Sources/Alpha", "Sources/beta", "Sources/Gamma/Deep", "app", "app/sub dir"][i % 5]
            if i % 3 == 0 {
                files["\(dir)/file\(i).py"] = CLISamples.pythonError + "\nif client.get_boolean_value(\"k\(i)\", name):\n    pass\n"
            } else {
                files["\(dir)/File\(i).swift"] = (i % 2 == 0 ? CLISamples.nested : CLISamples.warning) + CLISamples.error
            }
        }
        let p = try Project(files)
        defer { p.remove() }
        for format in ["text", "json", "sarif"] {
            let one = try p.run(["--format", format, "-j", "1"])
            let many = try p.run(["--format", format, "-j", "8"])
            let again = try p.run(["--format", format, "--jobs", "8"])
            #expect(one.status == 1)
            #expect(one.stdoutData == many.stdoutData, "\(format) differs between -j 1 and -j 8")
            #expect(many.stdoutData == again.stdoutData, "\(format) differs between two -j 8 runs")
            #expect(one.stderr == many.stderr)
        }
        // Ordered by path, line, column, rule.
        let json = try Self.findings(try p.run(["--format", "json", "-j", "8"]))
        #expect(json.count > 200)
        let keys = json.map { ($0.path, $0.line, $0.column, $0.rule) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 }, "findings are not sorted")
    }

    // MARK: colour and quiet

    @Test func colour() throws {
        let p = try Project(["Sources/A.swift": CLISamples.error])
        defer { p.remove() }
        let always = try p.run(["--color", "always"])
        #expect(always.stdout.contains("\u{1B}["), "\(always)")
        let noColor = try p.run(["--color", "auto"], environment: ["NO_COLOR": "1"])
        #expect(!noColor.stdout.contains("\u{1B}["))
        #expect(!noColor.stderr.contains("\u{1B}["))
        let never = try p.run(["--color", "never"])
        #expect(!never.stdout.contains("\u{1B}["))
        // auto: stdout is a file here, not a terminal.
        let auto = try p.run([])
        #expect(!auto.stdout.contains("\u{1B}["))
        #expect(auto.stdout == never.stdout)
        // Colour never reaches machine formats.
        let json = try p.run(["--format", "json", "--color", "always"])
        #expect(!json.stdout.contains("\u{1B}["))
        // Stripped of its escapes, coloured text is the plain text.
        let stripped = always.stdout.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(stripped == never.stdout)
    }

    @Test func quietSuppressesTheSummary() throws {
        let p = try Project(["Sources/A.swift": CLISamples.error, "Sources/B.swift": CLISamples.clean])
        defer { p.remove() }
        let loud = try p.run([])
        #expect(loud.stderr.contains("Found 1 problem"), "\(loud)")
        for q in ["-q", "--quiet"] {
            let quiet = try p.run([q])
            #expect(quiet.status == 1)
            #expect(quiet.stderr.isEmpty, "\(quiet)")
            #expect(quiet.stdout == loud.stdout)
        }
        let clean = try p.run(["-q", "Sources/B.swift"])
        #expect(clean.status == 0 && clean.stdout.isEmpty && clean.stderr.isEmpty, "\(clean)")
    }

    /// `--progress`: auto stays silent when stderr is not a terminal (as here); always draws the
    /// line on stderr and erases it before the summary; stdout never changes.
    @Test func progressLine() throws {
        let p = try Project(["Sources/A.swift": CLISamples.nested, "Sources/B.swift": CLISamples.warning])
        defer { p.remove() }
        let auto = try p.run([])
        #expect(!auto.stderr.contains("\r"), "\(auto)")
        for format in ["text", "json"] {
            let always = try p.run(["--progress", "always", "--format", format])
            let plain = try p.run(["--progress", "never", "--format", format])
            #expect(always.stdoutData == plain.stdoutData)
            #expect(always.stderr.contains("\r\u{1B}[Kflaglint: linting 2/2 files"), "\(always)")
            #expect(always.stderr.hasSuffix("\r\u{1B}[K" + plain.stderr), "the line is erased before the summary: \(always)")
            #expect(!plain.stderr.contains("\r"))
        }
    }

    @Test func statisticsGoToStderr() throws {
        let p = try Project(["Sources/A.swift": CLISamples.nested])
        defer { p.remove() }
        let r = try p.run(["--statistics"])
        #expect(r.status == 1)
        #expect(!r.stdout.contains("nested-flag\n"))
        #expect(r.stderr.contains("nested-flag"), "\(r)")
        #expect(r.stderr.contains("missing-default-false"), "\(r)")
    }

    // MARK: --select / --ignore

    @Test func selectAndIgnore() throws {
        let p = try Project(["Sources/A.swift": CLISamples.nested, "Sources/B.swift": CLISamples.warning])
        defer { p.remove() }
        func rules(_ arguments: [String]) throws -> (Int32, [String]) {
            let r = try p.run(["--format", "json"] + arguments)
            return (r.status, try Self.findings(r).map(\.rule))
        }
        #expect(try rules([]) == (1, ["missing-default-false", "nested-flag", "dynamic-flag-key"]))
        #expect(try rules(["--select", "nested-flag"]) == (1, ["nested-flag"]))
        #expect(try rules(["--select", "nested-flag, dynamic-flag-key"]) == (1, ["nested-flag", "dynamic-flag-key"]))
        #expect(try rules(["--select", "dynamic-flag-key"]) == (0, ["dynamic-flag-key"]))
        #expect(try rules(["--ignore", "nested-flag,missing-default-false"]) == (0, ["dynamic-flag-key"]))
        #expect(try rules(["--select", "nested-flag,missing-default-false", "--ignore", "nested-flag"]) == (1, ["missing-default-false"]))
    }

    struct JSONFinding {
        var rule: String, severity: String, path: String, line: Int, column: Int
    }

    static func findings(_ r: CLI.Result, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [JSONFinding] {
        let object = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any], "\(r)", sourceLocation: sourceLocation)
        let list = try #require(object["findings"] as? [[String: Any]], sourceLocation: sourceLocation)
        return list.map {
            JSONFinding(rule: $0["rule"] as? String ?? "", severity: $0["severity"] as? String ?? "", path: $0["path"] as? String ?? "",
                        line: $0["line"] as? Int ?? 0, column: $0["column"] as? Int ?? 0)
        }
    }
}
