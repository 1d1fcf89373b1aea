import Foundation
import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintAnalysis
@testable import FlaglintRules
@testable import FlaglintEngine

/// `flaglint init --detect`: wrapper inference on in-memory code (one hop from a catalogue
/// evaluation to the function, method, property or enum accessor around it), then the CLI on
/// the fixture projects in `testdata/init` and on the demo with its evaluators deleted.
struct WrapperInferenceTests {
    static func suggestions(_ code: String, _ language: Language) throws -> [WrapperSuggestion] {
        let frontend = try #require(FrontendRegistry.frontend(for: language))
        let model = try frontend.parse(SourceFile(path: "x", language: language, text: code), context: FrontendContext())
        var matcher = PatternMatcher(model: model, resolver: ValueResolver())
        return WrapperInference.suggestions(in: model, evaluations: matcher.evaluations(of: TestLinter.allEvaluators))
    }

    @Test func swiftShapes() throws {
        let found = try Self.suggestions("""
            enum Flags {
                static func isOn(_ key: String, default fallback: Bool = false) -> Bool {
                    client.boolVariation(forKey: key, defaultValue: fallback)
                }
                func check(flag name: String, user: User) -> Bool {
                    if ready { return client.boolVariation(forKey: name, defaultValue: true) }
                    return false
                }
            }
            func isFeatureOn(_ feature: Feature) -> Bool {
                client.boolVariation(forKey: feature.rawValue, defaultValue: false)
            }
            enum FeatureFlag: String {
                case a
                var enabled: Bool {
                    get { client.boolVariation(forKey: rawValue, defaultValue: false) }
                }
            }
            func literal() -> Bool { client.boolVariation(forKey: "x", defaultValue: false) }
            func closure(_ k: String) -> Bool { items.contains { _ in client.boolVariation(forKey: k, defaultValue: false) } }
            """, .swift)
        #expect(found.map(\.patterns) == [
            ["Flags.isOn($KEY, default: $DEFAULT?)"], ["$R.check(flag: $KEY, ...)"], ["isFeatureOn($KEY)"],
            ["FeatureFlag.$KEY.enabled"], ["closure($KEY)"],
        ])
        #expect(found.map(\.fallback) == [.false, .true, .false, .false, .false])
        #expect(found.map(\.shape) == ["static method", "method", "function", "enum accessor", "function"])
        #expect(found.map(\.line) == [2, 5, 10, 15, 20])
        #expect(found[0].defaultParameter == "fallback" && found[0].keySource == "parameter `key`")
    }

    @Test func pythonShapes() throws {
        let found = try Self.suggestions("""
            import ldclient
            def is_on(name, user=None, default=False):
                return client.variation(name, user, default)

            class Flag(Enum):
                A = "a"

                @property
                def enabled(self):
                    return client.variation(self.value, None, False)

            class Features:
                def has(self, name, org):
                    return client.variation(name, {"org": org}, False)

                @staticmethod
                def check(key): return client.variation(key, None, True)

            class Gate:
                def on(self):
                    return client.variation(self.name, None, False)

            def literal():
                return client.variation("x", None, False)
            """, .python)
        #expect(found.map(\.patterns) == [
            ["is_on(name=$KEY, user=$ARG2?, default=$DEFAULT?)", "$M.is_on(name=$KEY, user=$ARG2?, default=$DEFAULT?)"],
            ["Flag.$KEY.enabled"], ["$R.has(name=$KEY, ...)"], ["Features.check(key=$KEY)"],
        ])
        #expect(found.map(\.fallback) == [.false, .false, .false, .true])
        #expect(found.map(\.line) == [2, 9, 13, 17])
    }

    @Test(.enabled(if: TestLinter.libclangAvailable || ProcessInfo.processInfo.environment["FLAGLINT_REQUIRE_ALL_TOOLS"] == "1",
                   "libclang not found (install libclang-dev or set FLAGLINT_LIBCLANG)"))
    func cFamilyShapes() throws {
        let found = try Self.suggestions("""
            bool IsFeatureOn(const char *name) {
                if (!ready) { return false; }
                return LDServerSDK_BoolVariation(sdk, ctx, name, false);
            }
            class FlagClient {
            public:
                bool Enabled(const std::string &key, bool fallback = false) const {
                    return LDServerSDK_BoolVariation(sdk, ctx, key.c_str(), fallback);
                }
                static bool On(const char *key) { return LDServerSDK_BoolVariation(sdk, ctx, key, false); }
            };
            bool Flags::Check(const char *key) { return LDServerSDK_BoolVariation(sdk, ctx, key, true); }
            void Caller(const char *k) { if (LDServerSDK_BoolVariation(sdk, ctx, "x", false)) {} }
            """, .cpp)
        #expect(found.map(\.patterns) == [["IsFeatureOn($KEY)"], ["$R.Enabled($KEY, $DEFAULT?)"], ["FlagClient.On($KEY)"], ["$R.Check($KEY)"]])
        #expect(found.map(\.fallback) == [.false, .false, .false, .true])
        #expect(found.allSatisfy { $0.language == "cfamily" })
    }

    @Test func importsAreReadFromCodeNotComments() throws {
        let swift = try #require(FrontendRegistry.frontend(for: .swift))
        let s = try swift.parse(SourceFile(path: "x", language: .swift, text: "import LaunchDarkly\n@testable import struct Foo.Bar\n// import Statsig\nlet s = \"import Split\"\n"), context: FrontendContext())
        #expect(SurveyImports.imports(in: s) == ["LaunchDarkly", "Foo.Bar"])
        let python = try #require(FrontendRegistry.frontend(for: .python))
        let p = try python.parse(SourceFile(path: "x", language: .python, text: "import ldclient.config as c, os\nfrom waffle import (flag_is_active,\n  switch_is_active)\n# import statsig\nx = 'import split'\n"), context: FrontendContext())
        #expect(SurveyImports.imports(in: p) == ["ldclient.config", "os", "waffle", "waffle.flag_is_active", "waffle.switch_is_active"])
        #expect(SurveyImports.includes(in: Array("#include <launchdarkly/api.h>\n  #  import \"Split/Split.h\"\n@import Statsig;\n#define X 1\n".utf8))
                == ["launchdarkly/api.h", "Split/Split.h", "Statsig"])
        let ld = try #require(BuiltinCatalogue.catalogue(id: "launchdarkly"))
        #expect(ld.owns(import: "ldclient.config") && ld.owns(import: "launchdarkly/api.h") && ld.owns(import: "LaunchDarkly"))
        #expect(!ld.owns(import: "ldclientx") && !ld.owns(import: "LaunchDarklyObjC"))
    }
}

