import Foundation
import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends

/// libclang builds the C-family tests run against; empty on a machine without libclang.
enum TestLibclang {
    /// Debian's libclang and the Swift toolchain's own, each when present.
    static let all: [Libclang] = {
        var paths = ["/usr/lib/llvm-14/lib/libclang.so"]
        paths += Libclang.candidates(environment: ProcessInfo.processInfo.environment)
        var seen = Set<String>()
        var out: [Libclang] = []
        for p in paths {
            guard case let .success(lib) = Libclang.open(p), seen.insert(lib.version).inserted else { continue }
            out.append(lib)
        }
        return out
    }()
    /// CI sets FLAGLINT_REQUIRE_ALL_TOOLS=1: a missing libclang must fail there, not skip.
    static let available = !all.isEmpty || ProcessInfo.processInfo.environment["FLAGLINT_REQUIRE_ALL_TOOLS"] == "1"
    static let reason: Testing.Comment = "no libclang found (install libclang-dev or set FLAGLINT_LIBCLANG)"
    static var any: Libclang { all[0] }
}

extension FileModel {
    static func cfamily(_ code: String, _ language: Language = .cpp, path: String? = nil, clang: Libclang = TestLibclang.any,
                        context: FrontendContext = FrontendContext()) throws -> FileModel {
        let ext: String
        switch language {
        case .c: ext = "c"
        case .objc: ext = "m"
        case .objcpp: ext = "mm"
        default: ext = "cpp"
        }
        let source = SourceFile(path: path ?? "/tmp/flaglint-test-\(UUID().uuidString).\(ext)", language: language, text: code)
        return try CFamilyFrontend(libclang: clang).parse(source, context: context)
    }

    /// Index of the first token with `text` at or after the first occurrence of `marker`'s token.
    func index(of text: String, occurrence: Int = 1) -> Int? {
        var seen = 0
        for (i, t) in tokens.enumerated() where t.text == text {
            seen += 1
            if seen == occurrence { return i }
        }
        return nil
    }

    /// For the token at `i`: the identifiers in the conditions of every region containing it,
    /// one sorted list per region, regions sorted. Names the flags that control it.
    func controllers(of i: Int) -> [[String]] {
        control.regions.filter { $0.body.contains(i) }.map { region in
            region.conditions.flatMap { r in r.compactMap { tokens[$0].kind == .identifier ? tokens[$0].text : nil } }.sorted()
        }.sorted { $0.joined(separator: ",") < $1.joined(separator: ",") }
    }

    /// The set of identifiers controlling token `i` (flattened).
    func controllingNames(of i: Int) -> Set<String> { Set(controllers(of: i).flatMap { $0 }) }

    func isDeclaration(_ i: Int) -> Bool { control.declarations.contains { $0.contains(i) } }
}
