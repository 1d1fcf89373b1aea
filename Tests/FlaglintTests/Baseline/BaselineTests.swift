import Foundation
import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintRules

@Suite struct BaselineTests {
    func finding(_ path: String, _ line: Int, _ rule: String = "nested-flag", flag: String? = "gift-wrap",
                 text: String = "  if ld.boolVariation(forKey:  \"gift-wrap\") {") -> Finding {
        Finding(rule: rule, severity: .error, path: path, line: line, column: 3, endLine: line, endColumn: 9,
                flag: flag, message: "m", lineText: text)
    }

    @Test func normalisesSourceLines() {
        #expect(Baseline.normalize("  \tif  a\t&&   b {  \r") == "if a && b {")
    }

    @Test func countsIdenticalFindingsAndSortsEntries() {
        let b = Baseline(findings: [finding("b.swift", 9), finding("a.swift", 3), finding("a.swift", 7),
                                    finding("a.swift", 8, "stale-flag", flag: nil)])
        #expect(b.entries.map { "\($0.path) \($0.rule) \($0.count)" } == ["a.swift nested-flag 2", "a.swift stale-flag 1", "b.swift nested-flag 1"])
        #expect(b.entries.first?.source == "if ld.boolVariation(forKey: \"gift-wrap\") {")
    }

    @Test func movedCodeStaysSuppressedAndExtraFindingsAreReported() {
        let baseline = Baseline(findings: [finding("a.swift", 3)])
        // The same finding moved down two lines with different indentation, plus a new copy.
        let now = [finding("a.swift", 5, text: "if ld.boolVariation(forKey: \"gift-wrap\") {"), finding("a.swift", 20)]
        let applied = baseline.apply(to: now)
        #expect(applied[0].suppression == .init(kind: .external, justification: "baseline"))
        #expect(applied[1].suppression == nil)
    }

    @Test func inSourceSuppressedFindingsAreNotBaselinedNorConsumeTheCount() {
        var suppressed = finding("a.swift", 3)
        suppressed.suppression = .init(kind: .inSource)
        #expect(Baseline(findings: [suppressed]).entries.isEmpty)
        let applied = Baseline(findings: [finding("a.swift", 3)]).apply(to: [suppressed, finding("a.swift", 4)])
        #expect(applied[0].suppression?.kind == .inSource)
        #expect(applied[1].suppression?.kind == .external)
    }

    @Test func differentRuleFlagOrPathDoesNotMatch() {
        let baseline = Baseline(findings: [finding("a.swift", 3)])
        let applied = baseline.apply(to: [finding("b.swift", 3), finding("a.swift", 3, "stale-flag"), finding("a.swift", 3, flag: "other")])
        #expect(applied.allSatisfy { $0.suppression == nil })
    }

    @Test func pruneDropsWhatNoLongerMatchesInScope() {
        let baseline = Baseline(findings: [finding("a.swift", 1), finding("a.swift", 2), finding("gone.swift", 1), finding("other/x.swift", 1)])
        let pruned = baseline.pruned(by: [finding("a.swift", 1)], inScope: { !$0.hasPrefix("other/") })
        #expect(pruned.entries.map { "\($0.path) \($0.count)" } == ["a.swift 1", "other/x.swift 1"])
    }

    @Test func encodeDecodeRoundTrip() throws {
        let baseline = Baseline(findings: [finding("Sources/Légacy code/a.swift", 1), finding("b.py", 2, "stale-flag", flag: nil, text: "x = \"\\n\"")])
        let text = BaselineFile.encode(baseline)
        #expect(text.hasSuffix("}\n"))
        #expect(try BaselineFile.decode(Data(text.utf8), path: "b.json") == baseline)
        #expect(BaselineFile.encode(try BaselineFile.decode(Data(text.utf8), path: "b.json")) == text)
    }

    @Test(arguments: [
        ("", "not JSON"),
        ("[]", "the document must be a JSON object"),
        ("{\"findings\": []}", "missing \"version\""),
        ("{\"version\": 9, \"findings\": []}", "unsupported version 9"),
        ("{\"version\": 1}", "missing \"findings\""),
        ("{\"version\": 1, \"findings\": [{\"path\": \"a\", \"rule\": \"r\", \"source\": \"s\", \"count\": 0}]}", "findings[0].count"),
        ("{\"version\": 1, \"findings\": [{\"path\": \"a\", \"rule\": \"r\", \"source\": \"s\", \"count\": 1.5}]}", "findings[0].count must be a positive integer"),
        ("{\"version\": 1, \"findings\": [{\"path\": \"a\", \"rule\": \"r\", \"source\": \"s\", \"count\": true}]}", "findings[0].count"),
        ("{\"version\": 1, \"findings\": [{\"rule\": \"r\", \"source\": \"s\", \"count\": 1}]}", "missing \"path\" in findings[0]"),
        ("{\"version\": 1, \"findings\": [{\"path\": \"a\", \"rule\": \"r\", \"flag\": 3, \"source\": \"s\", \"count\": 1}]}", "findings[0].flag must be a string"),
    ])
    func malformedBaselinesAreClearErrors(_ text: String, _ expected: String) {
        #expect {
            try BaselineFile.decode(Data(text.utf8), path: "baseline.json")
        } throws: { error in
            let description = String(describing: error)
            return description.hasPrefix("baseline.json: error: invalid baseline: ") && description.contains(expected)
        }
    }

    @Test func fileWriteIsAtomicAndReadable() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("flaglint-baseline-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/base line.json"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        let baseline = Baseline(findings: [finding("a.swift", 1)])
        try BaselineFile.write(baseline, to: path)
        #expect(try BaselineFile.read(path) == baseline)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["base line.json"])
        #expect(throws: BaselineError.self) { try BaselineFile.read(dir + "/missing.json") }
        #expect(throws: BaselineError.self) { try BaselineFile.write(baseline, to: dir + "/no/such/dir/b.json") }
    }

    @Test func pathsAreRelativeToTheBaselineDirectory() {
        let map = BaselineFile.pathMapper(workingDirectory: "/repo/app", baselinePath: "../.flaglint-baseline.json")
        #expect(map("Sources/a.swift") == "app/Sources/a.swift")
        #expect(map("./x/../b.py") == "app/b.py")
        #expect(map("/elsewhere/c.swift") == "../elsewhere/c.swift")
        #expect(PathArithmetic.relative("/a/b", to: "/a/b") == ".")
    }
}
