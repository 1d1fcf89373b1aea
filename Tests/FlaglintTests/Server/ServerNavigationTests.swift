import Foundation
import Testing
@testable import FlaglintFrontends
@testable import FlaglintAnalysis

/// Hover, references, the flag list and code actions of `flaglint server`, over stdio.
@Suite(.serialized, .enabled(if: CLI.binary != nil, CLI.skipReason))
struct ServerNavigationTests {
    @Test func hoverShowsTheFlagsRegistryFactsAndItsEvaluations() throws {
        let project = try Project.copy(of: "testdata/demo")
        let client = try LSPClient(root: project.root)
        let uri = try client.open(project.path("Sources/Shop/CheckoutController.swift"))
        // Line 14: `if FeatureFlag.newCheckout.enabled {` (through the project's wrapper).
        let hover = try client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 13, "character": 20]])
        let text = try #require(hover.string("result", "contents", "value"))
        #expect(text.contains("**flag `new-checkout`**"))
        #expect(text.contains("aliases: `newCheckout`"))
        #expect(text.contains("default: `implicit-false`"))
        #expect(text.contains("rolled out 2026-09-01 (85 days ago)"))
        #expect(text.contains("stale since 2026-10-02"))
        #expect(text.contains("owner: payments"))
        #expect(text.contains("evaluated in 2 places in 2 files"))
        // On plain code: nothing.
        let none = try client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 0]])
        #expect(none["result"] is NSNull)
        // On a key in the registry file, which is not linted, hover still knows the flag.
        let registry = try client.open(project.path("flags.yml"))
        let lines = try String(contentsOfFile: project.path("flags.yml"), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.hasPrefix("  loyalty-points:") })
        let onKey = try client.request("textDocument/hover", ["textDocument": ["uri": registry], "position": ["line": line, "character": 5]])
        #expect(onKey.string("result", "contents", "value")?.contains("evaluated in 0 places") == true)
        #expect(try client.shutDown() == 0)
    }

    @Test func hoverDaysUntilStaleAndUnsavedEvaluationsCount() throws {
        let project = try Project([
            ".lint.yml": "version: 1\nregistry: [flags.yml]\nrules:\n  stale-flag: {days: 30}\n",
            "flags.yml": "flags:\n  new-ui: {owner: web, rolled_out: 2026-11-15, aliases: [newUI]}\n",
            "a.py": "import ldclient\nif ldclient.get().variation('new-ui', {}, False):\n    pass\n",
        ])
        let client = try LSPClient(root: project.root)
        let uri = try client.open(project.path("a.py"))
        _ = try client.diagnostics(uri, version: 1)
        // An unsaved second evaluation counts too.
        client.change(uri, version: 2, [["range": ["start": ["line": 3, "character": 0], "end": ["line": 3, "character": 0]],
                                          "text": "y = ldclient.get().variation('new-ui', {}, False)\n"]])
        _ = try client.diagnostics(uri, version: 2)
        let hover = try client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 1, "character": 20]])
        let text = try #require(hover.string("result", "contents", "value"))
        // Rolled out 10 days before 2026-11-25: stale after 30 days, on 2026-12-16.
        #expect(text.contains("rolled out 2026-11-15 (10 days ago)"))
        #expect(text.contains("stale in 21 days (on 2026-12-16)"))
        #expect(text.contains("SDK: launchdarkly · default: `false`"))
        #expect(text.contains("evaluated in 2 places in 1 file"))
        #expect(try client.shutDown() == 0)
    }

    @Test func hoverOnAConstantNamesItsFlag() throws {
        let project = try Project([
            ".lint.yml": "version: 1\nregistry: [flags.yml]\n",
            "flags.yml": "flags:\n  new-ui: {owner: web}\n",
            "app/keys.py": "NEW_UI = \"new-ui\"\n",
            "app/main.py": "import ldclient\nfrom keys import NEW_UI\nif ldclient.get().variation(NEW_UI, {}, False):\n    pass\n",
        ])
        let client = try LSPClient(root: project.root)
        let keys = try client.open(project.path("app/keys.py"))
        let hover = try client.request("textDocument/hover", ["textDocument": ["uri": keys], "position": ["line": 0, "character": 2]])
        let text = try #require(hover.string("result", "contents", "value"))
        #expect(text.contains("**flag `new-ui`**"))
        #expect(text.contains("owner: web"))
        #expect(text.contains("evaluated in 1 place in 1 file"))
    }

    @Test func referencesFindEveryEvaluationAcrossTheProject() throws {
        let project = try Project.copy(of: "testdata/demo")
        let client = try LSPClient(root: project.root)
        let uri = try client.open(project.path("services/recommendations.py"))
        let lines = try String(contentsOfFile: project.path("services/recommendations.py"), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("\"new-checkout\"") })
        let column = lines[line].utf16.count - lines[line].drop(while: { $0 != "\"" }).utf16.count + 2
        let refs = try client.request("textDocument/references", ["textDocument": ["uri": uri], "position": ["line": line, "character": column],
                                                                  "context": ["includeDeclaration": false]])
        let locations = (refs["result"] as? [[String: Any]] ?? []).map { "\($0["uri"] as! String):\($0.int("range", "start", "line")! + 1)" }
        #expect(locations == [LSPClient.uri(project.path("Sources/Shop/CheckoutController.swift")) + ":14",
                              LSPClient.uri(project.path("services/recommendations.py")) + ":\(line + 1)"])
        let withDeclaration = try client.request("textDocument/references", ["textDocument": ["uri": uri], "position": ["line": line, "character": column],
                                                                             "context": ["includeDeclaration": true]])
        #expect((withDeclaration["result"] as? [[String: Any]])?.first?.string("uri") == LSPClient.uri(project.path("flags.yml")))
        #expect(try client.shutDown() == 0)
    }

    @Test func workspaceSymbolsListTheFlags() throws {
        let project = try Project.copy(of: "testdata/demo")
        let client = try LSPClient(root: project.root)
        let all = try client.request("workspace/symbol", ["query": ""])
        let names = (all["result"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(Set(["new-checkout", "express-shipping", "gift-wrap", "legacy-search", "loyalty-points", "fuzzy-matching"]).isSubset(of: Set(names)))
        let some = try client.request("workspace/symbol", ["query": "lgcy"])
        let found = some["result"] as? [[String: Any]] ?? []
        #expect(found.map { $0["name"] as? String } == ["legacy-search"])
        #expect(found.first?["containerName"] as? String == "removed, owner search, 1 evaluation")
        #expect(try client.shutDown() == 0)
    }

    @Test func codeActionsSuppressOrFixAndTheEditsWork() throws {
        let project = try Project.copy(of: "testdata/demo")
        let client = try LSPClient(root: project.root)
        let path = project.path("services/recommendations.py")
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let uri = try client.open(path, text: text)
        let diagnostics = try client.diagnostics(uri, version: 1)
        let finding = try #require(diagnostics.first { $0["code"] as? String == "missing-default-false" })
        let range = try #require(finding["range"] as? [String: Any])
        let actions = try client.request("textDocument/codeAction", ["textDocument": ["uri": uri], "range": range, "context": ["diagnostics": [finding]]])
        let list = actions["result"] as? [[String: Any]] ?? []
        #expect(list.map { $0["title"] as? String } == ["fall back to `False`", "Suppress missing-default-false on this line"])
        func edits(_ action: [String: Any], in uri: String = uri) -> [[String: Any]] {
            ((action["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]] ?? []
        }
        // The fix replaces the `True` literal with `False`.
        let fix = try #require(edits(list[0]).first)
        #expect(fix["newText"] as? String == "False")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let line = try #require(fix.int("range", "start", "line"))
        let start = try #require(fix.int("range", "start", "character")), end = try #require(fix.int("range", "end", "character"))
        #expect(String(Array(lines[line].utf16)[start..<end].map { Character(Unicode.Scalar($0)!) }) == "True")
        // The suppression goes above the line, in Python's comment syntax and the line's indentation.
        let suppress = try #require(edits(list[1]).first)
        let indent = String(lines[finding.int("range", "start", "line")!].prefix { $0 == " " })
        #expect(suppress["newText"] as? String == indent + "# flaglint:disable-next-line missing-default-false\n")
        // Applied by the editor, it silences the finding (and is not unused).
        var all = lines
        all.insert(indent + "# flaglint:disable-next-line missing-default-false", at: suppress.int("range", "start", "line")!)
        text = all.joined(separator: "\n")
        client.change(uri, version: 2, [["text": text]])
        let after = try client.diagnostics(uri, version: 2)
        #expect(!after.contains { $0["code"] as? String == "missing-default-false" })
        #expect(!after.contains { $0["code"] as? String == "unused-suppression" })
        // A Swift file uses `//`.
        let swift = try client.open(project.path("Sources/Shop/CheckoutController.swift"))
        let nested = try #require(try client.diagnostics(swift, version: 1).first { $0["code"] as? String == "nested-flag" })
        let swiftActions = try client.request("textDocument/codeAction", ["textDocument": ["uri": swift], "range": nested["range"]!, "context": ["diagnostics": []]])
        let titles = (swiftActions["result"] as? [[String: Any]] ?? []).map { ($0["title"] as? String ?? "", edits($0, in: swift).first?["newText"] as? String ?? "") }
        #expect(titles.contains { $0.0 == "Suppress nested-flag on this line" && $0.1.hasSuffix("// flaglint:disable-next-line nested-flag\n") })
        #expect(try client.shutDown() == 0)
    }

    /// On a stale flag, the quick fix removes it from the buffer as `flaglint fix --stale` does,
    /// unsaved edits included.
    @Test func staleFlagCodeActionRemovesTheFlagFromTheBuffer() throws {
        let project = try Project.copy(of: "testdata/demo")
        let client = try LSPClient(root: project.root)
        let path = project.path("services/recommendations.py")
        // An unsaved edit above the check: the removal works on the buffer, not the file on disk.
        let text = "# edited in the editor\n" + (try String(contentsOfFile: path, encoding: .utf8))
        let uri = try client.open(path, text: text)
        let stale = try #require(try client.diagnostics(uri, version: 1).first { $0["code"] as? String == "stale-flag" })
        let actions = try client.request("textDocument/codeAction", ["textDocument": ["uri": uri], "range": stale["range"]!, "context": ["diagnostics": [stale]]])
        let list = actions["result"] as? [[String: Any]] ?? []
        let remove = try #require(list.first { ($0["title"] as? String)?.hasPrefix("Remove flag `new-checkout`") == true })
        #expect(remove["isPreferred"] as? Bool == true)
        let edits = ((remove["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]] ?? []
        let edit = try #require(edits.first)
        #expect(edits.count == 1)
        // Applied as an editor applies it (UTF-16 positions; the demo is ASCII).
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let (sl, sc) = (try #require(edit.int("range", "start", "line")), try #require(edit.int("range", "start", "character")))
        let (el, ec) = (try #require(edit.int("range", "end", "line")), try #require(edit.int("range", "end", "character")))
        let head = String(lines[sl].prefix(sc)), tail = String(lines[el].dropFirst(ec))
        lines.replaceSubrange(sl...el, with: [head + (edit["newText"] as? String ?? "") + tail])
        let fixed = lines.joined(separator: "\n")
        #expect(fixed.hasPrefix("# edited in the editor\n"))
        client.change(uri, version: 2, [["text": fixed]])
        let after = try client.diagnostics(uri, version: 2)
        #expect(!after.contains { $0["code"] as? String == "stale-flag" })
        // The rest of the buffer is what `flaglint fix` writes for the file on disk.
        let cli = try CLI.run(["fix", "--flag", "new-checkout=true", "--keep-registry", "services/recommendations.py"], in: project.root)
        #expect(cli.status == 0, "\(cli.stderr)")
        #expect(fixed == "# edited in the editor\n" + (try String(contentsOfFile: path, encoding: .utf8)))
        #expect(!fixed.contains("variation(\"new-checkout\""))
        #expect(try client.shutDown() == 0)
    }
}
