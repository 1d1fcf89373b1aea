import Foundation
import Testing
import Yams
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintAnalysis
@testable import FlaglintEngine

/// The C-family parts of `rules/*.yml` and the `testdata/cfamily` fixtures, run through the
/// real pipeline (frontend, matcher, rules).
enum CFamilyCatalogue {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    struct Example { var sdk: String; var language: Language; var evaluations: Int?; var code: String }

    /// Every C-family evaluator and example of the catalogue, read directly from the YAML.
    static let loaded: (evaluators: [EvaluatorDefinition], examples: [Example]) = {
        var evaluators: [EvaluatorDefinition] = []
        var examples: [Example] = []
        let dir = root.appendingPathComponent("rules")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".yml") }.sorted()
        for file in files {
            guard let text = try? String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8),
                  let doc = try? Yams.load(yaml: text) as? [String: Any], let id = doc["id"] as? String else { continue }
            // The evaluators as the catalogue loader reads them (every field: requires_import,
            // key_from_identifier, ...), restricted to the C family.
            if let catalogue = try? CatalogueLoader.load(yaml: text, file: "rules/\(file)") {
                for var e in catalogue.evaluators where e.languages.contains(where: \.isCFamily) {
                    e.languages = e.languages.filter(\.isCFamily)
                    evaluators.append(e)
                }
            }
            for x in doc["examples"] as? [[String: Any]] ?? [] {
                guard let l = languages(x["language"]).first, l.isCFamily, let code = x["code"] as? String else { continue }
                examples.append(Example(sdk: id, language: l, evaluations: x["evaluations"] as? Int, code: code))
            }
        }
        return (evaluators, examples)
    }()

    private static func languages(_ v: Any?) -> [Language] {
        if let s = v as? String { return Language.parseList(s) ?? [] }
        if let a = v as? [String] { return a.flatMap { Language.parseList($0) ?? [] } }
        return []
    }

    static func ext(_ l: Language) -> String {
        switch l { case .c: return "c"; case .objc: return "m"; case .objcpp: return "mm"; default: return "cpp" }
    }

    static func lint(_ code: String, language: Language, path: String, evaluators: [EvaluatorDefinition]) -> FileFacts {
        TestLinter.lint(code, language: language, path: path, evaluators: evaluators)
    }

    static var fixtures: [String] {
        let dir = root.appendingPathComponent("testdata/cfamily")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { ["c", "cpp", "cc", "m", "mm", "h"].contains(($0 as NSString).pathExtension) }.sorted()
    }
}

@Suite(.enabled(if: TestLibclang.available, TestLibclang.reason))
struct CFamilyCatalogueTests {
    @Test func everySDKHasCFamilyEntries() {
        let sdks = Set(CFamilyCatalogue.loaded.evaluators.map(\.info.sdk))
        #expect(sdks.isSuperset(of: ["openfeature", "launchdarkly", "configcat", "firebase-remote-config", "statsig", "posthog", "split", "chromium"]))
    }

    @Test func examples() {
        let all = CFamilyCatalogue.loaded
        #expect(!all.examples.isEmpty)
        for (n, x) in all.examples.enumerated() {
            let path = "rules/\(x.sdk).yml#\(n).\(CFamilyCatalogue.ext(x.language))"
            let r = CFamilyCatalogue.lint(x.code, language: x.language, path: path, evaluators: all.evaluators.filter { $0.info.sdk == x.sdk })
            #expect(r.failure == nil, "\(path): \(r.failure ?? "")")
            let problems = Expectations.compare(expected: Expectations.parse(x.code), findings: r.findings, path: path)
            #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
            if let n = x.evaluations {
                #expect(r.evaluations.count == n, "\(path): \(r.evaluations.count) evaluations, expected \(n): \(r.evaluations.map { "\($0.line):\($0.column) \($0.key.displayName)" })")
            }
        }
    }

    @Test(arguments: CFamilyCatalogue.fixtures)
    func fixture(_ name: String) throws {
        let url = CFamilyCatalogue.root.appendingPathComponent("testdata/cfamily/\(name)")
        let code = try String(contentsOf: url, encoding: .utf8)
        var language = Language.forExtension(url.pathExtension) ?? .cpp
        if url.pathExtension == "h" { language = HeaderLanguage.detect(Array(code.utf8)) }
        let r = CFamilyCatalogue.lint(code, language: language, path: "testdata/cfamily/\(name)", evaluators: CFamilyCatalogue.loaded.evaluators)
        #expect(r.failure == nil)
        let problems = Expectations.compare(expected: Expectations.parse(code), findings: r.findings, path: name)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}
