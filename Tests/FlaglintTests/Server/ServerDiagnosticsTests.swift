import Foundation
import Testing
@testable import FlaglintSupport
@testable import FlaglintFrontends
@testable import FlaglintAnalysis

/// `flaglint server` driven over stdio: diagnostics for buffers are exactly `flaglint lint`'s
/// findings for the file, follow full and incremental edits in UTF-16 positions, and carry
/// the rule, its documentation link, related locations and the buffer's version.
@Suite(.serialized, .enabled(if: CLI.binary != nil, CLI.skipReason))
struct ServerDiagnosticsTests {
    /// (rule, severity, start line, start column, end line, end column, message), 1-based as `lint` prints them.
    typealias Row = [String]

    static func rows(lint path: String, in root: String) throws -> [Row] {
        let result = try CLI.run(["lint", "--today", "2026-11-25", "--format", "json", path], in: root)
        let json = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
        let findings = json?["findings"] as? [[String: Any]] ?? []
        return findings.map { f in
            [f["rule"] as! String, f["severity"] as! String, "\(f.int("line")!)", "\(f.int("column")!)",
             "\(f.int("endLine")!)", "\(f.int("endColumn")!)", f["message"] as! String]
        }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Diagnostics as rows; the demo is ASCII, so UTF-16 characters are code-point columns.
    static func rows(_ diagnostics: [[String: Any]]) -> [Row] {
        diagnostics.map { d in
            [d["code"] as! String, d.int("severity") == 1 ? "error" : "warning",
             "\(d.int("range", "start", "line")! + 1)", "\(d.int("range", "start", "character")! + 1)",
             "\(d.int("range", "end", "line")! + 1)", "\(d.int("range", "end", "character")! + 1)", d["message"] as! String]
        }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    @Test func everyDemoFileGetsExactlyWhatLintReports() throws {
        let project = try Project.copy(of: "testdata/demo")
        let client = try LSPClient(root: project.root)
        for file in ["Sources/Shop/CheckoutController.swift", "Sources/Shop/SearchService.swift",
                     "Sources/Shop/FeatureFlag.swift", "services/recommendations.py"] {
            let uri = try client.open(project.path(file))
            let diagnostics = try client.diagnostics(uri, version: 1)
            let expected = try Self.rows(lint: file, in: project.root)
            #expect(Self.rows(diagnostics) == expected, "\(file)")
            // The pull model answers the same.
            let pulled = try client.request("textDocument/diagnostic", ["textDocument": ["uri": uri]])
            let items = (pulled["result"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
            #expect(Self.rows(items) == expected, "\(file) (pulled)")
        }
        #expect(try client.shutDown() == 0)
    }

    @Test func diagnosticsCarryRuleLinkRelatedLocationsAndVersion() throws {
        let project = try Project.copy(of: "testdata/demo")
        let client = try LSPClient(root: project.root)
        let uri = try client.open(project.path("Sources/Shop/CheckoutController.swift"), version: 7)
        let diagnostics = try client.diagnostics(uri, version: 7)
        let nested = try #require(diagnostics.first { $0["code"] as? String == "nested-flag" })
        #expect(nested.string("codeDescription", "href") == Flaglint.rulesDocumentationURL + "#nested-flag")
        #expect(nested["source"] as? String == "flaglint")
        let related = nested["relatedInformation"] as? [[String: Any]] ?? []
        #expect(related.map { $0["message"] as? String } == ["controlled by flag `new-checkout`", "controlled by flag `gift-wrap`"])
        #expect(related.map { $0.int("location", "range", "start", "line") } == [13, 14])
        #expect(related.allSatisfy { $0.string("location", "uri") == uri })
        // Closing the buffer clears its diagnostics.
        client.notify("textDocument/didClose", ["textDocument": ["uri": uri]])
        #expect(try client.diagnostics(uri).isEmpty)
        #expect(try client.shutDown() == 0)
    }

    @Test func incrementalEditsCountUTF16() throws {
        let project = try Project(["app.swift": ""])
        let client = try LSPClient(root: project.root)
        // `😀` is two UTF-16 units (four UTF-8 bytes), `é` one (two bytes).
        let line = #"let s = "😀é"; let on = client.boolVariation(forKey: "new-ui", defaultValue: true)"#
        let uri = try client.open(project.path("app.swift"), text: line + "\n")
        let first = try client.diagnostics(uri, version: 1)
        #expect(first.map { $0["code"] as? String } == ["missing-default-false"])
        let utf16 = Array(line.utf16)
        // The anchor is the method after the receiver (docs/semantics.md).
        let call = line.utf16.distance(from: line.utf16.startIndex, to: line.range(of: "boolVariation")!.lowerBound.samePosition(in: line.utf16)!)
        #expect(first.first?.int("range", "start", "character") == call)
        #expect(first.first?.int("range", "end", "character") == utf16.count)
        // Replace `true` with `false` by range: the finding goes.
        let t = line.utf16.distance(from: line.utf16.startIndex, to: line.range(of: "true")!.lowerBound.samePosition(in: line.utf16)!)
        client.change(uri, version: 2, [["range": ["start": ["line": 0, "character": t], "end": ["line": 0, "character": t + 4]], "text": "false"]])
        #expect(try client.diagnostics(uri, version: 2).isEmpty)
        // Back to `true`, and a line inserted above: the finding comes back one line down.
        client.change(uri, version: 3, [
            ["range": ["start": ["line": 0, "character": t], "end": ["line": 0, "character": t + 5]], "text": "true"],
            ["range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]], "text": "// ünïcode\n"],
        ])
        let third = try client.diagnostics(uri, version: 3)
        #expect(third.map { $0.int("range", "start", "line") } == [1])
        #expect(third.first?.int("range", "start", "character") == call)
        // A full-text change replaces everything.
        client.change(uri, version: 4, [["text": "let x = 1\n"]])
        #expect(try client.diagnostics(uri, version: 4).isEmpty)
        #expect(try client.shutDown() == 0)
    }

    @Test func aNewerEditOvertakesTheOlderAnalysis() throws {
        let project = try Project(["app.py": ""])
        // A long debounce: all edits arrive within it, only the last is analysed and published.
        let client = try LSPClient(root: project.root, arguments: ["--today", "2026-11-25", "--debounce", "400"])
        let uri = try client.open(project.path("app.py"), text: "x = 1\n")
        #expect(try client.diagnostics(uri, version: 1).isEmpty)
        for v in 2...6 {
            client.change(uri, version: v, [["text": "import ldclient\nx = ldclient.get().variation('f\(v)', {}, True)\n"]])
        }
        let last = try client.diagnostics(uri, version: 6)
        #expect(last.map { $0["code"] as? String } == ["missing-default-false"])
        #expect(!client.received.contains { ($0["params"] as? [String: Any])?["version"] as? Int ?? 0 < 6 && $0["method"] as? String == "textDocument/publishDiagnostics" })
        #expect(try client.shutDown() == 0)
    }

    @Test func registryAndConfigurationChangesAreReloaded() throws {
        let project = try Project([
            ".lint.yml": "version: 1\nregistry: [flags.yml]\n",
            "flags.yml": "flags:\n  new-ui: {owner: web}\n",
            "app.py": "import ldclient\nif ldclient.get().variation('new-ui', {}, False):\n    pass\n",
        ])
        let client = try LSPClient(root: project.root)
        let uri = try client.open(project.path("app.py"))
        #expect(try client.diagnostics(uri, version: 1).isEmpty)
        // The registry changes on disk: the next analysis stats it and reloads.
        try project.write("flags.yml", "flags:\n  new-ui: {owner: web, rolled_out: 2026-01-01}\n")
        client.change(uri, version: 2, [["text": try String(contentsOfFile: project.path("app.py"), encoding: .utf8)]])
        #expect(try client.diagnostics(uri, version: 2).map { $0["code"] as? String } == ["stale-flag"])
        // The configuration changes and the client reports it.
        try project.write(".lint.yml", "version: 1\nregistry: [flags.yml]\nrules:\n  stale-flag: {severity: off}\n")
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": LSPClient.uri(project.path(".lint.yml")), "type": 2]]])
        #expect(try client.diagnostics(uri, version: 2).isEmpty)
        #expect(try client.shutDown() == 0)
    }

    @Test func keysDefinedInOtherFilesResolveAsInLintAndNewFilesAreSeen() throws {
        let project = try Project([
            ".lint.yml": "version: 1\nregistry: [flags.yml]\n",
            "flags.yml": "flags:\n  new-ui: {rolled_out: 2026-01-01}\n  new-cart: {rolled_out: 2026-02-01}\n",
            "app/keys.py": "NEW_UI = \"new-ui\"\n",
            "app/main.py": "import ldclient\nfrom keys import NEW_UI\nif ldclient.get().variation(NEW_UI, {}, False):\n    pass\n",
        ])
        let client = try LSPClient(root: project.root)
        let uri = try client.open(project.path("app/main.py"))
        let first = try client.diagnostics(uri, version: 1)
        #expect(first.map { $0["code"] as? String } == ["stale-flag"])
        #expect(Self.rows(first) == (try Self.rows(lint: "app/main.py", in: project.root)))
        // A new file defines another key; the editor reports it and the buffer uses it.
        try project.write("app/cart.py", "NEW_CART = \"new-cart\"\n")
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": LSPClient.uri(project.path("app/cart.py")), "type": 1]]])
        let text = "import ldclient\nfrom cart import NEW_CART\nif ldclient.get().variation(NEW_CART, {}, False):\n    pass\n"
        client.change(uri, version: 2, [["text": text]])
        let second = try client.diagnostics(uri, version: 2)
        #expect(second.map { $0["message"] as? String }.first??.contains("new-cart") == true)
        try project.write("app/main.py", text)
        #expect(Self.rows(second) == (try Self.rows(lint: "app/main.py", in: project.root)))
        #expect(try client.shutDown() == 0)
    }

    @Test(.enabled(if: TestLibclang.available, TestLibclang.reason))
    func cppBuffersUseTheSessionsLibclang() throws {
        let project = try Project(["features.cc": ""])
        let client = try LSPClient(root: project.root)
        let code = """
            #include "base/feature_list.h"
            BASE_FEATURE(kNewShelf, "NewShelf", base::FEATURE_DISABLED_BY_DEFAULT);
            BASE_FEATURE(kShelfColor, "ShelfColor", base::FEATURE_DISABLED_BY_DEFAULT);
            BASE_FEATURE(kShelfSize, "ShelfSize", base::FEATURE_DISABLED_BY_DEFAULT);
            void Show() {
              if (base::FeatureList::IsEnabled(kNewShelf)) {
                if (base::FeatureList::IsEnabled(kShelfColor)) {
                  if (base::FeatureList::IsEnabled(kShelfSize)) {}
                }
              }
            }

            """
        let uri = try client.open(project.path("features.cc"), text: code)
        try project.write("features.cc", code)
        let expected = try Self.rows(lint: "features.cc", in: project.root)
        #expect(expected.map { $0[0] } == ["nested-flag"])
        #expect(Self.rows(try client.diagnostics(uri, version: 1)) == expected)
        client.change(uri, version: 2, [["text": code.replacingOccurrences(of: "if (base::FeatureList::IsEnabled(kShelfSize)) {}", with: "")]])
        #expect(try client.diagnostics(uri, version: 2).isEmpty)
        #expect(try client.shutDown() == 0)
    }
}
