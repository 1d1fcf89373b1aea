import Foundation
import Testing
@testable import FlaglintFrontends

/// Every output format against its golden file. `FLAGLINT_UPDATE_GOLDEN=1 swift test --filter GoldenTests`
/// rewrites them; review the diff like code.
@Suite struct GoldenTests {
    static let update = ProcessInfo.processInfo.environment["FLAGLINT_UPDATE_GOLDEN"] == "1"

    @Test(arguments: ReportFixture.formats.map(\.name))
    func matchesGolden(_ format: String) throws {
        let entry = try #require(ReportFixture.formats.first { $0.name == format })
        let path = PackagePaths.golden + "/" + entry.golden
        let output = entry.reporter.render(ReportFixture.report)
        if Self.update {
            try output.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(output == expected, "\(format) output differs from \(entry.golden); rerun with FLAGLINT_UPDATE_GOLDEN=1 and review the diff")
    }

    /// Two separate processes of the CLI, one with 1 job and one with 4, print the same bytes
    /// in every format: nothing depends on scheduling, addresses, the clock or hash seeds.
    @Test(.enabled(if: CLI.binary != nil, CLI.skipReason), arguments: ["text", "json", "sarif", "github", "checkstyle", "junit"])
    func isDeterministic(_ format: String) throws {
        let demo = try Project.copy(of: "testdata/demo")
        defer { demo.remove() }
        let common = ["--format", format, "--color", "never", "--today", "2026-11-25"]
        let one = try demo.run(common + ["-j", "1"])
        let four = try demo.run(common + ["-j", "4"])
        #expect(one.status == 1 && four.status == 1, "\(one)\n\(four)")
        #expect(!one.stdoutData.isEmpty)
        #expect(one.stdoutData == four.stdoutData, "\(format) output differs between two runs")
    }
}
