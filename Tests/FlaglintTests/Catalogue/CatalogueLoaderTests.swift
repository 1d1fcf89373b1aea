import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintAnalysis
@testable import FlaglintRules

@Suite struct CatalogueLoaderTests {
    static let valid = """
        # A comment
        id: acme
        name: Acme Flags
        docs: https://acme.example/docs
        evaluators:
          # Swift
          - language: swift
            match: "$C.isOn(flag: $KEY, fallback: $DEFAULT?)"
            type: any
            fallback: false
            polarity: negative
            note: "see the Acme docs"
          - language: [c, cpp]
            match: "$C.IsOn($KEY)"
          - language: cfamily
            match: "AcmeIsOn($KEY)"
        examples:
          - language: swift
            evaluations: 1
            code: |
              if c.isOn(flag: "a") {}   // expect: missing-default-false
          - language: python
            evaluations: 0
            code: "x = 1"
        """

    func load(_ yaml: String, file: String = "rules/acme.yml") throws -> SDKCatalogue {
        try CatalogueLoader.load(yaml: yaml, file: file)
    }

    /// The error for `yaml`, or a recorded issue when it loads.
    func failure(_ yaml: String, file: String = "rules/acme.yml") -> CatalogueError? {
        do {
            let catalogue = try CatalogueLoader.load(yaml: yaml, file: file)
            Issue.record("expected an error, loaded \(catalogue.id)")
            return nil
        } catch {
            return error
        }
    }

    /// `valid` with one line replaced.
    func replacing(_ line: String, with replacement: String) -> String {
        precondition(Self.valid.contains(line), "test fixture lacks \(line)")
        return Self.valid.replacingOccurrences(of: line, with: replacement)
    }