@Suite(.enabled(if: CLI.binary != nil, CLI.skipReason))
struct InitDetectCLITests {
    /// The wrapper calls a fixture marks (`// wrapper call`, `# wrapper call`): path and line.
    static func markedCalls(in project: Project) throws -> Set<String> {
        var out = Set<String>()
        let files = FileManager.default.enumerator(atPath: project.root)
        while let f = files?.nextObject() as? String {
            guard let text = try? project.read(f) else { continue }
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.contains("wrapper call") {
                out.insert("\(f):\(i + 1)")
            }
        }
        return out
    }

    /// `flags --format json` references that came through a written evaluator.
    static func wrapperReferences(_ project: Project) throws -> Set<String> {
        let r = try project.run(["flags", "--format", "json"])
        #expect(r.status == 0, "\(r)")
        let doc = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        var out = Set<String>()
        for flag in doc["flags"] as? [[String: Any]] ?? [] {
            for ref in flag["references"] as? [[String: Any]] ?? [] where ref["sdk"] as? String == "custom" {
                out.insert("\(ref["path"]!):\(ref["line"]!)")
            }
        }
        return out
    }

    func detect(_ fixture: String, expecting patterns: [String]) throws {
        let project = try Project.copy(of: "testdata/init/" + fixture)
        defer { project.remove() }
        let r = try project.run(["init", "--detect", "--progress", "never"])
        #expect(r.status == 0, "\(r)")
        #expect(r.stderr.hasPrefix("Wrote .lint.yml from "), "\(r)")
        let config = try project.read(".lint.yml")
        #expect(config.contains("sdks: [launchdarkly]\n"), "\(config)")
        for p in patterns { #expect(config.contains("  - match: \"\(p)\"\n"), "\(p) missing from\n\(config)") }
        #expect(config.components(separatedBy: "  - match: ").count - 1 == patterns.count, "\(config)")
        // Every marked call is found under the written configuration, and nothing else custom.
        #expect(try Self.wrapperReferences(project) == Self.markedCalls(in: project), "\(config)")
        // A second run does not overwrite without --force.
        let again = try project.run(["init", "--detect"])
        #expect(again.status == 2 && again.stderr.contains("already exists"), "\(again)")
    }

    @Test func swiftFixture() throws {
        try detect("swift", expecting: ["Flags.isOn($KEY, default: $DEFAULT?)", "isFeatureOn($KEY)", "Feature.$KEY.isEnabled(...)"])
    }

    @Test func pythonFixture() throws {
        try detect("python", expecting: ["is_feature_on(name=$KEY, user=$ARG2?, default=$DEFAULT?)",
                                         "$M.is_feature_on(name=$KEY, user=$ARG2?, default=$DEFAULT?)",
                                         "Flag.$KEY.enabled", "$R.has(name=$KEY, ...)"])
    }

    @Test(.enabled(if: TestLinter.libclangAvailable || ProcessInfo.processInfo.environment["FLAGLINT_REQUIRE_ALL_TOOLS"] == "1",
                   "libclang not found (install libclang-dev or set FLAGLINT_LIBCLANG)"))
    func cFamilyFixture() throws {
        try detect("cfamily", expecting: ["IsFeatureOn($KEY)", "$R.Enabled($KEY)"])
    }

    /// The README's walkthrough: the demo without its evaluators gets them back.
    @Test func demoRegainsItsWrapper() throws {
        let demo = try Project.copy(of: "testdata/demo")
        defer { demo.remove() }
        let original = try demo.read(".lint.yml")
        let stripped = original.replacingOccurrences(of: #"(?s)evaluators:\n.*?(?=rules:)"#, with: "", options: .regularExpression)
        #expect(!stripped.contains("evaluators:") && stripped.contains("registry:"))
        try demo.write(".lint.yml", stripped)
        #expect(try Self.wrapperReferences(demo).isEmpty)

        let r = try demo.run(["init", "--detect", "--force", "--progress", "never"])
        #expect(r.status == 0, "\(r)")
        let config = try demo.read(".lint.yml")
        #expect(config.contains("""
              - match: "FeatureFlag.$KEY.enabled"
                language: swift
                fallback: false
            """), "\(config)")
        #expect(config.contains("sdks: [django-waffle, launchdarkly, openfeature]\n"), "\(config)")
        #expect(config.contains("registry:\n  - flags.yml\n"), "\(config)")
        #expect(try Self.wrapperReferences(demo) == ["Sources/Shop/CheckoutController.swift:14"])
    }

    /// A wrapper nothing calls is offered commented out, and the file still loads.
    @Test func uncalledWrapperIsOfferedCommentedOut() throws {
        let project = try Project(["a.swift": "import LaunchDarkly\nfunc on(_ k: String) -> Bool { LDClient.get()!.boolVariation(forKey: k, defaultValue: false) }\n"])
        defer { project.remove() }
        let r = try project.run(["init", "--detect"])
        #expect(r.status == 0 && r.stderr.contains("1 suggested wrapper (on($KEY): 0 call sites)"), "\(r)")
        let config = try project.read(".lint.yml")
        #expect(config.contains("evaluators: []    # to accept a suggestion below, drop the [] and uncomment it\n"), "\(config)")
        #expect(config.contains("  # No call site found; uncomment it if it is a flag check.\n  # - match: \"on($KEY)\"\n  #   language: swift\n  #   fallback: false\n"), "\(config)")
        #expect(try project.run(["flags"]).status == 0)
    }

    /// Without an imported SDK or a wrapper, every catalogue stays on and nothing is suggested.
    @Test func plainProjectGetsTheStarter() throws {
        let project = try Project(["a.py": "print('hello')\n"])
        defer { project.remove() }
        let r = try project.run(["init", "--detect"])
        #expect(r.status == 0 && r.stderr.contains("all SDKs (none imported); no wrappers found"), "\(r)")
        let config = try project.read(".lint.yml")
        #expect(config.contains("# sdks: [launchdarkly, openfeature, unleash]\n") && config.contains("# evaluators:\n"), "\(config)")
    }

    @Test func withoutDetectOnlyForceIsAccepted() throws {
        let project = try Project()
        defer { project.remove() }
        let r = try project.run(["init", "src"])
        #expect(r.status == 2 && r.stderr.contains("need --detect"), "\(r)")
        #expect(!project.exists(".lint.yml"))
    }
}

/// Every built-in catalogue says which modules show it is used, and its own examples' imports
/// are recognised as its: `init --detect` would enable it for them.
struct CatalogueImportsTests {
    @Test(arguments: BuiltinCatalogue.ids)
    func examplesImportTheirSDK(_ id: String) throws {
        let c = try #require(BuiltinCatalogue.catalogue(id: id))
        #expect(!c.imports.isEmpty, "\(c.file) has no imports:")
        for example in c.examples where example.language == .swift || example.language == .python {
            let frontend = try #require(FrontendRegistry.frontend(for: example.language))
            let model = try frontend.parse(SourceFile(path: "x", language: example.language, text: example.code), context: FrontendContext())
            let imports = SurveyImports.imports(in: model).filter { !["Foundation", "SwiftUI", "UIKit", "os", "enum", "typing"].contains($0) }
            guard !imports.isEmpty else { continue }
            #expect(imports.contains(where: c.owns(import:)), "\(example.origin): none of \(imports) is in \(c.file) imports: \(c.imports)")
        }
    }
}
