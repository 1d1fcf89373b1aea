import Foundation
@testable import FlaglintSupport
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintAnalysis
@testable import FlaglintRules
@testable import FlaglintReporters
@testable import FlaglintEngine
@testable import FlaglintKit

/// One libFuzzer entry point for every target; `FLAGLINT_FUZZ_TARGET` chooses which.
/// Each target feeds the bytes to one parser and asserts nothing but "returns": a crash, a
/// hang (libFuzzer's -timeout) or a sanitizer report is the finding.
enum FuzzTarget: String, CaseIterable {
    case swift, python, cstructure, pattern, config, registry, baseline

    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["FLAGLINT_FUZZ_TARGET"] ?? ""
        guard let t = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("FLAGLINT_FUZZ_TARGET must be one of: \(allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        return t
    }()

    static let settings = LintSettings(evaluators: BuiltinCatalogue.all.flatMap(\.evaluators))

    /// One file through the frontend, matching, control analysis and the file rules, as a session lints it.
    static func lint(_ settings: LintSettings, _ path: String, _ language: Language, _ bytes: [UInt8]) {
        var facts = FileAnalyzer(settings: settings).analyze(LintInput(displayPath: path, readPath: nil, language: language, contents: bytes))
        if facts.parsed { facts.findings = FileRules.findings(facts, settings: settings) }
    }

    func run(_ bytes: [UInt8]) {
        switch self {
        case .swift: Self.lint(Self.settings, "f.swift", .swift, bytes)
        case .python: Self.lint(Self.settings, "f.py", .python, bytes)
        case .cstructure: Self.cStructure(bytes)
        case .pattern: Self.pattern(bytes)
        case .config:
            _ = try? Configuration.parse(String(decoding: bytes, as: UTF8.self), file: "/fuzz/.lint.yml", displayPath: ".lint.yml")
        case .registry:
            let text = String(decoding: bytes, as: UTF8.self)
            for format in RegistryFormat.allCases {
                _ = try? RegistrySource(path: "/fuzz/registry", format: format, environment: "production").records(text: text)
            }
        case .baseline: _ = try? BaselineFile.decode(Data(bytes), path: "baseline.json")
        }
    }

    /// The C-family structure parser on a token stream made without libclang: identifiers,
    /// numbers, string and character literals, comments and one-byte punctuation.
    static func cStructure(_ bytes: [UInt8]) {
        var raw: [ClangToken] = []
        var i = 0
        func isWord(_ b: UInt8) -> Bool { b == 0x5F || (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || b >= 0x80 }
        while i < bytes.count {
            let b = bytes[i], start = i
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D { i += 1; continue }
            if isWord(b) {
                while i < bytes.count && isWord(bytes[i]) { i += 1 }
                let keyword = ["if", "else", "for", "while", "do", "switch", "case", "return", "break", "continue", "goto", "default"]
                    .contains(String(decoding: bytes[start..<i], as: UTF8.self))
                raw.append(ClangToken(kind: b >= 0x30 && b <= 0x39 ? .literal : keyword ? .keyword : .identifier, start: start, end: i))
            } else if b == 0x22 || b == 0x27 {
                i += 1
                while i < bytes.count && bytes[i] != b && bytes[i] != 0x0A { i += bytes[i] == 0x5C ? 2 : 1 }
                i = min(i + 1, bytes.count)
                raw.append(ClangToken(kind: .literal, start: start, end: i))
            } else if b == 0x2F && i + 1 < bytes.count && bytes[i + 1] == 0x2F {
                while i < bytes.count && bytes[i] != 0x0A { i += 1 }
                raw.append(ClangToken(kind: .comment, start: start, end: i))
            } else {
                i += 1
                // `&&`, `||`, `->`, `::` as one token, as libclang reports them.
                if i < bytes.count, [[0x26, 0x26], [0x7C, 0x7C], [0x2D, 0x3E], [0x3A, 0x3A]].contains([b, bytes[i]]) { i += 1 }
                raw.append(ClangToken(kind: .punctuation, start: start, end: i))
            }
        }
        let stream = CTokenStream(bytes: bytes, raw: raw, skipped: [])
        _ = CStructureParser(tokens: stream.tokens).parse()
    }

    /// First line: a pattern; the rest: code matched against it in Swift and Python.
    static func pattern(_ bytes: [UInt8]) {
        let newline = bytes.firstIndex(of: 0x0A) ?? bytes.count
        guard let pattern = try? Pattern.parse(String(decoding: bytes[..<newline], as: UTF8.self)) else { return }
        let code = Array(bytes[min(newline + 1, bytes.count)...])
        let evaluator = EvaluatorDefinition(info: EvaluatorInfo(sdk: "fuzz", pattern: pattern.text), languages: [.swift, .python],
                                            pattern: pattern, origin: "fuzz")
        let settings = LintSettings(evaluators: [evaluator])
        lint(settings, "f.swift", .swift, code)
        lint(settings, "f.py", .python, code)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTarget.selected.run(bytes)
    return 0
}

/// SwiftPM links an executable's entry point as `<target>_main`; hand control to libFuzzer's
/// driver from there (libFuzzer's own `main` is then not linked).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("FlaglintFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    // One-time set-up (the catalogue's evaluators, the target's statics) before libFuzzer's
    // clock starts: on a loaded machine it took longer than -timeout and read as a hang.
    FuzzTarget.selected.run([])
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
