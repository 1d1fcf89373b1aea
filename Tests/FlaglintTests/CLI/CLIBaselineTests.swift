import Foundation
import Testing
@testable import FlaglintFrontends

/// `--write-baseline`, `--baseline` and `baseline prune` end to end (docs/semantics.md, Suppressions).
@Suite(.enabled(if: CLI.binary != nil, CLI.skipReason))
struct CLIBaselineTests {
    static let twoFindings = """
        import LaunchDarkly

        func render(client: LDClient) {
            let a = client.boolVariation(forKey: "risky", defaultValue: true)
            let b = client.boolVariation(forKey: "other", defaultValue: true)
            use(a, b)
        }

        """

    @Test func writeThenSuppressThenMoveThenAdd() throws {
        let p = try Project(["Sources/A.swift": Self.twoFindings, "Sources/B.swift": CLISamples.nested])
        defer { p.remove() }
        let before = try p.run([])
        #expect(before.status == 1)

        let write = try p.run(["--write-baseline", "flaglint-baseline.json"])
        // Writing a baseline accepts today's findings: a one-line summary, exit 0, no report.
        #expect(write.status == 0, "\(write)")
        #expect(write.stdout.isEmpty, "\(write)")
        #expect(write.stderr == "Wrote 4 findings in 2 files to the baseline flaglint-baseline.json.\n", "\(write)")
        #expect(try p.run(["--write-baseline", "quiet.json", "-q"]).stderr.isEmpty)
        let baselineText = try p.read("flaglint-baseline.json")
        #expect(!baselineText.contains(p.root), "relative paths only")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(baselineText.utf8)) as? [String: Any])
        let entries = try #require(object["findings"] as? [[String: Any]])
        let order = entries.map { "\($0["path"] ?? "")|\($0["rule"] ?? "")|\($0["flag"] ?? "")|\($0["source"] ?? "")" }
        #expect(order == order.sorted(), "sorted")

        let suppressed = try p.run(["--baseline", "flaglint-baseline.json"])
        #expect(suppressed.status == 0, "\(suppressed)")
        #expect(suppressed.stdout.isEmpty)
        #expect(suppressed.stderr.contains("4 suppressed"), "\(suppressed)")
        // JSON counts them; SARIF carries them marked as external suppressions.
        let json = try p.run(["--baseline", "flaglint-baseline.json", "--format", "json"])
        #expect(json.status == 0)
        let summary = (try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])?["summary"] as? [String: Any]
        #expect(summary?["suppressed"] as? Int == 4, "\(json)")

        // Moved code: lines inserted above and the function re-indented; still suppressed.
        let moved = "// a new header\n\n\n" + Self.twoFindings.replacingOccurrences(of: "func render", with: "/// docs\nfunc render")
        try p.write("Sources/A.swift", moved)
        let afterMove = try p.run(["--baseline", "flaglint-baseline.json"])
        #expect(afterMove.status == 0, "moved code must stay suppressed: \(afterMove)")
        #expect(afterMove.stdout.isEmpty)

        // A file renamed is new code: a baseline matches on path.
        // An identical finding added on another line is reported (counts, not line numbers).
        let added = moved.replacingOccurrences(of: "    use(a, b)", with: "    let c = client.boolVariation(forKey: \"risky\", defaultValue: true)\n    use(a, b, c)")
        try p.write("Sources/A.swift", added)
        let afterAdd = try p.run(["--baseline", "flaglint-baseline.json"])
        #expect(afterAdd.status == 1, "\(afterAdd)")
        #expect(afterAdd.stdoutLines.count == 1, "\(afterAdd)")
        #expect(afterAdd.stdout.contains("flag `risky` falls back to `true`"), "\(afterAdd)")
    }

    @Test func pruneDropsEntriesThatNoLongerMatch() throws {
        let p = try Project(["Sources/A.swift": Self.twoFindings, "Sources/B.swift": CLISamples.nested])
        defer { p.remove() }
        #expect(try p.run(["--write-baseline", "baseline.json"]).status == 0)
        let full = try p.read("baseline.json")

        // Fix one finding; the baseline still lists it until pruned.
        try p.write("Sources/A.swift", Self.twoFindings.replacingOccurrences(of: "\"other\", defaultValue: true", with: "\"other\", defaultValue: false"))
        let prune = try p.run(["baseline", "prune", "--baseline", "baseline.json"])
        #expect(prune.status == 0, "\(prune)")
        #expect(prune.stdout.isEmpty)
        #expect(prune.stderr.contains("4 findings before, 3 after"), "\(prune)")
        let pruned = try p.read("baseline.json")
        #expect(pruned != full)
        #expect(!pruned.contains("\"other\""), "\(pruned)")
        #expect(pruned.contains("\"risky\""))
        // What is left still suppresses everything; reintroducing the fixed finding reports it.
        #expect(try p.run(["--baseline", "baseline.json"]).status == 0)
        try p.write("Sources/A.swift", Self.twoFindings)
        let back = try p.run(["--baseline", "baseline.json"])
        #expect(back.status == 1)
        #expect(back.stdout.contains("flag `other`"), "\(back)")

        // Pruning with a path argument leaves entries outside that path alone.
        try p.write("Sources/B.swift", CLISamples.clean)
        let scoped = try p.run(["baseline", "prune", "--baseline", "baseline.json", "Sources/A.swift"])
        #expect(scoped.status == 0, "\(scoped)")
        #expect(try p.read("baseline.json").contains("Sources/B.swift"), "B is out of scope and keeps its entries")
        let all = try p.run(["baseline", "prune", "--baseline", "baseline.json"])
        #expect(all.status == 0)
        #expect(!(try p.read("baseline.json")).contains("Sources/B.swift"))
    }

    /// The baseline's paths are relative to the baseline file, so it works from another directory.
    @Test func baselineWorksFromASubdirectory() throws {
        let p = try Project(["Sources/A.swift": Self.twoFindings])
        defer { p.remove() }
        #expect(try p.run(["--write-baseline", "baseline.json"]).status == 0)
        let inside = try p.run(["--baseline", "../baseline.json", "."], in: "Sources")
        #expect(inside.status == 0, "\(inside)")
        #expect(inside.stdout.isEmpty)
    }
}
