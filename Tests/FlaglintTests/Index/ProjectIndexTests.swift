import Foundation
import Testing
@testable import FlaglintSupport
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintAnalysis
@testable import FlaglintRules
@testable import FlaglintEngine

/// One answer everywhere: linting one file, or one buffer through stdin, reports exactly what
/// the whole-project run reports on that file (unused-flag aside), and the project index never
/// makes a run report something stale.
@Suite(.enabled(if: CLI.binary != nil, CLI.skipReason), .serialized)
struct ProjectIndexTests {
    /// `path:line:col: rule: message` of every finding the JSON report has on `file` (or all).
    static func findings(_ result: CLI.Result, on file: String? = nil) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
        let list = object?["findings"] as? [[String: Any]] ?? []
        return list.compactMap { f -> String? in
            let path = f["path"] as? String ?? ""
            guard file == nil || path == file, f["rule"] as? String != "unused-flag" else { return nil }
            return "\(path):\(f["line"] ?? 0):\(f["column"] ?? 0): \(f["rule"] ?? ""): \(f["message"] ?? "")"
        }.sorted()
    }

    static let base = ["--format", "json", "--today", "2026-11-25", "--fail-on", "never"]

    /// Every source file of `project` linted alone, from a file argument and from stdin, against
    /// the whole-project run. Returns the mismatches.
    static func parityProblems(in project: Project, files: [String], environment: [String: String] = [:]) throws -> [String] {
        let whole = try project.run(base + ["."], environment: environment)
        guard whole.exitedCleanly else { return ["whole-project run: \(whole)"] }
        var problems: [String] = []
        for file in files {
            let expected = try findings(whole, on: file)
            let alone = try project.run(base + [file], environment: environment)
            if try findings(alone, on: file) != expected {
                problems.append("\(file) alone:\n  got \(try findings(alone, on: file))\n  want \(expected)")
            }
            let buffer = try project.read(file)
            let stdin = try project.run(base + ["--stdin-filename", file, "-"], environment: environment, stdin: buffer)
            if try findings(stdin, on: file) != expected {
                problems.append("\(file) from stdin:\n  got \(try findings(stdin, on: file))\n  want \(expected)")
            }
        }
        return problems
    }

    static func sourceFiles(_ project: Project) -> [String] {
        let all = FileManager.default.enumerator(atPath: project.root)?.compactMap { $0 as? String } ?? []
        let code: Set<String> = ["swift", "py", "c", "h", "cc", "cpp", "hpp", "m", "mm"]
        let clang = TestLinter.libclangAvailable
        return all.filter { rel in
            let ext = (rel as NSString).pathExtension
            guard code.contains(ext), !rel.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { return false }
            return clang || !["c", "h", "cc", "cpp", "hpp", "m", "mm"].contains(ext)
        }.sorted()
    }

    @Test(arguments: ["testdata/crossfile", "testdata/swift", "testdata/python", "testdata/demo", "testdata/cfamily",
                      "testdata/lifecycle/native-yaml", "testdata/lifecycle/launchdarkly"])
    func everyFixtureFileAloneMatchesTheProjectRun(_ fixture: String) throws {
        let project = try Project.copy(of: fixture)
        defer { project.remove() }
        let files = Self.sourceFiles(project)
        #expect(!files.isEmpty)
        let problems = try Self.parityProblems(in: project, files: files)
        #expect(problems.isEmpty, "\n\(problems.joined(separator: "\n"))")
    }

    /// Generated projects: a key constant in one file, used in another, per language.
    static let generated: [String: [String: String]] = [
        "python": [
            ".lint.yml": "version: 1\nflags:\n  new_checkout: { rolled_out: 2026-01-01 }\n  old_search: { removed: 2026-02-01 }\n",
            "shop/switches.py": "NEW_CHECKOUT = \"new_checkout\"\nOLD_SEARCH = \"old_search\"\n",
            "shop/views.py": """
                from waffle import switch_is_active
                from .switches import NEW_CHECKOUT, OLD_SEARCH

                def index(request):
                    if switch_is_active(NEW_CHECKOUT):
                        return 1
                    on = OLD_SEARCH
                    return switch_is_active(on)
                """,
        ],
        "swift": [
            ".lint.yml": "version: 1\nflags:\n  new-onboarding: { rolled_out: 2026-01-01 }\n",
            "Sources/Keys.swift": "enum FlagKeys {\n    static let onboarding = \"new-onboarding\"\n}\n",
            "Sources/View.swift": """
                func show(client: LDClient) {
                    if client.boolVariation(forKey: FlagKeys.onboarding, defaultValue: false) {
                        print("new")
                    }
                    let key = FlagKeys.onboarding
                    _ = client.boolVariation(forKey: key, defaultValue: false)
                }
                """,
        ],
    ]

    @Test(arguments: generated.keys.sorted())
    func crossFileConstantsResolveInSingleFileRuns(_ language: String) throws {
        let project = try Project(Self.generated[language]!)
        defer { project.remove() }
        let files = Self.sourceFiles(project)
        let whole = try project.run(Self.base + ["."])
        let all = try Self.findings(whole)
        #expect(all.filter { $0.contains("stale-flag") || $0.contains("removed-flag") }.count == 2, "the constants did not resolve in the project run: \(all)")
        #expect(!all.contains { $0.contains("dynamic-flag-key") }, "\(all)")
        let problems = try Self.parityProblems(in: project, files: files)
        #expect(problems.isEmpty, "\n\(problems.joined(separator: "\n"))")
    }

    /// Edits, deletions and renames between runs: each single-file run answers as a fresh,
    /// cache-less whole-project run would.
    @Test func editsDeletesAndRenamesNeverLeaveStaleFindings() throws {
        let project = try Project(Self.generated["python"]!)
        defer { project.remove() }
        let cache = project.path(".cache-under-test")
        let env = ["FLAGLINT_CACHE_DIR": cache]
        func agree(_ step: String) throws {
            let cold = try project.run(Self.base + ["--no-cache", "."])
            for file in Self.sourceFiles(project) {
                let warm = try project.run(Self.base + [file], environment: env)
                #expect(try Self.findings(warm, on: file) == Self.findings(cold, on: file), "after \(step): \(file)")
            }
            let warmWhole = try project.run(Self.base + ["."], environment: env)
            #expect(try Self.findings(warmWhole) == Self.findings(cold), "after \(step): whole project")
        }
        try agree("the first run")
        #expect(FileManager.default.fileExists(atPath: cache + "/.gitignore"))
        // Edit: the constant's value changes (same size, so only the content hash can tell).
        try project.write("shop/switches.py", "NEW_CHECKOUT = \"new_checkouX\"\nOLD_SEARCH = \"old_search\"\n")
        try agree("an edit of the constant")
        // Delete: the constant's file goes away; the key becomes dynamic.
        try FileManager.default.removeItem(atPath: project.path("shop/switches.py"))
        try agree("deleting the constant's file")
        // Rename: it comes back under another name.
        try project.write("shop/keys.py", "NEW_CHECKOUT = \"new_checkout\"\nOLD_SEARCH = \"old_search\"\n")
        try agree("a file renamed back in")
        // Configuration and registry changes.
        try project.write(".lint.yml", "version: 1\nflags:\n  new_checkout: { rolled_out: 2026-11-20 }\n  old_search: { removed: 2026-02-01 }\n")
        try agree("a registry change")
        try project.write(".lint.yml", "version: 1\nsdks: [launchdarkly]\n")
        try agree("a configuration change")
    }

    @Test func aCorruptForeignOrUnwritableIndexNeverFailsARun() throws {
        let project = try Project(Self.generated["python"]!)
        defer { project.remove() }
        let cache = project.path("cache")
        let env = ["FLAGLINT_CACHE_DIR": cache]
        let expected = try Self.findings(project.run(Self.base + ["--no-cache", "."]))
        _ = try project.run(Self.base + ["."], environment: env)
        let indexes = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix("index-") }
        #expect(indexes.count == 1)
        for index in indexes {
            // Corrupt: garbage in place of the index.
            try project.write("cache/" + index, "{ not json")
            #expect(try Self.findings(project.run(Self.base + ["shop/views.py"], environment: env)) == expected.filter { $0.hasPrefix("shop/views.py") })
            // Foreign: another version's key.
            let text = try project.read("cache/" + index)
            try project.write("cache/" + index, text.replacingOccurrences(of: "{ not json", with: "{\"key\":\"flaglint 0.0.0\",\"entries\":{}}"))
            #expect(try Self.findings(project.run(Self.base + ["."], environment: env)) == expected)
        }
        // A cache directory that cannot be created (a file is in the way) and an unwritable one.
        try project.write("blocked", "")
        #expect(try Self.findings(project.run(Self.base + ["."], environment: ["FLAGLINT_CACHE_DIR": project.path("blocked/cache")])) == expected)
        try project.mkdir("readonly")
        chmod(project.path("readonly"), 0o555)
        defer { chmod(project.path("readonly"), 0o755) }
        #expect(try Self.findings(project.run(Self.base + ["."], environment: ["FLAGLINT_CACHE_DIR": project.path("readonly/cache")])) == expected)
        // --no-cache writes nothing.
        let fresh = project.path("fresh")
        _ = try project.run(Self.base + ["--no-cache", "--cache-dir", fresh, "."])
        #expect(!FileManager.default.fileExists(atPath: fresh))
    }

    @Test func concurrentRunsShareTheIndexSafely() throws {
        let project = try Project(Self.generated["python"]!)
        defer { project.remove() }
        let env = ["FLAGLINT_CACHE_DIR": project.path("cache")]
        let expected = try Self.findings(project.run(Self.base + ["--no-cache", "."]))
        let results = Slots<[String]>(count: 6)
        DispatchQueue.concurrentPerform(iterations: 6) { i in
            let args = Self.base + (i % 2 == 0 ? ["."] : ["shop/views.py", "shop/switches.py"])
            results.set(i, (try? Self.findings(project.run(args, environment: env))) ?? ["failed"])
        }
        for r in results.values() { #expect(r == expected) }
        #expect(try Self.findings(project.run(Self.base + ["."], environment: env)) == expected)
    }

    @Test func aNewFlaglintVersionRebuildsTheIndex() throws {
        // The key holds the version: an index written under another key is never read.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("flaglint-index-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/index.json"
        let old = ProjectIndex(file: file, key: "flaglint 0.0.1|facts 1")
        let facts = FileFacts(path: "a.py", language: .python, constants: [ConstantFact(definition: ConstantDefinition(name: "A", value: .string("a"), offset: 0), line: 1)])
        let status = FileStatus(size: 1, modified: 1, inode: 1)
        old.store(ProjectIndex.Entry(size: 1, modified: 1, inode: 1, hash: 1, facts: facts, absentNames: []), for: "/a.py")
        old.save()
        #expect(ProjectIndex(file: file, key: "flaglint 0.0.1|facts 1").entry(for: "/a.py", status: status)?.facts == facts)
        #expect(ProjectIndex(file: file, key: "flaglint 0.0.2|facts 1").entry(for: "/a.py", status: status) == nil)
    }
}

