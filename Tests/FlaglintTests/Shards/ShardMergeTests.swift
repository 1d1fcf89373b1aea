import Foundation
import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintEngine
@testable import FlaglintKit

/// `lint --shard K/N` + `flaglint merge` (README, Sharded runs): the merged report is the one
/// run over the whole tree gives, byte for byte, in every format, with its stderr and exit code.
@Suite(.enabled(if: CLI.binary != nil, CLI.skipReason), .serialized)
struct ShardMergeTests {
    /// Options of the run itself (recorded in the parts) and of the report (given to the merge).
    static let runOptions: [String] = []
    static let reportOptions = ["--today", "2026-11-25", "--fail-on", "warning"]

    /// Lints `project` once per format and as `n` shards merged in every format, for each `n`;
    /// returns every difference.
    static func mismatches(_ project: Project, shardCounts: [Int], runOptions extra: [String] = []) throws -> [String] {
        let scratch = try Project()
        defer { scratch.remove() }
        var problems: [String] = []
        var single: [String: CLI.Result] = [:]
        for format in ReportFormat.allCases.map(\.rawValue) {
            single[format] = try project.run(["lint", "--format", format] + runOptions + extra + reportOptions + ["."])
        }
        for n in shardCounts {
            var parts: [String] = []
            var files = 0
            for k in 1...n {
                let part = scratch.path("part-\(k)-of-\(n).json")
                let r = try project.run(["lint", "--shard", "\(k)/\(n)", "-o", part] + runOptions + extra + ["."])
                guard r.status == 0, r.stdout.isEmpty, r.stderr.hasPrefix("Shard \(k)/\(n): ") else {
                    problems.append("shard \(k)/\(n): \(r)")
                    continue
                }
                files += try ShardPart.read(part).get().files.count
                parts.append(part)
            }
            // Shuffled: the order parts are named in does not matter.
            parts.reverse()
            for format in ReportFormat.allCases.map(\.rawValue) {
                let merged = try project.run(["merge", "--format", format] + reportOptions + parts)
                let want = single[format]!
                if merged.stdoutData != want.stdoutData || merged.stderr != want.stderr || merged.status != want.status {
                    problems.append("N=\(n) --format \(format): merged\n\(merged)\nsingle run\n\(want)")
                }
            }
            if files == 0 { problems.append("N=\(n): the parts hold no files") }
        }
        return problems
    }

    @Test(arguments: ["testdata/crossfile", "testdata/swift", "testdata/python", "testdata/demo", "testdata/cfamily",
                      "testdata/lifecycle/native-yaml", "testdata/lifecycle/launchdarkly", "testdata/lifecycle/openfeature-manifest"])
    func mergedShardsOfAFixtureAreTheSingleRun(_ fixture: String) throws {
        let project = try Project.copy(of: fixture)
        defer { project.remove() }
        let problems = try Self.mismatches(project, shardCounts: [1, 2, 7])
        #expect(problems.isEmpty, "\n\(problems.joined(separator: "\n"))")
    }

    /// The benchmark's generator (every language, flags nested 1-3 deep, Chromium features
    /// declared in other files, decoys), without the project index.
    @Test(.enabled(if: Tools.requireAll || Tools.python, "needs python3 for scripts/bench/gen_corpus.py"))
    func mergedShardsOfTheGeneratedCorpusAreTheSingleRun() throws {
        let project = try Project()
        defer { project.remove() }
        let generated = try Subprocess.run(["python3", PackagePaths.path("scripts/bench/gen_corpus.py"), project.root, "--lines", "40000"])
        try #require(generated.status == 0, "\(generated.stderr)")
        let problems = try Self.mismatches(project, shardCounts: [1, 2, 7], runOptions: ["--no-cache"])
        #expect(problems.isEmpty, "\n\(problems.prefix(3).joined(separator: "\n"))")
    }

