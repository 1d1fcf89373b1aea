import Foundation
import Testing
@testable import FlaglintFrontends

/// README's GitHub Actions matrix (`readme-test: shard-matrix`): its shard step for every
/// matrix value, then its merge step, on the demo, give the SARIF a single run gives.
@Suite(.enabled(if: CLI.binary != nil, CLI.skipReason))
struct ShardReadmeTests {
    @Test func theMatrixRecipeMergesToTheSingleRun() throws {
        let workflow = try Readme.block("shard-matrix")
        func step(_ prefix: String) throws -> String {
            let line = try #require(workflow.split(separator: "\n").first { $0.contains("run: \(prefix)") }, "no `run: \(prefix)` step")
            return String(line.components(separatedBy: "run: ").last!)
        }
        let lint = try step("flaglint lint --shard")
        let merge = try step("flaglint merge")
        let values = try #require(workflow.split(separator: "\n").first { $0.contains("shard: [") })
        let shards = values.components(separatedBy: "[").last!.dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(shards.count == 7 && lint.contains("/7 "))

        let demo = try Project.copy(of: "testdata/demo")
        defer { demo.remove() }
        let runner = try Project()
        defer { runner.remove() }
        try runner.mkdir("parts")
        for k in shards {
            let r = try Readme.sh(lint.replacingOccurrences(of: "${{ matrix.shard }}", with: k), in: demo.root,
                                  environment: ["RUNNER_TEMP": runner.root])
            #expect(r.status == 0, "shard \(k): \(r.stderr)")
            try FileManager.default.moveItem(atPath: runner.path("part-\(k).json"), toPath: runner.path("parts/part-\(k).json"))
        }
        let merged = try Readme.sh(merge, in: demo.root, environment: ["RUNNER_TEMP": runner.root])
        #expect(merged.status == 0, "--fail-on never: \(merged.stderr)")
        let single = try Readme.sh("flaglint --format sarif -o single.sarif --fail-on never .", in: demo.root)
        #expect(single.status == 0)
        #expect(try demo.read("flaglint.sarif") == demo.read("single.sarif"))
    }
}
