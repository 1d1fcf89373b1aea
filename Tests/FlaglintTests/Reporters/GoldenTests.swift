import Foundation
import Testing
@testable import FlaglintKit

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

    @Test(arguments: ReportFixture.formats.map(\.name))
    func isDeterministic(_ format: String) throws {
        let entry = try #require(ReportFixture.formats.first { $0.name == format })
        #expect(entry.reporter.render(ReportFixture.report) == entry.reporter.render(ReportFixture.report))
    }
}
