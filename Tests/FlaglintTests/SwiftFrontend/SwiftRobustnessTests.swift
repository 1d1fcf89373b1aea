import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintRules

/// Bad input must never crash or hang the Swift frontend (docs/semantics.md, Bad input).
@Suite struct SwiftRobustnessTests {
    static let snippet = #"""
        import LaunchDarkly
        /* header /* nested */ */
        @MainActor final class Checkout {
            let client: LDClient
            static let key = "new-checkout"
            enum Flag: String { case a = "x", b }
            var isOn: Bool { client.boolVariation(forKey: Self.key, defaultValue: false) }
            func run(items: [Item]) throws -> String {
                guard let first = items.first, isOn else { return "" }
                if client.boolVariation(forKey: "a", defaultValue: false) && first.ok {
                    items.forEach { [weak self] item in self?.log("\(item.name) \(#"raw"#)") }
                } else if case .some(let x) = first.opt, x > 1 { throw E.bad }
                switch first.kind { case .x where isOn: break; default: fallthrough }
                let r = /a+b/; let d = 6 / 3
                repeat { continue } while false
                return """
                    multi \(first.name)
                    """
            }
        }
        """#

    private func parse(_ bytes: [UInt8]) -> FileModel {
        SwiftFrontend().parse(SourceFile(path: "fuzz.swift", language: .swift, bytes: bytes), context: FrontendContext())
    }

    @Test func randomBytes() {
        var rng = SplitMix(state: 1)
        for _ in 0..<300 {
            let count = Int.random(in: 0..<400, using: &rng)
            let alphabet: [UInt8] = Array("{}()[]\"#\\/*`$@?!.,:; \n\rabcif=&|<>'".utf8) + [0, 0xFF, 0xC3, 0xE2]
            let bytes = (0..<count).map { _ in Bool.random(using: &rng) ? UInt8.random(in: 0...255, using: &rng) : alphabet.randomElement(using: &rng)! }
            let m = parse(bytes)
            #expect(m.tokens.allSatisfy { $0.start <= $0.end && $0.end <= bytes.count })
        }
    }

    @Test func mutatedSnippets() {
        var rng = SplitMix(state: 7)
        let base = Array(Self.snippet.utf8)
        #expect(parse(base).diagnostics.isEmpty)
        for round in 0..<400 {
            var bytes = base
            if round % 2 == 0 { bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng))) }
            for _ in 0..<Int.random(in: 0..<6, using: &rng) where !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(Array("{}()\"\\#/*`".utf8).randomElement(using: &rng)!, at: at)
                default: bytes[at] = UInt8.random(in: 0...255, using: &rng)
                }
            }
            let m = parse(bytes)
            for r in m.control.regions {
                #expect(r.body.lowerBound >= 0 && r.body.upperBound <= m.tokens.count)
            }
        }
    }

    @Test func deepNestingTerminates() {
        let depth = 10_000
        let inputs = [
            String(repeating: "if a {\n", count: depth),
            String(repeating: "if a { ", count: depth) + String(repeating: "}", count: depth),
            String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth),
            String(repeating: "f { ", count: depth) + String(repeating: "}", count: depth),
            String(repeating: "\"\\(", count: depth),
            String(repeating: "\"\\(", count: depth) + "x" + String(repeating: ")\"", count: depth),
            String(repeating: "/*", count: depth),
            String(repeating: "[", count: depth),
            String(repeating: "a && ", count: depth) + "b",
        ]
        for source in inputs {
            let m = parse(Array(source.utf8))
            #expect(m.tokens.count > 0 || !m.diagnostics.isEmpty)
        }
        let nested = parse(Array((String(repeating: "if a { ", count: depth) + "g()" + String(repeating: "}", count: depth)).utf8))
        #expect(nested.diagnostics.isEmpty)
        let closedStrings = parse(Array((String(repeating: "\"\\(", count: 100) + "x" + String(repeating: ")\"", count: 100)).utf8))
        #expect(closedStrings.diagnostics.isEmpty)
    }

    @Test func unterminatedConstructsAreDiagnosed() {
        for source in ["let s = \"abc", "/* open", "let s = \"\"\"\nabc", "let r = #\"abc", "x = \"\\(a", "func f() {"] {
            let m = parse(Array(source.utf8))
            #expect(!m.diagnostics.isEmpty, "\(source)")
        }
    }

    @Test func largeSingleLine() {
        let unit = Array("client.boolVariation(forKey: \"k\", defaultValue: false) && ".utf8)
        var bytes: [UInt8] = []
        while bytes.count < 1_000_000 { bytes += unit }
        bytes += Array("x".utf8)
        let m = parse(bytes)
        #expect(m.tokens.count > 100_000)
    }
}
