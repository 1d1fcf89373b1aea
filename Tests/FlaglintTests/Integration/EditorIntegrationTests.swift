import Foundation
import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintReporters

/// flaglint's text lines, parsed by Vim's real quickfix parser with the `errorformat` that
/// README.md recommends.
@Suite struct EditorIntegrationTests {
    /// Exactly as written in README.md (`set errorformat=...`).
    static let errorformat = #"%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m,%f:%l:%c:\ %tote:\ %m,%-G%.%#"#

    static let report = LintReport(
        findings: [
            Finding(rule: "nested-flag", severity: .error, path: "Sources/App/Checkout.swift", line: 12, column: 9,
                    endLine: 12, endColumn: 40, message: "flag `gift-wrap` is nested: a, b: c",
                    related: [RelatedLocation(path: "Sources/App/Checkout.swift", line: 8, column: 5, message: "flag `new-checkout` checked here")]),
            Finding(rule: "missing-default-false", severity: .warning, path: "app/my flags/é.py", line: 4, column: 8,
                    endLine: 4, endColumn: 9, message: "default of `x` cannot be verified"),
        ],
        rules: [], files: 2, evaluations: 3, rootDirectory: "/r")

    @Test func docsRecommendTheTestedErrorformat() throws {
        let docs = try String(contentsOfFile: PackagePaths.root + "/README.md", encoding: .utf8)
        #expect(docs.contains("set errorformat=" + Self.errorformat))
    }

    @Test(.enabled(if: Tools.requireAll || Tools.vim, "needs vim (apt-get install vim)"))
    func vimQuickfixReadsTextOutput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("flaglint-vim-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = TextReporter(color: false).render(Self.report) + TextReporter.summary(Self.report) + "\n"
        try text.write(toFile: dir + "/out.txt", atomically: true, encoding: .utf8)
        let dump = #"call writefile(map(getqflist(), {_, e -> bufname(e.bufnr) . "|" . e.lnum . "|" . e.col . "|" . e.type . "|" . e.text}), "qf.txt")"#
        let result = try Subprocess.run(["vim", "-es", "-N", "-u", "NONE", "-i", "NONE",
                                         "-c", "set errorformat=" + Self.errorformat,
                                         "-c", "cgetfile out.txt", "-c", dump, "-c", "qa!"], in: dir)
        #expect(result.status == 0, "vim failed: \(result.stderr)")
        let entries = try String(contentsOfFile: dir + "/qf.txt", encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(entries == [
            "Sources/App/Checkout.swift|12|9|e|flag `gift-wrap` is nested: a, b: c [nested-flag]",
            "Sources/App/Checkout.swift|8|5|n|flag `new-checkout` checked here",
            "app/my flags/é.py|4|8|w|default of `x` cannot be verified [missing-default-false]",
        ])
    }
}
