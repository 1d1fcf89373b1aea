import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends

/// The invariants every lexed file keeps, whatever its bytes.
func checkInvariants(_ bytes: [UInt8]) -> FileModel {
    let model = (try? PythonFrontend().parse(SourceFile(path: "fuzz.py", language: .python, bytes: bytes), context: FrontendContext()))!
    var last = 0
    var misplaced: [Int] = []
    for (i, t) in model.tokens.enumerated() {
        // One expectation per file, not per token: a 10 MB file has millions of tokens.
        if !(t.start >= 0 && t.start <= t.end && t.end <= bytes.count) || (t.start < last && t.kind != .layout) {
            misplaced.append(i)
        }
        last = max(last, t.start)
    }
    #expect(misplaced.isEmpty, "tokens out of place: \(misplaced.prefix(5))")
    let layout = model.tokens.filter { $0.kind == .layout }
    #expect(layout.filter { $0.text == "<indent>" }.count == layout.filter { $0.text == "<dedent>" }.count)
    for r in model.control.regions { #expect(r.body.upperBound <= model.tokens.count) }
    return model
}

@Suite struct PythonFrontendRobustnessTests {
    static let snippets = [
        "if client.is_enabled('a'):\n    if not b: return\n    x = f'{c.get(\"k\")!r:>{w}}'\nelif y:\n    pass\n",
        "match cmd:\n    case [x, *rest] if g(x):\n        lambda q: q\n    case _:\n        [i for i in y if (w := i)]\n",
        "class A:\n    K: Final = 'k'\n    @deco(x=1)\n    async def f(self, d=g()):\n        async for x in y:\n            await z\n",
        "s = '''doc\n''' + r\"\\\"\" + b'\\x00' + rb'''x'''\nwhile a:\n\tcontinue\nelse:\n    break\n",
    ]

    @Test func randomBytes() {
        var rng = SplitMix(state: 42)
        for _ in 0..<200 {
            let count = Int.random(in: 0..<400, using: &rng)
            _ = checkInvariants((0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) })
        }
    }

    @Test func randomPythonishBytes() {
        var rng = SplitMix(state: 7)
        let alphabet = Array("ifelsewhile:()[]{}'\"\\#\n\t  f\"{}rb=:=lambda,.;".utf8)
        for _ in 0..<300 {
            let count = Int.random(in: 0..<300, using: &rng)
            _ = checkInvariants((0..<count).map { _ in alphabet.randomElement(using: &rng)! })
        }
    }

    @Test func mutatedSnippets() {
        var rng = SplitMix(state: 2026)
        for snippet in Self.snippets {
            let base = Array(snippet.utf8)
            _ = checkInvariants(base)
            for _ in 0..<150 {
                var bytes = base
                for _ in 0..<Int.random(in: 1...4, using: &rng) where !bytes.isEmpty {
                    let at = Int.random(in: 0..<bytes.count, using: &rng)
                    switch Int.random(in: 0..<3, using: &rng) {
                    case 0: bytes.remove(at: at)
                    case 1: bytes.insert(base.randomElement(using: &rng)!, at: at)
                    default: bytes[at] = UInt8.random(in: 0...255, using: &rng)
                    }
                }
                _ = checkInvariants(bytes)
            }
            // Every prefix: half-written code in an editor.
            for cut in stride(from: 0, through: base.count, by: 3) { _ = checkInvariants(Array(base[..<cut])) }
        }
    }

    @Test func tenThousandIndentationLevels() {
        var src = ""
        for level in 0..<10_000 { src += String(repeating: " ", count: level) + "if a\(level):\n" }
        src += String(repeating: " ", count: 10_000) + "E()\n"
        let model = checkInvariants(Array(src.utf8))
        #expect(model.tokens.filter { $0.text == "<indent>" }.count == 10_000)
        let e = model.tokens.lastIndex { $0.text == "E" }!
        #expect(model.control.regions.filter { $0.body.contains(e) }.count == 10_000)
    }

    @Test func deepBracketsAndLambdas() {
        let src = String(repeating: "(", count: 20_000) + String(repeating: "lambda: ", count: 5_000) + "x" + String(repeating: ")", count: 20_000) + "\n"
        let model = checkInvariants(Array(src.utf8))
        #expect(model.diagnostics.isEmpty)
        // Kept small: Brackets.match is quadratic on stray closers (reported to the lead).
        let stray = String(repeating: "(", count: 2_000) + String(repeating: "]", count: 2_000)
        #expect(!checkInvariants(Array(stray.utf8)).diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("x = '''never closed\nif a:\n    b\n", "unterminated triple-quoted"),
        ("x = 'open\ny = 2\n", "unterminated string"),
        ("x = f'{a\ny = 2\n", "unterminated f-string"),
        ("x = f'''{a\n", "unterminated f-string"),
        ("f(a, [b\nif c:\n    d\n", "never closed"),
        ("x = a)\n", "unmatched"),
        ("a = 1\0\n", "NUL"),
    ])
    func brokenInputIsDiagnosed(source: String, message: String) {
        let model = checkInvariants(Array(source.utf8))
        #expect(model.diagnostics.contains { $0.message.contains(message) })
    }

    @Test func unclosedBracketRecoversAtTheNextDefinition() {
        let model = checkInvariants(Array("x = f(a,\ndef g():\n    if c.is_on('k'):\n        E()\n".utf8))
        #expect(model.diagnostics.contains { $0.message.contains("never closed") })
        let e = model.tokens.firstIndex { $0.text == "E" }!
        #expect(model.control.regions.contains { $0.body.contains(e) })
    }

    @Test func invalidUTF8() {
        let model = checkInvariants([0x78, 0x20, 0x3D, 0x20, 0x27, 0xFF, 0xFE, 0x27, 0x0A, 0xC3, 0x28, 0x0A])
        #expect(model.diagnostics.contains { $0.message.contains("UTF-8") })
    }

    @Test func tenMegabyteLine() {
        var bytes = Array("x = [".utf8)
        let item = Array("c.is_on('k'), ".utf8)
        while bytes.count < 10_000_000 { bytes += item }
        bytes += Array("]\n".utf8)
        let model = checkInvariants(bytes)
        #expect(model.diagnostics.isEmpty)
        #expect(model.tokens.count > 4_000_000)
    }
}
