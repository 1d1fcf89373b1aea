import Foundation
import Testing

/// `flaglint fix` and `lint --fix` / SARIF `fixes` as a user runs them, on copies of the demo.
@Suite(.enabled(if: CLI.binary != nil, CLI.skipReason))
struct FixCLITests {
    static let today = ["--today", "2026-11-25", "--no-cache"]

    @Test("README shows the real `fix --stale --diff` of the demo")
    func readmeDiff() throws {
        let r = try CLI.run(["fix", "--stale", "--diff", "testdata/demo"] + Self.today, in: PackagePaths.root)
        #expect(r.status == 1, "\(r)")
        let shown = try Readme.block("fix-demo")
        #expect(r.stdout + r.stderr == shown, "README fix demo differs from a real run:\n\(r.stdout)\(r.stderr)")
    }

    @Test("--diff changes nothing; in place rewrites, says what changed, and a second run changes nothing")
    func inPlaceAndIdempotent() throws {
        let demo = try Project.copy(of: "testdata/demo")
        defer { demo.remove() }
        let before = try demo.snapshot()
        let diff = try demo.run(["fix", "--stale", "--diff"] + Self.today)
        #expect(diff.status == 1 && diff.stdout.contains("+++ b/Sources/Shop/SearchService.swift"), "\(diff)")
        #expect(try demo.snapshot() == before)
        let fix = try demo.run(["fix", "--stale"] + Self.today)
        #expect(fix.status == 0, "\(fix)")
        #expect(fix.stderr.contains("Fixed Sources/Shop/CheckoutController.swift: 2 evaluations removed"), "\(fix)")
        #expect(fix.stderr.contains("removed `legacy-search` from the registry"), "\(fix)")
        let search = try demo.read("Sources/Shop/SearchService.swift")
        #expect(!search.contains("legacy-search"))
        let registry = try demo.read("flags.yml")
        #expect(!registry.contains("legacy-search:") && registry.contains("gift-wrap:"))
        // What `fix` wrote, diffed again: nothing left to do.
        let after = try demo.snapshot()
        let again = try demo.run(["fix", "--stale", "--diff"] + Self.today)
        #expect(again.status == 0 && again.stdout.isEmpty, "\(again)")
        #expect(try demo.snapshot() == after)
        // The flags are gone from the inventory.
        let flags = try demo.run(["flags"] + Self.today)
        for gone in ["new-checkout", "holiday-banner", "legacy-search"] { #expect(!flags.stdout.contains(gone), "\(flags)") }
    }

    @Test("--keep-registry leaves flags.yml alone; --flag names a flag by key or alias")
    func keepRegistryAndAlias() throws {
        let demo = try Project.copy(of: "testdata/demo")
        defer { demo.remove() }
        let registry = try demo.read("flags.yml")
        let r = try demo.run(["fix", "--flag", "newCheckout=false", "--keep-registry"] + Self.today)
        #expect(r.status == 0, "\(r)")
        #expect(try demo.read("flags.yml") == registry)
        let checkout = try demo.read("Sources/Shop/CheckoutController.swift")
        #expect(!checkout.contains("FeatureFlag.newCheckout") && checkout.contains("return .legacy") && !checkout.contains("gift-wrap"))
    }

    @Test("bad --flag values and missing flags are usage errors")
    func usage() throws {
        let demo = try Project.copy(of: "testdata/demo")
        defer { demo.remove() }
        for args in [["fix"], ["fix", "--flag", "x"], ["fix", "--flag", "x=maybe"], ["fix", "--stale", "-", "--stdin-filename", "a.swift"]] {
            let r = try demo.run(args)
            #expect(r.status == 2 && r.stderr.hasPrefix("flaglint: "), "\(args): \(r)")
        }
    }

    @Test("lint --fix applies the stale and removed flags' fixes, then reports what is left")
    func lintFix() throws {
        let demo = try Project.copy(of: "testdata/demo")
        defer { demo.remove() }
        let r = try demo.run(["lint", "--fix", "--color", "never"] + Self.today)
        #expect(r.status == 1, "\(r)")
        #expect(!r.stdout.contains("[stale-flag]") && !r.stdout.contains("[removed-flag]"), "\(r)")
        #expect(r.stdout.contains("[missing-default-false]"), "\(r)")
        #expect(!(try demo.read("Sources/Shop/SearchService.swift")).contains("legacy-search"))
    }

    @Test("SARIF carries fixes for stale and removed flags, and applying one equals `fix`")
    func sarifFixes() throws {
        let demo = try Project.copy(of: "testdata/demo")
        defer { demo.remove() }
        let r = try demo.run(["--format", "sarif"] + Self.today)
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        let results = try #require(((json["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let removed = try #require(results.first { $0["ruleId"] as? String == "removed-flag" })
        let fixes = try #require(removed["fixes"] as? [[String: Any]])
        let change = try #require((fixes.first?["artifactChanges"] as? [[String: Any]])?.first)
        let replacement = try #require((change["replacements"] as? [[String: Any]])?.first)
        let region = try #require(replacement["deletedRegion"] as? [String: Int])
        let text = try #require((replacement["insertedContent"] as? [String: String])?["text"])
        var bytes = Array(try demo.read("Sources/Shop/SearchService.swift").utf8)
        bytes.replaceSubrange(region["byteOffset"]!..<region["byteOffset"]! + region["byteLength"]!, with: Array(text.utf8))
        _ = try demo.run(["fix", "--flag", "legacy-search=false", "--keep-registry"] + Self.today)
        #expect(String(decoding: bytes, as: UTF8.self) == (try demo.read("Sources/Shop/SearchService.swift")))
        for stale in results where stale["ruleId"] as? String == "stale-flag" { #expect(stale["fixes"] != nil) }
        guard Tools.sarifSchema, Tools.jsonschema || Tools.requireAll else { return }
        try demo.write("out.sarif", r.stdout)
        let check = try Subprocess.run(["python3", "-c", """
            import json, sys
            from jsonschema import Draft4Validator
            v = Draft4Validator(json.load(open(sys.argv[1])))
            errors = [e.message for e in v.iter_errors(json.load(open(sys.argv[2])))]
            print(errors); sys.exit(1 if errors else 0)
            """, PackagePaths.sarifSchema, demo.path("out.sarif")])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
