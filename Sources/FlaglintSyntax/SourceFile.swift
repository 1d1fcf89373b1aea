/// One file's bytes and the line table that turns byte offsets into 1-based line/column.
///
/// Columns count Unicode scalars (code points), the unit SARIF calls `unicodeCodePoints`;
/// invalid UTF-8 bytes count one column each.
public struct SourceFile: Sendable {
    /// The path shown to users (relative to the current directory when possible).
    public let path: String
    public let language: Language
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line (line 1 at index 0).
    public let lineStarts: [Int]

    public init(path: String, language: Language, bytes: [UInt8]) {
        self.path = path
        self.language = language
        self.bytes = bytes
        // A UTF-8 byte order mark is not text: line 1 starts after it, so it is no column.
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var starts = [bom]
        starts.reserveCapacity(bytes.count / 32 + 1)
        var i = bom
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x0A {
                starts.append(i + 1)
            } else if b == 0x0D {
                if i + 1 < n && bytes[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        self.lineStarts = starts
    }

    public init(path: String, language: Language, text: String) {
        self.init(path: path, language: language, bytes: Array(text.utf8))
    }

    /// 1-based line containing the byte at `offset`.
    public func line(at offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// 1-based line and column of the byte at `offset`.
    public func location(at offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        let line = line(at: clamped)
        var column = 1
        var i = lineStarts[line - 1]
        while i < clamped {
            // Count scalar starts: every byte that is not a UTF-8 continuation byte.
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(line: line, column: column, offset: clamped)
    }

    /// Locations of many offsets at once: one sweep per line instead of one scan per offset,
    /// so thousands of evaluations on one long line stay linear.
    public func locations(at offsets: some Sequence<Int>) -> [Int: SourceLocation] {
        var out: [Int: SourceLocation] = [:]
        var line = 0, column = 1, cursor = -1
        for offset in Set(offsets).sorted() {
            let clamped = max(0, min(offset, bytes.count))
            let l = self.line(at: clamped)
            if l != line || cursor < 0 || cursor > clamped {
                line = l
                cursor = lineStarts[l - 1]
                column = 1
            }
            while cursor < clamped {
                if bytes[cursor] & 0xC0 != 0x80 { column += 1 }
                cursor += 1
            }
            out[offset] = SourceLocation(line: line, column: column, offset: clamped)
        }
        return out
    }

    /// The longest line text kept for baselines and fingerprints: enough to identify a line.
    public static let maxLineText = 1_000

    /// The text of 1-based `line` without its line terminator (lossy for invalid UTF-8),
    /// at most `limit` bytes of it.
    public func lineText(_ line: Int, limit: Int = Int.max) -> String {
        guard line >= 1 && line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        if end - start > limit { end = start + limit }
        while end > start && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The source text between two byte offsets (lossy for invalid UTF-8).
    public func text(from start: Int, to end: Int) -> String {
        let s = max(0, min(start, bytes.count)), e = max(s, min(end, bytes.count))
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }
}

public struct SourceLocation: Sendable, Hashable, Comparable, Codable {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}
