import Foundation
import Testing
@testable import FlaglintFrontends

/// `lint` (text without colour, json) and `flags` (text, json, markdown) on the demo project,
/// byte for byte, run from a temporary copy so every path is relative and no absolute path can
/// leak into a golden file. `FLAGLINT_UPDATE_GOLDEN=1 swift test --filter CLIGoldenTests`
/// rewrites them; review the diff like code.
@Suite(.enabled(if: CLI.binary != nil, CLI.skipReason))
struct CLIGoldenTests {
    static let update = ProcessInfo.processInfo.environment["FLAGLINT_UPDATE_GOLDEN"] == "1"
    static let today = "2026-11-25"

    /// (golden file, arguments, expected exit).
    static let cases: [(golden: String, arguments: [String], status: Int32)] = [
        ("demo.lint.txt", ["--color", "never"], 1),
        ("demo.lint.json", ["--format", "json"], 1),
        ("demo.flags.txt", ["flags"], 0),
        ("demo.flags.json", ["flags", "--format", "json"], 0),
        ("demo.flags.md", ["flags", "--format", "markdown"], 0),
        ("demo.flags.html", ["flags", "--format", "html"], 0),
    ]

    @Test(arguments: cases.map(\.golden))
    func matchesGolden(_ golden: String) throws {
        let entry = try #require(Self.cases.first { $0.golden == golden })
        let demo = try Project.copy(of: "testdata/demo")
        defer { demo.remove() }
        let r = try demo.run(entry.arguments + ["--today", Self.today])
        #expect(r.status == entry.status, "\(r)")
        #expect(!r.stdout.contains(demo.root), "an absolute path leaked into the output")
        #expect(!r.stdout.contains("/tmp/") && !r.stdout.contains(PackagePaths.root))
        let path = PackagePaths.golden + "/" + golden
        if Self.update {
            try r.stdoutData.write(to: URL(fileURLWithPath: path))
            return
        }
        let expected = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(r.stdoutData == expected,
                "\(golden) differs; rerun with FLAGLINT_UPDATE_GOLDEN=1 and review the diff\n\(Self.diff(String(decoding: expected, as: UTF8.self), r.stdout))")
    }

    /// The text report's summary goes to stderr, the findings to stdout.
    @Test func textSummaryIsOnStderr() throws {
        let demo = try Project.copy(of: "testdata/demo")
        defer { demo.remove() }
        let r = try demo.run(["--today", Self.today])
        // Findings are in 4 files, the registry file among them; 4 source files were linted.
        #expect(r.stderr == "Found 11 problems (7 errors, 4 warnings) in 4 files; linted 4 files, 13 flag evaluations; 1 suppressed.\n", "\(r)")
    }

    /// The same project linted from a subdirectory: paths inside the current directory are
    /// relative to it; the registry above it is shown absolute (as ruff does outside the cwd).
    @Test func pathsAreRelativeToTheCurrentDirectory() throws {
        let demo = try Project.copy(of: "testdata/demo")
        defer { demo.remove() }
        let r = try demo.run(["Shop", "--today", Self.today, "--color", "never"], in: "Sources")
        #expect(r.status == 1, "\(r)")
        let golden = try String(contentsOfFile: PackagePaths.golden + "/demo.lint.txt", encoding: .utf8)
        let expected = golden.split(separator: "\n").filter { $0.hasPrefix("Sources/") }.map { String($0.dropFirst("Sources/".count)) }
        #expect(r.stdoutLines.filter { $0.hasPrefix("Shop/") } == expected, "\(r)")
        #expect(r.stdoutLines.contains { $0.hasPrefix(demo.path("flags.yml") + ":26:3: warning:") }, "\(r)")
    }

    /// First differing line, for a readable failure.
    static func diff(_ expected: String, _ actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) where (i < e.count ? e[i] : nil) != (i < a.count ? a[i] : nil) {
            return "line \(i + 1):\n- \(i < e.count ? String(e[i]) : "<end>")\n+ \(i < a.count ? String(a[i]) : "<end>")"
        }
        return "identical lines; bytes differ"
    }
}