    @Test func partsThatDoNotMakeOneRunAreRefused() throws {
        let project = try Project.copy(of: "testdata/demo")
        defer { project.remove() }
        let scratch = try Project()
        defer { scratch.remove() }
        func shard(_ k: Int, _ n: Int, _ extra: [String] = []) throws -> String {
            let part = scratch.path("p\(k)-\(n)\(extra.joined()).json")
            let r = try project.run(["lint", "--shard", "\(k)/\(n)", "-o", part] + Self.runOptions + extra + ["."])
            try #require(r.status == 0, "\(r)")
            return part
        }
        let (a, b, c) = (try shard(1, 3), try shard(2, 3), try shard(3, 3))
        let cases: [([String], String)] = [
            ([a, b], "missing shard 3/3"),
            ([a, b, c, b], "are both shard 2/3"),
            ([a, b, try shard(3, 4)], "is shard 3/4 but"),
            ([a, b, try shard(3, 3, ["--force-exclude"])], "come from different runs"),
            ([a, b, project.path("flags.yml")], "is not a part written by"),
            ([a, b, scratch.path("absent.json")], "cannot read the part"),
            ([], "Missing expected argument"),
        ]
        for (parts, message) in cases {
            let r = try project.run(["merge"] + parts)
            #expect(r.status == 2 && r.stderr.contains(message) && r.stdout.isEmpty, "\(parts): \(r)")
        }
        // A tree that is not the one the shards saw.
        try project.write("Sources/Shop/Extra.swift", "let x = 1\n")
        let extra = try project.run(["merge", a, b, c])
        #expect(extra.status == 2 && extra.stderr.contains("Extra.swift is in no part"), "\(extra)")
        try FileManager.default.removeItem(atPath: project.path("Sources/Shop/Extra.swift"))
        try FileManager.default.removeItem(atPath: project.path("services/recommendations.py"))
        let fewer = try project.run(["merge", a, b, c])
        #expect(fewer.status == 2 && fewer.stderr.contains("recommendations.py is in a part but not in this tree"), "\(fewer)")
        // The merge never writes over a part.
        let over = try project.run(["merge", "-o", a, a, b, c])
        #expect(over.status == 2 && over.stderr.contains("refusing to write"), "\(over)")
        #expect(try ShardPart.read(a).get().shard == 1)
    }

    @Test(arguments: [
        (["--shard", "0/3"], "between 1 and N"), (["--shard", "4/3"], "between 1 and N"), (["--shard", "x"], "takes K/N"),
        (["--shard", "1/2", "--format", "sarif"], "pass --format sarif to the merge"),
        (["--shard", "1/2", "--baseline", "b.json"], "--baseline applies to the merged report"),
        (["--shard", "1/2", "--today", "2026-01-01"], "--today applies to the merged report"),
        (["--shard", "1/2", "--select", "nested-flag"], "--select applies to the merged report"),
        (["--shard", "1/2", "--stdin-filename", "a.py", "-"], "stdin is linted on its own"),
    ])
    func badShardOptionsStopTheRun(_ arguments: [String], _ message: String) throws {
        let project = try Project(["a.py": "x = 1\n"])
        defer { project.remove() }
        let r = try project.run(["lint"] + arguments)
        #expect(r.status == 2 && r.stderr.contains(message) && r.stdout.isEmpty, "\(r)")
    }
}

/// The partition itself: every file in exactly one share, balanced by size, independent of the
/// order files are listed in.
struct ShardAssignmentTests {
    static func files(_ count: Int, seed: UInt64) -> [(key: String, size: Int64)] {
        var rng = SplitMix(state: seed)
        return (0..<count).map { ("f\($0).swift", Int64(rng.next() % 100_000)) }
    }

    @Test(arguments: [1, 2, 7, 64])
    func everyFileIsInExactlyOneBalancedShare(_ n: Int) {
        let files = Self.files(2000, seed: 7)
        var seen = [Int](repeating: 0, count: files.count)
        var loads: [Int64] = []
        for k in 1...n {
            let share = Shard(index: k, count: n)!.share(of: files)
            for i in share { seen[i] += 1 }
            loads.append(share.reduce(0) { $0 + max(1, files[$1].size) })
        }
        #expect(seen.allSatisfy { $0 == 1 })
        let largest = files.map(\.size).max()!
        #expect(loads.max()! - loads.min()! <= largest)
    }

    @Test func theAssignmentDependsOnFilesNotTheirOrder() {
        let files = Self.files(500, seed: 11) + [("same-a", 10), ("same-b", 10), ("empty", 0)]
        let owner = Shard.assignment(of: files, count: 7)
        let shuffled = Array(files.enumerated()).sorted { $0.element.key.hashValue < $1.element.key.hashValue }
        let again = Shard.assignment(of: shuffled.map(\.element), count: 7)
        for (j, pair) in shuffled.enumerated() { #expect(again[j] == owner[pair.offset]) }
    }
}
