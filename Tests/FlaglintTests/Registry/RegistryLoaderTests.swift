import Testing
import Yams
@testable import FlaglintSupport
@testable import FlaglintFrontends
@testable import FlaglintRules

@Suite struct NativeRegistryTests {
    @Test func loadsTheSampleYAML() throws {
        let records = try NativeRegistry.load(text: try testdataText("registry/flags.yml"), path: "flags.yml")
        let registry = try Registry(records: records)
        let checkout = try #require(registry.records["new-checkout"])
        #expect(checkout.owner == "payments")
        #expect(checkout.created == date("2026-06-01"))
        #expect(checkout.rolledOut == date("2026-09-01"))
        #expect(checkout.permanent == false)
        #expect(checkout.aliases == ["newCheckout", "kNewCheckout"])
        #expect(checkout.location == RegistryLocation(path: "flags.yml", line: 4, column: 3))
        #expect(checkout.lineText == "  new-checkout:")
        #expect(registry.records["kill-payments"]?.isPermanent == true)
        #expect(registry.records["promo-banner"]?.expires == date("2026-10-31"))
        #expect(registry.records["legacy-search"]?.removed?.date == date("2026-10-01"))
        #expect(registry.lookup(codeKey: "kNewCheckout")?.key == "new-checkout")
        #expect(registry.lookup(codeKey: "nope") == nil)
    }

    @Test func loadsTheSampleJSONWithLocations() throws {
        let records = try NativeRegistry.load(text: try testdataText("registry/flags.json"), path: "flags.json")
        let checkout = try #require(records.first { $0.key == "new-checkout" })
        #expect(checkout.rolledOut == date("2026-09-01"))
        #expect(checkout.location.line == 3)
        #expect(checkout.location.column == 5)
    }

    @Test func inlineFlagsFromAYamsNode() throws {
        let config = """
            version: 1
            flags:
              gift-wrap: { owner: payments, rolled_out: 2026-10-01 }
              bare:
            """
        let node = try #require(try Yams.compose(yaml: config)?["flags"])
        let records = try NativeRegistry.records(flagsNode: node, path: ".lint.yml", text: config)
        #expect(records.map(\.key) == ["gift-wrap", "bare"])
        #expect(records[0].location == RegistryLocation(path: ".lint.yml", line: 3, column: 3))
        #expect(records[0].lineText.contains("gift-wrap"))
        #expect(records[1].rolledOut == nil)
    }

    @Test(arguments: [
        ("flags:\n  a:\n    rolled_out: 2026-02-30\n", 3, 17, "`rolled_out` of flag `a`: invalid date `2026-02-30`: February 2026 has no day 30"),
        ("flags:\n  a:\n    rolledOut: 2026-02-01\n", 3, 5, "unknown field `rolledOut` of flag `a`; did you mean `rolled_out`?"),
        ("flags:\n  a:\n    permanent: maybe\n", 3, 16, "`permanent` of flag `a` must be true or false, found a string"),
        ("flags:\n  a: {}\n  a: {}\n", 3, 3, "duplicate key `a` (first at line 2)"),
        ("flags: [a, b]\n", 1, 8, "`flags` must be a mapping, found a list"),
        ("flags:\n  a: {owner: [x\n", 3, 1, "invalid YAML"),
        ("flag:\n  a: {}\n", 1, 1, "unknown key `flag` in a native registry"),
    ])
    func reportsYAMLErrorsWithTheirLocation(text: String, line: Int, column: Int, message: String) {
        let error = registryError { _ = try NativeRegistry.load(text: text, path: "flags.yml") }
        #expect(error?.path == "flags.yml")
        #expect(error?.line == line)
        #expect(error?.column == column)
        #expect(error?.message.hasPrefix(message) == true, "\(String(describing: error))")
    }

    @Test(arguments: [
        ("{\"flags\": {\"a\": {\"created\": \"2026-13-01\"}}}", 1, 29, "`created` of flag `a`: invalid date `2026-13-01`: month 13 does not exist"),
        ("{\n  \"flags\": {\n    \"a\": {},\n    \"a\": {}\n  }\n}", 4, 5, "duplicate key `a` (first at line 3)"),
        ("{\n  \"flags\": {\n    \"a\": {\"owner\": \"x\",}\n  }\n}", 3, 24, "invalid JSON: expected a string key, found `}`"),
        ("{\"flags\": {\"a\": {\"expires\": 20261231}}}", 1, 29, "`expires` of flag `a` must be a date (YYYY-MM-DD), found a number"),
        ("{\"flags\": {\"a\": {\"owner\": \"x\"}}", 1, 32, "invalid JSON: expected `,` or `}`, found the end of the file"),
        ("{\"flags\": {\"é\": {\"owner\": 1}}, \"x\": 2}", 1, 32, "unknown key `x`"),
    ])
    func reportsJSONErrorsWithTheirLocation(text: String, line: Int, column: Int, message: String) {
        let error = registryError { _ = try NativeRegistry.load(text: text, path: "flags.json") }
        #expect(error?.line == line)
        #expect(error?.column == column)
        #expect(error?.message.hasPrefix(message) == true, "\(String(describing: error))")
        #expect(error?.description.hasPrefix("flags.json:\(line):\(column): error: ") == true)
    }

