import FlaglintSyntax

/// A hand-written, error-tolerant Swift lexer.
///
/// String interpolation nests code inside strings inside code to any depth, so the lexer
/// keeps an explicit mode stack instead of recursing. Every loop iteration consumes input or
/// pops a mode, which keeps the lexer linear and guarantees it terminates on any bytes.
public struct SwiftLexer {
    public struct Output: Sendable {
        public var tokens: [Token]
        public var comments: [Comment]
        public var diagnostics: [FrontendDiagnostic]
    }

    private struct StringState {
        /// Offset of the opening delimiter (its first `#` for raw strings).
        var start: Int
        var hashes: Int
        var multiline: Bool
        var segmentStart: Int
        var interpolated: Bool
        var value: [UInt8]
    }

    private enum Mode {
        case string(StringState)
        /// Code inside `\( ... )`; `depth` counts the parentheses opened inside it.
        case interpolation(depth: Int, inMultiline: Bool)
    }

    private let bytes: [UInt8]
    private let n: Int
    private var pos = 0
    private var tokens: [Token] = []
    private var comments: [Comment] = []
    private var diagnostics: [FrontendDiagnostic] = []
    private var spaceBefore = false
    private var lineStart = true
    private var modes: [Mode] = []
    private var reportedNUL = false

    public static func lex(_ bytes: [UInt8]) -> Output {
        var lexer = SwiftLexer(bytes: bytes)
        return lexer.run()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        self.n = bytes.count
        tokens.reserveCapacity(bytes.count / 4)
    }

    // MARK: Driver

    private mutating func run() -> Output {
        if n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { pos = 3 }
        if let bad = Self.firstInvalidUTF8(bytes) {
            diagnostics.append(.init(.warning, "invalid UTF-8 byte; the file is read as if it were text", at: bad))
        }
        if at(pos) == UInt8(ascii: "#") && at(pos + 1) == UInt8(ascii: "!") {
            let s = pos
            while pos < n && !isNewline(bytes[pos]) { pos += 1 }
            comments.append(Comment(text: text(s, pos), start: s, end: pos))
        }
        while true {
            if case var .string(state)? = modes.last {
                modes.removeLast()
                continueString(&state)
                continue
            }
            skipTrivia()
            if pos >= n {
                if modes.isEmpty { break }
                // Unclosed interpolation at EOF: the enclosing string reports itself.
                modes.removeLast()
                continue
            }
            if case .interpolation(_, false)? = modes.last, isNewline(bytes[pos]) {
                // A single-line string cannot span lines: its interpolation and the string end here.
                modes.removeLast()
                if case let .string(state)? = modes.popLast() {
                    diagnostics.append(.init(.error, "unterminated string literal", at: state.start))
                }
                continue
            }
            lexToken()
        }
        return Output(tokens: tokens, comments: comments, diagnostics: diagnostics)
    }

    // MARK: Helpers

    @inline(__always) private func at(_ i: Int) -> UInt8 { i < n && i >= 0 ? bytes[i] : 0 }
    @inline(__always) private func isNewline(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }
    private func text(_ s: Int, _ e: Int) -> String { String(decoding: bytes[s..<e], as: UTF8.self) }

