import Foundation
import Testing
@testable import FlaglintSupport
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintEngine

/// Runs flaglint over every fixture project in `testdata/` and holds it to the inline
/// expectations (`// expect: RULE`, `# expect: RULE`) of every file in it.
@Suite struct FixtureTests {
    struct Scenario: CustomTestStringConvertible, Sendable {
        let directory: String
        var testDescription: String { directory }
    }

    /// Each language's fixture directory, and each lifecycle scenario, is one project.
    static let scenarios: [Scenario] = {
        var out: [Scenario] = []
        let fm = FileManager.default
        for dir in ["testdata/swift", "testdata/python", "testdata/cfamily", "testdata/crossfile"] where PackagePaths.exists(dir) {
            out.append(Scenario(directory: dir))
        }
        if let subs = try? fm.contentsOfDirectory(atPath: PackagePaths.path("testdata/lifecycle")) {
            for s in subs.sorted() where PackagePaths.exists("testdata/lifecycle/\(s)/.lint.yml") {
                out.append(Scenario(directory: "testdata/lifecycle/\(s)"))
            }
        }
        return out
    }()

    static let sourceExtensions: Set<String> = ["swift", "py", "c", "h", "cc", "cpp", "hpp", "m", "mm", "yml", "yaml"]

    @Test(arguments: scenarios)
    func scenario(_ s: Scenario) throws {
        let root = PackagePaths.path(s.directory)
        let args = fixtureArgs(from: root + "/.lint.yml")
        let session = try TestLinter.session(today: args.today.map { try CalendarDate.parse($0).get() } ?? CalendarDate.todayUTC(),
                                             select: args.select.map(Set.init))
        var plan = try session.plan(Session.Request(paths: [root]))
        let haveClang = TestLinter.libclangAvailable
        if !haveClang {
            for g in plan.groups.indices { plan.groups[g].inputs.removeAll { $0.language.isCFamily || $0.detectHeaderLanguage } }
        }
        let report = session.run(plan)
        #expect(report.failures.isEmpty, "linting \(s.directory) failed: \(report.failures.map(\.rendered))")
        let results = report
        let cwd = FileManager.default.currentDirectoryPath
        func absolute(_ p: String) -> String { p.hasPrefix("/") ? p : PathName.normalize(cwd + "/" + p) }
        var byFile: [String: [Finding]] = [:]
        for f in results.findings { byFile[absolute(f.path), default: []].append(f) }

        var problems: [String] = []
        var expectedRegistry: [String: [Int: [String]]] = [:]
        if let text = try? String(contentsOfFile: root + "/expected-registry-findings.txt", encoding: .utf8) {
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let parts = line.split(separator: ":", maxSplits: 2).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 3, let n = Int(parts[1]) else { continue }
                expectedRegistry[PathName.normalize(root + "/" + parts[0]), default: [:]][n, default: []].append(parts[2])
            }
        }
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        var checked = 0
        for rel in files.sorted() where !rel.split(separator: "/").dropLast().contains(where: { $0.hasPrefix(".") }) {
            let ext = (rel as NSString).pathExtension.lowercased()
            let path = PathName.normalize(root + "/" + rel)
            let isCode = Self.sourceExtensions.contains(ext) || ext == "json"
            guard isCode else { continue }
            if !haveClang, ["c", "h", "cc", "cpp", "hpp", "m", "mm"].contains(ext) { continue }
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            var expected = Expectations.parse(text)
            for (line, ids) in expectedRegistry[path] ?? [:] { expected[line, default: []] += ids }
            expected = expected.mapValues { $0.sorted() }
            problems += Expectations.compare(expected: expected, findings: byFile[path] ?? [], path: s.directory + "/" + rel)
            byFile[path] = nil
            checked += 1
        }
        for (path, findings) in byFile where !findings.isEmpty {
            problems.append("findings in a file without expectations: \(path): \(findings.map { "\($0.line): \($0.rule)" })")
        }
        #expect(checked > 0)
        #expect(problems.isEmpty, "\n\(problems.joined(separator: "\n"))")
    }

    /// `# fixture-args: --today 2026-11-25` on the first line of the scenario's `.lint.yml`.
    func fixtureArgs(from config: String) -> (today: String?, select: [String]?) {
        guard let text = try? String(contentsOfFile: config, encoding: .utf8),
              let first = text.split(separator: "\n").first, first.hasPrefix("# fixture-args:") else { return (nil, nil) }
        let args = first.dropFirst("# fixture-args:".count).split(separator: " ").map(String.init)
        var out: (today: String?, select: [String]?) = (nil, nil)
        var i = 0
        while i < args.count {
            switch args[i] {
            case "--today" where i + 1 < args.count: out.today = args[i + 1]; i += 2
            case "--select" where i + 1 < args.count: out.select = args[i + 1].split(separator: ",").map(String.init); i += 2
            default: i += 1
            }
        }
        return out
    }
}

/// The README's first command: the demo project shows every rule.
@Suite struct DemoTests {
    @Test func demoShowsEveryRule() throws {
        let session = try TestLinter.session(today: try CalendarDate.parse("2026-11-25").get())
        let results = session.run(try session.plan(Session.Request(paths: [PackagePaths.path("testdata/demo")])), filters: Session.Filters())
        let rules = Set(results.findings.filter { $0.suppression == nil }.map(\.rule))
        let expected: Set<String> = ["nested-flag", "missing-default-false", "dynamic-flag-key", "stale-flag", "removed-flag",
                                     "unknown-flag", "unused-flag", "unused-suppression"]
        #expect(expected.isSubset(of: rules), "missing: \(expected.subtracting(rules).sorted())")
        #expect(Set(results.files.filter { !$0.evaluations.isEmpty }.map(\.language)) == [.swift, .python])
    }
}
