import Foundation
import Testing
@testable import FlaglintFrontends
@testable import FlaglintAnalysis

/// The checkout's `rules/` directory, found from this file's path; nil when the tests run
/// without the source tree next to them.
enum RulesDirectory {
    static let url: URL? = {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Catalogue
            .deletingLastPathComponent()  // FlaglintTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
        let rules = root.appendingPathComponent("rules", isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: rules.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return rules
    }()

    /// Every `rules/*.yml` file's name and text, sorted by name.
    static func files() throws -> [(name: String, text: String)] {
        guard let url else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: url.path)
            .filter { $0.hasSuffix(".yml") }
            .sorted()
            .map { name in
                let data = try Data(contentsOf: url.appendingPathComponent(name))
                return (name, String(decoding: data, as: UTF8.self))
            }
    }
}

@Suite struct BuiltinCatalogueTests {
    static let regenerate = "run `sh scripts/embed-catalogue.sh` and commit Sources/FlaglintAnalysis/Catalogue/EmbeddedCatalogue.swift"

    @Test(.enabled(if: RulesDirectory.url != nil, "rules/ is not next to the test sources, so there is nothing to compare the embedded catalogue with"))
    func embeddedCatalogueMatchesRulesDirectory() throws {
        let onDisk = try RulesDirectory.files()
        let embedded = EmbeddedCatalogue.files
        #expect(embedded.map(\.name) == onDisk.map(\.name),
                "EmbeddedCatalogue.swift lists other files than rules/*.yml: \(Self.regenerate)")
        for file in onDisk {
            guard let copy = embedded.first(where: { $0.name == file.name })?.text, copy != file.text else { continue }
            let line = Self.firstDifferentLine(copy, file.text)
            Issue.record("rules/\(file.name):\(line) differs from its embedded copy: \(Self.regenerate)")
        }
    }

    /// 1-based number of the first line where the texts differ.
    static func firstDifferentLine(_ a: String, _ b: String) -> Int {
        let left = a.split(separator: "\n", omittingEmptySubsequences: false)
        let right = b.split(separator: "\n", omittingEmptySubsequences: false)
        let same = zip(left, right).prefix { $0 == $1 }.count
        return same + 1
    }

    @Test func embeddedFilesAreSortedByName() {
        let names = EmbeddedCatalogue.files.map(\.name)
        #expect(names == names.sorted())
        #expect(names.allSatisfy { $0.hasSuffix(".yml") })
    }

    @Test func everyBuiltinFileLoads() throws {
        let catalogues = try BuiltinCatalogue.load()
        #expect(catalogues.count == EmbeddedCatalogue.files.count)
        #expect(BuiltinCatalogue.problems.isEmpty, "\(BuiltinCatalogue.problems)")
        #expect(BuiltinCatalogue.all.map(\.id) == catalogues.map(\.id))
    }

    @Test func idsAreUniqueAndMatchFileNames() throws {
        let catalogues = try BuiltinCatalogue.load()
        #expect(Set(catalogues.map(\.id)).count == catalogues.count)
        for catalogue in catalogues {
            #expect(catalogue.file == "rules/\(catalogue.id).yml")
        }
        #expect(BuiltinCatalogue.catalogue(id: "launchdarkly")?.name == "LaunchDarkly")
        #expect(BuiltinCatalogue.catalogue(id: "nonexistent") == nil)
    }

    @Test func duplicateIDsAreAProblem() {
        let text = "id: acme\nname: Acme\ndocs: https://acme.example\nevaluators:\n  - language: swift\n    match: \"$C.on($KEY)\"\n"
        let result = BuiltinCatalogue.load([(name: "acme.yml", text: text), (name: "bad.yml", text: "id: [")])
        #expect(result.catalogues.map(\.id) == ["acme"])
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.path == "rules/bad.yml")
    }

    @Test func everyEvaluatorPatternParsesAndNamesItsSDK() throws {
        for catalogue in try BuiltinCatalogue.load() {
            #expect(!catalogue.evaluators.isEmpty, "\(catalogue.file) has no evaluators")
            for evaluator in catalogue.evaluators {
                #expect(throws: Never.self, "\(evaluator.origin): \(evaluator.info.pattern)") {
                    _ = try Pattern.parse(evaluator.info.pattern)
                }
                #expect(evaluator.info.sdk == catalogue.id)
                #expect(evaluator.origin.hasPrefix(catalogue.file + ":"))
                #expect(evaluator.pattern.text == evaluator.info.pattern)
            }
        }
    }

    @Test func noPatternIsListedTwice() throws {
        for catalogue in try BuiltinCatalogue.load() {
            var seen: [String: String] = [:]
            for evaluator in catalogue.evaluators {
                for language in evaluator.languages.sorted() {
                    let key = "\(language.rawValue) \(evaluator.info.pattern)"
                    #expect(seen[key] == nil, "\(evaluator.origin) repeats \(seen[key] ?? "")")
                    seen[key] = evaluator.origin
                }
            }
        }
    }

    /// SDK-APIS §3.1: every SDK with a Swift API has Swift evaluators.
    @Test(arguments: ["openfeature", "launchdarkly", "unleash", "flagsmith", "split", "statsig", "configcat",
                      "growthbook", "posthog", "firebase-remote-config"])
    func swiftSDKHasEvaluatorsAndExamples(id: String) throws {
        let catalogue = try #require(try BuiltinCatalogue.load().first { $0.id == id }, "no rules/\(id).yml")
        #expect(catalogue.evaluators.contains { $0.languages.contains(.swift) })
        let examples = catalogue.examples.filter { $0.language == .swift }
        let triggering = examples.filter { $0.code.contains("// expect:") }
        #expect(!triggering.isEmpty, "\(catalogue.file) has no triggering Swift example")
        #expect(examples.contains { !$0.code.contains("expect:") }, "\(catalogue.file) has no clean Swift example")
        #expect(examples.allSatisfy { $0.evaluations > 0 })
    }

    /// Every language an SDK has evaluators for has examples (the harness runs them).
    @Test func everyEvaluatorLanguageFamilyHasExamples() throws {
        for catalogue in try BuiltinCatalogue.load() {
            let exampleLanguages = Set(catalogue.examples.map(\.language))
            for evaluator in catalogue.evaluators {
                #expect(!evaluator.languages.isDisjoint(with: exampleLanguages),
                        "\(evaluator.origin): no example in \(evaluator.languages.sorted().map(\.rawValue))")
            }
        }
    }

    /// A bool evaluator with no default argument and an unknown fallback reports every call;
    /// it must say why in a note (Flagsmith: the default lives in `defaultFlags`).
    @Test func defaultlessBoolEvaluatorsExplainAnUnknownFallback() throws {
        for catalogue in try BuiltinCatalogue.load() {
            for evaluator in catalogue.evaluators
            where evaluator.info.type == .bool && !evaluator.info.pattern.contains("$DEFAULT") && evaluator.info.fallback == .unknown {
                #expect(evaluator.info.note != nil, "\(evaluator.origin): say the fallback, or add a note")
            }
        }
    }

    @Test func someExampleChecksNesting() throws {
        let examples = try BuiltinCatalogue.load().flatMap(\.examples)
        #expect(examples.contains { $0.code.contains("expect: nested-flag") })
    }

    /// An expectation names real rules, in the example's own comment syntax.
    @Test func expectationsUseTheLanguagesCommentSyntax() throws {
        let rules: Set<String> = ["nested-flag", "stale-flag", "removed-flag", "missing-default-false",
                                  "dynamic-flag-key", "unknown-flag", "unused-flag", "unused-suppression"]
        for catalogue in try BuiltinCatalogue.load() {
            for example in catalogue.examples {
                for (offset, line) in example.code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    guard let range = line.range(of: "expect:") else { continue }
                    let place = "\(catalogue.file):\(example.codeLine + offset)"
                    let before = line[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                    #expect(before.hasSuffix(example.language.lineCommentPrefix), "\(place): expectation outside a comment")
                    let names = line[range.upperBound...].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    for name in names {
                        #expect(rules.contains(name), "\(place): unknown rule \"\(name)\"")
                    }
                }
            }
        }
    }
}
