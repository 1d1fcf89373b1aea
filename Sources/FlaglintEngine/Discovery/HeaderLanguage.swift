import FlaglintSyntax

/// Decides what a `.h` file is written in from its content (docs/semantics.md, C family): C unless it shows
/// C++ syntax (`class X`, `namespace`, `template <`, `::`, `#include <vector>`) or
/// Objective-C syntax (`@interface`, `@property`, `#import`, ...); both make Objective-C++.
///
/// Comments, string and character literals are skipped, and so are `#if(def) __cplusplus`
/// sections: a C header commonly wraps `extern "C"` or C++ helpers in them.
public enum HeaderLanguage {
    public static func detect(_ bytes: [UInt8]) -> Language {
        var scanner = Scanner(bytes: bytes)
        scanner.run()
        switch (scanner.sawCPlusPlus, scanner.sawObjectiveC) {
        case (true, true): return .objcpp
        case (true, false): return .cpp
        case (false, true): return .objc
        case (false, false): return .c
        }
    }

    static let objectiveCKeywords: Set<String> = [
        "interface", "implementation", "protocol", "property", "class", "end", "import", "synthesize", "selector",
        "optional", "required", "autoreleasepool", "encode", "dynamic",
    ]

    private struct Scanner {
        let bytes: [UInt8]
        var i = 0
        var sawCPlusPlus = false
        var sawObjectiveC = false
        /// `#if` nesting depth, and the depth at which a `__cplusplus`-only section began.
        var conditionalDepth = 0
        var cplusplusSectionDepth: Int?
        var atLineStart = true

        init(bytes: [UInt8]) { self.bytes = bytes }

        var inCPlusPlusSection: Bool { cplusplusSectionDepth != nil }

        mutating func run() {
            while i < bytes.count && !(sawCPlusPlus && sawObjectiveC) {
                let c = bytes[i]
                switch c {
                case UInt8(ascii: "\n"):
                    atLineStart = true
                    i += 1
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    i += 1
                case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                    skipLine()
                case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                    skipBlockComment()
                case UInt8(ascii: "#") where atLineStart:
                    directive()
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    atLineStart = false
                    skipQuoted(c)
                case UInt8(ascii: "@"):
                    atLineStart = false
                    i += 1
                    let word = identifier()
                    if !inCPlusPlusSection && HeaderLanguage.objectiveCKeywords.contains(word) { sawObjectiveC = true }
                case UInt8(ascii: ":") where peek(1) == UInt8(ascii: ":"):
                    atLineStart = false
                    if !inCPlusPlusSection { sawCPlusPlus = true }
                    i += 2
                default:
                    atLineStart = false
                    if isIdentifierStart(c) {
                        let word = identifier()
                        if !inCPlusPlusSection { cPlusPlusKeyword(word) }
                    } else {
                        i += 1
                    }
                }
            }
        }

        mutating func cPlusPlusKeyword(_ word: String) {
            switch word {
            case "namespace":
                skipSpaces()
                if i < bytes.count && (isIdentifierStart(bytes[i]) || bytes[i] == UInt8(ascii: "{")) { sawCPlusPlus = true }
            case "template":
                skipSpaces()
                if peek(0) == UInt8(ascii: "<") { sawCPlusPlus = true }
            case "class":
                // `int class;` is valid C; `class Name` is not.
                skipSpaces()
                if i < bytes.count && isIdentifierStart(bytes[i]) { sawCPlusPlus = true }
            default:
                break
            }
        }

        mutating func directive() {
            i += 1
            skipSpaces()
            let name = identifier()
            let rest = restOfLogicalLine()
            switch name {
            case "import":
                if !inCPlusPlusSection { sawObjectiveC = true }
            case "include":
                // Standard C++ headers have no extension: `<vector>`, `<string>`.
                let trimmed = rest.drop { $0 == " " || $0 == "\t" }
                if !inCPlusPlusSection, trimmed.first == "<", let close = trimmed.firstIndex(of: ">"),
                   !trimmed[..<close].contains(".") {
                    sawCPlusPlus = true
                }
            case "if", "ifdef", "ifndef":
                conditionalDepth += 1
                if cplusplusSectionDepth == nil, name != "ifndef", rest.contains("__cplusplus"), !rest.contains("!") {
                    cplusplusSectionDepth = conditionalDepth
                }
            case "else", "elif":
                if cplusplusSectionDepth == conditionalDepth { cplusplusSectionDepth = nil }
            case "endif":
                if cplusplusSectionDepth == conditionalDepth { cplusplusSectionDepth = nil }
                conditionalDepth = max(0, conditionalDepth - 1)
            default:
                break
            }
            atLineStart = true
        }

        /// The directive's text up to the end of the line, following `\` continuations.
        mutating func restOfLogicalLine() -> String {
            var text: [UInt8] = []
            while i < bytes.count {
                let c = bytes[i]
                if c == UInt8(ascii: "\\") && (peek(1) == UInt8(ascii: "\n") || peek(1) == UInt8(ascii: "\r")) {
                    i += peek(1) == UInt8(ascii: "\r") && peek(2) == UInt8(ascii: "\n") ? 3 : 2
                    continue
                }
                if c == UInt8(ascii: "\n") { break }
                if c == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "*") {
                    skipBlockComment()
                    continue
                }
                if c == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "/") { skipLine(); break }
                text.append(c)
                i += 1
            }
            return String(decoding: text, as: UTF8.self)
        }

        func peek(_ offset: Int) -> UInt8? { i + offset < bytes.count ? bytes[i + offset] : nil }

        func isIdentifierStart(_ c: UInt8) -> Bool {
            (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
                || c == UInt8(ascii: "_") || c >= 0x80
        }

        mutating func identifier() -> String {
            let start = i
            while i < bytes.count, isIdentifierStart(bytes[i]) || (bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9")) {
                i += 1
            }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }

        mutating func skipSpaces() {
            while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") || bytes[i] == UInt8(ascii: "\n")
                || bytes[i] == UInt8(ascii: "\r") {
                i += 1
            }
        }

        mutating func skipLine() {
            while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
        }

        mutating func skipBlockComment() {
            i += 2
            while i < bytes.count, !(bytes[i] == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/")) { i += 1 }
            i = min(bytes.count, i + 2)
        }

        /// Ends at the closing quote or the end of the line (an unterminated literal must not
        /// swallow the rest of the file).
        mutating func skipQuoted(_ quote: UInt8) {
            i += 1
            while i < bytes.count {
                let c = bytes[i]
                if c == UInt8(ascii: "\\") { i += 2; continue }
                if c == quote { i += 1; return }
                if c == UInt8(ascii: "\n") { return }
                i += 1
            }
        }
    }
}
