import Testing
import Yams
@testable import FlaglintSupport
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintRules
@testable import FlaglintEngine

private func parse(_ yaml: String) throws -> Configuration {
    try Configuration.parse(yaml, file: "/repo/.lint.yml", displayPath: ".lint.yml")
}

/// The rendered error for `yaml`, or nil when it loads.
private func error(_ yaml: String) -> String? {
    do {
        _ = try parse(yaml)
        return nil
    } catch {
        return String(describing: error)
    }
}

@Suite struct ConfigurationParserTests {
    @Test func emptyAndCommentOnlyFilesAreTheDefaults() throws {
        for text in ["", "# nothing\n", "---\n", "~\n", "\u{FEFF}"] {
            let configuration = try parse(text)
            #expect(configuration.sdks == nil)
            #expect(configuration.evaluators.isEmpty)
            #expect(configuration.rules.isEmpty)
            #expect(configuration.directory == "/repo")
            #expect(configuration.file == "/repo/.lint.yml")
        }
    }

    @Test func readsEveryKey() throws {
        let configuration = try parse("""
            version: 1
            include: ["Sources/**", "app/**"]
            exclude: ["**/Tests/**", vendor/]
            sdks: [launchdarkly, openfeature]
            evaluators:
              - match: "features.has($KEY, ...)"
                language: python
                fallback: false
              - match: FeatureFlag.$KEY.enabled
                language: [swift, cfamily]
                type: any
                polarity: negative
                note: wraps LaunchDarkly
            rules:
              nested-flag: { severity: warning, max_depth: 2 }
              stale-flag: { days: 45 }
              missing-default-false: { severity: error, unverifiable: off }
              unknown-flag: warning
              unused-suppression: { severity: off }
            registry:
              - flags.yml
              - { path: ops/flagd.json, format: flagd }
              - { path: /abs/ld.json, format: launchdarkly, environment: production }
              - { path: ../manifest.json, format: openfeature-manifest }
            flags:
              new-checkout:
                rolled_out: 2026-09-01
            compile_commands: build/compile_commands.json
            defines: [NDEBUG, "LEVEL=2"]
            languages: { ".h": cpp, inc: c }
            """)
        #expect(configuration.include.map(\.pattern) == ["Sources/**", "app/**"])
        #expect(configuration.exclude.map(\.pattern) == ["**/Tests/**", "vendor/"])
        #expect(configuration.sdks?.map(\.value) == ["launchdarkly", "openfeature"])
        #expect(configuration.sdks?[1].location == ConfigLocation(path: ".lint.yml", line: 4, column: 22))

        #expect(configuration.evaluators.count == 2)
        let first = configuration.evaluators[0]
        #expect(first.info == EvaluatorInfo(sdk: "custom", pattern: "features.has($KEY, ...)", type: .bool, fallback: .false))
        #expect(first.languages == [.python])
        #expect(first.origin == ".lint.yml:6:5")
        #expect(first.pattern.text == "features.has($KEY, ...)")
        let second = configuration.evaluators[1]
        #expect(second.info == EvaluatorInfo(sdk: "custom", pattern: "FeatureFlag.$KEY.enabled", type: .any,
                                             fallback: .unknown, polarity: .negative, note: "wraps LaunchDarkly"))
        #expect(second.languages == [.swift, .c, .cpp, .objc, .objcpp])

        #expect(configuration.severity(ofRule: "nested-flag", default: .error) == .warning)
        #expect(configuration.integerOption("max_depth", ofRule: "nested-flag") == 2)
        #expect(configuration.severity(ofRule: "stale-flag", default: .error) == .error)
        #expect(configuration.integerOption("days", ofRule: "stale-flag") == 45)
        #expect(configuration.severityOption("unverifiable", ofRule: "missing-default-false") == .off)
        #expect(configuration.severity(ofRule: "unknown-flag", default: nil) == .warning)
        #expect(configuration.severity(ofRule: "unused-suppression", default: .warning) == nil)
        #expect(configuration.severity(ofRule: "removed-flag", default: .error) == .error)
        #expect(configuration.rules["nested-flag"]?.location.line == 15)

        #expect(configuration.registry.map(\.path) == ["/repo/flags.yml", "/repo/ops/flagd.json", "/abs/ld.json", "/manifest.json"])
        #expect(configuration.registry.map(\.format) == [.native, .flagd, .launchdarkly, .openFeatureManifest])
        #expect(configuration.registry[2].environment == "production")
        #expect(configuration.registry[1].location.description == ".lint.yml:22:5")

        let flags = try #require(configuration.inlineFlags)
        #expect(flags.path == ".lint.yml")
        #expect(flags.location.line == 25)
        let node = flags.node()
        #expect(node.mapping?["new-checkout"]?.mapping?["rolled_out"]?.string == "2026-09-01")
        #expect(node.mapping?["new-checkout"]?.mark?.line == 27)

        #expect(configuration.compileCommands?.value == "/repo/build/compile_commands.json")
        #expect(configuration.defines == ["NDEBUG", "LEVEL=2"])
        #expect(configuration.languages == ["h": .cpp, "inc": .c])
        #expect(configuration.language(forExtension: "h") == .cpp)
        #expect(configuration.language(forExtension: "INC") == .c)
        #expect(configuration.language(forExtension: "swift") == .swift)
        #expect(configuration.language(forExtension: "txt") == nil)
    }

    /// `requires_import`, `key_from_identifier`, `controls` and `type: maybe-bool` are accepted in
    /// `.lint.yml` evaluators as in the built-in catalogue.
    @Test func catalogueOnlyOptionsInEvaluators() throws {
        let configuration = try parse("""
            evaluators:
              - match: "Features::IsEnabled($KEY)"
                language: cpp
                key_from_identifier: "k$NAME"
                requires_import: "acme/features.h"
              - match: "flags.variation($KEY, $DEFAULT)"
                language: python
                type: maybe-bool
                requires_import: [acme_flags, acme.flags]
              - match: "feature_flag = $KEY"
                language: python
                controls: class
            """)
        let e = configuration.evaluators
        #expect(e.map(\.requiredImports) == [["acme/features.h"], ["acme_flags", "acme.flags"], []])
        #expect(e[0].keyFromIdentifier?.text == "k$NAME" && e[1].keyFromIdentifier == nil)
        #expect(e[0].keyFromIdentifier?.name(in: "kDarkMode") == "DarkMode")
        #expect(e[0].keyFromIdentifier?.name(in: "DarkMode") == nil)
        #expect(e[1].info.type == .maybeBool)
        #expect(e.map(\.info.controlsClass) == [false, false, true])
    }

    @Test func sdksEmptyMeansNone() throws {
        #expect(try parse("sdks: []").sdks?.isEmpty == true)
        #expect(try parse("sdks:").sdks == nil)
    }

    @Test func unknownKeysNameTheAllowedOnesAndSuggest() {
        #expect(error("version: 1\nexlude: []\n") == ".lint.yml:2:1: error: unknown key `exlude`; did you mean `exclude`? "
            + "(allowed: version, include, exclude, sdks, evaluators, rules, registry, flags, compile_commands, defines, include_dirs, languages)")
        #expect(error("colour: red") == ".lint.yml:1:1: error: unknown key `colour` "
            + "(allowed: version, include, exclude, sdks, evaluators, rules, registry, flags, compile_commands, defines, include_dirs, languages)")
        #expect(error("evaluators:\n  - match: f($KEY)\n    langauge: swift\n") == ".lint.yml:3:5: error: unknown key `langauge` in an evaluator; "
            + "did you mean `language`? (allowed: match, language, type, fallback, polarity, note, requires_import, key_from_identifier, controls, key_type)")
        #expect(error("rules:\n  nested-flags: off\n") == ".lint.yml:2:3: error: unknown rule `nested-flags`; did you mean `nested-flag`? "
            + "(configurable rules: nested-flag, stale-flag, missing-default-false, dynamic-flag-key, unknown-flag, unused-flag, removed-flag, unused-suppression, manifest-default-mismatch)")
        #expect(error("rules:\n  nested-flag: { max-depth: 2 }\n") == ".lint.yml:2:18: error: unknown option `max-depth` for rule `nested-flag`; "
            + "did you mean `max_depth`? (allowed: severity, max_depth)")
        #expect(error("rules:\n  unknown-flag: { days: 2 }\n") == ".lint.yml:2:19: error: unknown option `days` for rule `unknown-flag` (allowed: severity)")
        #expect(error("registry:\n  - { path: a.json, fromat: flagd }\n") == ".lint.yml:2:21: error: unknown key `fromat` in a registry entry; "
            + "did you mean `format`? (allowed: path, format, environment)")
    }

    @Test func wrongTypes() {
        #expect(error("include: Sources") == ".lint.yml:1:10: error: `include` must be a list of strings, found a string")
        #expect(error("exclude: [[a]]") == ".lint.yml:1:11: error: each item of `exclude` must be a string, found a list")
        #expect(error("version: \"1\"") == ".lint.yml:1:10: error: `version` must be an integer, found a string")
        #expect(error("rules: [nested-flag]") == ".lint.yml:1:8: error: `rules` must be a mapping, found a list")
        #expect(error("rules:\n  stale-flag: { days: thirty }\n") == ".lint.yml:2:23: error: `days` must be an integer, found a string")
        #expect(error("rules:\n  stale-flag: { days: 1.5 }\n") == ".lint.yml:2:23: error: `days` must be an integer, found a number (`1.5`)")
        #expect(error("evaluators: { match: x }") == ".lint.yml:1:13: error: `evaluators` must be a list, found a mapping")
        #expect(error("evaluators:\n  - match: [a]\n") == ".lint.yml:2:12: error: `match` must be a string, found a list")
        #expect(error("flags: [a]") == ".lint.yml:1:8: error: `flags` must be a mapping from flag key to its record, found a list")
        #expect(error("registry:\n  - [a]\n") == ".lint.yml:2:5: error: a registry entry must be a path or a mapping with `path` and `format`, found a list")
        #expect(error("languages: [h]") == ".lint.yml:1:12: error: `languages` must be a mapping, found a list")
        #expect(error("- a\n- b\n") == ".lint.yml:1:1: error: the configuration must be a mapping, found a list")
        #expect(error("compile_commands: {a: b}") == ".lint.yml:1:19: error: `compile_commands` must be a string, found a mapping")
    }

    @Test func badValues() {
        #expect(error("version: 2") == ".lint.yml:1:10: error: unsupported configuration version 2; this flaglint reads version 1")
        #expect(error("rules:\n  nested-flag: { severity: fatal }\n") == ".lint.yml:2:28: error: `severity` must be one of error, warning, off, found `fatal`")
        #expect(error("rules:\n  nested-flag: { severity: eror }\n") == ".lint.yml:2:28: error: `severity` must be one of error, warning, off, found `eror`; did you mean `error`?")
        #expect(error("rules:\n  nested-flag: { max_depth: -1 }\n") == ".lint.yml:2:29: error: `max_depth` must be a non-negative integer, found -1")
        #expect(error("rules:\n  missing-default-false: { unverifiable: info }\n") == ".lint.yml:2:42: error: `unverifiable` must be one of error, warning, off, found `info`")
        #expect(error("rules:\n  unknown-flag: loud\n") == ".lint.yml:2:17: error: the severity of `unknown-flag` must be one of error, warning, off, found `loud`")
        #expect(error("evaluators:\n  - language: swift\n") == ".lint.yml:2:5: error: an evaluator needs `match`, the pattern of the call it recognises")
        #expect(error("evaluators:\n  - match: f($KEY)\n    language: kotlin\n") == ".lint.yml:3:15: error: unknown language `kotlin`; expected one of swift, python, c, cpp, objc, objcpp, cfamily")
        #expect(error("evaluators:\n  - match: f($KEY)\n    language: [swift, go]\n") == ".lint.yml:3:23: error: unknown language `go`; expected one of swift, python, c, cpp, objc, objcpp, cfamily")
        #expect(error("evaluators:\n  - match: f($KEY)\n    fallback: maybe\n") == ".lint.yml:3:15: error: `fallback` must be one of false, true, unknown, found `maybe`")
        #expect(error("evaluators:\n  - match: f($KEY)\n    type: boolean\n") == ".lint.yml:3:11: error: `type` must be one of bool, any, maybe-bool, found `boolean`")
        #expect(error("evaluators:\n  - match: f($KEY)\n    polarity: negativ\n") == ".lint.yml:3:15: error: `polarity` must be one of positive, negative, found `negativ`; did you mean `negative`?")
        #expect(error("evaluators:\n  - match: \"\"\n") == ".lint.yml:2:12: error: `match` must not be empty")
        #expect(error("evaluators:\n  - match: f($KEY)\n    key_from_identifier: kNAME\n") == ".lint.yml:3:26: error: bad `key_from_identifier`: `key_from_identifier` needs `$NAME` where the flag name is in the identifier, as in `k$NAME`")
        #expect(error("evaluators:\n  - match: f($KEY)\n    key_from_identifier: \"k::$NAME\"\n") == ".lint.yml:3:30: error: bad `key_from_identifier`: `:` cannot be part of an identifier: the template is an identifier with `$NAME` in it, as in `k$NAME`")
        #expect(error("evaluators:\n  - match: f($KEY)\n    requires_import: []\n") == ".lint.yml:3:22: error: `requires_import` must name at least one module or header")
        #expect(error("evaluators:\n  - match: f($KEY)\n    controls: function\n") == ".lint.yml:3:15: error: `controls` must be one of class, found `function`")
        #expect(error("registry:\n  - { path: a.json, format: yaml }\n") == ".lint.yml:2:29: error: `format` must be one of native, flagd, launchdarkly, unleash, openfeature-manifest, found `yaml`")
        #expect(error("registry:\n  - { format: flagd }\n") == ".lint.yml:2:5: error: a registry entry needs `path`")
        #expect(error("registry:\n  - { path: a.json, format: flagd, environment: prod }\n") == ".lint.yml:2:49: error: `environment` applies only to `format: launchdarkly`")
        #expect(error("languages: { \".h\": cfamily }") == ".lint.yml:1:20: error: `cfamily` is not one language; expected one of swift, python, c, cpp, objc, objcpp")
        #expect(error("languages: { \".\": c }") == ".lint.yml:1:14: error: `.` is not a file extension (write it like `.h`)")
        #expect(error("defines: [-DNDEBUG]") == ".lint.yml:1:11: error: write the macro without `-D`: `NDEBUG`")
    }

    @Test func badGlobsPointAtTheCharacter() {
        #expect(error("exclude: [\"a[b\"]") == ".lint.yml:1:13: error: bad glob `a[b`: unterminated `[`")
        #expect(error("include:\n  - 'x''y[z'\n") == ".lint.yml:2:10: error: bad glob `x'y[z`: unterminated `[`")
        #expect(error("include:\n  - src/[z-a]\n") == ".lint.yml:2:9: error: bad glob `src/[z-a]`: range `z-a` is reversed")
    }

    @Test func duplicateKeysAnywhere() {
        #expect(error("version: 1\nversion: 1\n") == ".lint.yml:2:1: error: duplicate key `version` (first written at line 1)")
        #expect(error("rules:\n  stale-flag: { days: 1, days: 2 }\n") == ".lint.yml:2:26: error: duplicate key `days` (first written at line 2)")
        #expect(error("flags:\n  a: {}\n  b: {}\n  a: {}\n") == ".lint.yml:4:3: error: duplicate key `a` (first written at line 2)")
    }

    @Test func malformedYAMLKeepsItsLocation() throws {
        let unclosed = try #require(error("include: [a, b\nexclude: []\n"))
        #expect(unclosed.hasPrefix(".lint.yml:2:"))
        #expect(unclosed.contains(": error: malformed YAML: "))
        let badIndent = try #require(error("rules:\n  a: 1\n b: 2\n"))
        #expect(badIndent.hasPrefix(".lint.yml:3:2: error: malformed YAML: "))
        let tab = try #require(error("rules:\n\tnested-flag: off\n"))
        #expect(tab.hasPrefix(".lint.yml:2:1: error: malformed YAML: "))
        let undefinedAlias = try #require(error("include: *nothing\n"))
        #expect(undefinedAlias.hasPrefix(".lint.yml:1:10: error: malformed YAML: "))
        let twoDocuments = try #require(error("version: 1\n---\nversion: 1\n"))
        #expect(twoDocuments.contains("error: malformed YAML: "))
    }

    @Test func hostileInputFailsCleanly() throws {
        let deepFlow = String(repeating: "[", count: 100_000)
        #expect(error("include: " + deepFlow) == ".lint.yml:1:1: error: malformed YAML: nesting deeper than 256 levels")
        let deepBlock = (0..<2_000).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")
        #expect(error(deepBlock)?.contains("nesting deeper than 256 levels") == true)
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1..<9 { bomb += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        #expect(error("flags:\n  " + bomb.split(separator: "\n").joined(separator: "\n  ") + "\n")
            == ".lint.yml:1:1: error: the configuration is too large (more than 200000 YAML nodes after expanding aliases)")
    }

    @Test func invalidUTF8IsLocated() {
        let bytes = Array("version: 1\nexclude: [\"".utf8) + [0xFF] + Array("\"]\n".utf8)
        #expect(throws: ConfigError(path: "c.yml", line: 2, column: 12, message: "the configuration is not valid UTF-8")) {
            _ = try ConfigText.decode(bytes, path: "c.yml")
        }
    }

    @Test func patternErrorColumnsMapIntoTheFile() throws {
        let text = "evaluators:\n  - match: \"a\\\"b(c\"\n  - match: 'x''y('\n  - match: plain(x\n"
        let root = try #require(try Yams.compose(yaml: text))
        let reader = ConfigReader(path: ".lint.yml", source: text)
        let items = root.mapping!["evaluators"]!.array()
        // The offset of `(` in each pattern text.
        #expect(reader.location(inScalar: items[0].mapping!["match"]!, offset: 3).description == ".lint.yml:2:17")
        #expect(reader.location(inScalar: items[1].mapping!["match"]!, offset: 3).description == ".lint.yml:3:17")
        #expect(reader.location(inScalar: items[2].mapping!["match"]!, offset: 5).description == ".lint.yml:4:17")
    }

    @Test func configErrorRendering() {
        #expect(ConfigError(path: "a/.lint.yml", line: 3, column: 7, message: "m").description == "a/.lint.yml:3:7: error: m")
        #expect(ConfigError(path: "a/.lint.yml", line: 0, column: 0, message: "m").description == "a/.lint.yml: error: m")
        let location = ConfigLocation(path: ".lint.yml", line: 4, column: 9)
        #expect(location.error("unknown SDK `ld`").description == ".lint.yml:4:9: error: unknown SDK `ld`")
    }

    @Test func theRegistryCoversTheSpecRules() {
        #expect(Set(RuleRegistry.ids) == ["nested-flag", "stale-flag", "missing-default-false", "dynamic-flag-key",
                                          "unknown-flag", "unused-flag", "removed-flag", "unused-suppression", "manifest-default-mismatch"])
    }

    /// Every option a rule declares is accepted with its default (and rejected with a wrong
    /// type), and the default is what `RuleRegistry.defaultSettings` holds.
    @Test(arguments: RuleRegistry.descriptions.flatMap { d in d.configurableOptions.map { (d.id, $0.name) } })
    func declaredOptionsAreValidatedAndDefaulted(rule: String, option: String) throws {
        let o = try #require(RuleRegistry.description(of: rule)?.configurableOptions.first { $0.name == option })
        let written: String
        switch o.defaultValue {
        case let .integer(n): written = "\(n)"
        case let .severity(s): written = s.rawValue
        }
        let configuration = try parse("rules: { \(rule): { \(option): \(written) } }")
        #expect(configuration.rules[rule]?.options[option] == o.defaultValue)
        #expect(RuleRegistry.defaultSettings[rule]?.options[option] == o.defaultValue)
        let wrong = o.kind == .count ? "sometimes" : "-1"
        #expect(error("rules: { \(rule): { \(option): \(wrong) } }")?.contains("`\(option)`") == true)
    }

    @Test func shippedExamplesLoad() throws {
        let starter = try parse(Configuration.starterConfiguration)
        #expect(starter.rules.count == RuleRegistry.all.count)
        let root = PathName.parent(PathName.parent(PathName.parent(PathName.parent(#filePath))))
        let example = try Configuration.load(file: root + "/.lint.yml.example", displayPath: ".lint.yml.example")
        #expect(example.rules.count == RuleRegistry.all.count)
        #expect(example.severity(ofRule: "unknown-flag", default: .warning) == nil)
    }
}
