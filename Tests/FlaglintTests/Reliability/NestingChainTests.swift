import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintAnalysis
@testable import FlaglintRules

/// Control chains (issue 16): nesting is linear in memory and time, and gives exactly what
/// one list of controllers per evaluation gave.
@Suite struct NestingChainTests {
    static let keys = ["a", "b", "c", "d", "e"]

    /// A random Swift function of nested `if`s, `guard`s, `&&` and aliases over a few flags.
    static func swiftProgram(_ rng: inout SplitMix) -> String {
        func ev(_ rng: inout SplitMix) -> String {
            "client.boolVariation(forKey: \"\(keys.randomElement(using: &rng)!)\", defaultValue: false)"
        }
        var out = "func f() {\n"
        var open = 0, alias = 0
        for _ in 0..<Int.random(in: 5...40, using: &rng) {
            switch Int.random(in: 0..<7, using: &rng) {
            case 0, 1:
                out += "if \(ev(&rng)) {\n"
                open += 1
            case 2:
                out += "if \(ev(&rng)) && \(ev(&rng)) {\n"
                open += 1
            case 3:
                out += "guard \(ev(&rng)) else { return }\n"
            case 4:
                alias += 1
                out += "let on\(alias) = \(ev(&rng))\nif on\(alias) {\n"
                open += 1
            case 5 where open > 0:
                out += "}\n"
                open -= 1
            default:
                out += "show(\(ev(&rng)))\n"
            }
        }
        return out + String(repeating: "}\n", count: open) + "}\n"
    }

    /// Per evaluation, per flag identity: the nearest controlling check's evaluation.
    static func nearest(_ chains: ControlChains, _ evaluations: [Evaluation]) -> [[String: Int]] {
        chains.heads.indices.map { i in
            var out: [String: Int] = [:]
            for c in chains.controllers(of: i) {
                let id = evaluations[c.evaluation].key.identity
                if let old = out[id], evaluations[old].anchor >= evaluations[c.evaluation].anchor { continue }
                out[id] = c.evaluation
            }
            return out
        }
    }

    @Test func chainsMatchPerEvaluationLists() throws {
        var rng = SplitMix(state: 16)
        for _ in 0..<150 {
            let code = Self.swiftProgram(&rng)
            let model = try #require(try FrontendRegistry.frontend(for: .swift)?.parse(SourceFile(path: "a.swift", language: .swift, text: code),
                                                                                        context: FrontendContext()))
            var matcher = PatternMatcher(model: model, resolver: ValueResolver())
            let evaluations = matcher.evaluations(of: TestLinter.allEvaluators)
            let shared = ControlAnalysis.chains(of: evaluations, in: model)
            let separate = ControlAnalysis.chains(of: evaluations, in: model, shareChains: false)
            #expect(Self.nearest(shared, evaluations) == Self.nearest(separate, evaluations), "\(code)")
        }
    }

    /// The rule's counts and lists against a plain walk of every chain.
    @Test(arguments: [0, 1, 2])
    func ruleMatchesAPlainWalk(maxDepth: Int) {
        var rng = SplitMix(state: 1600 + UInt64(maxDepth))
        var rules = RuleRegistry.defaultSettings
        rules["nested-flag"]?.maxDepth = maxDepth
        for _ in 0..<100 {
            let code = Self.swiftProgram(&rng)
            let facts = TestLinter.lint(code, language: .swift, rules: rules)
            var expected: [String] = []
            for i in facts.evaluations.indices {
                let own = facts.evaluations[i].key.displayName
                var nearest: [String: Int] = [:]
                for c in facts.controllers(of: i) {
                    let name = facts.evaluations[c.evaluation].key.displayName
                    guard name != own else { continue }
                    if let old = nearest[name], facts.evaluations[old].evaluation.anchor >= facts.evaluations[c.evaluation].evaluation.anchor { continue }
                    nearest[name] = c.evaluation
                }
                guard nearest.count > maxDepth else { continue }
                let names = nearest.sorted { facts.evaluations[$0.value].evaluation.anchor < facts.evaluations[$1.value].evaluation.anchor }
                    .map { "`\($0.key)`" }.joined(separator: ", ")
                expected.append("flag `\(own)` is nested inside \(nearest.count) other flags (\(names)); at most \(maxDepth) allowed")
            }
            #expect(facts.findings.filter { $0.rule == "nested-flag" }.map(\.message) == expected, "\(code)")
        }
    }

    /// 3,000 directly nested flags: one link per check, and the deepest finding is exact.
    @Test func deepNestingIsLinear() {
        let n = 3000
        let code = "func f() {\n" + (0..<n).map { "if client.boolVariation(forKey: \"f\($0)\", defaultValue: false) {\n" }.joined()
            + String(repeating: "}\n", count: n) + "}\n"
        let facts = TestLinter.lint(code, language: .swift)
        #expect(facts.evaluations.count == n)
        #expect(facts.controlLinks.count == n - 1)
        let deepest = facts.findings.filter { $0.rule == "nested-flag" }.last
        #expect(deepest?.message.hasPrefix("flag `f\(n - 1)` is nested inside \(n - 1) other flags (`f0`, `f1`, ") == true)
        #expect(deepest?.message.hasSuffix("`f19`, and \(n - 21) more not listed); at most 1 allowed") == true)
        #expect(deepest?.related.count == NestedFlagRule.listedControllers)
    }
}
