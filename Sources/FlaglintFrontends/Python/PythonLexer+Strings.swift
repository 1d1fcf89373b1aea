/// String literals: plain literals become one token; f-strings become literal segments and,
/// per replacement field, `(` + the field's expression tokens + `)`, so that a call written
/// inside `{...}` is lexed as the code it is.
extension PythonLexer {
    static let backslash = UInt8(ascii: "\\")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")

    func isQuoteRun(_ p: Int, _ quote: UInt8, triple: Bool) -> Bool {
        guard p < n, bytes[p] == quote else { return false }
        return !triple || (p + 2 < n && bytes[p + 1] == quote && bytes[p + 2] == quote)
    }

    mutating func lexString(prefixStart: Int, quoteAt: Int, prefix: [UInt8]) {
        let quote = bytes[quoteAt]
        let triple = quoteAt + 2 < n && bytes[quoteAt + 1] == quote && bytes[quoteAt + 2] == quote
        let raw = prefix.contains(UInt8(ascii: "r"))
        let isBytes = prefix.contains(UInt8(ascii: "b"))
        let contentStart = quoteAt + (triple ? 3 : 1)
        if prefix.contains(UInt8(ascii: "f")) || prefix.contains(UInt8(ascii: "t")) {
            pos = contentStart
            frames.append(.text(FString(quote: quote, triple: triple, raw: raw, segmentStart: prefixStart)))
            return
        }
        var p = contentStart
        var terminated = false
        while p < n {
            let c = bytes[p]
            if c == Self.backslash {
                // Even in raw literals a backslash keeps the next character (a quote) inside.
                p += (p + 2 < n && bytes[p + 1] == 0x0D && bytes[p + 2] == 0x0A) ? 3 : 2
                continue
            }
            if c == quote {
                if !triple || isQuoteRun(p, quote, triple: true) {
                    p += triple ? 3 : 1
                    terminated = true
                    break
                }
            } else if !triple && (c == 0x0A || c == 0x0D) {
                break
            }
            p += 1
        }
        p = min(p, n)
        if !terminated {
            diagnose(.error, triple ? "unterminated triple-quoted string literal" : "unterminated string literal", at: prefixStart)
        }
        let contentEnd = max(contentStart, terminated ? p - (triple ? 3 : 1) : p)
        var value: String?
        if !isBytes && contentStart <= contentEnd && contentEnd <= n {
            value = raw ? String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self)
                        : Self.decodeEscapes(bytes[contentStart..<contentEnd])
        }
        pos = p
        emit(.string, prefixStart, p, value: value)
    }

    /// The value of a non-raw literal's body: Python's escape sequences decoded.
    /// `\N{NAME}` needs the Unicode name table, so it is kept as written.
    static func decodeEscapes(_ body: ArraySlice<UInt8>) -> String {
        Escapes.decode(body, .python)
    }

    // MARK: f-strings

    mutating func emitSegment(from start: Int, to end: Int) {
        if end > start { emit(.string, start, end) }
    }

    /// Sets where the next literal piece starts in the frame now on top (after a field).
    mutating func resumeLiteral(at offset: Int) {
        guard let top = frames.last else { return }
        switch top {
        case var .text(f):
            f.segmentStart = offset
            frames[frames.count - 1] = .text(f)
        case var .spec(s):
            s.segmentStart = offset
            frames[frames.count - 1] = .spec(s)
        case .field:
            break
        }
    }

    mutating func lexFStringText(_ f: FString) {
        var p = pos
        while p < n {
            let c = bytes[p]
            if c == Self.backslash {
                let next: UInt8 = p + 1 < n ? bytes[p + 1] : 0
                if f.raw {
                    p += (next == f.quote || next == Self.backslash) ? 2 : 1
                } else if next == UInt8(ascii: "N") && p + 2 < n && bytes[p + 2] == Self.openBrace {
                    // `\N{NAME}`: the braces belong to the escape, not to a field.
                    p += 3
                    while p < n && bytes[p] != Self.closeBrace && bytes[p] != f.quote && bytes[p] != 0x0A { p += 1 }
                    if p < n && bytes[p] == Self.closeBrace { p += 1 }
                } else if next == Self.openBrace || next == Self.closeBrace {
                    p += 1
                } else {
                    p += (p + 2 < n && next == 0x0D && bytes[p + 2] == 0x0A) ? 3 : 2
                }
                continue
            }
            if c == Self.openBrace {
                if p + 1 < n && bytes[p + 1] == Self.openBrace { p += 2; continue }
                emitSegment(from: f.segmentStart, to: p)
                emit(.punctuation, p, p + 1, text: "(")
                pos = p + 1
                frames.append(.field(Field(depth: 0, quote: f.quote, triple: f.triple)))
                return
            }
            if c == Self.closeBrace {
                if p + 1 < n && bytes[p + 1] == Self.closeBrace { p += 2; continue }
                diagnose(.warning, "f-string: single '}' is not allowed", at: p)
                p += 1
                continue
            }
            if c == f.quote && isQuoteRun(p, f.quote, triple: f.triple) {
                p += f.triple ? 3 : 1
                emitSegment(from: f.segmentStart, to: p)
                frames.removeLast()
                pos = p
                return
            }
            if !f.triple && (c == 0x0A || c == 0x0D) { break }
            p += 1
        }
        p = min(p, n)
        diagnose(.error, "unterminated f-string literal", at: f.segmentStart)
        emitSegment(from: f.segmentStart, to: p)
        frames.removeLast()
        pos = p
    }

    /// Pops the innermost f-string (its fields and specs with it) after an unrecoverable
    /// problem; the enclosing code or field continues at `pos`.
    mutating func abandonFString(_ message: String) {
        diagnose(.error, message, at: pos)
        while let frame = frames.popLast() {
            if case .text = frame { return }
        }
    }

    mutating func lexFieldStep(_ f: Field) {
        let c = bytes[pos]
        let next: UInt8 = pos + 1 < n ? bytes[pos + 1] : 0
        switch c {
        case 0x20, 0x09, 0x0C:
            pos += 1
        case 0x0A, 0x0D:
            // PEP 701 allows line breaks inside a field; at depth 0 of a one-line f-string a
            // line break far more likely means a half-written `f"{x`.
            if !f.triple && f.depth == 0 {
                abandonFString("unterminated f-string: expecting '}'")
            } else {
                consumeNewline()
            }
        case UInt8(ascii: "#") where f.triple || f.depth > 0:
            comment()
        case Self.backslash where next == 0x0A || next == 0x0D:
            continuation()
        case Self.closeBrace where f.depth == 0:
            emit(.punctuation, pos, pos + 1, text: ")")
            pos += 1
            frames.removeLast()
            resumeLiteral(at: pos)
        case UInt8(ascii: ":") where f.depth == 0:
            frames[frames.count - 1] = .spec(Spec(segmentStart: pos, quote: f.quote, triple: f.triple))
            pos += 1
        case UInt8(ascii: "!") where f.depth == 0 && next != UInt8(ascii: "="):
            // Conversion `!r`, `!s`, `!a`: not code.
            pos += 1
            while pos < n && Self.isIdentifierChar(bytes[pos]) { pos += 1 }
        case UInt8(ascii: "=") where f.depth == 0 && next != UInt8(ascii: "=") && isDebugSpecifier(after: pos + 1):
            pos += 1
        case UInt8(ascii: "#"), Self.backslash:
            diagnose(.warning, "f-string expression part cannot include '\(Character(Unicode.Scalar(c)))'", at: pos)
            pos += 1
        default:
            lexToken(inField: true)
        }
    }

    /// `f"{x=}"`, `f"{x = !r}"`: an `=` followed only by space before `}`, `!` or `:`.
    func isDebugSpecifier(after p: Int) -> Bool {
        var k = p
        while k < n && (bytes[k] == 0x20 || bytes[k] == 0x09) { k += 1 }
        return k < n && (bytes[k] == Self.closeBrace || bytes[k] == UInt8(ascii: "!") || bytes[k] == UInt8(ascii: ":"))
    }

    mutating func adjustFieldDepth(_ delta: Int) {
        guard case var .field(f) = frames.last else { return }
        f.depth = max(0, f.depth + delta)
        frames[frames.count - 1] = .field(f)
    }

    mutating func lexSpecText(_ s: Spec) {
        var p = pos
        while p < n {
            let c = bytes[p]
            if c == Self.openBrace {
                emitSegment(from: s.segmentStart, to: p)
                emit(.punctuation, p, p + 1, text: "(")
                pos = p + 1
                frames.append(.field(Field(depth: 0, quote: s.quote, triple: s.triple)))
                return
            }
            if c == Self.closeBrace {
                emitSegment(from: s.segmentStart, to: p)
                emit(.punctuation, p, p + 1, text: ")")
                pos = p + 1
                frames.removeLast()
                resumeLiteral(at: pos)
                return
            }
            if (c == s.quote && isQuoteRun(p, s.quote, triple: s.triple)) || (!s.triple && (c == 0x0A || c == 0x0D)) {
                // The f-string ends (or the line does) inside the spec: close the field and
                // let the literal frame see the quote or the line break.
                emitSegment(from: s.segmentStart, to: p)
                diagnose(.error, "f-string: expecting '}'", at: p)
                frames.removeLast()
                pos = p
                resumeLiteral(at: p)
                return
            }
            p += 1
        }
        emitSegment(from: s.segmentStart, to: n)
        pos = n
    }

    mutating func closeFramesAtEOF() {
        // Only a field can be on top here (text and spec frames stop at the end themselves),
        // and everything before it was emitted when the field opened.
        diagnose(.error, "unterminated f-string literal", at: n)
        frames.removeAll()
    }
}