    @Test func loadsEveryField() throws {
        let catalogue = try load(Self.valid)
        #expect(catalogue.id == "acme")
        #expect(catalogue.name == "Acme Flags")
        #expect(catalogue.docs == "https://acme.example/docs")
        #expect(catalogue.file == "rules/acme.yml")
        #expect(catalogue.evaluators.count == 3)

        let first = catalogue.evaluators[0]
        #expect(first.languages == [.swift])
        #expect(first.pattern.text == "$C.isOn(flag: $KEY, fallback: $DEFAULT?)")
        #expect(first.info == EvaluatorInfo(sdk: "acme", pattern: "$C.isOn(flag: $KEY, fallback: $DEFAULT?)",
                                            type: .any, fallback: .false, polarity: .negative, note: "see the Acme docs"))
        #expect(first.origin == "rules/acme.yml:7:5")

        let second = catalogue.evaluators[1]
        #expect(second.languages == [.c, .cpp])
        #expect(second.info == EvaluatorInfo(sdk: "acme", pattern: "$C.IsOn($KEY)"))
        #expect(second.info.type == .bool && second.info.fallback == .unknown && second.info.polarity == .positive)
        #expect(second.origin == "rules/acme.yml:13:5")
        #expect(catalogue.evaluators[2].languages == [.c, .cpp, .objc, .objcpp])
        #expect(catalogue.languages == [.swift, .c, .cpp, .objc, .objcpp])

        #expect(catalogue.examples.count == 2)
        let example = catalogue.examples[0]
        #expect(example.language == .swift)
        #expect(example.evaluations == 1)
        #expect(example.code == "if c.isOn(flag: \"a\") {}   // expect: missing-default-false\n")
        #expect(example.origin == "rules/acme.yml:18:5")
        #expect(example.codeLine == 21)
        #expect(catalogue.examples[1].code == "x = 1")
        #expect(catalogue.examples[1].codeLine == 24)
    }

    @Test func examplesAreOptional() throws {
        let yaml = Self.valid.components(separatedBy: "examples:")[0]
        #expect(try load(yaml).examples.isEmpty)
    }

    @Test func fileWithoutYAMLExtensionSkipsTheIDCheck() throws {
        #expect(try load(Self.valid, file: "<memory>").id == "acme")
    }

    // MARK: Errors, each with its location

    @Test func emptyFile() {
        #expect(failure("")?.description.hasPrefix("rules/acme.yml:1:1: error: empty catalogue file") == true)
        #expect(failure("# only a comment\n")?.location.description == "rules/acme.yml:1:1")
    }

    @Test func invalidYAML() {
        let error = failure("id: acme\nname: [unclosed\n")
        #expect(error?.path == "rules/acme.yml")
        #expect(error?.message.hasPrefix("invalid YAML") == true)
        #expect(error?.line ?? 0 >= 2)
    }

    @Test func rootMustBeAMapping() {
        #expect(failure("- a\n- b\n")?.description == "rules/acme.yml:1:1: error: the catalogue file must be a mapping, found a list")
    }

    @Test func unknownRootKey() {
        let error = failure(replacing("name: Acme Flags", with: "name: Acme Flags\ntitle: Acme"))
        #expect(error?.location.description == "rules/acme.yml:4:1")
        #expect(error?.message.hasPrefix("unknown key \"title\" in the catalogue file") == true)
    }

    @Test func unknownEvaluatorKey() {
        let error = failure(replacing("    type: any", with: "    typ: any"))
        #expect(error?.location.description == "rules/acme.yml:9:5")
        #expect(error?.message == "unknown key \"typ\" in an evaluator (expected language, match, type, fallback, polarity, note, requires_import, key_from_identifier or controls)")
    }

    @Test func unknownExampleKey() {
        let error = failure(replacing("    evaluations: 1", with: "    evaluation: 1"))
        #expect(error?.location.description == "rules/acme.yml:19:5")
        #expect(error?.message.hasPrefix("unknown key \"evaluation\" in an example") == true)
    }

    @Test func duplicateKey() {
        let error = failure(replacing("    type: any", with: "    type: any\n    type: bool"))
        #expect(error?.location.description == "rules/acme.yml:10:5")
        #expect(error?.message == "duplicate key \"type\" in an evaluator")
    }

    @Test func missingFields() {
        #expect(failure(replacing("docs: https://acme.example/docs\n", with: ""))?.description
            == "rules/acme.yml:2:1: error: the catalogue file is missing \"docs\"")
        let noMatch = failure(replacing("    match: \"$C.IsOn($KEY)\"\n", with: ""))
        #expect(noMatch?.description == "rules/acme.yml:13:5: error: an evaluator is missing \"match\"")
        let noCode = failure(replacing("    code: \"x = 1\"", with: ""))
        #expect(noCode?.description == "rules/acme.yml:22:5: error: an example is missing \"code\"")
    }

    @Test func wrongTypes() {
        let name = failure(replacing("name: Acme Flags", with: "name: [Acme]"))
        #expect(name?.description == "rules/acme.yml:3:7: error: name must be a string, found a list")
        let evaluators = failure("id: acme\nname: Acme\ndocs: https://acme.example\nevaluators: {}\n")
        #expect(evaluators?.description == "rules/acme.yml:4:13: error: evaluators must be a list, found a mapping")
        let evaluator = failure(replacing("  - language: [c, cpp]\n    match: \"$C.IsOn($KEY)\"", with: "  - just text"))
        #expect(evaluator?.description == "rules/acme.yml:13:5: error: an evaluator must be a mapping, found \"just text\"")
        let note = failure(replacing("    note: \"see the Acme docs\"", with: "    note:"))
        #expect(note?.description == "rules/acme.yml:12:10: error: note must be a string, found nothing")
        let empty = failure(replacing("name: Acme Flags", with: "name: \"  \""))
        #expect(empty?.description == "rules/acme.yml:3:7: error: name must not be empty")
    }

    @Test func badEnumerations() {
        let type = failure(replacing("    type: any", with: "    type: string"))
        #expect(type?.description == "rules/acme.yml:9:11: error: type must be one of bool, any or maybe-bool, found \"string\"")
        let fallback = failure(replacing("    fallback: false", with: "    fallback: maybe"))
        #expect(fallback?.description == "rules/acme.yml:10:15: error: fallback must be one of false, true or unknown, found \"maybe\"")
        let polarity = failure(replacing("    polarity: negative", with: "    polarity: [negative]"))
        #expect(polarity?.location.description == "rules/acme.yml:11:15")
    }

    @Test func unknownLanguage() {
        let single = failure(replacing("  - language: swift\n    match", with: "  - language: kotlin\n    match"))
        #expect(single?.location.description == "rules/acme.yml:7:15")
        #expect(single?.message.hasPrefix("unknown language \"kotlin\"") == true)
        let inList = failure(replacing("[c, cpp]", with: "[c, rust]"))
        #expect(inList?.location.description == "rules/acme.yml:13:19")
        let emptyList = failure(replacing("[c, cpp]", with: "[]"))
        #expect(emptyList?.location.description == "rules/acme.yml:13:15")
    }

    @Test func exampleLanguageMustBeOne() {
        let error = failure(replacing("  - language: python", with: "  - language: cfamily"))
        #expect(error?.location.description == "rules/acme.yml:22:15")
        #expect(error?.message.hasPrefix("an example is written in exactly one language") == true)
    }

    @Test func badEvaluationCounts() {
        for bad in ["-1", "two", "1.5", "\"1\""] {
            let error = failure(replacing("    evaluations: 1", with: "    evaluations: \(bad)"))
            #expect(error?.location.description == "rules/acme.yml:19:18", "evaluations: \(bad)")
        }
    }

    @Test func badIDs() {
        let mismatch = failure(Self.valid, file: "rules/other.yml")
        #expect(mismatch?.description == "rules/other.yml:2:5: error: id \"acme\" must match the file name \"other.yml\"")
        for bad in ["Acme", "acme_flags", "-acme", "acme-", "a--b", "1acme"] {
            let error = failure(replacing("id: acme", with: "id: \(bad)"), file: "<memory>")
            #expect(error?.location.description == "<memory>:2:5", "id: \(bad)")
        }
    }

    @Test func docsMustBeAURL() {
        let error = failure(replacing("docs: https://acme.example/docs", with: "docs: acme docs"))
        #expect(error?.description == "rules/acme.yml:4:7: error: docs must be a URL (https://...), found \"acme docs\"")
    }

    @Test func emptyEvaluators() {
        let yaml = "id: acme\nname: Acme\ndocs: https://acme.example\nevaluators: []\n"
        #expect(failure(yaml)?.description == "rules/acme.yml:4:13: error: evaluators must list at least one evaluator")
    }

    @Test func patternErrorColumnPointsIntoTheFile() {
        let line = "    match: \"$C.IsOn($KEY)\""
        let text = "$C.IsOn($KEY)"
        let error = CatalogueReaderProbe.patternError(
            PatternError("unexpected token", column: 8), yaml: replacing(line, with: line), match: text)
        // Line 14, the quote is at column 12, so pattern column 8 is file column 12 + 1 + 7.
        #expect(error.description == "rules/acme.yml:14:20: error: invalid pattern: unexpected token")
    }
}

/// Reaches the pattern-error mapping without depending on which patterns `Pattern.parse`
/// rejects (the matcher evolves separately).
enum CatalogueReaderProbe {
    static func patternError(_ failure: PatternError, yaml: String, match: String) -> CatalogueError {
        CatalogueLoader.locatePatternError(failure, yaml: yaml, file: "rules/acme.yml", match: match)
    }
}
