import FlaglintAnalysis
import FlaglintEngine
import FlaglintFrontends
import FlaglintReporters
import FlaglintRules
import FlaglintSupport
import FlaglintSyntax
/// An LSP position: a 0-based line and a 0-based offset in UTF-16 code units (the encoding
/// LSP 3.17 requires every server to support).
struct LSPPosition: Equatable, Comparable, Sendable {
    package var line: Int
    package var character: Int

    package static func < (a: LSPPosition, b: LSPPosition) -> Bool { (a.line, a.character) < (b.line, b.character) }

    package var json: JSONValue { .object([("line", .int(line)), ("character", .int(character))]) }

    package init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    package init?(_ node: RegistryNode?) {
        guard let line = node?["line"]?.intValue, let character = node?["character"]?.intValue, line >= 0, character >= 0 else { return nil }
        self.init(line: line, character: character)
    }
}

struct LSPRange: Equatable, Sendable {
    package var start: LSPPosition
    package var end: LSPPosition

    package var json: JSONValue { .object([("start", start.json), ("end", end.json)]) }

    package init(start: LSPPosition, end: LSPPosition) {
        self.start = start
        self.end = end
    }

    package init?(_ node: RegistryNode?) {
        guard let start = LSPPosition(node?["start"]), let end = LSPPosition(node?["end"]), start <= end else { return nil }
        self.init(start: start, end: end)
    }

    package func overlaps(_ other: LSPRange) -> Bool { start <= other.end && other.start <= end }
}

/// A file's text as UTF-8 bytes with its line starts: converts between flaglint's byte offsets
/// and 1-based code-point columns and the editor's UTF-16 positions. Lines end at `\n`; a
/// `\r` before it belongs to the line break, as editors count it.
struct EditorLines: Sendable {
    package let bytes: [UInt8]
    /// Byte offset of each line's first byte.
    package let lineStarts: [Int]

    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        lineStarts = starts
    }

    /// Where line `line` (0-based) ends, its line break excluded.
    package func contentEnd(ofLine line: Int) -> Int {
        guard line + 1 < lineStarts.count else { return bytes.count }
        let next = lineStarts[line + 1] - 1
        return next > lineStarts[line] && bytes[next - 1] == 0x0D ? next - 1 : next
    }

    /// The byte offset of `position`; a character past the line's end means its end, a line
    /// past the last means the end of the text (as LSP asks).
    package func offset(of position: LSPPosition) -> Int {
        guard position.line < lineStarts.count else { return bytes.count }
        let end = contentEnd(ofLine: position.line)
        var i = lineStarts[position.line]
        var units = 0
        while i < end && units < position.character {
            let (length, utf16) = Self.sequence(at: i, in: bytes, end: end)
            // A position inside a surrogate pair stays before the character.
            if units + utf16 > position.character { break }
            units += utf16
            i += length
        }
        return i
    }

    /// The position of byte `offset` (clamped to the text).
    package func position(ofByte offset: Int) -> LSPPosition {
        let offset = max(0, min(offset, bytes.count))
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var i = lineStarts[lo]
        var units = 0
        while i < offset {
            let (length, utf16) = Self.sequence(at: i, in: bytes, end: bytes.count)
            units += utf16
            i += length
        }
        return LSPPosition(line: lo, character: units)
    }

    /// The position of a 1-based line and code-point column (flaglint's finding locations).
    package func position(line: Int, column: Int) -> LSPPosition {
        let line0 = max(0, line - 1)
        guard line0 < lineStarts.count else { return position(ofByte: bytes.count) }
        let end = contentEnd(ofLine: line0)
        var i = lineStarts[line0]
        var units = 0
        var points = 1
        while i < end && points < column {
            let (length, utf16) = Self.sequence(at: i, in: bytes, end: end)
            units += utf16
            i += length
            points += 1
        }
        return LSPPosition(line: line0, character: units)
    }

    package func range(_ bytes: Range<Int>) -> LSPRange { LSPRange(start: position(ofByte: bytes.lowerBound), end: position(ofByte: bytes.upperBound)) }

    /// The leading spaces and tabs of line `line` (0-based).
    package func indentation(ofLine line: Int) -> String {
        guard line < lineStarts.count else { return "" }
        var i = lineStarts[line]
        while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
        return String(decoding: bytes[lineStarts[line]..<i], as: UTF8.self)
    }

    /// The UTF-8 sequence at `i`: its length in bytes and in UTF-16 units. A byte that does not
    /// start a valid sequence counts as one unit (editors show it as U+FFFD).
    package static func sequence(at i: Int, in bytes: [UInt8], end: Int) -> (bytes: Int, utf16: Int) {
        let b = bytes[i]
        let length: Int
        switch b {
        case 0..<0x80: return (1, 1)
        case 0xC2..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0..<0xF5: length = 4
        default: return (1, 1)
        }
        guard i + length <= end else { return (1, 1) }
        for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return (1, 1) }
        return (length, length == 4 ? 2 : 1)
    }
}

/// A buffer the editor opened: its text and version, changed by full or incremental edits.
struct TextDocument: Sendable {
    package let uri: String
    package let path: String?
    package var version: Int
    private(set) var lines: EditorLines

    package init(uri: String, path: String?, version: Int, text: String) {
        self.uri = uri
        self.path = path
        self.version = version
        self.lines = EditorLines(Array(text.utf8))
    }

    package var bytes: [UInt8] { lines.bytes }

    /// Applies `didChange` content changes in order: a change with a `range` replaces it, one
    /// without replaces the whole text.
    package mutating func apply(_ changes: [RegistryNode]) throws(JSONRPC.Failure) {
        for change in changes {
            guard let text = change["text"]?.stringValue else {
                throw JSONRPC.Failure(.invalidParams, "a content change without `text`")
            }
            guard let rangeNode = change["range"], !rangeNode.isNull else {
                lines = EditorLines(Array(text.utf8))
                continue
            }
            guard let range = LSPRange(rangeNode) else { throw JSONRPC.Failure(.invalidParams, "a content change with an invalid `range`") }
            let lower = lines.offset(of: range.start), upper = max(lower, lines.offset(of: range.end))
            var bytes = lines.bytes
            bytes.replaceSubrange(lower..<upper, with: Array(text.utf8))
            lines = EditorLines(bytes)
        }
    }
}