    @Test func emptyFilesAreEmptyRegistries() throws {
        #expect(try NativeRegistry.load(text: "", path: "flags.yml").isEmpty)
        #expect(try NativeRegistry.load(text: "flags:\n", path: "flags.yml").isEmpty)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = "{\"flags\": " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
        let error = registryError { _ = try NativeRegistry.load(text: text, path: "flags.json") }
        #expect(error?.message.contains("nested too deeply") == true)
    }
}

@Suite struct FlagdRegistryTests {
    @Test func mapsMetadataAndState() throws {
        let registry = try Registry(records: try FlagdRegistry.load(text: try testdataText("registry/flagd.json"), path: "flagd.json"))
        let checkout = try #require(registry.records["new-checkout"])
        #expect(checkout.owner == "payments")
        #expect(checkout.created == date("2026-06-01"))
        #expect(checkout.rolledOut == date("2026-09-01"))
        #expect(checkout.aliases == ["newCheckout", "kNewCheckout"])
        #expect(checkout.format == .flagd)
        #expect(registry.records["kill-payments"]?.isPermanent == true)
        let legacy = try #require(registry.records["legacy-search"])
        #expect(legacy.removed == Removal(date: nil, reason: "`state: DISABLED` in flagd"))
        #expect(registry.records["gift-wrap"]?.rolledOut == nil)
    }

    @Test func readsYAMLDefinitions() throws {
        let records = try FlagdRegistry.load(text: try testdataText("registry/flagd.yaml"), path: "flagd.yaml")
        #expect(records.first?.rolledOut == date("2026-09-01"))
        #expect(records.first?.location.line == 3)
    }

    @Test func rejectsAnUnknownState() {
        let error = registryError {
            _ = try FlagdRegistry.load(text: "{\"flags\": {\"a\": {\"state\": \"OFF\", \"variants\": {}}}}", path: "f.json")
        }
        #expect(error?.message == "`state` of flag `a` must be ENABLED or DISABLED, found `OFF`")
        #expect(error?.column == 27)
    }

    @Test func badMetadataDateHasItsLocation() {
        let text = "{\n \"flags\": {\"a\": {\"state\": \"ENABLED\",\n  \"metadata\": {\"rolledOut\": \"2026-02-30\"}}}}"
        let error = registryError { _ = try FlagdRegistry.load(text: text, path: "f.json") }
        #expect(error?.line == 3)
        #expect(error?.column == 29)
    }
}

@Suite struct LaunchDarklyRegistryTests {
    func load(_ environment: String? = nil) throws -> Registry {
        try Registry(records: try LaunchDarklyRegistry.load(text: try testdataText("registry/launchdarkly.json"),
                                                             path: "ld.json", environment: environment))
    }

    @Test func mapsTheItemsResponse() throws {
        let registry = try load()
        let checkout = try #require(registry.records["new-checkout"])
        #expect(checkout.created == date("2026-06-01"))
        #expect(checkout.owner == "payments")
        #expect(checkout.permanent == false)
        // production decides by default
        #expect(checkout.rolledOut == date("2026-09-01"))
        #expect(registry.records["kill-payments"]?.isPermanent == true)
        #expect(registry.records["kill-payments"]?.owner == "ada@example.com")
        #expect(registry.records["legacy-search"]?.removed == Removal(date: date("2026-10-01"), reason: "archived in LaunchDarkly"))
        // a percentage rollout in production is not fully rolled out
        #expect(registry.records["gift-wrap"]?.rolledOut == nil)
    }

    @Test func theEntryEnvironmentDecides() throws {
        let registry = try load("staging")
        #expect(registry.records["new-checkout"]?.rolledOut == date("2026-08-20"))
        #expect(registry.records["gift-wrap"]?.rolledOut == date("2026-10-01"))
        // kill-payments has no staging environment: not rolled out there
        #expect(registry.records["kill-payments"]?.rolledOut == nil)
    }

    @Test func anUnknownEnvironmentIsAnError() {
        let error = registryError { _ = try load("prod") }
        #expect(error?.message == "no flag has the environment `prod` (environments: production, staging)")
        #expect(error?.line == 9)
    }

