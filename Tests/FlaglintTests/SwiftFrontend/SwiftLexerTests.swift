import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends

/// Lexes `source` and returns the token texts (string tokens with their exact spelling).
func swiftTokens(_ source: String) -> [Token] { SwiftLexer.lex(Array(source.utf8)).tokens }
func swiftTexts(_ source: String) -> [String] { swiftTokens(source).map(\.text) }

@Suite struct SwiftLexerTests {
    @Test func identifiersAndKeywords() {
        let t = swiftTokens("let `class` = $0 + café; if x { return self.init }")
        #expect(t.map(\.text) == ["let", "class", "=", "$0", "+", "café", ";", "if", "x", "{", "return", "self", ".", "init", "}"])
        #expect(t[0].kind == .keyword)
        #expect(t[1].kind == .identifier)
        #expect(t[3].kind == .identifier)
        #expect(t[5].kind == .identifier)
        #expect(t[11].kind == .keyword)
        // A keyword after `.` is a member name.
        #expect(t[13].kind == .identifier)
    }

    @Test func numbers() {
        let t = swiftTokens("0x1F 0b1010 0o17 1_000_000 3.14 1e10 2.5e-3 0x1p3 1...5 t.0.1")
        #expect(t.map(\.text) == ["0x1F", "0b1010", "0o17", "1_000_000", "3.14", "1e10", "2.5e-3", "0x1p3", "1", "...", "5", "t", ".", "0", ".", "1"])
        #expect(t.prefix(8).allSatisfy { $0.kind == .number })
    }

    @Test func operatorsAndPostfix() {
        #expect(swiftTexts("a?.b") == ["a", "?", ".", "b"])
        #expect(swiftTexts("x!.y") == ["x", "!", ".", "y"])
        #expect(swiftTexts("a && b || !c") == ["a", "&&", "b", "||", "!", "c"])
        #expect(swiftTexts("a == b != c === d !== e") == ["a", "==", "b", "!=", "c", "===", "d", "!==", "e"])
        #expect(swiftTexts("f() -> Int") == ["f", "(", ")", "->", "Int"])
        #expect(swiftTexts("0..<n; a ?? b; x += 1") == ["0", "..<", "n", ";", "a", "??", "b", ";", "x", "+=", "1"])
        #expect(swiftTexts("x!=y") == ["x", "!=", "y"])
        #expect(swiftTexts("let v: Array<Int>? = nil") == ["let", "v", ":", "Array", "<", "Int", ">", "?", "=", "nil"])
        #expect(swiftTexts("try? f(); y as! Z") == ["try", "?", "f", "(", ")", ";", "y", "as", "!", "Z"])
        #expect(swiftTexts("LDClient.get()?.boolVariation") == ["LDClient", ".", "get", "(", ")", "?", ".", "boolVariation"])
        let ternary = swiftTokens("c ? a : b")
        #expect(ternary[1].text == "?" && ternary[1].flags.contains(.spaceBefore) && ternary[1].flags.contains(.spaceAfter))
    }

    @Test func flags() {
        let t = swiftTokens("a  b/* c */d\n  e(f)")
        #expect(t.map(\.text) == ["a", "b", "d", "e", "(", "f", ")"])
        #expect(t[0].flags == [.lineStart, .spaceAfter])
        #expect(t[1].flags == [.spaceBefore, .spaceAfter])
        #expect(t[2].flags == [.spaceBefore, .spaceAfter])
        #expect(t[3].flags == [.spaceBefore, .lineStart])
        #expect(t[4].flags == [])
        #expect(t[6].flags == [])
        let crlf = swiftTokens("a\r\nb")
        #expect(crlf[1].flags.contains(.lineStart))
        let multiLineComment = swiftTokens("a /* x\n */ b")
        #expect(multiLineComment[1].flags.contains(.lineStart))
    }

