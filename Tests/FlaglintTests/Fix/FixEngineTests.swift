import Foundation
import Testing
@testable import FlaglintFix
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintKit

/// The per-file engine on small inputs: what `FileFixer` makes of one snippet.
enum FixSnippet {
    static func run(_ code: String, _ language: Language, _ values: [String: Bool]) -> (text: String, notFixed: [String]) {
        let fixer0 = FileFixer(language: language, evaluators: TestLinter.allEvaluators, context: FrontendContext(), targets: [:])
        var targets: [FixSpec: FixValue] = [:]
        for e in fixer0.parse(Array(code.utf8), path: "x")?.evaluations ?? [] {
            guard let k = e.key.value, let v = values[k], case let .success(value) = FixTargets.value(of: e, under: .value(v)) else { continue }
            targets[FixSpec(e)] = FixValue(flag: k, value: value)
        }
        let fixer = FileFixer(language: language, evaluators: TestLinter.allEvaluators, context: FrontendContext(), targets: targets)
        let out = fixer.fix(Array(code.utf8), path: "x")
        return (String(decoding: out.bytes, as: UTF8.self), out.notFixed.map(\.reason))
    }
}

@Suite("fix engine")
struct FixEngineTests {
    static let swiftHeader = "import LaunchDarkly\n"
    static func flag(_ key: String = "f") -> String { "c.boolVariation(forKey: \"\(key)\", defaultValue: false)" }

    @Test("boolean simplification keeps what runs", arguments: [
        ("if \(flag()) && a { x() }", true, "if a { x() }"),
        ("if a && \(flag()) { x() }", true, "if a { x() }"),
        ("if \(flag()) || a() { x() }", false, "if a() { x() }"),
        ("if (a || b) && \(flag()) { x() }", true, "if a || b { x() }"),
        ("if !(\(flag()) || a) { x() }", false, "if !a { x() }"),
        ("if \(flag()) != true { x() }", false, "x()"),
        ("if true == \(flag()) { x() }", true, "x()"),
        ("if \(flag()) || f() { x() }", true, "x()"),
        ("if \(flag()) && f() { x() }", false, ""),
        ("if a, \(flag()), b { x() }", true, "if a, b { x() }"),
    ])
    func simplification(_ input: String, _ value: Bool, _ expected: String) {
        let code = Self.swiftHeader + "func g() {\n    " + input + "\n}\n"
        let (out, notes) = FixSnippet.run(code, .swift, ["f": value])
        let body = expected.isEmpty ? "" : "    " + expected + "\n"
        #expect(out == Self.swiftHeader + "func g() {\n" + body + "}\n", "\(input)")
        #expect(notes.isEmpty)
    }

    @Test("a constant on the right that decides keeps the call on its left: not fixed")
    func rightConstantWithEffects() {
        let code = Self.swiftHeader + "func g() {\n    if load() || \(Self.flag()) { x() }\n}\n"
        let (out, notes) = FixSnippet.run(code, .swift, ["f": true])
        #expect(out == code)
        #expect(notes == ["the condition would become constant and drop `load()`, which has effects"])
    }

    @Test("several flags in one chain and nested checks resolve over passes")
    func nested() {
        let code = Self.swiftHeader + """
            func g() {
                if \(Self.flag("a")) {
                    if \(Self.flag("b")) {
                        one()
                    } else {
                        two()
                    }
                } else if \(Self.flag("b")) {
                    three()
                }
            }

            """
        let (out, notes) = FixSnippet.run(code, .swift, ["a": true, "b": false])
        #expect(out == Self.swiftHeader + "func g() {\n    two()\n}\n", "\(out)")
        #expect(notes.isEmpty)
    }

