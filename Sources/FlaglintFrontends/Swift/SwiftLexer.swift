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

    struct StringState {
        /// Offset of the opening delimiter (its first `#` for raw strings).
        var start: Int
        var hashes: Int
        var multiline: Bool
        var segmentStart: Int
        var interpolated: Bool
        var value: [UInt8]
    }

    enum Mode {
        case string(StringState)
        /// Code inside `\( ... )`; `depth` counts the parentheses opened inside it.
        case interpolation(depth: Int, inMultiline: Bool)
    }

    let bytes: [UInt8]
    let spelling: TokenSpelling
    let n: Int
    var pos = 0
    var tokens: [Token] = []
    var comments: [Comment] = []
    var diagnostics: [FrontendDiagnostic] = []
    var spaceBefore = false
    var lineStart = true
    var modes: [Mode] = []
    var reportedNUL = false

    public static func lex(_ bytes: [UInt8]) -> Output {
        var lexer = SwiftLexer(bytes: bytes)
        return lexer.run()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        self.spelling = TokenSpelling(bytes: bytes)
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

    @inline(__always) func at(_ i: Int) -> UInt8 { i < n && i >= 0 ? bytes[i] : 0 }
    @inline(__always) func isNewline(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }
    func text(_ s: Int, _ e: Int) -> String { String(decoding: bytes[s..<e], as: UTF8.self) }

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

    mutating func emit(_ kind: Token.Kind, _ start: Int, _ end: Int, text override: String? = nil, value: String? = nil) {
        var flags: Token.Flags = []
        if spaceBefore { flags.insert(.spaceBefore) }
        if lineStart { flags.insert(.lineStart) }
        spaceBefore = false
        lineStart = false
        tokens.append(Token(kind: kind, start: start, end: end, flags: flags, in: spelling, text: override, stringValue: value))
    }

    /// The previous token ends an expression, so an operator glued to it is postfix/infix-bound.
    private var previousEndsExpression: Bool {
        guard let last = tokens.last else { return false }
        switch last.kind {
        case .identifier, .number, .string: return true
        case .keyword: return true
        case .punctuation:
            return last.spells(")") || last.spells("]") || last.spells("}") || last.spells(">")
                || ((last.spells("?") || last.spells("!")) && !last.flags.contains(.spaceBefore))
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
            let afterDot = tokens.last.map { $0.kind == .punctuation && $0.spells(".") && !spaceBefore } ?? false
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
        let memberIndex = tokens.last.map { $0.kind == .punctuation && $0.spells(".") && !spaceBefore } ?? false
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
}
