import FlaglintSyntax

/// Regex and string literals: raw (`#"…"#`) and multi-line strings, escapes, interpolation,
/// and the indentation a closing `"""` strips.
extension SwiftLexer {
    // MARK: Regex literals

    /// A `/` can open a regex only where an expression may start.
    func regexAllowed() -> Bool {
        let next = at(pos + 1)
        if next == 0x20 || next == 0x09 || isNewline(next) || next == UInt8(ascii: "=") || pos + 1 >= n { return false }
        guard let last = tokens.last else { return true }
        switch last.kind {
        case .identifier, .number, .string, .layout:
            return false
        case .keyword:
            return !["self", "Self", "super", "true", "false", "nil", "init"].contains(last.text)
        case .punctuation:
            if last.spells(")") || last.spells("]") || last.spells("}") || last.spells(">") { return false }
            if (last.spells("?") || last.spells("!")) && !last.flags.contains(.spaceBefore) { return false }
            return true
        }
    }

    /// `/.../` on one line; returns false (consuming nothing) when it does not close.
    mutating func lexRegex() -> Bool {
        let start = pos
        var k = pos + 1
        var inClass = 0
        while k < n && !isNewline(bytes[k]) {
            let c = bytes[k]
            if c == UInt8(ascii: "\\") { k += 2; continue }
            if c == UInt8(ascii: "[") { inClass += 1 } else if c == UInt8(ascii: "]") && inClass > 0 { inClass -= 1 } else if c == UInt8(ascii: "/") && inClass == 0 {
                // A regex does not end in a space: `a / b /` is division.
                if bytes[k - 1] == 0x20 { return false }
                pos = k + 1
                emit(.string, start, pos)
                return true
            }
            k += 1
        }
        return false
    }

    /// `#/ ... /#`; multi-line when the opening delimiter ends its line.
    mutating func extendedRegex(hashes: Int) {
        let start = pos
        var k = pos + hashes + 1
        var rest = k
        while rest < n && (bytes[rest] == 0x20 || bytes[rest] == 0x09) { rest += 1 }
        let multiline = rest >= n || isNewline(bytes[rest])
        while k < n {
            let c = bytes[k]
            if !multiline && isNewline(c) { break }
            if c == UInt8(ascii: "\\") { k += 2; continue }
            if c == UInt8(ascii: "/") {
                var h = 0
                while h < hashes && at(k + 1 + h) == UInt8(ascii: "#") { h += 1 }
                if h == hashes {
                    pos = k + 1 + hashes
                    emit(.string, start, pos)
                    return
                }
            }
            k += 1
        }
        diagnostics.append(.init(.error, "unterminated regex literal", at: start))
        pos = min(k, n)
        emit(.string, start, pos)
    }

    // MARK: Strings

    mutating func startString(hashes: Int) {
        let start = pos
        pos += hashes
        let multiline = at(pos + 1) == UInt8(ascii: "\"") && at(pos + 2) == UInt8(ascii: "\"")
        pos += multiline ? 3 : 1
        var state = StringState(start: start, hashes: hashes, multiline: multiline, segmentStart: start, interpolated: false, value: [])
        continueString(&state)
    }

    /// Does the closing delimiter start at `i`?
    func closes(_ s: StringState, at i: Int) -> Bool {
        var k = i
        let quotes = s.multiline ? 3 : 1
        for _ in 0..<quotes {
            guard at(k) == UInt8(ascii: "\"") else { return false }
            k += 1
        }
        for _ in 0..<s.hashes {
            guard at(k) == UInt8(ascii: "#") else { return false }
            k += 1
        }
        return true
    }

