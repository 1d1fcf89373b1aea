import Foundation
import Testing
@testable import FlaglintSupport
@testable import FlaglintFrontends
@testable import FlaglintRules
@testable import FlaglintEngine

/// `// key: VALUE` in the Swift fixtures (testdata/swift/keys.swift): every evaluation on that
/// line must resolve to exactly that key. FixtureTests checks the findings; this checks that a
/// key which raises no dynamic-flag-key resolved to the right value, not just to some value.
@Suite struct SwiftKeyFixtureTests {
    @Test func annotatedKeysResolve() throws {
        let root = PackagePaths.path("testdata/swift")
        let session = try TestLinter.session()
        let results = session.run(try session.plan(Session.Request(paths: [root])))
        let cwd = FileManager.default.currentDirectoryPath
        func absolute(_ p: String) -> String { p.hasPrefix("/") ? p : PathName.normalize(cwd + "/" + p) }
        var byFile: [String: [FlagReference]] = [:]
        for e in results.references { byFile[absolute(e.path), default: []].append(e) }

        var problems: [String] = []
        var annotated = 0
        let files = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for name in files.sorted() where name.hasSuffix(".swift") {
            let path = PathName.normalize(root + "/" + name)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            var expected: [Int: String] = [:]
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard let r = line.range(of: "// key: ") else { continue }
                expected[n + 1] = line[r.upperBound...].split(separator: " ").first.map(String.init) ?? ""
            }
            guard !expected.isEmpty else { continue }
            annotated += expected.count
            let evaluations = byFile[path] ?? []
            for (line, key) in expected.sorted(by: { $0.key < $1.key }) {
                let here = evaluations.filter { $0.line == line }
                if here.isEmpty { problems.append("\(name):\(line): no evaluation, expected key \(key)") }
                for e in here where e.key.value != key {
                    problems.append("\(name):\(line): key \(e.key.value ?? "nil (dynamic)") from `\(e.key.expression)`, expected \(key)")
                }
            }
            // Unannotated evaluations in an annotated file must be dynamic (and expect dynamic-flag-key).
            for e in evaluations where expected[e.line] == nil && e.key.resolution != .dynamic {
                problems.append("\(name):\(e.line): key \(e.key.value ?? "nil") resolved but not annotated with `// key:`")
            }
        }
        #expect(annotated > 0)
        #expect(problems.isEmpty, "\n\(problems.joined(separator: "\n"))")
    }
}
