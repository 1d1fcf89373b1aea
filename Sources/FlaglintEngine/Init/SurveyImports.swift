import FlaglintSyntax

/// The modules a file imports and the headers it includes, as written: what
/// `flaglint init --detect` compares with each catalogue's `imports:`.
enum SurveyImports {
    /// Swift `import [kind] A.B`, Python `import a.b, c` / `from a.b import x, y` (giving `a.b`
    /// and `a.b.x`, `a.b.y`), read from the frontend's tokens so that comments and strings
    /// never count.
    package static func imports(in model: FileModel) -> [String] {
        let tokens = model.tokens
        var out: [String] = []
        /// A dotted name starting at `i`: the name and the index after it.
        func dotted(from i: Int) -> (String, Int)? {
            var j = i
            var parts: [String] = []
            while j < tokens.count, tokens[j].kind == .identifier || (tokens[j].kind == .keyword && !parts.isEmpty && tokens[j - 1].is(".")) {
                parts.append(tokens[j].text)
                guard j + 2 < tokens.count, tokens[j + 1].is("."), tokens[j + 1].kind == .punctuation else { return (parts.joined(separator: "."), j + 1) }
                j += 2
            }
            return parts.isEmpty ? nil : (parts.joined(separator: "."), j)
        }
        var i = 0
        while i < tokens.count {
            defer { i += 1 }
            let t = tokens[i]
            guard t.kind == .keyword else { continue }
            switch model.language {
            case .swift:
                guard t.text == "import" else { continue }
                var j = i + 1
                // `import struct Foundation.Date`
                if j < tokens.count, ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"].contains(tokens[j].text),
                   tokens[j].kind == .keyword { j += 1 }
                if let (name, _) = dotted(from: j) { out.append(name) }
            case .python:
                if t.text == "import" {
                    // `import a.b as c, d`: at a statement start (not the `import` of `from a import b`).
                    guard i == 0 || tokens[i - 1].kind == .layout || tokens[i - 1].is(";") else { continue }
                    var j = i + 1
                    while let (name, next) = dotted(from: j) {
                        out.append(name)
                        j = next
                        if j < tokens.count, tokens[j].is("as") { j += 2 }
                        guard j < tokens.count, tokens[j].is(",") else { break }
                        j += 1
                    }
                } else if t.text == "from", let (module, next) = dotted(from: i + 1), next < tokens.count, tokens[next].is("import") {
                    out.append(module)
                    var j = next + 1
                    if j < tokens.count, tokens[j].is("(") { j += 1 }
                    while j < tokens.count, tokens[j].kind == .identifier {
                        out.append(module + "." + tokens[j].text)
                        j += 1
                        if j < tokens.count, tokens[j].is("as") { j += 2 }
                        guard j < tokens.count, tokens[j].is(",") else { break }
                        j += 1
                    }
                }
            default:
                continue
            }
        }
        return out
    }

    /// C family: `#include <a/b.h>`, `#include "a/b.h"`, `#import <A/A.h>` and Objective-C
    /// `@import A.B;`, read from the text so that it works without libclang.
    package static func includes(in bytes: [UInt8]) -> [String] {
        var out: [String] = []
        var lineStart = 0
        let n = bytes.count
        while lineStart < n {
            var end = lineStart
            while end < n, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            if let name = include(in: bytes[lineStart..<end]) { out.append(name) }
            lineStart = end + 1
        }
        return out
    }

    private static func include(in line: ArraySlice<UInt8>) -> String? {
        var i = line.startIndex
        func skipSpaces() { while i < line.endIndex, line[i] == UInt8(ascii: " ") || line[i] == UInt8(ascii: "\t") { i += 1 } }
        func word() -> String {
            let s = i
            while i < line.endIndex, line[i] == UInt8(ascii: "_") || (line[i] >= UInt8(ascii: "a") && line[i] <= UInt8(ascii: "z")) { i += 1 }
            return String(decoding: line[s..<i], as: UTF8.self)
        }
        skipSpaces()
        guard i < line.endIndex else { return nil }
        if line[i] == UInt8(ascii: "@") {
            i += 1
            guard word() == "import" else { return nil }
            skipSpaces()
            let s = i
            while i < line.endIndex, line[i] != UInt8(ascii: ";"), line[i] != UInt8(ascii: " ") { i += 1 }
            return i > s ? String(decoding: line[s..<i], as: UTF8.self) : nil
        }
        guard line[i] == UInt8(ascii: "#") else { return nil }
        i += 1
        skipSpaces()
        guard ["include", "import", "include_next"].contains(word()) else { return nil }
        skipSpaces()
        guard i < line.endIndex else { return nil }
        let close: UInt8
        switch line[i] {
        case UInt8(ascii: "<"): close = UInt8(ascii: ">")
        case UInt8(ascii: "\""): close = UInt8(ascii: "\"")
        default: return nil
        }
        i += 1
        let s = i
        while i < line.endIndex, line[i] != close { i += 1 }
        return i < line.endIndex && i > s ? String(decoding: line[s..<i], as: UTF8.self) : nil
    }
}
