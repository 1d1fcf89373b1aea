import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends

/// Tokens as byte ranges into the file (issue 16, memory): the texts and values they give.
@Suite struct TokenSpellingTests {
    @Test func aTokenIsSmall() {
        #expect(MemoryLayout<Token>.stride <= 24)
    }

    @Test func swiftTextsAndValues() {
        let code = ##"let `x` = "a\(b)c" + "plain" + "tab\there" + #"raw\n"#"##
        let tokens = SwiftLexer.lex(Array(code.utf8)).tokens
        #expect(tokens.map(\.text) == ["let", "x", "=", "\"a\\", "(", "b", ")", "c\"", "+", "\"plain\"", "+", "\"tab\\there\"", "+", "#\"raw\\n\"#"])
        #expect(tokens.map(\.stringValue) == [nil, nil, nil, nil, nil, nil, nil, nil, nil, "plain", nil, "tab\there", nil, "raw\\n"])
        #expect(tokens[4].spells("(") && tokens[4].end - tokens[4].start == 1)
        #expect(tokens[1].is("x") && !tokens[9].is("\"plain\"") && tokens[9].spells("\"plain\""))
    }

    @Test func pythonLayoutAndInvalidUTF8() {
        let bytes = Array("if a:\r\n    b = 'x\\n'\n".utf8) + [0xFF] + Array("\n".utf8)
        let tokens = PythonLexer.lex(bytes).tokens
        let texts = tokens.map(\.text)
        #expect(texts.prefix(9) == ["if", "a", ":", "\n", "<indent>", "b", "=", "'x\\n'", "\n"])
        #expect(tokens[7].stringValue == "x\n")
        #expect(texts.contains("\u{FFFD}"))
    }

    @Test func movingATokenKeepsItsTextAndValue() {
        let spelling = TokenSpelling(bytes: Array(#"@"key""#.utf8))
        var t = Token(kind: .string, start: 1, end: 6, in: spelling, stringValue: "key")
        #expect(t.text == "\"key\"" && t.stringValue == "key")
        t.start = 0
        #expect(t.text == "\"key\"" && t.stringValue == "key")
        t.text = "@\"key\""
        #expect(t.text == "@\"key\"" && t.stringValue == "key" && t.start == 0)
        let copy = t
        t.stringValue = nil
        #expect(copy.stringValue == "key" && t.stringValue == nil && t.text == "@\"key\"")
    }
}
