import Testing
import Yams
@testable import FlaglintSupport
@testable import FlaglintFrontends
@testable import FlaglintRules

@Suite struct RegistryMergeTests {
    func record(_ key: String, line: Int, path: String = "a.yml", rolledOut: String? = nil, owner: String? = nil,
                aliases: [String] = []) -> FlagRecord {
        FlagRecord(key: key, owner: owner, rolledOut: rolledOut.map(date), aliases: aliases,
                   location: RegistryLocation(path: path, line: line, column: 3), format: .native)
    }

    @Test func identicalDuplicatesMerge() throws {
        let registry = try Registry(records: [record("a", line: 2, rolledOut: "2026-09-01"),
                                              record("a", line: 7, path: "b.yml", rolledOut: "2026-09-01", owner: "x")])
        #expect(registry.records["a"]?.owner == "x")
        #expect(registry.records["a"]?.location.path == "a.yml")
    }

    @Test func conflictingDuplicatesNameBothLocations() {
        let error = registryError {
            _ = try Registry(records: [record("a", line: 2, rolledOut: "2026-09-01"),
                                       record("a", line: 7, path: "b.yml", rolledOut: "2026-09-02")])
        }
        #expect(error?.description == "b.yml:7:3: error: flag `a` is defined twice with different `rolled_out`: 2026-09-02 here, 2026-09-01 at a.yml:2:3")
    }

    @Test func aliasesMustBeUnambiguous() {
        let clash = registryError { _ = try Registry(records: [record("a", line: 2, aliases: ["x"]), record("b", line: 3, aliases: ["x"])]) }
        #expect(clash?.message == "alias `x` of flag `b` is already an alias of `a` (a.yml:2:3)")
        let keyClash = registryError { _ = try Registry(records: [record("a", line: 2, aliases: ["b"]), record("b", line: 3)]) }
        #expect(keyClash?.message == "flag `b` is also an alias of `a` (a.yml:2:3)")
    }

    @Test func manifestAndVendorComplementEachOther() throws {
        let manifest = try OpenFeatureManifest.load(text: try testdataText("registry/openfeature-manifest.json"), path: "m.json")
        let vendor = try LaunchDarklyRegistry.load(text: try testdataText("registry/launchdarkly.json"), path: "ld.json")
        let registry = try Registry(records: manifest + vendor)
        #expect(registry.records["new-checkout"]?.manifestDefault == .bool(false))
        #expect(registry.records["new-checkout"]?.rolledOut == date("2026-09-01"))
    }

    @Test func loadsConfiguredSourcesAndReportsUnreadableOnes() throws {
        let config = """
            registry:
              - flags.yml
              - { path: launchdarkly.json, format: launchdarkly, environment: staging }
              - { path: missing.json, format: flagd }
            
            """
        let entries = try #require(try Yams.compose(yaml: config)?["registry"]?.array())
        let sources = try entries.map { node throws(RegistryError) in
            try RegistrySource.parse(node, configPath: ".lint.yml", configDirectory: testdataDirectory + "/registry")
        }
        #expect(sources[1].format == .launchdarkly)
        #expect(sources[1].environment == "staging")
        #expect(sources[0].path == testdataDirectory + "/registry/flags.yml")
        struct Missing: Error, CustomStringConvertible { var description: String { "no such file" } }
        let read: (String) throws -> String = { path in
            if path.hasSuffix("missing.json") { throw Missing() }
            return try String(contentsOfFile: path, encoding: .utf8)
        }
        let merged = try Registry.load(sources: [sources[0]], inline: [record("inline-flag", line: 9, path: ".lint.yml")], read: read)
        #expect(merged.records["inline-flag"] != nil && merged.records["new-checkout"] != nil)
        // flags.yml says new-checkout reached 100% on 2026-09-01, LaunchDarkly's staging on 2026-08-20
        let conflict = registryError { _ = try Registry.load(sources: Array(sources[0...1]), read: read) }
        #expect(conflict?.message.hasPrefix("flag `new-checkout` is defined twice with different `rolled_out`: 2026-08-20 here, 2026-09-01 at ") == true)
        let error = registryError { _ = try Registry.load(sources: [sources[2]], read: read) }
        #expect(error?.line == 4)
        #expect(error?.column == 5)
        #expect(error?.path == ".lint.yml")
        #expect(error?.message.hasSuffix("missing.json: no such file") == true)
    }

    @Test(arguments: [
        ("registry:\n  - { path: f.json, format: vendor }\n", "unknown registry format `vendor`"),
        ("registry:\n  - { path: f.json, format: flagd, environment: prod }\n", "`environment` applies to"),
        ("registry:\n  - { format: flagd }\n", "a registry entry needs a `path`"),
        ("registry:\n  - { path: f.json, formats: flagd }\n", "unknown key `formats`"),
    ])
    func rejectsBadEntries(config: String, message: String) throws {
        let node = try #require(try Yams.compose(yaml: config)?["registry"]?.array().first)
        let error = registryError { _ = try RegistrySource.parse(node, configPath: ".lint.yml", configDirectory: ".") }
        #expect(error?.message.hasPrefix(message) == true, "\(String(describing: error))")
        #expect(error?.line == 2)
    }
}
