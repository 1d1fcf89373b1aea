import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import FlaglintFrontends

/// Issue 16, end to end: outputs never destroy what is at their path, every read is bounded,
/// user text cannot forge output lines, and exit codes tell the truth.
@Suite(.enabled(if: CLI.binary != nil, CLI.skipReason))
struct CLIReliabilityTests {
    static let finding = "a.swift:4:21: error: flag `risky`"

    /// Runs flaglint (`$0`) through a shell, for redirections the harness cannot make
    /// (`>/dev/full`, a closed stdin): its exit status and stderr.
    static func shell(_ command: String, in p: Project) throws -> (status: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command + " 2>err.txt; echo $? > rc.txt", CLI.binary!]
        process.currentDirectoryURL = URL(fileURLWithPath: p.root)
        try process.run()
        process.waitUntilExit()
        return (try p.read("rc.txt").trimmingCharacters(in: .whitespacesAndNewlines), try p.read("err.txt"))
    }

    // MARK: outputs

    @Test func outputThroughASymlinkKeepsTheLinkAndTheMode() throws {
        let p = try Project(["a.swift": CLISamples.error, "reports/real.txt": "old\n"])
        defer { p.remove() }
        chmod(p.path("reports/real.txt"), 0o600)
        try p.symlink("link.txt", to: "reports/real.txt")
        let r = try p.run(["a.swift", "-o", "link.txt", "--color", "never"])
        #expect(r.status == 1, "\(r)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: p.path("link.txt")) == "reports/real.txt")
        #expect(try p.read("reports/real.txt").contains(Self.finding))
        var info = stat()
        #expect(stat(p.path("reports/real.txt"), &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: p.path("reports")) == ["real.txt"], "no temporary file left")
    }

    @Test func outputToAHardLinkedFileWritesInPlace() throws {
        let p = try Project(["a.swift": CLISamples.error, "one.txt": "old\n"])
        defer { p.remove() }
        #expect(link(p.path("one.txt"), p.path("two.txt")) == 0)
        let r = try p.run(["a.swift", "-o", "one.txt"])
        #expect(r.status == 1, "\(r)")
        #expect(try p.read("two.txt").contains(Self.finding), "both links see the new report")
    }

    @Test func outputToACharacterDeviceOrAFIFOIsWrittenInPlace() throws {
        let p = try Project(["a.swift": CLISamples.error])
        defer { p.remove() }
        // `/dev/zero` rather than `/dev/null`: on a shared machine an older flaglint elsewhere
        // may have turned `/dev/null` into a regular file (the very bug this test guards).
        let r = try p.run(["a.swift", "-o", "/dev/zero"])
        #expect(r.status == 1, "\(r)")
        var info = stat()
        #expect(stat("/dev/zero", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        let full = try p.run(["a.swift", "-o", "/dev/full"])
        #expect(full.status == 2 && full.stderr.contains("cannot write /dev/full"), "\(full)")
        #expect(mkfifo(p.path("fifo"), 0o600) == 0)
        final class Box: @unchecked Sendable { var text = "" }
        let box = Box()
        // A blocking open: it returns when flaglint opens the other end.
        let reader = Thread {
            let fd = open(p.path("fifo"), O_RDONLY)
            guard fd >= 0 else { return }
            var bytes: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = read(fd, &chunk, chunk.count)
                if n <= 0 { break }
                bytes += chunk[0..<n]
            }
            close(fd)
            box.text = String(decoding: bytes, as: UTF8.self)
        }
        reader.start()
        let viaFIFO = try p.run(["a.swift", "-o", "fifo", "--color", "never"])
        while reader.isExecuting || !reader.isFinished { usleep(10_000) }
        #expect(viaFIFO.status == 1, "\(viaFIFO)")
        #expect(box.text.contains(Self.finding))
        #expect(stat(p.path("fifo"), &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test(arguments: [["-o", ".lint.yml"], ["-o", "flags.yml"], ["-o", "a.swift"], ["--write-baseline", "base.json"],
                      ["-o", "alias.swift"]])
    func outputOverAnInputIsRefused(_ arguments: [String]) throws {
        let p = try Project(["a.swift": CLISamples.error, ".lint.yml": "registry: [flags.yml]\n",
                             "flags.yml": "flags:\n  risky: {}\n", "base.json": "{\"version\": 1, \"findings\": []}\n"])
        defer { p.remove() }
        try p.symlink("alias.swift", to: "a.swift")
        let before = try p.snapshot()
        let r = try p.run(["a.swift", "--baseline", "base.json"] + arguments)
        #expect(r.status == 2 && r.stderr.contains("refusing to write"), "\(r)")
        #expect(try p.snapshot() == before)
    }

    @Test func aFailedWriteToStdoutIsExit2() throws {
        let p = try Project(["a.swift": CLISamples.error])
        defer { p.remove() }
        let (status, stderr) = try Self.shell("\"$0\" a.swift >/dev/full", in: p)
        #expect(status == "2" && stderr.contains("cannot write the report to standard output"), "\(stderr)")
    }

    // MARK: inputs

    @Test func diffRevisionNeverReachesGitAsAnOption() throws {
        let p = try Project(["a.swift": CLISamples.error])
        defer { p.remove() }
        let setup = Process()
        setup.executableURL = URL(fileURLWithPath: "/bin/sh")
        setup.arguments = ["-c", "git init -q && git add a.swift && git -c user.email=t@t -c user.name=t commit -qm x"]
        setup.currentDirectoryURL = URL(fileURLWithPath: p.root)
        guard (try? setup.run()) != nil else { return }
        setup.waitUntilExit()
        guard setup.terminationStatus == 0 else { return }
        let r = try p.run(["a.swift", "--diff=--output=pwned.txt"])
        #expect(r.status == 2 && r.stderr.contains("is not a commit"), "\(r)")
        #expect(!p.exists("pwned.txt"))
        #expect(try p.run(["a.swift", "--diff", "HEAD"]).status == 0, "an unchanged file has no changed lines")
    }

    @Test func registryThatIsADeviceOrAFIFOIsRefused() throws {
        let p = try Project(["a.swift": CLISamples.error])
        defer { p.remove() }
        #expect(mkfifo(p.path("fifo.yml"), 0o600) == 0)
        for registry in ["/dev/zero", "fifo.yml"] {
            try p.write(".lint.yml", "registry: [\(registry)]\n")
            let r = try p.run(["a.swift"])
            #expect(r.exitedCleanly && r.status == 2 && r.stderr.contains("not a regular file"), "\(r)")
        }
    }

    @Test func gitignoreThatIsAFIFODoesNotBlock() throws {
        let p = try Project(["src/a.swift": CLISamples.error])
        defer { p.remove() }
        #expect(mkfifo(p.path("src/.gitignore"), 0o600) == 0)
        let r = try CLI.run(["src", "--color", "never"], in: p.root, timeout: 60)
        #expect(!r.timedOut && r.status == 1, "\(r)")
    }

    @Test func registryErrorsQuoteOnlyAShortEscapedExcerpt() throws {
        let secret = "root:$6$" + String(repeating: "x", count: 80)
        let p = try Project(["a.swift": CLISamples.error, ".lint.yml": "registry: [secret.yml]\n", "secret.yml": "\"\(secret)\": 1\n"])
        defer { p.remove() }
        let r = try p.run(["a.swift"])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("unknown key `root:$6$xx") && !r.stderr.contains(String(repeating: "x", count: 60)), "\(r)")
    }

    @Test func registryAliasBombFailsFast() throws {
        var yaml = "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n"
        for (n, prev) in zip("bcdefghij", "abcdefghi") {
            yaml += "\(n): &\(n) [*\(prev),*\(prev),*\(prev),*\(prev),*\(prev),*\(prev),*\(prev),*\(prev),*\(prev)]\n"
        }
        let p = try Project(["a.swift": CLISamples.error, ".lint.yml": "registry: [bomb.yml]\n", "bomb.yml": "flags:\n  x: {}\n" + yaml])
        defer { p.remove() }
        let r = try CLI.run(["a.swift"], in: p.root, timeout: 60)
        #expect(!r.timedOut && r.status == 2 && r.stderr.contains("after expanding aliases"), "\(r)")
    }

    @Test(arguments: ["dir", "fifo"])
    func aLintYmlThatIsNotAFileIsAnError(_ kind: String) throws {
        let p = try Project(["src/a.swift": CLISamples.error])
        defer { p.remove() }
        if kind == "dir" { try p.mkdir("src/.lint.yml") } else { #expect(mkfifo(p.path("src/.lint.yml"), 0o600) == 0) }
        let r = try CLI.run(["src"], in: p.root, timeout: 60)
        #expect(!r.timedOut && r.status == 2 && r.stderr.contains(".lint.yml") && r.stderr.contains("not a regular file"), "\(r)")
    }

    @Test func anUnreadableFileIsReportedAndTheRestLinted() throws {
        guard geteuid() != 0 else { return }   // root reads everything
        let p = try Project(["src/a.swift": CLISamples.error, "src/locked.swift": CLISamples.error])
        defer { p.remove() }
        chmod(p.path("src/locked.swift"), 0)
        let r = try p.run(["src", "--color", "never"])
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout.contains("src/a.swift:4:21"), "\(r)")
        #expect(r.stderr.contains("src/locked.swift: error: cannot read file"), "\(r)")
    }

    @Test func stdinWithOtherPathsOrClosedIsAUsageError() throws {
        let p = try Project(["src/a.swift": CLISamples.error])
        defer { p.remove() }
        let mixed = try p.run(["--stdin-filename", "a.swift", "-", "src"], stdin: CLISamples.error)
        #expect(mixed.status == 2 && mixed.stderr.contains("stdin is linted on its own"), "\(mixed)")
        let (status, stderr) = try Self.shell("\"$0\" --stdin-filename a.swift <&-", in: p)
        #expect(status == "2" && stderr.contains("cannot read stdin"), "\(stderr)")
    }

    @Test func compileCommandsProblems() throws {
        let p = try Project(["src/a.swift": CLISamples.error, "src/x.c": CLISamples.cError, "bad.json": "{\"not\": \"an array\"}"])
        defer { p.remove() }
        for db in ["missing.json", "bad.json", "/dev/zero"] {
            try p.write(".lint.yml", "compile_commands: \(db)\n")
            let r = try p.run(["src"])
            #expect(r.status == 2 && r.stderr.contains("compile_commands"), "\(db): \(r)")
        }
    }

    // MARK: output text

    @Test func controlCharactersInKeysAndPathsAreEscaped() throws {
        let key = "k\\n::error file=x::forged\\u{1B}[2J"
        let p = try Project(["e\u{1B}[31m.swift": "let a = client.boolVariation(forKey: \"\(key)\", defaultValue: true)\n"])
        defer { p.remove() }
        for format in ["text", "github"] {
            let r = try p.run([".", "--format", format, "--color", "never"])
            #expect(r.status == 1, "\(r)")
            #expect(!r.stdout.contains("\u{1B}") && r.stdout.split(separator: "\n").count == 1, "\(format): \(r)")
            #expect(r.stdout.contains("\\x1b"), "\(format): \(r)")
        }
        let flags = try p.run(["flags", "."])
        #expect(!flags.stdout.contains("\u{1B}") && !flags.stdout.contains("\n::error"), "\(flags)")
    }

    @Test func aBOMIsNoColumn() throws {
        let p = try Project()
        defer { p.remove() }
        try p.write("bom.swift", bytes: [0xEF, 0xBB, 0xBF] + Array("let a = client.boolVariation(forKey: \"k\", defaultValue: true)\n".utf8))
        let r = try p.run(["bom.swift", "--color", "never"])
        #expect(r.stdout.hasPrefix("bom.swift:1:16:"), "\(r)")
    }

    // MARK: hostile sizes: each finishes (the harness would time out on the old quadratic
    // phases: minutes each) and the good file beside it is still reported

    @Test func pathologicalInputsFinishAndTheRestIsReported() throws {
        let n = 20_000
        let eval = "client.boolVariation(forKey: \"k\", defaultValue: false)"
        let p = try Project([
            "a.swift": CLISamples.error,
            "closures.swift": "let v = " + String(repeating: "f { ", count: n) + eval + String(repeating: " }", count: n) + "\n",
            "suppressions.swift": (0..<n).map { "let a\($0) = client.boolVariation(forKey: \"k\($0)\", defaultValue: true) // flaglint:disable-line missing-default-false\n" }.joined(),
            "suppressions.py": (0..<n).map { "a\($0) = client.get_boolean_value(\"k\($0)\", True)  # flaglint:disable-line missing-default-false\n" }.joined(),
            "names.swift": "// flaglint:disable-next-line " + Array(repeating: "nested-flag", count: 100_000).joined(separator: ",") + "\nlet x = 1\n",
        ])
        defer { p.remove() }
        let r = try CLI.run([".", "--color", "never"], in: p.root, timeout: 240)
        #expect(!r.timedOut && r.status == 1, "\(r)")
        #expect(r.stdout.contains(Self.finding), "\(r)")
        #expect(r.stdout.components(separatedBy: "names.swift:1:").count == 2, "one unused-suppression finding, not 100,000")
    }

    @Test(.enabled(if: TestLinter.libclangAvailable, "needs libclang"))
    func deepCFamilyNestingIsRefusedNotACrash() throws {
        let n = CFamilyFrontend.nestingLimit + 60_000   // libclang crashed near 90,000
        let p = try Project(["a.swift": CLISamples.error,
                             "deep.c": "void f(int x) {\n" + String(repeating: "{", count: n) + "LDServerSDK_BoolVariation(s, c, \"k\", true);" + String(repeating: "}", count: n) + "\n}\n"])
        defer { p.remove() }
        let r = try CLI.run([".", "--color", "never"], in: p.root, timeout: 240)
        #expect(r.exitedCleanly && r.status == 2, "\(r)")
        #expect(r.stdout.contains(Self.finding) && r.stderr.contains("deep.c: error: brackets nested deeper"), "\(r)")
    }

    @Test func nestedFlagFindingsListABoundedNumberOfControllers() throws {
        let depth = 60
        var body = ""
        for i in 0..<depth { body += "if client.boolVariation(forKey: \"f\(i)\", defaultValue: false) {\n" }
        body += String(repeating: "}\n", count: depth)
        let p = try Project(["deep.swift": "func g() {\n" + body + "}\n"])
        defer { p.remove() }
        let r = try p.run(["deep.swift", "--select", "nested-flag", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let last = try #require(findings.last)
        #expect((last["message"] as? String)?.contains("nested inside \(depth - 1) other flags") == true)
        #expect((last["message"] as? String)?.contains("and \(depth - 1 - 20) more not listed") == true)
        #expect((last["related"] as? [Any])?.count == 20)
    }
}
