import Foundation
import Testing
@testable import FlaglintFrontends
@testable import FlaglintRules
@testable import FlaglintKit

/// `rules`, `sdks`, `init` and `flags` as a user runs them.
@Suite(.enabled(if: CLI.binary != nil, CLI.skipReason))
struct CLISubcommandTests {
    @Test func rulesListsEveryRule() throws {
        let p = try Project()
        defer { p.remove() }
        let r = try p.run(["rules"])
        #expect(r.status == 0, "\(r)")
        #expect(r.stderr.isEmpty)
        let ids = r.stdoutLines.map { String($0.prefix { $0 != " " }) }
        #expect(ids == RuleRegistry.ids.sorted(), "\(r)")
        for id in ["nested-flag", "stale-flag", "missing-default-false", "dynamic-flag-key", "unknown-flag", "unused-flag",
                   "removed-flag", "unused-suppression"] {
            #expect(ids.contains(id))
        }
        let nested = try #require(r.stdoutLines.first { $0.hasPrefix("nested-flag ") })
        #expect(nested.contains(" error "))
        let unknown = try #require(r.stdoutLines.first { $0.hasPrefix("unknown-flag ") })
        #expect(unknown.contains(" off "))
    }

    /// ruff's fixed sections, in order, for every rule.
    @Test(arguments: RuleRegistry.ids)
    func ruleDocumentationHasRuffSections(_ id: String) throws {
        let p = try Project()
        defer { p.remove() }
        let r = try p.run(["rules", id])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.hasPrefix("# \(id)\n"), "\(r)")
        let headings = r.stdoutLines.filter { $0.hasPrefix("## ") }
        let required = ["## What it does", "## Why is this bad?", "## Example", "## Use instead"]
        #expect(Array(headings.prefix(4)) == required, "\(id): \(headings)")
        #expect(headings.count <= 5 && (headings.count == 4 || headings[4] == "## Options"), "\(id): \(headings)")
        for (heading, next) in zip(headings, headings.dropFirst()) {
            let body = r.stdout.components(separatedBy: heading + "\n")[1].components(separatedBy: next)[0]
            #expect(!body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(id): empty section \(heading)")
        }
    }

    @Test func nestedFlagDocumentationNamesItsOption() throws {
        let p = try Project()
        defer { p.remove() }
        let r = try p.run(["rules", "nested-flag"])
        #expect(r.stdout.contains("## Options\n"))
        #expect(r.stdout.contains("max_depth"))
        #expect(r.stdout.contains("Default severity: error"))
    }

    @Test func sdksListsTheEmbeddedCatalogue() throws {
        let p = try Project()
        defer { p.remove() }
        let r = try p.run(["sdks"])
        #expect(r.status == 0, "\(r)")
        #expect(r.stderr.isEmpty, "the embedded catalogue loads without problems: \(r)")
        let ids = r.stdoutLines.map { String($0.prefix { $0 != " " }) }
        for id in ["launchdarkly", "openfeature", "unleash", "flagsmith", "split", "statsig", "configcat", "growthbook",
                   "posthog", "firebase-remote-config", "django-waffle", "chromium"] {
            #expect(ids.contains(id), "missing \(id): \(ids)")
        }
        let one = try p.run(["sdks", "launchdarkly"])
        #expect(one.status == 0)
        #expect(one.stdout.hasPrefix("# LaunchDarkly (`launchdarkly`)"), "\(one)")
        #expect(one.stdout.contains("boolVariation(forKey: $KEY, defaultValue: $DEFAULT)"))
    }

    @Test func initWritesAConfigurationThatLoads() throws {
        let p = try Project(["Sources/A.swift": CLISamples.error])
        defer { p.remove() }
        let r = try p.run(["init"])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(".lint.yml"))
        let written = try p.read(".lint.yml")
        #expect(written.contains("version: 1"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: p.root).sorted() == [".lint.yml", "Sources"],
                "init writes .lint.yml and nothing else (no temporary file left)")
        // It loads: the run lints with it, and so does --config naming it.
        let lint = try p.run([])
        #expect(lint.status == 1, "\(lint)")
        #expect(lint.stdout.contains("Sources/A.swift:4:21"), "\(lint)")
        let explicit = try p.run(["--config", ".lint.yml", "Sources"])
        #expect(explicit.status == 1, "\(explicit)")

        // Never overwritten without --force.
        try p.write(".lint.yml", "version: 1\n# mine\n")
        let again = try p.run(["init"])
        #expect(again.status == 2, "\(again)")
        #expect(again.stderr.contains("--force"), "\(again)")
        #expect(try p.read(".lint.yml") == "version: 1\n# mine\n")
        let forced = try p.run(["init", "--force"])
        #expect(forced.status == 0, "\(forced)")
        #expect(try p.read(".lint.yml") == written)
    }

    @Test func flagsFormats() throws {
        let p = try Project(["Sources/A.swift": CLISamples.nested, "app/b.py": CLISamples.pythonError,
                             "Sources/B.swift": CLISamples.warning])
        defer { p.remove() }
        let json = try p.run(["flags", "--format", "json"])
        #expect(json.status == 0, "flags reports, it does not fail: \(json)")
        #expect(json.stderr.isEmpty, "\(json)")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        #expect(object["schema"] as? Int == 1)
        let flags = try #require(object["flags"] as? [[String: Any]])
        let keys = flags.map { $0["key"] as? String ?? "<dynamic>" }
        #expect(Set(keys) == ["outer", "middle", "inner", "py-risky", "<dynamic>"], "\(keys)")
        let middle = try #require(flags.first { $0["key"] as? String == "middle" })
        let references = try #require(middle["references"] as? [[String: Any]])
        #expect(references.count == 1)
        #expect(references.first?["path"] as? String == "Sources/A.swift")
        #expect(references.first?["line"] as? Int == 5)
        #expect(references.first?["language"] as? String == "swift")
        #expect(references.first?["sdk"] as? String == "launchdarkly")
        #expect(references.first?["default"] as? String == "true")
        let py = try #require(flags.first { $0["key"] as? String == "py-risky" })
        #expect((py["references"] as? [[String: Any]])?.first?["language"] as? String == "python")
        // A dynamic key: "key": null with its expression text (docs/semantics.md).
        let dynamic = try #require(flags.first { $0["key"] is NSNull })
        let expression = (dynamic["references"] as? [[String: Any]])?.first?["expression"] as? String
            ?? dynamic["expression"] as? String
        #expect(expression == "\"banner-\" + name", "\(dynamic)")

        let markdown = try p.run(["flags", "--format", "markdown"])
        #expect(markdown.status == 0, "\(markdown)")
        #expect(markdown.stdout.hasPrefix("#"), "\(markdown)")
        #expect(markdown.stdout.contains("|"), "a table: \(markdown)")
        for key in ["outer", "middle", "inner", "py-risky"] { #expect(markdown.stdout.contains(key)) }

        let text = try p.run(["flags"])
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout == (try p.run(["flags", "--format", "text"])).stdout)
        for key in ["outer", "middle", "inner", "py-risky"] { #expect(text.stdout.contains(key)) }
        #expect(text.stdout.contains("Sources/A.swift:5:"), "\(text)")
        #expect(!text.stdout.contains(p.root))
    }

    /// `key_from_identifier` (the chromium catalogue): a found declaration wins (across files in a
    /// whole-project run); a key declared outside the tree is named after its identifier, and
    /// `flags` says so in text and JSON.
    @Test(.enabled(if: TestLinter.libclangAvailable, "needs libclang (apt-get install libclang-dev, or FLAGLINT_LIBCLANG=/path/to/libclang.so)"))
    func flagsMarksKeysNamedFromIdentifiers() throws {
        let p = try Project.copy(of: "testdata/cfamily/chromium")
        defer { p.remove() }
        let text = try p.run(["flags"])
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.contains("named after `kShelfIcons` by key_from_identifier k$NAME: declaration not found"), "\(text)")
        #expect(text.stdout.contains("ShelfAnimationsV2") && !text.stdout.contains("ShelfAnimations  "), "the declaration wins: \(text)")
        let json = try p.run(["flags", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        let flags = try #require(object["flags"] as? [[String: Any]])
        let icons = try #require(flags.first { $0["key"] as? String == "ShelfIcons" })
        let reference = try #require((icons["references"] as? [[String: Any]])?.first)
        let named = reference["keyFromIdentifier"] as? [String: Any]
        #expect(named?["identifier"] as? String == "kShelfIcons" && named?["template"] as? String == "k$NAME", "\(reference)")
        let pinning = try #require(flags.first { $0["key"] as? String == "ShelfPinning" })
        let pinned = try #require((pinning["references"] as? [[String: Any]])?.first)
        #expect(pinned["keyFromIdentifier"] == nil && pinned["constant"] != nil, "\(pinned)")
    }
}