    @Test func withoutProductionAllEnvironmentsMustAgree() throws {
        func flag(_ a: String, _ b: String) -> String {
            """
            {"key": "f", "creationDate": 1780272000000, "temporary": true, "environments": {
              "dev": {"on": true, "lastModified": 1787184000000, "fallthrough": {"variation": 0}, \(a)},
              "qa": {"on": true, "lastModified": 1788256800000, "fallthrough": {"variation": 0}, \(b)}}}
            """
        }
        let agreed = try LaunchDarklyRegistry.load(text: flag("\"rules\": []", "\"targets\": []"), path: "f.json")
        #expect(agreed.first?.rolledOut == date("2026-09-01"))
        let targeted = try LaunchDarklyRegistry.load(
            text: flag("\"rules\": []", "\"targets\": [{\"values\": [\"u1\"], \"variation\": 1}]"), path: "f.json")
        #expect(targeted.first?.rolledOut == nil)
        let single = try LaunchDarklyRegistry.load(text: "[" + flag("\"prerequisites\": []", "\"rules\": []") + "]", path: "f.json")
        #expect(single.count == 1)
    }

    @Test func offIsNotRolledOut() throws {
        let text = """
            {"key": "f", "environments": {"production": {"on": false, "lastModified": 1787184000000, "fallthrough": {"variation": 0}}}}
            """
        #expect(try LaunchDarklyRegistry.load(text: text, path: "f.json").first?.rolledOut == nil)
    }

    @Test func creationDateMustBeMilliseconds() {
        let error = registryError { _ = try LaunchDarklyRegistry.load(text: "{\"key\": \"f\", \"creationDate\": \"2026-01-01\"}", path: "f.json") }
        #expect(error?.message == "`creationDate` of flag `f` must be Unix milliseconds, found a string")
        #expect(error?.column == 30)
    }
}

@Suite struct UnleashRegistryTests {
    @Test func mapsTheExport() throws {
        let registry = try Registry(records: try UnleashRegistry.load(text: try testdataText("registry/unleash-export.json"), path: "u.json"))
        let checkout = try #require(registry.records["new-checkout"])
        #expect(checkout.created == date("2026-06-01"))
        #expect(checkout.owner == "payments")
        #expect(checkout.rolledOut == date("2026-09-01"))
        #expect(registry.records["kill-payments"]?.isPermanent == true)
        #expect(registry.records["legacy-search"]?.removed == Removal(date: date("2026-10-01"), reason: "archived in Unleash"))
        #expect(registry.records["gift-wrap"]?.rolledOut == nil)
    }

    @Test func constraintsAndDisabledEnvironmentsAreNotFullRollouts() throws {
        func export(strategy: String, enabled: Bool = true) -> String {
            """
            {"features": [{"name": "f", "lifecycle": {"stage": "live", "enteredStageAt": "2026-09-01T00:00:00Z"}}],
             "featureStrategies": [{"name": "flexibleRollout", "featureName": "f", \(strategy)}],
             "featureEnvironments": [{"featureName": "f", "environment": "production", "enabled": \(enabled)}]}
            """
        }
        let full = try UnleashRegistry.load(text: export(strategy: "\"parameters\": {\"rollout\": 100}, \"constraints\": []"), path: "u.json")
        #expect(full.first?.rolledOut == date("2026-09-01"))
        let constrained = try UnleashRegistry.load(text: export(strategy: """
            "parameters": {"rollout": "100"}, "constraints": [{"contextName": "userId", "operator": "IN", "values": ["1"]}]
            """), path: "u.json")
        #expect(constrained.first?.rolledOut == nil)
        let disabled = try UnleashRegistry.load(text: export(strategy: "\"parameters\": {\"rollout\": \"100\"}", enabled: false), path: "u.json")
        #expect(disabled.first?.rolledOut == nil)
    }

    @Test func completedLifecycleIsRolledOut() throws {
        let text = """
            {"features": [{"name": "f", "type": "release", "lifecycle": {"stage": "completed", "status": "kept", "enteredStageAt": "2026-08-15T12:00:00Z"}}],
             "featureStrategies": []}
            """
        #expect(try UnleashRegistry.load(text: text, path: "u.json").first?.rolledOut == date("2026-08-15"))
    }

    @Test func missingFeaturesIsAnError() {
        let error = registryError { _ = try UnleashRegistry.load(text: "{\"version\": 1}", path: "u.json") }
        #expect(error?.message == "an Unleash export needs a `features` list")
    }
}

@Suite struct OpenFeatureManifestTests {
    @Test func readsDefaultValues() throws {
        let registry = try Registry(records: try OpenFeatureManifest.load(text: try testdataText("registry/openfeature-manifest.json"), path: "m.json"))
        #expect(registry.records["darkMode"]?.manifestDefault == .bool(false))
        #expect(registry.records["maxItems"]?.manifestDefault == .number("50"))
        #expect(registry.records["themeName"]?.manifestDefault == .string("light"))
        #expect(registry.records["darkMode"]?.rolledOut == nil)
    }

    @Test func aDefaultOfTheWrongTypeIsAnError() {
        let error = registryError {
            _ = try OpenFeatureManifest.load(text: "{\"flags\": {\"a\": {\"flagType\": \"boolean\", \"defaultValue\": \"no\"}}}", path: "m.json")
        }
        #expect(error?.message == "`defaultValue` of flag `a` is a string, but its `flagType` is `boolean`")
    }
}
