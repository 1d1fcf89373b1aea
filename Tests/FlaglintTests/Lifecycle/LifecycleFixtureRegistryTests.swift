import Foundation
import Testing
import Yams
@testable import FlaglintSupport
@testable import FlaglintFrontends
@testable import FlaglintRules

/// Checks the registry side of `testdata/lifecycle/*` now, with the evaluations the fixtures'
/// code contains; the end-to-end run belongs to the fixture harness once the frontends land.
@Suite struct LifecycleFixtureRegistryTests {
    static let scenarios = ["native-yaml", "native-json", "native-inline", "flagd", "launchdarkly", "unleash"]

    func load(_ scenario: String) throws -> (Registry, CalendarDate, String) {
        let dir = testdataDirectory + "/lifecycle/" + scenario
        let configText = try String(contentsOfFile: dir + "/.lint.yml", encoding: .utf8)
        let args = configText.split(separator: "\n").first.map(String.init) ?? ""
        let today = try #require(args.components(separatedBy: "--today ").last.map { date($0) })
        let config = try #require(try Yams.compose(yaml: configText))
        var sources: [RegistrySource] = []
        for node in config["registry"]?.array() ?? [] {
            sources.append(try RegistrySource.parse(node, configPath: ".lint.yml", configDirectory: dir))
        }
        var inline: [FlagRecord] = []
        if let flags = config["flags"] { inline = try NativeRegistry.records(flagsNode: flags, path: ".lint.yml", text: configText) }
        let registry = try Registry.load(sources: sources, inline: inline) { try String(contentsOfFile: $0, encoding: .utf8) }
        return (registry, today, dir)
    }

    @Test(arguments: scenarios)
    func findingsMatchTheExpectations(scenario: String) throws {
        let (registry, today, dir) = try load(scenario)
        let refs = ["flag-29", "flag-30", "flag-31", "kill-switch", "legacy-search", "mystery"].map { reference($0) }
            + [reference(nil, expression: "key")]
        let settings = LintSettings(evaluators: [], rules: RuleRegistry.defaultSettings.merging(
            ["unknown-flag": RuleSettings(severity: .warning)]) { $1 })
        let findings = ProjectRules.findings(refs, registry: registry, today: today, settings: settings, wholeProject: true)
        let byRule = Dictionary(grouping: findings, by: \.rule).mapValues { $0.compactMap(\.flag) }
        #expect(byRule["stale-flag"] == ["flag-31"])
        #expect(byRule["removed-flag"] == ["legacy-search"])
        #expect(byRule["unknown-flag"] == ["mystery"])
        #expect(byRule["unused-flag"] == ["old-banner"])
        let unused = try #require(findings.first { $0.rule == "unused-flag" })
        let file = unused.path.hasPrefix("/") ? unused.path : dir + "/" + unused.path
        let expectedFile = dir + "/expected-registry-findings.txt"
        if FileManager.default.fileExists(atPath: expectedFile) {
            let expected = try String(contentsOfFile: expectedFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect("\((file as NSString).lastPathComponent):\(unused.line): unused-flag" == expected)
        } else {
            let lines = try String(contentsOfFile: unused.path == ".lint.yml" ? dir + "/.lint.yml" : file, encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines[unused.line - 1].contains("expect: unused-flag"))
        }
    }

    @Test func withoutWholeProjectNoUnusedFlags() throws {
        let (registry, today, _) = try load("native-yaml")
        let findings = ProjectRules.findings([reference("flag-31")], registry: registry, today: today,
                                             settings: LintSettings(evaluators: []), wholeProject: false)
        #expect(findings.map(\.rule) == ["stale-flag"])
    }

    @Test func unknownFlagIsOffByDefaultAndNothingRunsWithoutARegistry() {
        let settings = LintSettings(evaluators: [])
        #expect(settings.rules["unknown-flag"]?.severity == nil)
        #expect(settings.rules["manifest-default-mismatch"]?.severity == .warning)
        #expect(ProjectRules.findings([reference("x")], registry: nil, today: date("2026-11-25"), settings: settings, wholeProject: true).isEmpty)
    }
}