/// Facts are values: encoding and decoding every fixture's facts gives the same report.
@Suite struct FileFactsRoundTripTests {
    @Test(arguments: ["testdata/swift", "testdata/python", "testdata/crossfile", "testdata/demo", "testdata/cfamily"])
    func factsRoundTripThroughJSON(_ fixture: String) throws {
        let session = try TestLinter.session(today: try CalendarDate.parse("2026-11-25").get())
        var plan = try session.plan(Session.Request(paths: [PackagePaths.path(fixture)]))
        if !TestLinter.libclangAvailable {
            for g in plan.groups.indices { plan.groups[g].inputs.removeAll { $0.language.isCFamily || $0.detectHeaderLanguage } }
        }
        let report = session.run(plan, filters: Session.Filters())
        let data = try JSONEncoder().encode(report.files)
        let decoded = try JSONDecoder().decode([FileFacts].self, from: data)
        #expect(decoded == report.files)
        // The project rules and filters over decoded facts give the same findings.
        #expect(decoded.flatMap(\.findings).sorted(by: Finding.ordered) == report.files.flatMap(\.findings).sorted(by: Finding.ordered))
        #expect(!report.files.isEmpty && report.files.contains { !$0.evaluations.isEmpty })
    }
}

/// `key_type:` and ambiguous implicit members (`isFeatureOn(.newOnboarding)` where several
/// enums have that case), in whole-project and single-file runs alike.
@Suite(.enabled(if: CLI.binary != nil, CLI.skipReason))
struct KeyTypeTests {
    static func project(keyType: String?) throws -> Project {
        try Project([
            ".lint.yml": """
                version: 1
                sdks: []
                evaluators:
                  - match: "isFeatureOn($KEY)"
                    language: swift
                    fallback: false
                \(keyType.map { "    key_type: \($0)\n" } ?? "")flags:
                  new-onboarding: { owner: growth, aliases: [newOnboarding] }
                """,
            "Sources/Onboarding.swift": "enum Onboarding: String {\n    case newOnboarding = \"new-onboarding\"\n}\n",
            "Sources/Legacy.swift": "enum Legacy: String {\n    case newOnboarding = \"legacy-onboarding\"\n}\n",
            "Sources/View.swift": "func show() {\n    if isFeatureOn(.newOnboarding) { print(1) }\n}\n",
        ])
    }

