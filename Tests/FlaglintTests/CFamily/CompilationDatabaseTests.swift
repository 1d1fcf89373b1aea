import Foundation
import Testing
@testable import FlaglintFrontends
@testable import FlaglintAnalysis

/// With a `compile_commands.json`, a C-family file is read with its real flags: its defines
/// decide the live branches and the string macros of its headers resolve keys (docs/semantics.md, C family).
@Suite(.enabled(if: TestLibclang.available, TestLibclang.reason), .enabled(if: CLI.binary != nil, CLI.skipReason))
struct CompilationDatabaseTests {
    static let header = """
    #pragma once
    // The shop's flag keys.
    #define CHECKOUT_FLAG "new-checkout"
    #define KEY_OF(x) "x"
    #define RETRIES 3

    """
    static let source = """
    #include "flags.h"
    void run(Client &client, Context ctx) {
        if (client.BoolVariation(ctx, CHECKOUT_FLAG, false)) {
    #ifdef ENABLE_BETA
            if (client.BoolVariation(ctx, "beta", false)) { go(); }
    #else
            if (client.BoolVariation(ctx, "not-beta", false)) { go(); }
    #endif
        }
    }

    """

    /// The project: the header lives outside the linted `src/`, so only the include resolves it.
    func project(database: Bool) throws -> Project {
        let p = try Project(["include/flags.h": Self.header, "src/main.cpp": Self.source, "build/.keep": ""])
        if database {
            let command = "/usr/bin/c++ -I../include -DENABLE_BETA -std=c++17 -c ../src/main.cpp -o main.o"
            let json = try JSONSerialization.data(withJSONObject: [["directory": p.path("build"), "command": command, "file": "../src/main.cpp"]])
            try p.write("compile_commands.json", bytes: Array(json))
        }
        return p
    }

    @Test func headerMacrosResolveKeysAndDefinesPickTheBranch() throws {
        let p = try project(database: true)
        defer { p.remove() }
        let r = try p.run(["flags", "src", "--format", "json"])
        #expect(r.status == 0, "\(r)")
        let doc = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        let flags = try #require(doc["flags"] as? [[String: Any]])
        #expect(flags.compactMap { $0["key"] as? String } == ["beta", "new-checkout"])
        let checkout = try #require(flags.first { $0["key"] as? String == "new-checkout" })
        let reference = try #require((checkout["references"] as? [[String: Any]])?.first)
        let constant = try #require(reference["constant"] as? [String: Any])
        #expect(constant["name"] as? String == "CHECKOUT_FLAG")
        #expect(constant["path"] as? String == "include/flags.h")
        #expect(constant["line"] as? Int == 3)

        let lint = try p.run(["lint", "src"])
        #expect(lint.status == 0, "nothing to report once the key resolves: \(lint)")
    }

    @Test func withoutTheDatabaseTheKeyIsUnresolved() throws {
        let p = try project(database: false)
        defer { p.remove() }
        let r = try p.run(["lint", "src", "--format", "json"])
        let text = r.stdout
        #expect(text.contains("dynamic-flag-key") && text.contains("CHECKOUT_FLAG"), "\(r)")
        let flags = try p.run(["flags", "src"])
        // Read on its own, a condition on a macro the file does not define could go either
        // way (it may come from a header): clang's single-file mode keeps both branches live.
        let keys = flags.stdoutLines.filter { !$0.hasPrefix(" ") }.map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(keys == ["beta", "not-beta", "CHECKOUT_FLAG"], "\(flags)")
    }
}