    /// Lexes string content from `pos` until the string closes (emitting its last segment),
    /// an interpolation opens (pushing the string and the interpolation modes) or it is
    /// unterminated (diagnostic).
    mutating func continueString(_ s: inout StringState) {
        while pos < n {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") && closes(s, at: pos) {
                pos += (s.multiline ? 3 : 1) + s.hashes
                emitString(s, end: pos)
                return
            }
            if b == UInt8(ascii: "\\") {
                var k = pos + 1
                var h = 0
                while h < s.hashes && at(k) == UInt8(ascii: "#") { h += 1; k += 1 }
                if h == s.hashes && k < n {
                    let c = bytes[k]
                    if c == UInt8(ascii: "(") {
                        emit(.string, s.segmentStart, k)
                        pos = k
                        emit(.punctuation, k, k + 1, text: "(")
                        pos = k + 1
                        s.interpolated = true
                        s.value = []
                        modes.append(.string(s))
                        modes.append(.interpolation(depth: 0, inMultiline: s.multiline))
                        return
                    }
                    pos = escape(c, at: k, into: &s)
                    continue
                }
            }
            if isNewline(b) && !s.multiline {
                diagnostics.append(.init(.error, "unterminated string literal", at: s.start))
                emitString(s, end: pos)
                return
            }
            if !s.interpolated {
                if b == 0x0D {
                    if at(pos + 1) != 0x0A { s.value.append(0x0A) }
                } else {
                    s.value.append(b)
                }
            }
            pos += 1
        }
        let what = s.multiline ? "multi-line string literal" : s.hashes > 0 ? "raw string literal" : "string literal"
        diagnostics.append(.init(.error, "unterminated \(what)", at: s.start))
        emitString(s, end: n)
    }

    /// Decodes the escape whose character is at `k` (after `\` and the raw-string hashes);
    /// returns the position after it.
    func escape(_ c: UInt8, at k: Int, into s: inout StringState) -> Int {
        func put(_ b: UInt8) { if !s.interpolated { s.value.append(b) } }
        switch c {
        case UInt8(ascii: "n"): put(0x0A)
        case UInt8(ascii: "t"): put(0x09)
        case UInt8(ascii: "r"): put(0x0D)
        case UInt8(ascii: "0"): put(0x00)
        case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): put(c)
        case UInt8(ascii: "u"):
            if at(k + 1) == UInt8(ascii: "{") {
                var e = k + 2
                var scalar: UInt32 = 0
                var digits = 0
                while e < n && Self.isHexDigit(bytes[e]) && digits < 8 {
                    let d = bytes[e]
                    let v = Self.isDigit(d) ? d - 48 : (d | 0x20) - 87
                    scalar = scalar &* 16 &+ UInt32(v)
                    digits += 1
                    e += 1
                }
                if at(e) == UInt8(ascii: "}"), digits > 0, let u = Unicode.Scalar(scalar) {
                    for b in String(Character(u)).utf8 { put(b) }
                    return e + 1
                }
            }
            put(UInt8(ascii: "\\"))
            put(c)
        case 0x0A where s.multiline, 0x0D where s.multiline:
            // Line continuation: the newline is not part of the value.
            var e = k + 1
            if c == 0x0D && at(e) == 0x0A { e += 1 }
            return e
        default:
            // Unknown escape: keep it as written (Swift rejects it; the linter does not care).
            put(UInt8(ascii: "\\"))
            if !(c == 0x0A || c == 0x0D) { put(c) } else { return k }
        }
        return k + 1
    }

    mutating func emitString(_ s: StringState, end: Int) {
        let value: String? = s.interpolated ? nil : String(decoding: s.multiline ? Self.stripIndentation(s.value) : s.value, as: UTF8.self)
        emit(.string, s.segmentStart, end, value: value)
    }

    /// Multi-line string semantics: the first line break and the closing line are not part of
    /// the value, and the closing delimiter's indentation is removed from every line.
    static func stripIndentation(_ v: [UInt8]) -> [UInt8] {
        var body = v[...]
        if body.first == 0x0A { body = body.dropFirst() }
        var indentStart = body.endIndex
        while indentStart > body.startIndex && (body[indentStart - 1] == 0x20 || body[indentStart - 1] == 0x09) { indentStart -= 1 }
        let indent = Array(body[indentStart...])
        guard indentStart == body.startIndex || body[indentStart - 1] == 0x0A else { return Array(body) }
        body = body[..<indentStart]
        if body.last == 0x0A { body = body.dropLast() }
        if indent.isEmpty { return Array(body) }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var atLineStart = true
        var i = body.startIndex
        while i < body.endIndex {
            if atLineStart && body[i...].starts(with: indent) {
                i += indent.count
                atLineStart = false
                continue
            }
            let b = body[i]
            out.append(b)
            atLineStart = b == 0x0A
            i += 1
        }
        return out
    }
}