    @Test func anAmbiguousImplicitMemberSaysWhyAndNeverMakesTheFlagUnused() throws {
        let project = try Self.project(keyType: nil)
        defer { project.remove() }
        for args in [["."], ["Sources/View.swift"]] {
            let r = try project.run(ProjectIndexTests.base + args)
            let all = try ProjectIndexTests.findings(r)
            #expect(all.contains { $0.contains("dynamic-flag-key") && $0.contains("`.newOnboarding` is a member of 2 types: Legacy, Onboarding; set `key_type` on the evaluator") },
                    "\(args): \(all)")
            #expect(!r.stdout.contains("unused-flag"), "\(args): \(r.stdout)")
        }
    }

    @Test func keyTypeResolvesWithinThatTypeOnly() throws {
        let project = try Self.project(keyType: "Onboarding")
        defer { project.remove() }
        for args in [["."], ["Sources/View.swift"]] {
            let r = try project.run(ProjectIndexTests.base + ["--format", "json"] + args)
            #expect(!r.stdout.contains("dynamic-flag-key"), "\(args): \(r.stdout)")
            #expect(!r.stdout.contains("unused-flag"), "\(args): \(r.stdout)")
        }
        let flags = try project.run(["flags", "--format", "json", "."])
        #expect(flags.stdout.contains("\"key\": \"new-onboarding\""), "\(flags.stdout)")
    }

    @Test func aKeyTypeThatIsNotATypeNameIsAConfigurationError() throws {
        let project = try Self.project(keyType: "\"not a type\"")
        defer { project.remove() }
        let r = try project.run(["."])
        #expect(r.status == 2 && r.stderr.contains("`key_type` must name a type"), "\(r)")
    }
}
