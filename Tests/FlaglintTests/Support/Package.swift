import Foundation

/// Locations in the package checkout, for tests that read `testdata/`, `rules/` or `../shared`.
enum PackagePaths {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ relative: String) -> String { root + "/" + relative }

    static func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }

    static let golden = root + "/Tests/Golden"
    static let sarifSchema = shared + "/schemas/sarif-schema-2.1.0.json"

    /// `../shared` beside the checkout (present in CI, absent in a user's clone).
    static let shared: String = URL(fileURLWithPath: root).deletingLastPathComponent().appendingPathComponent("shared").path
}
