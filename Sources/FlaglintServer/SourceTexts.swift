import Foundation
import FlaglintAnalysis
import FlaglintEngine
import FlaglintFrontends
import FlaglintReporters
import FlaglintRules
import FlaglintSupport
import FlaglintSyntax

/// The texts a response points into, to turn flaglint's locations into editor ranges: an open
/// buffer's text where there is one (its unsaved edits are what the editor shows), else the
/// saved file. Paths are absolute.
struct SourceTexts {
    /// Absolute path → (the client's URI, the buffer's lines).
    var buffers: [String: (uri: String, lines: EditorLines)]
    private var saved: [String: EditorLines?] = [:]

    package init(buffers: [String: (uri: String, lines: EditorLines)]) { self.buffers = buffers }

    package mutating func lines(_ path: String) -> EditorLines? {
        if let b = buffers[path] { return b.lines }
        if let cached = saved[path] { return cached }
        let table = FileReader.readRegular(path, limit: 16 << 20).map(EditorLines.init)
        saved[path] = table
        return table
    }

    package func uri(_ path: String) -> String { buffers[path]?.uri ?? URL(fileURLWithPath: path).absoluteString }

    /// An LSP location from 1-based lines and code-point columns; without the file's text,
    /// columns are taken as UTF-16 units.
    package mutating func location(_ path: String, line: Int, column: Int, endLine: Int? = nil, endColumn: Int? = nil) -> JSONValue {
        let start: LSPPosition, end: LSPPosition
        if let table = lines(path) {
            start = table.position(line: line, column: column)
            end = table.position(line: endLine ?? line, column: endColumn ?? column)
        } else {
            start = LSPPosition(line: max(0, line - 1), character: max(0, column - 1))
            end = LSPPosition(line: max(0, (endLine ?? line) - 1), character: max(0, (endColumn ?? column) - 1))
        }
        return .object([("uri", .string(uri(path))), ("range", LSPRange(start: start, end: max(start, end)).json)])
    }
}

/// The file path a `file:` URI names; nil for other schemes (`untitled:`), which are not linted.
package func filePath(fromURI uri: String) -> String? {
    guard let url = URL(string: uri), url.isFileURL else { return nil }
    let path = url.path
    return path.isEmpty ? nil : PathName.normalize(path)
}