    package static func isIdentifierStart(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F || b >= 0x80
    }
    static func isIdentifierChar(_ b: UInt8) -> Bool {
        isIdentifierStart(b) || (b >= 0x30 && b <= 0x39) || b == 0x24
    }
    package static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    package static func isHexDigit(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46)
    }
    static func isOperatorChar(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "!"),
             UInt8(ascii: "*"), UInt8(ascii: "%"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"),
             UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "~"), UInt8(ascii: "?"):
            return true
        default:
            return false
        }
    }

    /// The offset of the first byte that is not part of valid UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let len: Int
            if b >= 0xC2 && b <= 0xDF { len = 2 } else if b >= 0xE0 && b <= 0xEF { len = 3 } else if b >= 0xF0 && b <= 0xF4 { len = 4 } else { return i }
            guard i + len <= n else { return i }
            for k in 1..<len where bytes[i + k] & 0xC0 != 0x80 { return i }
            // Overlong forms and surrogates.
            if b == 0xE0 && bytes[i + 1] < 0xA0 { return i }
            if b == 0xED && bytes[i + 1] > 0x9F { return i }
            if b == 0xF0 && bytes[i + 1] < 0x90 { return i }
            if b == 0xF4 && bytes[i + 1] > 0x8F { return i }
            i += len
        }
        return nil
    }

    private mutating func emit(_ kind: Token.Kind, _ start: Int, _ end: Int, text override: String? = nil, value: String? = nil) {
        var flags: Token.Flags = []
        if spaceBefore { flags.insert(.spaceBefore) }
        if lineStart { flags.insert(.lineStart) }
        spaceBefore = false
        lineStart = false
        tokens.append(Token(kind: kind, text: override ?? text(start, end), start: start, end: end, flags: flags, stringValue: value))
    }

    /// The previous token ends an expression, so an operator glued to it is postfix/infix-bound.
    private var previousEndsExpression: Bool {
        guard let last = tokens.last else { return false }
        switch last.kind {
        case .identifier, .number, .string: return true
        case .keyword: return true
        case .punctuation:
            return last.text == ")" || last.text == "]" || last.text == "}" || last.text == ">"
                || ((last.text == "?" || last.text == "!") && !last.flags.contains(.spaceBefore))
        case .layout: return false
        }
    }

    // MARK: Trivia

    private mutating func skipTrivia() {
        var saw = false
        defer {
            if saw {
                spaceBefore = true
                if !tokens.isEmpty { tokens[tokens.count - 1].flags.insert(.spaceAfter) }
            }
        }
        while pos < n {
            let b = bytes[pos]
            switch b {
            case 0x20, 0x09, 0x0B, 0x0C:
                pos += 1
                saw = true
            case 0x00:
                if !reportedNUL {
                    reportedNUL = true
                    diagnostics.append(.init(.warning, "NUL byte in source; treated as whitespace", at: pos))
                }
                pos += 1
                saw = true
            case 0x0A, 0x0D:
                if case .interpolation(_, false)? = modes.last { return }
                pos += 1
                lineStart = true
                saw = true
            case UInt8(ascii: "/"):
                let next = at(pos + 1)
                if next == UInt8(ascii: "/") {
                    let s = pos
                    while pos < n && !isNewline(bytes[pos]) { pos += 1 }
                    comments.append(Comment(text: text(s, pos), start: s, end: pos))
                    saw = true
                } else if next == UInt8(ascii: "*") {
                    blockComment()
                    saw = true
                } else {
                    return
                }
            default:
                return
            }
        }
    }

    private mutating func blockComment() {
        let s = pos
        pos += 2
        var depth = 1
        while pos < n {
            let b = bytes[pos]
            if b == UInt8(ascii: "*") && at(pos + 1) == UInt8(ascii: "/") {
                pos += 2
                depth -= 1
                if depth == 0 { break }
            } else if b == UInt8(ascii: "/") && at(pos + 1) == UInt8(ascii: "*") {
                pos += 2
                depth += 1
            } else {
                if isNewline(b) { lineStart = true }
                pos += 1
            }
        }
        if depth > 0 { diagnostics.append(.init(.error, "unterminated block comment", at: s)) }
        comments.append(Comment(text: text(s, pos), start: s, end: pos))
    }

    // MARK: Tokens

    private mutating func lexToken() {
        let b = bytes[pos]
        let start = pos
        if Self.isIdentifierStart(b) || b == UInt8(ascii: "$") {
            while pos < n && Self.isIdentifierChar(bytes[pos]) { pos += 1 }
            let word = text(start, pos)
            let afterDot = tokens.last.map { $0.kind == .punctuation && $0.text == "." && !spaceBefore } ?? false
            emit(!afterDot && SwiftKeywords.reserved.contains(word) ? .keyword : .identifier, start, pos, text: word)
            return
        }
        if Self.isDigit(b) {
            lexNumber()
            return
        }
        switch b {
        case UInt8(ascii: "\""):
            startString(hashes: 0)
        case UInt8(ascii: "#"):
            var k = 0
            while at(pos + k) == UInt8(ascii: "#") { k += 1 }
            let next = at(pos + k)
            if next == UInt8(ascii: "\"") {
                startString(hashes: k)
            } else if next == UInt8(ascii: "/") {
                extendedRegex(hashes: k)
            } else if k == 1 && Self.isIdentifierStart(next) {
                var e = pos + 1
                while e < n && Self.isIdentifierChar(bytes[e]) { e += 1 }
                let word = text(start, e)
                if SwiftKeywords.pound.contains(word) {
                    pos = e
                    emit(.keyword, start, e, text: word)
                } else {
                    pos += 1
                    emit(.punctuation, start, pos, text: "#")
                }
            } else {
                pos += 1
                emit(.punctuation, start, pos, text: "#")
            }
        case UInt8(ascii: "`"):
            var e = pos + 1
            while e < n && bytes[e] != UInt8(ascii: "`") && !isNewline(bytes[e]) { e += 1 }
            if e < n && bytes[e] == UInt8(ascii: "`") && e > pos + 1 {
                pos = e + 1
                emit(.identifier, start, pos, text: text(start + 1, e))
            } else {
                pos += 1
                emit(.punctuation, start, pos)
            }
        case UInt8(ascii: "("):
            if case let .interpolation(depth, ml)? = modes.last { modes[modes.count - 1] = .interpolation(depth: depth + 1, inMultiline: ml) }
            pos += 1
            emit(.punctuation, start, pos, text: "(")
        case UInt8(ascii: ")"):
            pos += 1
            if case let .interpolation(depth, ml)? = modes.last {
                if depth == 0 {
                    emit(.punctuation, start, pos, text: ")")
                    modes.removeLast()
                    if case var .string(state)? = modes.last {
                        state.segmentStart = pos
                        modes[modes.count - 1] = .string(state)
                    }
                    return
                }
                modes[modes.count - 1] = .interpolation(depth: depth - 1, inMultiline: ml)
            }
            emit(.punctuation, start, pos, text: ")")
        case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ","),
             UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "\\"):
            pos += 1
            emit(.punctuation, start, pos)
        case UInt8(ascii: "."):
            if at(pos + 1) == UInt8(ascii: ".") {
                // An operator that starts with a dot may contain further dots (`...`, `..<`).
                pos += 1
                while pos < n && (bytes[pos] == UInt8(ascii: ".") || Self.isOperatorChar(bytes[pos])) && !commentStarts(pos) { pos += 1 }
            } else {
                pos += 1
            }
            emit(.punctuation, start, pos)
        case UInt8(ascii: "/"):
            if regexAllowed(), lexRegex() { return }
            lexOperator()
        default:
            if Self.isOperatorChar(b) {
                lexOperator()
            } else {
                // Control characters and stray bytes: one token each, so nothing is lost.
                pos += 1
                emit(.punctuation, start, pos)
            }
        }
    }

    private func commentStarts(_ i: Int) -> Bool {
        at(i) == UInt8(ascii: "/") && (at(i + 1) == UInt8(ascii: "/") || at(i + 1) == UInt8(ascii: "*"))
    }

    private mutating func lexOperator() {
        let start = pos
        let b = bytes[pos]
        let leftBound = !spaceBefore && !lineStart && previousEndsExpression
        // A `?`/`!` glued to an expression is postfix and stands alone (`a?.b`, `x!.y`).
        if leftBound && (b == UInt8(ascii: "?") || (b == UInt8(ascii: "!") && at(pos + 1) != UInt8(ascii: "="))) {
            pos += 1
            emit(.punctuation, start, pos)
            return
        }
        while pos < n && Self.isOperatorChar(bytes[pos]) && !(pos > start && commentStarts(pos)) { pos += 1 }
        // `Array<Int>?`, `Set<T>!`: a closing generic bracket before a postfix operator.
        if b == UInt8(ascii: ">") && pos - start >= 2 {
            var k = start
            while k < pos && bytes[k] == UInt8(ascii: ">") { k += 1 }
            if k < pos && k == pos - 1 && (bytes[k] == UInt8(ascii: "?") || bytes[k] == UInt8(ascii: "!")) {
                pos = start + 1
            }
        }
        emit(.punctuation, start, pos)
    }

    private mutating func lexNumber() {
        let start = pos
        let memberIndex = tokens.last.map { $0.kind == .punctuation && $0.text == "." && !spaceBefore } ?? false
        if bytes[pos] == UInt8(ascii: "0"), [UInt8(ascii: "x"), UInt8(ascii: "b"), UInt8(ascii: "o")].contains(at(pos + 1)) {
            let hex = at(pos + 1) == UInt8(ascii: "x")
            pos += 2
            while pos < n && (Self.isHexDigit(bytes[pos]) || bytes[pos] == UInt8(ascii: "_")) { pos += 1 }
            if hex && at(pos) == UInt8(ascii: ".") && Self.isHexDigit(at(pos + 1)) {
                pos += 1
                while pos < n && (Self.isHexDigit(bytes[pos]) || bytes[pos] == UInt8(ascii: "_")) { pos += 1 }
            }
            if hex && (at(pos) == UInt8(ascii: "p") || at(pos) == UInt8(ascii: "P")) { exponent() }
        } else {
            while pos < n && (Self.isDigit(bytes[pos]) || bytes[pos] == UInt8(ascii: "_")) { pos += 1 }
            // `t.0.1` is two tuple indices, not a float.
            if !memberIndex && at(pos) == UInt8(ascii: ".") && Self.isDigit(at(pos + 1)) {
                pos += 1
                while pos < n && (Self.isDigit(bytes[pos]) || bytes[pos] == UInt8(ascii: "_")) { pos += 1 }
            }
            if !memberIndex && (at(pos) == UInt8(ascii: "e") || at(pos) == UInt8(ascii: "E")) { exponent() }
        }
        // Malformed suffixes (`12abc`) stay part of the number rather than becoming an identifier.
        while pos < n && Self.isIdentifierChar(bytes[pos]) && bytes[pos] != UInt8(ascii: "$") { pos += 1 }
        emit(.number, start, pos)
    }

    private mutating func exponent() {
        var k = pos + 1
        if at(k) == UInt8(ascii: "+") || at(k) == UInt8(ascii: "-") { k += 1 }
        guard Self.isDigit(at(k)) else { return }
        pos = k
        while pos < n && (Self.isDigit(bytes[pos]) || bytes[pos] == UInt8(ascii: "_")) { pos += 1 }
    }

    // MARK: Regex literals

    /// A `/` can open a regex only where an expression may start.
    private func regexAllowed() -> Bool {
        let next = at(pos + 1)
        if next == 0x20 || next == 0x09 || isNewline(next) || next == UInt8(ascii: "=") || pos + 1 >= n { return false }
        guard let last = tokens.last else { return true }
        switch last.kind {
        case .identifier, .number, .string, .layout:
            return false
        case .keyword:
            return !["self", "Self", "super", "true", "false", "nil", "init"].contains(last.text)
        case .punctuation:
            if last.text == ")" || last.text == "]" || last.text == "}" || last.text == ">" { return false }
            if (last.text == "?" || last.text == "!") && !last.flags.contains(.spaceBefore) { return false }
            return true
        }
    }

    /// `/.../` on one line; returns false (consuming nothing) when it does not close.
    private mutating func lexRegex() -> Bool {
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
    private mutating func extendedRegex(hashes: Int) {
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

    private mutating func startString(hashes: Int) {
        let start = pos
        pos += hashes
        let multiline = at(pos + 1) == UInt8(ascii: "\"") && at(pos + 2) == UInt8(ascii: "\"")
        pos += multiline ? 3 : 1
        var state = StringState(start: start, hashes: hashes, multiline: multiline, segmentStart: start, interpolated: false, value: [])
        continueString(&state)
    }

    /// Does the closing delimiter start at `i`?
    private func closes(_ s: StringState, at i: Int) -> Bool {
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
    private mutating func continueString(_ s: inout StringState) {
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
    private func escape(_ c: UInt8, at k: Int, into s: inout StringState) -> Int {
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

    private mutating func emitString(_ s: StringState, end: Int) {
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
