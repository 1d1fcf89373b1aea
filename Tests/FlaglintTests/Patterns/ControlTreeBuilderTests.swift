import Testing
@testable import FlaglintSupport
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintAnalysis
@testable import FlaglintRules

/// The builder's §4.1 semantics, independent of any language.
@Suite struct ControlTreeBuilderTests {
    func controls(_ tree: ControlTree, _ token: Int) -> Set<Range<Int>> {
        Set(tree.regions.filter { $0.body.contains(token) }.flatMap(\.conditions))
    }

    @Test func elseIfChainIsOneDecision() {
        var b = ControlTreeBuilder(tokenCount: 100)
        // if [0,2) {2..<10} else if [10,12) {12..<20} else {20..<30}
        b.decision([.init(condition: 0..<2, body: 2..<10), .init(condition: 10..<12, body: 12..<20), .init(condition: nil, body: 20..<30)], statementEnd: 31)
        let t = b.finish()
        #expect(controls(t, 5) == [0..<2])
        #expect(controls(t, 11) == [])          // conditions do not control each other
        #expect(controls(t, 15) == [10..<12])
        #expect(controls(t, 25) == [0..<2, 10..<12])
    }

    @Test func earlyExitControlsRestOfFunctionOnly() {
        var b = ControlTreeBuilder(tokenCount: 100)
        b.function(body: 10..<50)
        b.decision([.init(condition: 12..<14, body: 14..<16, exit: .function)], statementEnd: 17)
        let t = b.finish()
        #expect(controls(t, 30) == [12..<14])
        #expect(controls(t, 49) == [12..<14])
        #expect(controls(t, 60) == [])
    }

    @Test func loopExitStopsAtLoopEnd() {
        var b = ControlTreeBuilder(tokenCount: 100)
        b.function(body: 0..<100)
        b.loop(header: nil, body: 10..<40, controlsBody: true)
        b.decision([.init(condition: 12..<14, body: 14..<16, exit: .loop)], statementEnd: 17)
        let t = b.finish()
        #expect(controls(t, 30) == [12..<14])
        #expect(controls(t, 45) == [])
    }

    /// loop body 10..<90 holding a switch body 20..<60 with cases 22..<40 and 42..<60.
    func loopWithSwitch(exit: ExitKind, switchLeftByBreak: Bool = true) -> ControlTree {
        var b = ControlTreeBuilder(tokenCount: 100)
        b.function(body: 0..<100)
        b.loop(header: nil, body: 10..<90, controlsBody: true)
        if switchLeftByBreak { b.switchBoundary(body: 20..<60) }
        b.switchStatement(subject: 18..<19, cases: [.init(guardCondition: nil, body: 22..<40), .init(guardCondition: nil, body: 42..<60)])
        b.decision([.init(condition: 24..<26, body: 26..<28, exit: exit)], statementEnd: 29)
        return b.finish()
    }

    @Test func continueInSwitchCaseGoesOnToTheLoopEnd() {
        let t = loopWithSwitch(exit: .continueLoop)
        #expect(controls(t, 35).contains(24..<26))    // rest of its case
        #expect(!controls(t, 50).contains(24..<26))   // the other case does not follow it
        #expect(controls(t, 70).contains(24..<26))    // after the switch, in the loop
        #expect(!controls(t, 95).contains(24..<26))   // after the loop
    }

    @Test func breakInSwitchCaseLeavesTheSwitchOnly() {
        let t = loopWithSwitch(exit: .loop)
        #expect(controls(t, 35).contains(24..<26))
        #expect(!controls(t, 50).contains(24..<26))
        #expect(!controls(t, 70).contains(24..<26))
        // A Python `match` is not left by `break`: it leaves the loop.
        let p = loopWithSwitch(exit: .loop, switchLeftByBreak: false)
        #expect(!controls(p, 50).contains(24..<26))
        #expect(controls(p, 70).contains(24..<26))
    }

    @Test func returnInSwitchCaseSkipsTheOtherCases() {
        let t = loopWithSwitch(exit: .function)
        #expect(controls(t, 35).contains(24..<26))
        #expect(!controls(t, 50).contains(24..<26))
        #expect(controls(t, 95).contains(24..<26))
    }

    @Test func repeatWhileDoesNotControlItsBody() {
        var b = ControlTreeBuilder(tokenCount: 100)
        b.loop(header: 20..<25, body: 1..<19, controlsBody: false)
        #expect(controls(b.finish(), 5) == [])
    }
}

@Suite struct ExpressionScannerTests {
    /// Tokens from space-separated words; brackets are punctuation.
    func tokens(_ s: String) -> [Token] {
        var out: [Token] = []
        var offset = 0
        for w in s.split(separator: " ") {
            let kind: Token.Kind = w.first!.isLetter ? .identifier : .punctuation
            out.append(Token(kind: kind, text: String(w), start: offset, end: offset + w.count, flags: [.spaceBefore, .spaceAfter]))
            offset += w.count + 1
        }
        return out
    }

    func regions(_ s: String, _ syntax: ExpressionSyntax) -> (tokens: [Token], tree: ControlTree) {
        let t = tokens(s)
        var b = ControlTreeBuilder(tokenCount: t.count)
        ExpressionScanner(tokens: t, partners: Brackets.match(t), syntax: syntax).scan(0..<t.count, into: &b)
        return (t, b.finish())
    }

    func controllers(_ r: (tokens: [Token], tree: ControlTree), of word: String) -> Set<String> {
        guard let i = r.tokens.firstIndex(where: { $0.text == word }) else { return [] }
        var out = Set<String>()
        for region in r.tree.regions where region.body.contains(i) {
            for c in region.conditions { for j in c where r.tokens[j].kind == .identifier { out.insert(r.tokens[j].text) } }
        }
        return out
    }

    @Test func shortCircuitAndTernary() {
        let r = regions("a && b || c ? d : e", .cFamily)
        #expect(controllers(r, of: "b") == ["a"])
        #expect(controllers(r, of: "c") == ["a", "b"])
        #expect(controllers(r, of: "d") == ["a", "b", "c"])
        #expect(controllers(r, of: "e") == ["a", "b", "c"])
    }

    @Test func bracketsAndDelimiters() {
        let r = regions("x = f ( a && g ( b ) , c ) && h", .cFamily)
        #expect(controllers(r, of: "b") == ["a"])
        #expect(controllers(r, of: "c") == [])
        #expect(controllers(r, of: "h") == ["f", "a", "g", "b", "c"])
    }

    @Test func pythonConditionalAndComprehension() {
        let r = regions("y = a if b else c", .python)
        #expect(controllers(r, of: "a") == ["b"])
        #expect(controllers(r, of: "c") == ["b"])
        let c = regions("[ e for x in xs if g for z in zs if h ]", .python)
        #expect(controllers(c, of: "e") == ["g", "h"])
        #expect(controllers(c, of: "zs") == ["g"])
    }
}
