import Foundation
import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintReporters

@Suite struct SARIFReporterTests {
    func document(_ report: LintReport = ReportFixture.report) throws -> [String: Any] {
        let text = ReportFixture.sarif.render(report)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func run(_ doc: [String: Any]) throws -> [String: Any] {
        let runs = try #require(doc["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return try #require(runs.first)
    }

    @Test func toolDriverDescribesEveryRule() throws {
        let doc = try document()
        #expect(doc["version"] as? String == "2.1.0")
        #expect((doc["$schema"] as? String)?.hasSuffix("sarif-schema-2.1.0.json") == true)
        let driver = try #require(((try run(doc))["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "flaglint")
        #expect(driver["version"] as? String == "0.1.0")
        #expect(driver["informationUri"] as? String != nil)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ReportFixture.rules.map(\.id))
        let nested = try #require(rules.first { $0["id"] as? String == "nested-flag" })
        #expect(nested["name"] as? String == "NestedFlag")
        #expect((nested["help"] as? [String: Any])?["markdown"] as? String != nil)
        #expect((nested["help"] as? [String: Any])?["text"] as? String != nil)
        #expect(nested["helpUri"] as? String == ReportFixture.rules[2].helpURI)
        #expect((nested["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        let off = try #require(rules.first { $0["id"] as? String == "unknown-flag" })
        #expect((off["defaultConfiguration"] as? [String: Any])?["enabled"] as? Bool == false)
    }

    @Test func resultsCarryLocationsFingerprintsAndSuppressions() throws {
        let run = try run(try document())
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let base = (run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any]
        #expect(base?["uri"] as? String == "file:///work/demo%20project/")
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == ReportFixture.findings.count)

        let first = results[0]
        #expect(first["ruleId"] as? String == "nested-flag")
        #expect(first["ruleIndex"] as? Int == 2)
        #expect(first["level"] as? String == "error")
        #expect(first["suppressions"] == nil)
        let location = try #require((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let artifact = try #require(location["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "Sources/App/Checkout.swift")
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        let region = try #require(location["region"] as? [String: Int])
        #expect(region == ["startLine": 10, "startColumn": 16, "endLine": 10, "endColumn": 70])
        let related = try #require(first["relatedLocations"] as? [[String: Any]])
        #expect(related.map { $0["id"] as? Int } == [1, 2])
        #expect((related[0]["message"] as? [String: Any])?["text"] as? String == "flag `new-checkout` checked here")
        let fingerprint = (first["partialFingerprints"] as? [String: String])?["primaryLocationLineHash"]
        #expect(fingerprint == SARIFLineHash.hashes(of: ReportFixture.checkout)[9])

        let inSource = results[2]
        #expect((inSource["suppressions"] as? [[String: Any]])?.first?["kind"] as? String == "inSource")
        #expect((inSource["suppressions"] as? [[String: Any]])?.first?["justification"] as? String == "legacy flow, removed in Q3")

        let legacy = try #require((results[3]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((legacy["artifactLocation"] as? [String: Any])?["uri"] as? String == "Sources/L%C3%A9gacy%20code/Old%20Flags.swift")

        let baseline = results[4]
        #expect((baseline["suppressions"] as? [[String: Any]])?.first?["kind"] as? String == "external")
        // The file is not readable here: GitHub computes the fingerprint on upload instead.
        #expect(baseline["partialFingerprints"] == nil)
    }

    @Test func emptyRunStillHasResultsArray() throws {
        let run = try run(try document(ReportFixture.empty))
        #expect((run["results"] as? [Any])?.isEmpty == true)
    }

    @Test func percentEncoding() {
        #expect(SARIFReporter.percentEncodedPath("a b/ü#?%.swift") == "a%20b/%C3%BC%23%3F%25.swift")
        #expect(SARIFReporter.percentEncodedPath("Sources/App-1_x~.swift") == "Sources/App-1_x~.swift")
    }

    @Test func absolutePathsOutsideTheRootAreFileURIs() throws {
        var report = ReportFixture.empty
        report.findings = [Finding(rule: "nested-flag", severity: .error, path: "/elsewhere/x y.swift", line: 1, column: 1,
                                   endLine: 1, endColumn: 2, message: "m")]
        let text = SARIFReporter(readSource: { _ in nil }).render(report)
        #expect(text.contains("\"uri\": \"file:///elsewhere/x%20y.swift\""))
        #expect(!text.contains("\"uriBaseId\": \"%SRCROOT%\",\n              \"uri\": \"file"))
    }

    /// Every SARIF golden validates against the OASIS schema (draft-04).
    // jsonschema is a tool CI installs (required there); the schema comes from ../shared,
    // which no script can install: without it the test skips, even in CI.
    @Test(.enabled(if: Tools.sarifSchema, "needs ../shared/schemas/sarif-schema-2.1.0.json beside the checkout"),
          .enabled(if: Tools.requireAll || Tools.jsonschema, "needs python3 with jsonschema (pip install jsonschema)"))
    func goldenValidatesAgainstSchema() throws {
        let goldens = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.golden).filter { $0.hasSuffix(".sarif") }
        #expect(!goldens.isEmpty)
        let script = """
            import json, sys
            from jsonschema import Draft4Validator
            schema = json.load(open(sys.argv[1]))
            Draft4Validator.check_schema(schema)
            validator = Draft4Validator(schema)
            failed = False
            for path in sys.argv[2:]:
                for error in validator.iter_errors(json.load(open(path, encoding="utf-8"))):
                    failed = True
                    print(path, "/".join(map(str, error.absolute_path)), error.message)
            sys.exit(1 if failed else 0)
            """
        let result = try Subprocess.run(["python3", "-c", script, PackagePaths.sarifSchema]
                                        + goldens.map { PackagePaths.golden + "/" + $0 })
        #expect(result.status == 0, "schema violations:\n\(result.stdout)\(result.stderr)")
    }
}

@Suite struct SARIFLineHashTests {
    // Known answers of GitHub's algorithm (upload-sarif's fingerprinting).
    @Test func emptyFile() {
        #expect(SARIFLineHash.hashes(of: "") == ["c129715d7a2bc9a3:1"])
    }

    @Test func lineEndingsAndIndentationDoNotMatter() {
        let lf = SARIFLineHash.hashes(of: " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n")
        #expect(lf.count == 7)
        #expect(lf.first == "e9496ae3ebfced30:1")
        #expect(lf.last == "c129715d7a2bc9a3:1")
        #expect(SARIFLineHash.hashes(of: " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n") == lf)
        #expect(SARIFLineHash.hashes(of: " hello; \t\rworld!!!\r\r\r  \t\tGreetings\r End\r") == lf)
        #expect(SARIFLineHash.hashes(of: "hello;\nworld!!!\n\n\nGreetings\nEnd\n") == lf)
    }

    @Test func repeatedLinesAreNumbered() {
        let hashes = SARIFLineHash.hashes(of: String(repeating: "Lorem ipsum dolor sit amet.\n", count: 10))
        #expect(hashes.count == 11)
        #expect(hashes[0] == "a7f2ff13bc495cf2:1")
        #expect(hashes[5] == "a7f2ff13bc495cf2:6")
        #expect(hashes[6] == "a7f2ff1481e87703:1")
    }

    @Test func longAndNonASCIILinesDoNotCrash() {
        #expect(SARIFLineHash.hashes(of: String(repeating: "é😀", count: 10_000)).count == 1)
    }
}
