import FlaglintSupport
import FlaglintSyntax
import FlaglintFrontends
import FlaglintAnalysis
import FlaglintRules
import FlaglintEngine

/// Line arithmetic over a file's bytes for `flaglint fix`: where lines start and end, their
/// indentation, and moving a block of lines to another indentation.
struct SourceLines {
    package let bytes: [UInt8]
    private static let newline = UInt8(ascii: "\n")

    package init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Offset of the first byte of the line holding `offset`.
    package func lineStart(_ offset: Int) -> Int {
        var i = min(offset, bytes.count)
        while i > 0 && bytes[i - 1] != Self.newline { i -= 1 }
        return i
    }

    /// Offset just past the newline ending the line holding `offset` (the file end on the last line).
    package func lineEnd(_ offset: Int) -> Int {
        var i = max(0, offset)
        while i < bytes.count && bytes[i] != Self.newline { i += 1 }
        return min(i + 1, bytes.count)
    }

    static func isBlank(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") }

    /// Only spaces and tabs between the line start and `offset`.
    func onlyBlankBefore(_ offset: Int) -> Bool {
        bytes[lineStart(offset)..<offset].allSatisfy(Self.isBlank)
    }

    /// Only spaces and tabs between `offset` and the end of its line.
    func onlyBlankAfter(_ offset: Int) -> Bool {
        var i = offset
        while i < bytes.count && bytes[i] != Self.newline {
            if !Self.isBlank(bytes[i]) { return false }
            i += 1
        }
        return true
    }

    /// The leading spaces and tabs of the line holding `offset`.
    package func indentation(of offset: Int) -> String {
        let s = lineStart(offset)
        var e = s
        while e < bytes.count && (bytes[e] == UInt8(ascii: " ") || bytes[e] == UInt8(ascii: "\t")) { e += 1 }
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }

    package func text(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }

    /// The lines of `range` moved to `indentation`: the whitespace prefix all non-blank lines
    /// share is replaced by it, blank lines become empty, each line ends with a newline. A
    /// first line that starts mid-line (after a `{` or `:`) is taken from `range.lowerBound`.
    func reindented(_ range: Range<Int>, to indentation: String) -> String {
        let lines = text(range).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var body = lines
        while let last = body.last, last.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { body.removeLast() }
        while let first = body.first, first.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { body.removeFirst() }
        guard !body.isEmpty else { return "" }
        if body.count == 1 {
            while let c = body[0].last, c == " " || c == "\t" { body[0].removeLast() }
        }
        let nonBlank = body.filter { !$0.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }
        var common = nonBlank.first.map { String($0.prefix { $0 == " " || $0 == "\t" }) } ?? ""
        for l in nonBlank.dropFirst() {
            while !common.isEmpty && !l.hasPrefix(common) { common.removeLast() }
        }
        return body.map { l -> String in
            if l.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { return l.hasSuffix("\r") ? "\r\n" : "\n" }
            return indentation + l.dropFirst(common.count) + "\n"
        }.joined()
    }
}