    @Test func plainStrings() {
        let t = swiftTokens(#"f("a\n\t\"b\\ \u{1F600}\0")"#)
        #expect(t.count == 4)
        #expect(t[2].kind == .string)
        #expect(t[2].text == #""a\n\t\"b\\ \u{1F600}\0""#)
        #expect(t[2].stringValue == "a\n\t\"b\\ \u{1F600}\0")
        #expect(swiftTokens("\"\"").first?.stringValue == "")
    }

    @Test func rawStrings() {
        let t = swiftTokens(###"x = #"a "quoted" \n"# + ##"b"#c"##"###)
        #expect(t.map(\.text) == ["x", "=", ##"#"a "quoted" \n"#"##, "+", ###"##"b"#c"##"###])
        #expect(t[2].stringValue == #"a "quoted" \n"#)
        #expect(t[4].stringValue == ##"b"#c"##)
        // A raw string escape needs the hashes.
        #expect(swiftTokens(##"#"a\#tb"#"##).first?.stringValue == "a\tb")
    }

    @Test func multiLineStrings() {
        let source = "let s = \"\"\"\n    one\n      two \"quoted\"\n    \"\"\"\nnext"
        let t = swiftTokens(source)
        #expect(t.map(\.kind) == [.keyword, .identifier, .punctuation, .string, .identifier])
        #expect(t[3].stringValue == "one\n  two \"quoted\"")
        #expect(t[4].flags.contains(.lineStart))
        let raw = swiftTokens("#\"\"\"\n  a \\(b)\n  \"\"\"#")
        #expect(raw.count == 1)
        #expect(raw[0].stringValue == "a \\(b)")
    }

    @Test func interpolation() {
        let t = swiftTokens(#""a \(f("x")) b""#)
        #expect(t.map(\.text) == [#""a \"#, "(", "f", "(", #""x""#, ")", ")", #" b""#])
        #expect(t[0].kind == .string && t[0].stringValue == nil)
        #expect(t[7].kind == .string && t[7].stringValue == nil)
        #expect(t[4].stringValue == "x")
        let partners = Brackets.match(t)
        #expect(partners[1] == 6)
    }

    @Test func nestedInterpolationWithClosure() {
        let t = swiftTokens(#""\(items.map { "\($0 ? "y" : "n")" }.joined())" + z"#)
        let texts = t.map(\.text)
        #expect(texts.last == "z")
        #expect(texts.contains(#""y""#) && texts.contains(#""n""#))
        let partners = Brackets.match(t)
        for (i, tok) in t.enumerated() where tok.isOpenBracket || tok.isCloseBracket { #expect(partners[i] >= 0) }
    }

    @Test func rawInterpolation() {
        let t = swiftTokens(##"#"a \(x) \#(y) b"#"##)
        #expect(t.map(\.text) == [##"#"a \(x) \#"##, "(", "y", ")", ##" b"#"##])
    }

    @Test func multiLineInterpolation() {
        let t = swiftTokens("\"\"\"\n  a \\(b(\"c\")) d\n  \"\"\"\nx")
        #expect(t.map(\.text).dropFirst().prefix(6) == ["(", "b", "(", "\"c\"", ")", ")"])
        #expect(t.last?.text == "x")
    }

    @Test func regexVersusDivision() {
        #expect(swiftTokens("let r = /a+b/").last?.kind == .string)
        #expect(swiftTexts("let r = /a+b/") == ["let", "r", "=", "/a+b/"])
        #expect(swiftTexts("x = a / b / c") == ["x", "=", "a", "/", "b", "/", "c"])
        #expect(swiftTexts("x = a/b/c") == ["x", "=", "a", "/", "b", "/", "c"])
        #expect(swiftTexts("f(/[a/]b/, 1)") == ["f", "(", "/[a/]b/", ",", "1", ")"])
        #expect(swiftTexts("x /= 2") == ["x", "/=", "2"])
        let ext = swiftTokens("let r = #/a/b/#")
        #expect(ext.last?.text == "#/a/b/#" && ext.last?.kind == .string && ext.last?.stringValue == nil)
        let multi = swiftTokens("let r = #/\n  a\n/#\nnext")
        #expect(multi.map(\.text).last == "next")
        #expect(multi.count == 5)
    }

    @Test func comments() {
        let out = SwiftLexer.lex(Array("a // line\n/// doc\nb /* outer /* inner */ still */ c".utf8))
        #expect(out.tokens.map(\.text) == ["a", "b", "c"])
        #expect(out.comments.map(\.text) == ["// line", "/// doc", "/* outer /* inner */ still */"])
        #expect(out.comments[0].start == 2 && out.comments[0].end == 9)
        #expect(out.diagnostics.isEmpty)
    }

    @Test func directivesAndAttributes() {
        let t = swiftTokens("#if DEBUG\n@RemoteConfigProperty(key: \"x\", fallback: false) var f: Bool\n#elseif os(iOS)\n#else\n#endif\n#warning(\"w\") #selector(f) #available(iOS 15, *) #Preview")
        let texts = t.map(\.text)
        #expect(texts.prefix(4) == ["#if", "DEBUG", "@", "RemoteConfigProperty"])
        #expect(t[0].kind == .keyword)
        for d in ["#elseif", "#else", "#endif", "#warning", "#selector", "#available"] { #expect(texts.contains(d)) }
        #expect(texts.suffix(2) == ["#", "Preview"])
    }

    @Test func badInputDiagnostics() {
        let unterminated = SwiftLexer.lex(Array("let s = \"abc\nlet t = 1".utf8))
        #expect(unterminated.diagnostics.count == 1)
        #expect(unterminated.diagnostics.first?.offset == 8)
        #expect(unterminated.tokens.map(\.text).suffix(4) == ["let", "t", "=", "1"])
        let comment = SwiftLexer.lex(Array("a /* b /* c */".utf8))
        #expect(comment.diagnostics.map(\.offset) == [2])
        let multi = SwiftLexer.lex(Array("x = \"\"\"\nabc".utf8))
        #expect(multi.diagnostics.count == 1)
        let raw = SwiftLexer.lex(Array("x = #\"abc\"".utf8))
        #expect(raw.diagnostics.count == 1)
        let interp = SwiftLexer.lex(Array("x = \"a \\(b\ny = 2".utf8))
        #expect(interp.diagnostics.count == 1)
        #expect(interp.tokens.map(\.text).suffix(3) == ["y", "=", "2"])
    }

    @Test func bomNulAndInvalidUTF8() {
        let out = SwiftLexer.lex([0xEF, 0xBB, 0xBF] + Array("a".utf8) + [0x00, 0xFF] + Array(" b".utf8))
        #expect(out.tokens.first?.text == "a")
        #expect(out.tokens.first?.start == 3)
        #expect(out.tokens.last?.text == "b")
        #expect(out.diagnostics.count == 2)
    }
}
