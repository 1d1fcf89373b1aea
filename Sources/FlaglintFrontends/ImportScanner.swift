import Foundation
import FlaglintSyntax

/// The modules and headers a file names in its own import statements, for catalogue entries
/// with `requires_import:` (README, One answer everywhere). One pass over the bytes, line by line:
///
/// - Swift: `import M`, `import M.Sub`, `@testable import M`, `import struct M.T` → `M`, `M.Sub`, ...
/// - Python: `import a.b, c as d` → `a.b`, `c`; `from a.b import c, d` → `a.b`, `a.b.c`, `a.b.d`
///   (relative imports name no package and are left out);
/// - C family: `#include`/`#import`/`#include_next` with `<...>` or `"..."` → the path as
///   written; `@import M.Sub;` → `M.Sub`.
///
/// Headers are not opened: what a file includes is read from its own directives, by name.
public enum ImportScanner {
    public static func imports(in source: SourceFile) -> [String] {
        var out: [String] = []
        let bytes = source.bytes
        for (n, start) in source.lineStarts.enumerated() {
            let end = n + 1 < source.lineStarts.count ? source.lineStarts[n + 1] : bytes.count
            guard end - start < 4096 else { continue }
            var i = start
            while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            // Every import starts with one of these bytes: `i`mport, `f`rom, `#`, `@`, `p`ublic...
            guard i < end, [0x69, 0x66, 0x23, 0x40, 0x70].contains(bytes[i]) else { continue }
            let line = String(decoding: bytes[i..<end], as: UTF8.self).trimmingTrailingSpace
            switch source.language {
            case .swift: out += swift(line)
            case .python: out += python(line)
            case .c, .cpp, .objc, .objcpp: out += cFamily(line)
            }
        }
        return out
    }

    /// True when one of `imports` satisfies one of `required`: the same name, a submodule or a
    /// header inside it (`firebase_admin.remote_config`, `FirebaseRemoteConfig/FIRRemoteConfig.h`),
    /// or a header path ending in it (`third_party/firebase/remote_config.h` for
    /// `firebase/remote_config.h`).
    public static func satisfies(_ imports: [String], _ required: [String]) -> Bool {
        for i in imports {
            for r in required where i == r || i.hasPrefix(r + ".") || i.hasPrefix(r + "/") || i.hasSuffix("/" + r) {
                return true
            }
        }
        return false
    }

    package static func swift(_ line: String) -> [String] {
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        while let w = words.first, w.hasPrefix("@") || ["public", "internal", "private", "fileprivate", "package"].contains(w) {
            words.removeFirst()
        }
        guard words.first == "import", words.count >= 2 else { return [] }
        var name = words[1]
        if ["struct", "class", "enum", "protocol", "typealias", "func", "var", "let"].contains(name), words.count >= 3 { name = words[2] }
        name = String(name.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }))
        return name.isEmpty ? [] : [name]
    }

    package static func python(_ line: String) -> [String] {
        let code = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let words = code.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first else { return [] }
        func module(_ s: Substring) -> String? {
            let name = s.trimmingCharacters(in: .init(charactersIn: " \t()\\,")).split(separator: " ").first.map(String.init) ?? ""
            guard let c = name.first, c.isLetter || c == "_" else { return nil }
            return name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) ? name : nil
        }
        if first == "import" {
            return code.dropFirst(6).split(separator: ",").compactMap(module)
        }
        if first == "from", words.count >= 4, words[2] == "import", let base = module(Substring(words[1])) {
            let names = code.components(separatedBy: " import ").dropFirst().joined().split(separator: ",").compactMap(module)
            return [base] + names.filter { $0 != "*" }.map { base + "." + $0 }
        }
        return []
    }

    static func cFamily(_ line: String) -> [String] {
        if line.hasPrefix("@import") {
            let name = line.dropFirst(7).trimmingCharacters(in: .whitespaces).prefix(while: { $0 != ";" && $0 != " " })
            return name.isEmpty ? [] : [String(name)]
        }
        guard line.hasPrefix("#") else { return [] }
        let directive = line.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
        guard let word = ["include_next", "include", "import"].first(where: { directive.hasPrefix($0) }) else { return [] }
        let rest = directive.dropFirst(word.count).drop(while: { $0 == " " || $0 == "\t" })
        guard let open = rest.first, open == "<" || open == "\"" else { return [] }
        let close: Character = open == "<" ? ">" : "\""
        let path = rest.dropFirst().prefix(while: { $0 != close })
        return path.isEmpty || path.count == rest.count - 1 ? [] : [String(path)]
    }
}

private extension String {
    var trimmingTrailingSpace: String {
        var s = Substring(self)
        while let c = s.last, c == "\n" || c == "\r" || c == " " || c == "\t" { s = s.dropLast() }
        return String(s)
    }
}
