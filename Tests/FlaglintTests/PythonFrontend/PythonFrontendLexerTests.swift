import Testing
@testable import FlaglintFrontends

/// Token texts with layout spelled NEWLINE/INDENT/DEDENT, for compact expectations.
func pyTexts(_ source: String) -> [String] {
    PythonLexer.lex(source).tokens.map { t in
        switch (t.kind, t.text) {
        case (.layout, "\n"): return "NEWLINE"
        case (.layout, "<indent>"): return "INDENT"
        case (.layout, "<dedent>"): return "DEDENT"
        default: return t.text
        }
    }
}

@Suite struct PythonFrontendLexerTests {
    @Test func indentAndDedent() {
        let src = "if a:\n    b\n    if c:\n        d\ne\n"
        #expect(pyTexts(src) == ["if", "a", ":", "NEWLINE", "INDENT", "b", "NEWLINE", "if", "c", ":", "NEWLINE",
                                 "INDENT", "d", "NEWLINE", "DEDENT", "DEDENT", "e", "NEWLINE"])
    }

    @Test func blankAndCommentLinesAreIgnored() {
        let src = "if a:\n\n    # note\n        # deeper comment\n    b\n  \n"
        #expect(pyTexts(src) == ["if", "a", ":", "NEWLINE", "INDENT", "b", "NEWLINE", "DEDENT"])
        #expect(PythonLexer.lex(src).comments.map(\.text) == ["# note", "# deeper comment"])
    }

    @Test func implicitJoiningAndContinuation() {
        #expect(pyTexts("x = f(1,\n      2)\ny = 1 + \\\n    2\n")
                == ["x", "=", "f", "(", "1", ",", "2", ")", "NEWLINE", "y", "=", "1", "+", "2", "NEWLINE"])
        #expect(pyTexts("x = [\n  1,\n]\n") == ["x", "=", "[", "1", ",", "]", "NEWLINE"])
    }

    @Test func tabsCountToMultiplesOfEight() {
        let out = PythonLexer.lex("if a:\n\tb\n        c\n")
        #expect(out.tokens.filter { $0.kind == .layout }.map(\.text) == ["\n", "<indent>", "\n", "\n", "<dedent>"])
        #expect(out.diagnostics.contains { $0.message.contains("inconsistent") })
    }

    @Test func badDedentIsDiagnosedAndBalanced() {
        let out = PythonLexer.lex("if a:\n        b\n    c\nd\n")
        #expect(out.diagnostics.contains { $0.message.contains("unindent") })
        let layout = out.tokens.filter { $0.kind == .layout }.map(\.text)
        #expect(layout.filter { $0 == "<indent>" }.count == layout.filter { $0 == "<dedent>" }.count)
    }

    @Test func keywordsAndSoftKeywords() {
        let out = PythonLexer.lex("match x:\n    case _ if not y: pass\n")
        let kinds = Dictionary(out.tokens.map { ($0.text, $0.kind) }, uniquingKeysWith: { a, _ in a })
        #expect(kinds["match"] == .identifier)
        #expect(kinds["case"] == .identifier)
        #expect(kinds["_"] == .identifier)
        #expect(kinds["not"] == .keyword)
        #expect(kinds["pass"] == .keyword)
        #expect(kinds["if"] == .keyword)
    }

    @Test func multiCharacterOperators() {
        #expect(pyTexts("a := b ** c // d -> e ... f **= g != h") ==
                ["a", ":=", "b", "**", "c", "//", "d", "->", "e", "...", "f", "**=", "g", "!=", "h", "NEWLINE"])
        #expect(pyTexts("x = 1.5e-3 + 0xFF_FF + 10j + .5") == ["x", "=", "1.5e-3", "+", "0xFF_FF", "+", "10j", "+", ".5", "NEWLINE"])
    }

    @Test func flags() {
        let t = PythonLexer.lex("a = f(b)\n").tokens
        #expect(t[0].flags.contains(.lineStart))
        #expect(t[0].flags.contains(.spaceAfter))
        #expect(t[1].flags.contains(.spaceBefore))
        #expect(!t[2].flags.contains(.lineStart))
        #expect(!t[3].flags.contains(.spaceBefore))
    }

    @Test(arguments: [
        ("'a'", "a"), ("\"a\\nb\"", "a\nb"), ("r'a\\nb'", "a\\nb"), ("R\"x\\\"\"", "x\\\""),
        ("u'\\x41\\u00e9'", "Aé"), ("U'z'", "z"), ("'''a\n'b'\n'''", "a\n'b'\n"), ("\"\"\"doc\"\"\"", "doc"),
        ("'\\101'", "A"), ("'a\\\nb'", "ab"), ("'\\q'", "\\q"),
    ])
    func plainStrings(source: String, value: String) {
        let t = PythonLexer.lex(source).tokens
        #expect(t.first?.kind == .string)
        #expect(t.first?.text == source)
        #expect(t.first?.stringValue == value)
    }

    @Test(arguments: ["b'x'", "Rb'x'", "bR\"x\"", "BR'''x'''"])
    func bytesHaveNoValue(source: String) {
        let t = PythonLexer.lex(source).tokens
        #expect(t.first?.kind == .string && t.first?.text == source && t.first?.stringValue == nil)
    }

    @Test func fStringFieldsAreCode() {
        #expect(pyTexts("f\"a {client.is_enabled('x')} b\"") ==
                ["f\"a ", "(", "client", ".", "is_enabled", "(", "'x'", ")", ")", " b\"", "NEWLINE"])
        let t = PythonLexer.lex("F'{x}'").tokens
        #expect(t.map(\.text) == ["F'", "(", "x", ")", "'", "\n"])
        #expect(t[0].kind == .string && t[0].stringValue == nil)
    }

    @Test func fStringEscapesConversionsAndSpecs() {
        #expect(pyTexts("f'{{no}} {x!r:>{width}} {y=}'") ==
                ["f'{{no}} ", "(", "x", ":>", "(", "width", ")", ")", " ", "(", "y", ")", "'", "NEWLINE"])
        #expect(pyTexts("f'{a!=b}'") == ["f'", "(", "a", "!=", "b", ")", "'", "NEWLINE"])
        #expect(pyTexts("f'{d[\"k\"]:%Y}'") == ["f'", "(", "d", "[", "\"k\"", "]", ":%Y", ")", "'", "NEWLINE"])
        #expect(pyTexts("f'\\N{DASH} {x}'") == ["f'\\N{DASH} ", "(", "x", ")", "'", "NEWLINE"])
    }

    @Test func nestedFStringsWithTheSameQuotes() {
        #expect(pyTexts("f\"{f\"{c.is_on(\"k\")}\"}\"") ==
                ["f\"", "(", "f\"", "(", "c", ".", "is_on", "(", "\"k\"", ")", ")", "\"", ")", "\"", "NEWLINE"])
        #expect(PythonLexer.lex("f\"{f\"{c.is_on(\"k\")}\"}\"").diagnostics.isEmpty)
    }

    @Test func tripleQuotedFStringSpansLines() {
        let src = "x = rf'''\n{a\n + b}\\{c}\n'''\ny = 1\n"
        #expect(pyTexts(src) == ["x", "=", "rf'''\n", "(", "a", "+", "b", ")", "\\", "(", "c", ")", "\n'''", "NEWLINE",
                                 "y", "=", "1", "NEWLINE"])
    }

    @Test func stringPrefixesAreNotIdentifiers() {
        #expect(pyTexts("rb'x' fr'y' br = 1").prefix(2) == ["rb'x'", "fr'y'"])
        #expect(pyTexts("br = 1") == ["br", "=", "1", "NEWLINE"])
    }

    @Test func docstringsAndCommentsAreNotCode() {
        let out = PythonLexer.lex("def f():\n    \"\"\"client.is_enabled('x')\"\"\"\n    # client.is_enabled('y')\n")
        #expect(!out.tokens.contains { $0.text == "is_enabled" })
        #expect(out.comments.count == 1)
    }

    @Test func bomAndCRLF() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("if a:\r\n    b\r\n".utf8)
        let out = PythonLexer.lex(bytes)
        #expect(out.tokens.map(\.text) == ["if", "a", ":", "\n", "<indent>", "b", "\n", "<dedent>"])
        #expect(out.tokens[0].start == 3)
        #expect(out.diagnostics.isEmpty)
    }
}
