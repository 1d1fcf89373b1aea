import Foundation
import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintRules

/// docs/semantics.md, Bad input end to end: each bad input sits beside a good file in one run. flaglint must exit
/// normally (0, 1 or 2, never a signal or a hang), say something clear where it skipped or
/// half-understood a file, still lint the good file, and leave the tree exactly as it was.
@Suite(.enabled(if: CLI.binary != nil, CLI.skipReason))
struct CLIBadInputTests {
    enum Lang: String, CaseIterable, CustomTestStringConvertible {
        case swift, python, c
        var ext: String { self == .python ? "py" : rawValue }
        var testDescription: String { rawValue }
        var good: String { self == .swift ? CLISamples.error : self == .python ? CLISamples.pythonError : CLISamples.cError }
        /// Where `good` reports missing-default-false.
        var goodLocation: String { self == .swift ? "4:21" : self == .python ? "2:15" : "2:9" }
        /// An evaluation with a `true` fallback, as a top-level line (Swift/Python) or statement (C).
        var evaluation: String {
            switch self {
            case .swift: return "let bad = client.boolVariation(forKey: \"bad-flag\", defaultValue: true)\n"
            case .python: return "bad = client.get_boolean_value(\"bad-flag\", True)\n"
            case .c: return "int bad(void *s, void *c) { return LDServerSDK_BoolVariation(s, c, \"bad-flag\", true); }\n"
            }
        }
        var lineComment: String { self == .python ? "#" : "//" }
    }

