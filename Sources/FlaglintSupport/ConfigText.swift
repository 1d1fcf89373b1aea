/// Turning configuration bytes into text, with located errors for what YAML cannot say.
package enum ConfigText {
    /// UTF-8 only (a BOM is dropped); an invalid byte is an error at its line and column.
    package static func decode(_ bytes: [UInt8], path: String) throws(ConfigError) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = body.makeIterator()
        var line = 1, column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded):
                if encoded.count == 1 && encoded.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return String(decoding: body, as: UTF8.self)
            case .error:
                throw ConfigError(path: path, line: line, column: column, message: "the configuration is not valid UTF-8")
            }
        }
    }

    /// 1-based line and column of the `index`-th Character (how Yams reports reader errors).
    package static func lineAndColumn(ofCharacter index: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1, seen = 0
        for character in text {
            if seen == index { break }
            seen += 1
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}

/// Yams composes nodes recursively, so a document nested thousands of levels deep would
/// overflow the stack. This conservative estimate (indentation + block indicators + open
/// brackets) rejects such input before Yams sees it; real configurations stay far below.
package enum YAMLNesting {
    package static let limit = 256
    /// Nodes one YAML document may hold after expanding aliases (configuration and registries).
    package static let nodeBudget = 200_000

    /// The first line whose possible nesting exceeds `limit`, if any.
    package static func firstTooDeepLine(in text: String) -> Int? {
        var flowDepth = 0
        var lineNumber = 0
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var depth = 0
            var indenting = true
            var quote: UInt8?
            var previous: UInt8 = UInt8(ascii: " ")
            var maxFlow = flowDepth
            var index = line.startIndex
            scan: while index < line.endIndex {
                let byte = line[index]
                defer { previous = byte; index = line.index(after: index) }
                if indenting {
                    if byte == UInt8(ascii: " ") { depth += 1; continue }
                    indenting = false
                }
                if let open = quote {
                    if byte == open { quote = nil }
                    continue
                }
                let next = line.index(after: index) < line.endIndex ? line[line.index(after: index)] : UInt8(ascii: " ")
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    if previous == UInt8(ascii: " ") || previous == UInt8(ascii: "[") || previous == UInt8(ascii: "{")
                        || previous == UInt8(ascii: ",") || previous == UInt8(ascii: ":") {
                        quote = byte
                    }
                case UInt8(ascii: "#") where previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t"):
                    break scan
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    flowDepth += 1
                    maxFlow = max(maxFlow, flowDepth)
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    flowDepth = max(0, flowDepth - 1)
                case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                    if next == UInt8(ascii: " ") || next == UInt8(ascii: "\r") { depth += 1 }
                default:
                    break
                }
            }
            if depth + maxFlow > limit { return lineNumber }
        }
        return nil
    }
}