    @Test("Python: elif true becomes else, not with `not`, conditional expressions")
    func python() {
        let code = """
            import ldclient
            c = ldclient.get()


            def g(u):
                if a:
                    one()
                elif c.variation("f", u, False):
                    two()
                elif b:
                    three()
                y = 1 if not c.variation("f", u, False) else 2
                return y

            """
        let (out, notes) = FixSnippet.run(code, .python, ["f": true])
        #expect(out == """
            import ldclient
            c = ldclient.get()


            def g(u):
                if a:
                    one()
                else:
                    two()
                y = 2
                return y

            """, "\(out)")
        #expect(notes.isEmpty)
    }

    @Test("a statement sharing its line is not fixed; nothing else changes")
    func sharedLine() {
        let code = Self.swiftHeader + "func g() {\n    a(); if \(Self.flag()) { x() }\n}\n"
        let (out, notes) = FixSnippet.run(code, .swift, ["f": true])
        #expect(out == code)
        #expect(notes == ["the statement shares its first line with other code"])
    }

    @Test("deeply nested parentheses: no crash, left alone with a reason")
    func deepNesting() {
        let depth = 5_000
        let code = Self.swiftHeader + "func g() {\n    if " + String(repeating: "(", count: depth) + Self.flag()
            + String(repeating: ")", count: depth) + " { x() }\n}\n"
        let (out, notes) = FixSnippet.run(code, .swift, ["f": true])
        #expect(out == code)
        #expect(notes == ["the condition is nested too deeply to rewrite"])
    }

    @Test("many flags in one file: every pass is bounded, the result is fixed")
    func many() {
        var code = Self.swiftHeader + "func g() {\n"
        for i in 0..<300 { code += "    if \(Self.flag()) && v\(i) { x\(i)() }\n" }
        code += "}\n"
        let (out, notes) = FixSnippet.run(code, .swift, ["f": true])
        #expect(!out.contains("boolVariation") && out.contains("if v299 { x299() }"))
        #expect(notes.isEmpty)
    }

    /// Mangled inputs (seeded): never a crash, never a result with more structural problems
    /// than the input, and a second run changes nothing.
    @Test("mangled fixtures", arguments: 0..<40)
    func mangled(_ seed: Int) {
        var rng = SplitMix(state: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15)
        let fixtures = FixFixture.all.filter { !$0.isCFamily }
        guard !fixtures.isEmpty else { return }
        let f = fixtures[Int(rng.next() % UInt64(fixtures.count))]
        var bytes = Array(f.input.utf8)
        for _ in 0..<3 where bytes.count > 10 {
            let at = Int(rng.next() % UInt64(bytes.count - 5))
            let n = Int(rng.next() % 5)
            if rng.next() % 2 == 0 { bytes.removeSubrange(at..<at + n) } else { bytes.insert(contentsOf: Array("{(:\n".utf8).prefix(n), at: at) }
        }
        let language: Language = f.language == "swift" ? .swift : .python
        let text = String(decoding: bytes, as: UTF8.self)
        let (out, _) = FixSnippet.run(text, language, f.values)
        let fixer = FileFixer(language: language, evaluators: TestLinter.allEvaluators, context: FrontendContext(), targets: [:])
        let before = fixer.parse(Array(text.utf8), path: "x")?.structuralProblems ?? 0
        let after = fixer.parse(Array(out.utf8), path: "x")?.structuralProblems ?? 0
        #expect(after <= before, "seed \(seed)")
        #expect(FixSnippet.run(out, language, f.values).text == out, "seed \(seed): not idempotent")
    }
}

@Suite("unified diff")
struct UnifiedDiffTests {
    @Test func hunksAndContext() {
        let old = (1...20).map { "line \($0)" }.joined(separator: "\n") + "\n"
        var lines = (1...20).map { "line \($0)" }
        lines[2] = "changed 3"
        lines.remove(at: 15)
        let new = lines.joined(separator: "\n") + "\n"
        let d = UnifiedDiff.render(old: Array(old.utf8), new: Array(new.utf8), path: "a.txt")
        #expect(d == """
            --- a/a.txt
            +++ b/a.txt
            @@ -1,6 +1,6 @@
             line 1
             line 2
            -line 3
            +changed 3
             line 4
             line 5
             line 6
            @@ -13,7 +13,6 @@
             line 13
             line 14
             line 15
            -line 16
             line 17
             line 18
             line 19

            """)
    }

    @Test func identicalIsEmptyAndMissingNewlineIsMarked() {
        #expect(UnifiedDiff.render(old: Array("a\n".utf8), new: Array("a\n".utf8), path: "x").isEmpty)
        let d = UnifiedDiff.render(old: Array("a\nb".utf8), new: Array("a\nc".utf8), path: "x")
        #expect(d.hasSuffix("-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"))
    }

    @Test func largeRewritesStayLinear() {
        let old = (0..<20_000).map { "a\($0)" }.joined(separator: "\n")
        let new = (0..<20_000).map { "b\($0)" }.joined(separator: "\n")
        let d = UnifiedDiff.render(old: Array(old.utf8), new: Array(new.utf8), path: "x")
        #expect(d.hasPrefix("--- a/x\n+++ b/x\n@@ -1,20000 +1,20000 @@\n"))
    }
}
