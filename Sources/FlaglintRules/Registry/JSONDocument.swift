import FlaglintSupport

/// A strict JSON parser that remembers where each value starts, because Foundation's
/// `JSONSerialization` reports neither lines nor duplicate keys.
package enum JSONDocument {
    package static func parse(_ text: String, path: String) throws(RegistryError) -> RegistryNode {
        var scanner = Scanner(bytes: Array(text.utf8), path: path)
        scanner.skipBOM()
        scanner.skipSpace()
        let root = try scanner.value(depth: 0)
        scanner.skipSpace()
        guard scanner.atEnd else { throw scanner.error("unexpected text after the JSON document") }
        return root
    }

    private struct Scanner {
        let bytes: [UInt8]
        let path: String
        var index = 0
        var line = 1
        var column = 1

        init(bytes: [UInt8], path: String) {
            self.bytes = bytes
            self.path = path
        }

        var atEnd: Bool { index >= bytes.count }
        var here: RegistryLocation { RegistryLocation(path: path, line: line, column: column) }
        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        func error(_ message: String) -> RegistryError { RegistryError(at: here, "invalid JSON: \(message)") }

        mutating func advance() {
            let b = bytes[index]
            index += 1
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }

        mutating func skipBOM() {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        }

        mutating func skipSpace() {
            while let b = peek, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { advance() }
        }

        mutating func expect(_ c: UInt8, _ what: String) throws(RegistryError) {
            guard peek == c else { throw error("expected \(what)\(foundSuffix)") }
            advance()
        }

        var foundSuffix: String {
            guard let b = peek else { return ", found the end of the file" }
            if b >= 0x21 && b < 0x7F { return ", found `\(Character(Unicode.Scalar(b)))`" }
            return ""
        }

        mutating func value(depth: Int) throws(RegistryError) -> RegistryNode {
            guard depth < 256 else { throw error("nested too deeply") }
            let start = here
            guard let b = peek else { throw error("expected a value, found the end of the file") }
            switch b {
            case 0x7B: // {
                advance()
                skipSpace()
                var entries: [RegistryNode.Entry] = []
                var seen: [String: RegistryLocation] = [:]
                if peek == 0x7D { advance(); return RegistryNode(.mapping([]), at: start) }
                while true {
                    skipSpace()
                    let keyLocation = here
                    guard peek == 0x22 else { throw error("expected a string key\(foundSuffix)") }
                    let key = try string()
                    if let first = seen[key] {
                        throw RegistryError(at: keyLocation, "duplicate key `\(key)` (first at line \(first.line))")
                    }
                    seen[key] = keyLocation
                    skipSpace()
                    try expect(0x3A, "`:`")
                    skipSpace()
                    let v = try value(depth: depth + 1)
                    entries.append(.init(key: key, keyLocation: keyLocation, value: v))
                    skipSpace()
                    if peek == 0x2C { advance(); continue }
                    try expect(0x7D, "`,` or `}`")
                    return RegistryNode(.mapping(entries), at: start)
                }
            case 0x5B: // [
                advance()
                skipSpace()
                var items: [RegistryNode] = []
                if peek == 0x5D { advance(); return RegistryNode(.sequence([]), at: start) }
                while true {
                    skipSpace()
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    if peek == 0x2C { advance(); continue }
                    try expect(0x5D, "`,` or `]`")
                    return RegistryNode(.sequence(items), at: start)
                }
            case 0x22:
                return RegistryNode(.string(try string()), at: start)
            case 0x74: try word("true"); return RegistryNode(.bool(true), at: start)
            case 0x66: try word("false"); return RegistryNode(.bool(false), at: start)
            case 0x6E: try word("null"); return RegistryNode(.null, at: start)
            case 0x2D, 0x30...0x39:
                return RegistryNode(.number(try number()), at: start)
            default:
                throw error("expected a value\(foundSuffix)")
            }
        }

        mutating func word(_ w: String) throws(RegistryError) {
            for c in w.utf8 {
                guard peek == c else { throw error("expected `\(w)`") }
                advance()
            }
        }

        mutating func number() throws(RegistryError) -> String {
            let begin = index
            if peek == 0x2D { advance() }
            func isDigit(_ b: UInt8?) -> Bool { b.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
            guard isDigit(peek) else { throw error("expected a digit") }
            if peek == 0x30 { advance() } else { while isDigit(peek) { advance() } }
            if peek == 0x2E {
                advance()
                guard isDigit(peek) else { throw error("expected a digit after `.`") }
                while isDigit(peek) { advance() }
            }
            if peek == 0x65 || peek == 0x45 {
                advance()
                if peek == 0x2B || peek == 0x2D { advance() }
                guard isDigit(peek) else { throw error("expected an exponent") }
                while isDigit(peek) { advance() }
            }
            return String(decoding: bytes[begin..<index], as: UTF8.self)
        }

        mutating func string() throws(RegistryError) -> String {
            advance() // opening quote
            var out: [UInt8] = []
            while true {
                guard let b = peek else { throw error("unterminated string") }
                switch b {
                case 0x22:
                    advance()
                    return String(decoding: out, as: UTF8.self)
                case 0x5C:
                    advance()
                    guard let e = peek else { throw error("unterminated string") }
                    advance()
                    switch e {
                    case 0x22: out.append(0x22)
                    case 0x5C: out.append(0x5C)
                    case 0x2F: out.append(0x2F)
                    case 0x62: out.append(0x08)
                    case 0x66: out.append(0x0C)
                    case 0x6E: out.append(0x0A)
                    case 0x72: out.append(0x0D)
                    case 0x74: out.append(0x09)
                    case 0x75:
                        var scalar = try hex4()
                        if (0xD800..<0xDC00).contains(scalar), peek == 0x5C {
                            advance()
                            try expect(0x75, "`u` of a low surrogate")
                            let low = try hex4()
                            if (0xDC00..<0xE000).contains(low) {
                                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            }
                        }
                        let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                        out.append(contentsOf: Array(String(Character(u)).utf8))
                    default:
                        throw error("invalid escape `\\\(Character(Unicode.Scalar(e)))`")
                    }
                case 0x00..<0x20:
                    throw error("control character in a string")
                default:
                    out.append(b)
                    advance()
                }
            }
        }

        mutating func hex4() throws(RegistryError) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let b = peek else { throw error("expected 4 hex digits") }
                let digit: UInt32
                switch b {
                case 0x30...0x39: digit = UInt32(b - 0x30)
                case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
                case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
                default: throw error("expected 4 hex digits")
                }
                value = value * 16 + digit
                advance()
            }
            return value
        }
    }
}

extension RegistryNode {
    /// Parses registry text as JSON when it looks like JSON, else as YAML: a `.json` file with
    /// YAML in it still gets JSON's precise error messages.
    package static func parse(_ text: String, path: String) throws(RegistryError) -> RegistryNode? {
        let lower = path.lowercased()
        let first = text.unicodeScalars.first { !($0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}") }
        let isYAML = lower.hasSuffix(".yml") || lower.hasSuffix(".yaml")
        if lower.hasSuffix(".json") || (!isYAML && (first == "{" || first == "[")) {
            if first == nil { return nil }
            return try JSONDocument.parse(text, path: path)
        }
        return try parseYAML(text, path: path)
    }
}
