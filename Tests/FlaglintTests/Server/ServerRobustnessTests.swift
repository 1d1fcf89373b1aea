import Foundation
import Testing
@testable import FlaglintFrontends
@testable import FlaglintServer

/// Bad input and bad moments: each is answered with LSP's error codes and the server goes on.
@Suite(.serialized, .enabled(if: CLI.binary != nil, CLI.skipReason))
struct ServerRobustnessTests {
    static func code(_ m: [String: Any]) -> Int? { m.int("error", "code") }

    @Test func malformedMessagesUnknownMethodsAndEarlyRequests() throws {
        let project = try Project(["a.py": "x = 1\n"])
        let client = try LSPClient(root: project.root, initialize: false)
        // A request before initialize.
        #expect(Self.code(try client.request("workspace/symbol", ["query": ""])) == -32002)
        _ = try client.request("initialize", ["rootUri": LSPClient.uri(project.root), "capabilities": [:]])
        // Not JSON; no Content-Length; not an object; a bad id.
        client.sendRaw(Data("Content-Length: 9\r\n\r\n{\"a\": 1,}".utf8))
        #expect(Self.code(try client.wait("a parse error") { $0["id"] is NSNull && $0["error"] != nil }) == -32700)
        client.sendRaw(Data("Content-Type: x\r\n\r\n".utf8))
        #expect(Self.code(try client.wait("a parse error") { $0["id"] is NSNull && $0["error"] != nil }) == -32700)
        client.sendRaw(Data("Content-Length: 2\r\n\r\n[]".utf8))
        #expect(Self.code(try client.wait("an invalid request") { $0["id"] is NSNull && $0["error"] != nil }) == -32600)
        // Unknown methods: a request gets MethodNotFound, a notification nothing.
        client.notify("flaglint/unknownNotification", [:])
        #expect(Self.code(try client.request("flaglint/unknown", [:])) == -32601)
        // Bad parameters.
        #expect(Self.code(try client.request("textDocument/hover", ["textDocument": [:]])) == -32602)
        // Still serving.
        #expect(try client.request("workspace/symbol", ["query": ""])["result"] != nil)
        #expect(try client.shutDown() == 0)
    }