    /// A bad input: its bytes, and what stderr must say about it (nil: nothing required).
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: @Sendable (Lang) -> [UInt8]
        var message: @Sendable (Lang) -> String?
        /// Whether the bad file's own evaluation must still be found.
        var badFileLinted: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "NUL bytes", bytes: { Array("\u{0}\u{1}\u{2}binary\n".utf8) + Array($0.evaluation.utf8) },
             message: { _ in "bad.\u{0}:1:1: warning: binary file" }, badFileLinted: false),
        Case(name: "invalid UTF-8", bytes: { l in Array("\(l.lineComment) ".utf8) + [0xFF, 0xFE, 0xC3, 0x28, 0x0A] + Array(l.evaluation.utf8) },
             message: { $0 == .c ? nil : "invalid UTF-8" }, badFileLinted: true),
        Case(name: "BOM", bytes: { [0xEF, 0xBB, 0xBF] + Array($0.evaluation.utf8) }, message: { _ in nil }, badFileLinted: true),
        Case(name: "CRLF", bytes: { l in Array(("\(l.lineComment) header\n" + l.evaluation + "\(l.lineComment) end\n").replacingOccurrences(of: "\n", with: "\r\n").utf8) },
             message: { _ in nil }, badFileLinted: true),
        Case(name: "unterminated string", bytes: { l in
                Array((l.evaluation + (l == .python ? "x = \"abc\n" : l == .swift ? "let x = \"abc\n" : "const char *x = \"abc\n")).utf8) },
             message: { $0 == .c ? nil : "unterminated string" }, badFileLinted: true),
        Case(name: "unterminated comment", bytes: { l in Array((l.evaluation + (l == .python ? "\"\"\"never closed\n" : "/* never closed\n")).utf8) },
             message: { $0 == .swift ? "unterminated block comment" : $0 == .python ? "unterminated triple-quoted string" : nil },
             badFileLinted: true),
        Case(name: "10,000-deep braces", bytes: { l in
                let open = l == .python ? "x = " + String(repeating: "[", count: 10_000) : l == .swift ? "let x = " + String(repeating: "{ ", count: 10_000)
                    : "void deep(void) " + String(repeating: "{ ", count: 10_000)
                return Array((l.evaluation + open + "\n").utf8) },
             message: { $0 == .c ? nil : "never closed|unclosed" }, badFileLinted: true),
        Case(name: "10,000-deep nesting, closed", bytes: { l in
                let body: String
                switch l {
                case .python:
                    body = (0..<10_000).map { String(repeating: " ", count: $0) + "if x:\n" }.joined() + String(repeating: " ", count: 10_000) + "pass\n"
                case .swift: body = "func deep() {\n" + String(repeating: "if x {\n", count: 10_000) + String(repeating: "}\n", count: 10_000) + "}\n"
                case .c: body = "void deep(void) {\n" + String(repeating: "if (x) {\n", count: 10_000) + String(repeating: "}\n", count: 10_000) + "}\n"
                }
                return Array((l.evaluation + body).utf8) },
             message: { _ in nil }, badFileLinted: true),
        Case(name: "10 MB single line", bytes: { l in
                // A minified-looking line: identifiers, numbers and strings, one flag check at its end.
                let item = "alpha_beta_gamma_delta_epsilon, 12345678, \"some string value\", "
                let count = 10_000_000 / item.utf8.count
                let line: String
                switch l {
                case .python: line = "x = [" + String(repeating: item, count: count) + "client.get_boolean_value(\"long-line\", True)]"
                case .swift: line = "let x = [" + String(repeating: item, count: count) + "client.boolVariation(forKey: \"long-line\", defaultValue: true)]"
                case .c: line = "int x[] = {" + String(repeating: "12345678, 0x7fff, 'a', ", count: 10_000_000 / 23) + "1};"
                }
                return Array((l.evaluation + line + "\n").utf8) },
             message: { _ in nil }, badFileLinted: true),
    ]

    @Test(arguments: [Lang.swift, .python], cases)
    func badFileBesideAGoodOne(_ lang: Lang, _ bad: Case) throws {
        try check(lang, bad)
    }

    @Test(.enabled(if: TestLinter.libclangAvailable, "needs libclang (apt-get install libclang-dev, or FLAGLINT_LIBCLANG=/path/to/libclang.so)"),
          arguments: cases)
    func badCFamilyFileBesideAGoodOne(_ bad: Case) throws {
        try check(.c, bad)
    }

    func check(_ lang: Lang, _ bad: Case) throws {
        let p = try Project(["src/good.\(lang.ext)": lang.good])
        defer { p.remove() }
        try p.write("src/bad.\(lang.ext)", bytes: bad.bytes(lang))
        let before = try p.snapshot()
        let r = try p.run(["--format", "json", "src"])
        let text = try p.run(["src", "--color", "never"])
        #expect(r.exitedCleanly && text.exitedCleanly, "\(bad.name): \(r)")
        #expect(try p.snapshot() == before, "\(bad.name): the tree was modified")
        #expect(text.stdout.contains("src/good.\(lang.ext):\(lang.goodLocation): error:"), "\(bad.name): the good file was not linted: \(text)")
        #expect(r.status == 1, "\(bad.name): \(r)")
        if bad.badFileLinted {
            #expect(text.stdout.contains("src/bad.\(lang.ext):") && text.stdout.contains("flag `bad-flag` falls back to"),
                    "\(bad.name): the rest of the bad file was not linted: \(text)")
        }
        if let message = bad.message(lang) {
            let pattern = message.replacingOccurrences(of: "bad.\u{0}", with: "src/bad.\(lang.ext)")
            #expect(text.stderr.range(of: pattern, options: .regularExpression) != nil, "\(bad.name): expected `\(pattern)` on stderr: \(text)")
        }
        // Diagnostics are gcc-style lines naming the file, never a stack trace.
        for line in text.stderr.split(separator: "\n") where !line.hasPrefix("Found ") && !line.hasPrefix("No problems") {
            #expect(line.hasPrefix("src/bad.\(lang.ext):"), "\(bad.name): \(line)")
        }
        _ = try JSONSerialization.jsonObject(with: r.stdoutData)
    }

    /// BOM and CRLF change no line or column: the finding sits where an editor shows it.
    @Test(arguments: [Lang.swift, .python])
    func bomAndCRLFKeepLocations(_ lang: Lang) throws {
        try checkLocations(lang)
    }

    @Test(.enabled(if: TestLinter.libclangAvailable, "needs libclang (apt-get install libclang-dev, or FLAGLINT_LIBCLANG=/path/to/libclang.so)"))
    func bomAndCRLFKeepLocationsInC() throws {
        try checkLocations(.c)
    }

    func checkLocations(_ lang: Lang) throws {
        let plain = "\(lang.lineComment) header\n" + lang.evaluation
        let p = try Project(["plain.\(lang.ext)": plain])
        defer { p.remove() }
        try p.write("bom.\(lang.ext)", bytes: [0xEF, 0xBB, 0xBF] + Array(plain.utf8))
        try p.write("crlf.\(lang.ext)", plain.replacingOccurrences(of: "\n", with: "\r\n"))
        let r = try p.run(["--format", "json"])
        let findings = try CLIOutputTests.findings(r).filter { $0.rule == "missing-default-false" }
        let byFile = Dictionary(grouping: findings, by: \.path).mapValues { $0.map { "\($0.line):\($0.column)" } }
        #expect(byFile["plain.\(lang.ext)"]?.count == 1, "\(r)")
        #expect(byFile["bom.\(lang.ext)"] == byFile["plain.\(lang.ext)"], "\(byFile)")
        #expect(byFile["crlf.\(lang.ext)"] == byFile["plain.\(lang.ext)"], "\(byFile)")
    }

    @Test func symlinkLoopsInTheTree() throws {
        let p = try Project(["src/good.swift": CLISamples.error, "src/sub/other.py": CLISamples.pythonError])
        defer { p.remove() }
        try p.symlink("src/sub/up", to: "..")                  // a directory loop
        try p.symlink("src/self", to: "self")                  // a link to itself
        try p.symlink("src/a.swift", to: "b.swift")            // two source links pointing at each other
        try p.symlink("src/b.swift", to: "a.swift")
        let before = try p.snapshot()
        let r = try p.run(["src", "--color", "never"])
        #expect(r.exitedCleanly, "\(r)")
        #expect(r.status == 1, "\(r)")
        // Each real file is linted once, however many ways it can be reached.
        #expect(r.stdoutLines == [
            "src/good.swift:4:21: error: flag `risky` falls back to `true`: when the flag service fails the new behaviour switches on; use `false` [missing-default-false]",
            "src/sub/other.py:2:15: error: flag `py-risky` falls back to `True`: when the flag service fails the new behaviour switches on; use `False` [missing-default-false]",
        ], "\(r)")
        #expect(r.stderr.contains("src/a.swift: warning: skipped: Too many levels of symbolic links"), "\(r)")
        #expect(r.stderr.contains("src/b.swift: warning:"), "\(r)")
        #expect(try p.snapshot() == before)
    }

    @Test func pathsWithSpacesAndNonASCIINames() throws {
        let p = try Project(["my project/Sources/Über Flags/Prüfung ✓.swift": CLISamples.error,
                             "my project/app/データ/файл é.py": CLISamples.pythonError])
        defer { p.remove() }
        let before = try p.snapshot()
        let r = try p.run(["my project", "--color", "never"])
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout.contains("my project/Sources/Über Flags/Prüfung ✓.swift:4:21: error:"), "\(r)")
        #expect(r.stdout.contains("my project/app/データ/файл é.py:2:15: error:"), "\(r)")
        // Named directly, and in JSON (escaped as JSON, not mangled).
        let json = try p.run(["my project/app/データ/файл é.py", "--format", "json"])
        #expect(try CLIOutputTests.findings(json).map(\.path) == ["my project/app/データ/файл é.py"], "\(json)")
        let sarif = try p.run(["my project", "--format", "sarif"])
        #expect(sarif.stdout.contains("my%20project/Sources/%C3%9Cber%20Flags/") || sarif.stdout.contains("my project/Sources/Über Flags/"),
                "\(sarif.stdout.prefix(3000))")
        #expect(try p.snapshot() == before)
    }

    /// Malformed configuration and registries: exit 2 with a location; nothing is linted with a
    /// half-read configuration (.lint.yml.example), so here "the other files" are deliberately not linted.
    @Test(arguments: [
        (".lint.yml", "version: 1\nrules: {nested-flag: [\n", ".lint.yml:3:1: error:"),
        (".lint.yml", "{\"version\": 1, \"rules\": {\"nested-flag\": {\"severity\": \"error\",}}", ".lint.yml:2:1: error: malformed YAML"),
        (".lint.yml", "version: 1\nevaluators:\n  - match: \"x\"\n    language: python\n", ".lint.yml:3:12: error: bad pattern"),
        (".lint.yml", "version: 1\nevaluators:\n  - match: \"client.on($KEY\"\n    language: python\n", ".lint.yml:3:"),
        ("flags.yml", "flags:\n  a: {rolled_out: 2026-02-30}\n", "flags.yml:2:19: error: `rolled_out` of flag `a`: invalid date `2026-02-30`"),
        ("flags.yml", "flags: [unclosed\n", "flags.yml:"),
        ("flags.json", "{\"flags\": {\"a\": {\"expires\": \"2026-02-30\"}}}", "flags.json:1:"),
        ("flags.json", "{\"flags\": {\"a\": ", "flags.json:1:"),
        ("flagd.json", "{\"flags\": {\"a\": {\"state\": \"ENABLED\", \"metadata\": {\"rolledOut\": \"2026-02-30\"}}}}", "flagd.json:1:"),
    ])
    func malformedConfigurationAndRegistries(_ file: String, contents: String, message: String) throws {
        var files = ["src/good.py": CLISamples.pythonError, "src/good.swift": CLISamples.error, file: contents]
        if file != ".lint.yml" {
            files[".lint.yml"] = "version: 1\nregistry:\n  - { path: \(file), format: \(file == "flagd.json" ? "flagd" : "native") }\n"
        }
        let p = try Project(files)
        defer { p.remove() }
        let before = try p.snapshot()
        let r = try p.run([])
        #expect(r.exitedCleanly, "\(r)")
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout.isEmpty, "\(r)")
        #expect(r.stderr.contains(message), "\(r)")
        #expect(r.stderr.split(separator: "\n").count <= 3, "one clear message, not a cascade: \(r)")
        #expect(try p.snapshot() == before)
    }

    @Test func impossibleTodayIsAUsageError() throws {
        let p = try Project(["src/good.swift": CLISamples.error])
        defer { p.remove() }
        for date in ["2026-02-30", "2026-04-31", "2025-02-29", "2026-00-10", "2026-1-5"] {
            let r = try p.run(["--today", date])
            #expect(r.status == 2, "\(date): \(r)")
            #expect(r.stderr.contains(date), "\(date): \(r)")
        }
        #expect(try p.run(["--today", "2028-02-29"]).status == 1, "a leap day is a date")
    }

    /// Without libclang, Swift and Python files are still linted and reported; each C-family
    /// file gets an error naming the cause and the fix; the exit status is 2.
    @Test func cFamilyNeedsLibclang() throws {
        let p = try Project(["src/good.swift": CLISamples.error, "src/app.py": CLISamples.pythonError,
                             "src/x.c": CLISamples.cError, "src/y.cc": CLISamples.cError])
        defer { p.remove() }
        let env = ["FLAGLINT_LIBCLANG": "/nonexistent/libclang.so"]
        let r = try p.run(["src"], environment: env)
        #expect(r.exitedCleanly && r.status == 2, "\(r)")
        #expect(r.stdout.contains("src/good.swift:4:21") && r.stdout.contains("src/app.py:"), "\(r)")
        for file in ["src/x.c", "src/y.cc"] {
            let line = r.stderr.split(separator: "\n").first { $0.hasPrefix(file + ":1:1: error:") }
            #expect(line.map { $0.contains("/nonexistent/libclang.so") && $0.contains("apt-get install libclang-dev")
                && $0.contains("FLAGLINT_LIBCLANG=/path/to/libclang.so") } == true, "\(file): \(r)")
        }
        // Machine formats carry the other files' findings; `flags` lists their evaluations.
        let json = try p.run(["src", "--format", "json"], environment: env)
        #expect(json.status == 2 && json.stdout.contains("\"src/good.swift\""), "\(json)")
        let flags = try p.run(["flags", "src"], environment: env)
        #expect(flags.status == 2 && flags.stdout.contains("risky"), "\(flags)")
        // No baseline from a partial run.
        let baseline = try p.run(["src", "--write-baseline", "base.json"], environment: env)
        #expect(baseline.status == 2 && !p.exists("base.json"), "\(baseline)")
    }
}
