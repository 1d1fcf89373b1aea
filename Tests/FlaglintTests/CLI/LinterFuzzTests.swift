import Foundation
import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintAnalysis
@testable import FlaglintEngine

/// The whole per-file pipeline (lexer, structure, matcher, analysis, rules, suppressions) on
/// seeded random mutations of the Swift and Python fixtures in `testdata/`: never a crash, and
/// every finding points inside the file. Seeded and bounded, so a failure reproduces and the
/// suite stays within seconds; `FLAGLINT_FUZZ_ROUNDS=N` runs longer.
@Suite struct LinterFuzzTests {
    static let rounds = Int(ProcessInfo.processInfo.environment["FLAGLINT_FUZZ_ROUNDS"] ?? "") ?? 120

    /// Every Swift and Python fixture under `testdata/` (there is no `testdata/swift`: Swift
    /// fixtures live in the demo, crossfile and lifecycle projects).
    static let fixtures: [String] = {
        let root = PackagePaths.path("testdata")
        let all = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
        return all.filter { $0.hasSuffix(".swift") || $0.hasSuffix(".py") }.sorted()
    }()

    /// Bytes that matter to the lexers: quotes, brackets, comment starts, escapes, newlines,
    /// indentation, invalid UTF-8 and the first bytes of multibyte sequences.
    static let interesting: [UInt8] = Array("\"'`#/*\\{}()[]:;,.$@?! \t\n\r\"\"\"fFbBrRu=&|<>-+".utf8) + [0x00, 0x80, 0xBF, 0xC3, 0xE2, 0xF0, 0xFF]

    static func mutate(_ input: [UInt8], _ rng: inout SplitMix) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<7, using: &rng) {
            case 0 where !bytes.isEmpty: bytes[at] = UInt8.random(in: 0...255, using: &rng)
            case 1: bytes.insert(interesting.randomElement(using: &rng)!, at: at)
            case 2 where !bytes.isEmpty:
                bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...64, using: &rng)))
            case 3 where !bytes.isEmpty:
                // Duplicate a chunk somewhere else: unbalances brackets, repeats evaluations.
                let chunk = Array(bytes[at..<min(bytes.count, at + Int.random(in: 1...200, using: &rng))])
                bytes.insert(contentsOf: chunk, at: Int.random(in: 0...bytes.count, using: &rng))
            case 4: bytes = Array(bytes.prefix(at))
            case 5: bytes.insert(contentsOf: Array(repeating: interesting.randomElement(using: &rng)!, count: Int.random(in: 1...300, using: &rng)), at: at)
            default: if !bytes.isEmpty { bytes[at] = interesting.randomElement(using: &rng)! }
            }
        }
        return bytes
    }


    @Test(arguments: fixtures)
    func mutatedFixturesNeverCrash(_ fixture: String) throws {
        let original = try #require(FileReader.read(PackagePaths.path("testdata/" + fixture)))
        let language: Language = fixture.hasSuffix(".py") ? .python : .swift
        var seed: UInt64 = 0xF1A6
        for b in fixture.utf8 { seed = seed &* 31 &+ UInt64(b) }
        var rng = SplitMix(state: seed)
        #expect(Self.lint(original, language, fixture).failure == nil)
        for round in 0..<Self.rounds {
            let bytes = Self.mutate(original, &rng)
            let result = Self.lint(bytes, language, fixture)
            let lines = Self.lineCount(bytes)
            for f in result.findings where f.path == fixture {
                #expect(f.line >= 1 && f.line <= lines && f.column >= 1 && f.endLine >= f.line,
                        "\(fixture) round \(round) (seed \(seed)): \(f.rule) at \(f.line):\(f.column)-\(f.endLine):\(f.endColumn) in a \(lines)-line file")
            }
            for e in result.evaluations {
                #expect(e.line >= 1 && e.line <= lines && e.column >= 1, "\(fixture) round \(round): evaluation at \(e.line):\(e.column)")
            }
        }
    }

    /// Lines as an editor counts them: `\n`, `\r\n` and a lone `\r` each end one.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var n = 1
        for (i, b) in bytes.enumerated() where b == 0x0A || (b == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) { n += 1 }
        return n
    }

    static func lint(_ bytes: [UInt8], _ language: Language, _ path: String) -> FileFacts {
        TestLinter.lint(String(decoding: bytes, as: UTF8.self), language: language, path: path)
    }

    /// The same through `TestLinter.lint` with every built-in evaluator, from purely random
    /// token soup built from the fixtures' own lines (shuffled), which keeps flag calls in play.
    @Test func shuffledFixtureLinesNeverCrash() throws {
        var rng = SplitMix(state: 42)
        for fixture in Self.fixtures {
            let text = try String(contentsOfFile: PackagePaths.path("testdata/" + fixture), encoding: .utf8)
            let language: Language = fixture.hasSuffix(".py") ? .python : .swift
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for _ in 0..<max(1, Self.rounds / 40) {
                let shuffled = lines.shuffled(using: &rng).joined(separator: "\n")
                let result = TestLinter.lint(shuffled, language: language, path: fixture)
                #expect(result.failure == nil, "\(fixture): \(result.failure ?? "")")
            }
        }
    }
}
