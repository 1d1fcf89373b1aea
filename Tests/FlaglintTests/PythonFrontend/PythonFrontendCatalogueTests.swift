import Foundation
import Testing
@testable import FlaglintFrontends
@testable import FlaglintAnalysis

/// Runs the Python examples of every built-in catalogue and the `testdata/python` fixtures
/// through the whole pipeline, holding them to their inline `# expect:` comments.
@Suite struct PythonFrontendCatalogueTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func lint(_ code: String, path: String, evaluators: [EvaluatorDefinition]) -> FileFacts {
        TestLinter.lint(code, language: .python, path: path, evaluators: evaluators)
    }

    static var pythonSDKs: [String] {
        ["openfeature", "launchdarkly", "unleash", "flagsmith", "split", "statsig", "configcat",
         "growthbook", "posthog", "firebase-remote-config", "django-waffle"]
    }

    @Test(arguments: pythonSDKs)
    func catalogueExamples(id: String) throws {
        let catalogue = try #require(try BuiltinCatalogue.load().first { $0.id == id })
        #expect(catalogue.evaluators.contains { $0.languages.contains(.python) })
        let examples = catalogue.examples.filter { $0.language == .python }
        #expect(!examples.isEmpty)
        for example in examples {
            let result = Self.lint(example.code, path: example.origin, evaluators: catalogue.evaluators)
            #expect(result.evaluations.count == example.evaluations,
                    "\(example.origin): \(result.evaluations.map { "\($0.line):\($0.key.displayName)" })")
            let problems = Expectations.compare(expected: Expectations.parse(example.code), findings: result.findings, path: example.origin)
            #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        }
    }

    static var fixtures: [String] {
        let dir = root.appendingPathComponent("testdata/python")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".py") }.sorted()
    }

    @Test(arguments: fixtures)
    func fixture(name: String) throws {
        let url = Self.root.appendingPathComponent("testdata/python").appendingPathComponent(name)
        let code = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let evaluators = try BuiltinCatalogue.load().flatMap(\.evaluators)
        let result = Self.lint(code, path: "testdata/python/\(name)", evaluators: evaluators)
        let problems = Expectations.compare(expected: Expectations.parse(code), findings: result.findings, path: name)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(result.problems.isEmpty, "\(result.problems.map(\.rendered))")
        #expect(!result.evaluations.isEmpty)
    }
}