    @Test func filesOutsideTheRootAndUnsupportedFiles() throws {
        let project = try Project(["app/a.py": "x = 1\n"])
        let outside = try Project(["b.py": "import ldclient\nldclient.get().variation('k', {}, True)\n"])
        let client = try LSPClient(root: project.path("app"))
        let uri = try client.open(outside.path("b.py"))
        let pulled = try client.request("textDocument/diagnostic", ["textDocument": ["uri": uri]])
        #expect(Self.code(pulled) == -32602)
        #expect(pulled.string("error", "message")?.contains("outside the workspace root") == true)
        let hover = try client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 1, "character": 1]])
        #expect(Self.code(hover) == -32602)
        // A file type flaglint does not read: no findings, no error.
        let notes = try client.open(project.path("app/notes.txt"), text: "ldclient.get().variation('k', {}, True)\n")
        #expect(try client.diagnostics(notes, version: 1).isEmpty)
        #expect(try client.shutDown() == 0)
    }

    @Test(.enabled(if: TestLibclang.available, TestLibclang.reason))
    func aFailedAnalysisIsAnErrorAndTheServerGoesOn() throws {
        let project = try Project(["a.cc": ""])
        let client = try LSPClient(root: project.root)
        // Brackets nested beyond flaglint's limit: that file cannot be linted (`lint` exits 2).
        let deep = "bool f() { return base::FeatureList::IsEnabled(kA) && " + String(repeating: "(", count: 50_000) + "1"
            + String(repeating: ")", count: 50_000) + "; }\n"
        let uri = try client.open(project.path("a.cc"), text: deep)
        let pulled = try client.request("textDocument/diagnostic", ["textDocument": ["uri": uri]])
        #expect(Self.code(pulled) == -32803)
        #expect(pulled.string("error", "message")?.contains("brackets nested deeper than 40000 levels") == true)
        let shown = try client.wait("a message naming the failure") { $0["method"] as? String == "window/showMessage" }
        #expect(shown.string("params", "message")?.contains("a.cc") == true)
        // The next version lints.
        let nested = """
            void f() {
              if (base::FeatureList::IsEnabled(kA)) { if (base::FeatureList::IsEnabled(kB)) { if (base::FeatureList::IsEnabled(kC)) {} } }
            }

            """
        client.change(uri, version: 2, [["text": nested]])
        #expect(try client.diagnostics(uri, version: 2).map { $0["code"] as? String } == ["nested-flag"])
        #expect(try client.shutDown() == 0)
    }

    @Test func aBrokenConfigurationIsAnErrorUntilItIsFixed() throws {
        let project = try Project(["a.swift": "import LaunchDarkly\nlet x = LDClient.get()!.boolVariation(forKey: \"k\", defaultValue: true)\n"])
        let client = try LSPClient(root: project.root)
        let uri = try client.open(project.path("a.swift"))
        #expect(try client.diagnostics(uri, version: 1).map { $0["code"] as? String } == ["missing-default-false"])
        try project.write(".lint.yml", "version: 1\nrules: [\n")
        client.notify("workspace/didChangeWatchedFiles", ["changes": []])
        let broken = try client.request("textDocument/diagnostic", ["textDocument": ["uri": uri]])
        #expect(Self.code(broken) == -32803)
        #expect(broken.string("error", "message")?.contains(".lint.yml") == true)
        let shown = try client.wait("a message naming the configuration") { $0["method"] as? String == "window/showMessage" }
        #expect(shown.string("params", "message")?.contains(".lint.yml") == true)
        try project.write(".lint.yml", "version: 1\n")
        client.notify("workspace/didChangeWatchedFiles", ["changes": []])
        let fixed = try client.request("textDocument/diagnostic", ["textDocument": ["uri": uri]])
        #expect(((fixed["result"] as? [String: Any])?["items"] as? [Any])?.count == 1)
        #expect(try client.shutDown() == 0)
    }

    @Test func cancelledRequestsAreAnsweredAsCancelled() throws {
        let project = try Project(["a.py": "x = 1\n"])
        let client = try LSPClient(root: project.root, arguments: ["--today", "2026-11-25", "--debounce", "3000"])
        let uri = try client.open(project.path("a.py"))
        _ = try client.diagnostics(uri, version: 1)
        // The edit waits 3 s before analysis; the hover waits for that analysis and is cancelled first.
        client.change(uri, version: 2, [["text": "y = 2\n"]])
        let id = client.start("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 0]])
        client.notify("$/cancelRequest", ["id": id])
        let answer = try client.response(id, timeout: 2)
        #expect(Self.code(answer) == -32800)
        #expect(try client.shutDown() == 0)
    }

    @Test func exitsWhenItsInputCloses() throws {
        let project = try Project(["a.py": "x = 1\n"])
        let client = try LSPClient(root: project.root)
        _ = try client.open(project.path("a.py"))
        // Without shutdown first the status is 1, as LSP's exit asks.
        #expect(try client.closeInput() == 1)
    }

    @Test func positionsConvertBetweenUTF8AndUTF16() {
        let lines = EditorLines(Array("ab\r\n😀é x\nlast".utf8))
        #expect(lines.offset(of: LSPPosition(line: 1, character: 0)) == 4)
        #expect(lines.offset(of: LSPPosition(line: 1, character: 2)) == 8)     // after 😀 (4 bytes, 2 units)
        #expect(lines.offset(of: LSPPosition(line: 1, character: 1)) == 4)     // inside the pair: before it
        #expect(lines.offset(of: LSPPosition(line: 1, character: 3)) == 10)    // after é
        #expect(lines.offset(of: LSPPosition(line: 0, character: 99)) == 2)    // clamped before \r\n
        #expect(lines.offset(of: LSPPosition(line: 9, character: 0)) == lines.bytes.count)
        #expect(lines.position(ofByte: 10) == LSPPosition(line: 1, character: 3))
        #expect(lines.position(line: 2, column: 4) == LSPPosition(line: 1, character: 4))   // code-point column 4: `x`... after 😀, é, space
        #expect(lines.position(line: 3, column: 2) == LSPPosition(line: 2, character: 1))
    }
}
