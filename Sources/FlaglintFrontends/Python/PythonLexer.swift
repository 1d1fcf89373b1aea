import FlaglintSyntax

/// Python source bytes → tokens, comments and diagnostics.
///
/// Follows the language reference's lexical rules (NEWLINE/INDENT/DEDENT layout, implicit
/// line joining in brackets, backslash continuation, PEP 701 f-strings) but never fails:
/// every problem becomes a diagnostic and lexing resumes at the next sensible point.
/// One forward pass; f-string nesting lives on an explicit frame stack, not the call stack.
public struct PythonLexer {
    public struct Output: Sendable {
        public var tokens: [Token]
        public var comments: [Comment]
        public var diagnostics: [FrontendDiagnostic]
    }

    /// Hard keywords. `match`, `case`, `_` and `type` are soft keywords: they stay
    /// identifiers and the structure parser decides from context.
    public static let keywords: Set<String> = [
        "if", "elif", "else", "while", "for", "in", "not", "and", "or", "is", "lambda", "def",
        "class", "return", "raise", "continue", "break", "pass", "try", "except", "finally",
        "with", "as", "yield", "await", "async", "import", "from", "global", "nonlocal", "del",
        "assert", "True", "False", "None",
    ]

    public static func lex(_ bytes: [UInt8]) -> Output {
        var lexer = PythonLexer(bytes: bytes)
        lexer.run()
        lexer.markSpacing()
        return Output(tokens: lexer.tokens, comments: lexer.comments, diagnostics: lexer.diagnostics)
    }

    public static func lex(_ text: String) -> Output { lex(Array(text.utf8)) }

    // MARK: State

    /// What the bytes at `pos` belong to when the lexer is inside an f-string.
    package enum Frame {
        /// Literal text of an f-string.
        case text(FString)
        /// The expression of a replacement field `{...}`.
        case field(Field)
        /// A format spec after the field's top-level `:`; may hold nested fields.
        case spec(Spec)
    }

    package struct FString {
        package var quote: UInt8
        var triple: Bool
        package var raw: Bool
        /// Where the literal piece being accumulated began (the prefix, for the first piece).
        package var segmentStart: Int
    }

    package struct Field {
        /// Bracket depth inside the field: `}` and `:` end the expression only at depth 0.
        package var depth: Int
        package var quote: UInt8
        var triple: Bool
    }

    package struct Spec {
        package var segmentStart: Int
        package var quote: UInt8
        var triple: Bool
    }

    struct Indent {
        package var column: Int
        /// The column with tabs counted as one space: when the two orders disagree the
        /// indentation depends on the tab size (CPython's TabError).
        var altColumn: Int
        /// False for a level pushed while recovering from a bad dedent: it has no INDENT
        /// token, so popping it must not produce a DEDENT either.
        var emitted: Bool
    }

    static let maxDiagnostics = 100

    package let bytes: [UInt8]
    package let n: Int
    package var pos = 0
    package var tokens: [Token] = []
    package var comments: [Comment] = []
    package var diagnostics: [FrontendDiagnostic] = []
    var frames: [Frame] = []
    var indents: [Indent] = [Indent(column: 0, altColumn: 0, emitted: false)]
    /// Open brackets of ordinary code (implicit line joining); f-string fields count their own.
    package var brackets: [(byte: UInt8, offset: Int)] = []
    package var atLineStart = true
    var lineHasTokens = false
    var lineStartPending = true
    var physicalLineStart = 0
    var reportedNUL = false
    var reportedControl = false

    package init(bytes: [UInt8]) {
        self.bytes = bytes
        self.n = bytes.count
        tokens.reserveCapacity(bytes.count / 4 + 8)
    }

    // MARK: Driver

    package mutating func run() {
        if n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            pos = 3
            physicalLineStart = 3
        }
        checkUTF8()
        while true {
            if let frame = frames.last {
                guard pos < n else { closeFramesAtEOF(); continue }
                switch frame {
                case let .text(f): lexFStringText(f)
                case let .field(f): lexFieldStep(f)
                case let .spec(s): lexSpecText(s)
                }
            } else {
                guard pos < n else { break }
                lexCodeStep()
            }
        }
        if lineHasTokens { emitLayout("\n", at: n, length: 0) }
        if let open = brackets.last {
            diagnose(.error, "'\(Character(Unicode.Scalar(open.byte)))' was never closed", at: open.offset)
        }
        while indents.count > 1 {
            if indents.removeLast().emitted { emitLayout("<dedent>", at: n, length: 0) }
        }
    }

    mutating func diagnose(_ severity: FrontendDiagnostic.Severity, _ message: String, at offset: Int) {
        if diagnostics.count < Self.maxDiagnostics {
            diagnostics.append(FrontendDiagnostic(severity, message, at: offset))
        } else if diagnostics.count == Self.maxDiagnostics {
            diagnostics.append(FrontendDiagnostic(.warning, "further lexical problems in this file are not reported", at: offset))
        }
    }

    // MARK: Emitting

    package mutating func emit(_ kind: Token.Kind, _ start: Int, _ end: Int, text: String? = nil, value: String? = nil) {
        var flags: Token.Flags = []
        if lineStartPending {
            flags.insert(.lineStart)
            lineStartPending = false
        }
        let spelling = text ?? String(decoding: bytes[start..<end], as: UTF8.self)
        tokens.append(Token(kind: kind, text: spelling, start: start, end: end, flags: flags, stringValue: value))
        lineHasTokens = true
    }

    mutating func emitLayout(_ text: String, at offset: Int, length: Int) {
        tokens.append(Token(kind: .layout, text: text, start: offset, end: offset + length))
        if text == "\n" { lineHasTokens = false }
    }

    /// Space flags depend only on the neighbouring bytes, so one pass at the end sets them.
    mutating func markSpacing() {
        for k in tokens.indices where tokens[k].kind != .layout {
            let s = tokens[k].start, e = tokens[k].end
            if s > 0 && Self.isSpace(bytes[s - 1]) { tokens[k].flags.insert(.spaceBefore) }
            if e < n && (Self.isSpace(bytes[e]) || bytes[e] == UInt8(ascii: "#")) { tokens[k].flags.insert(.spaceAfter) }
        }
    }

    // MARK: Ordinary code

    mutating func lexCodeStep() {
        if atLineStart {
            atLineStart = false
            if brackets.isEmpty {
                indentation()
                return
            }
        }
        switch bytes[pos] {
        case 0x20, 0x09, 0x0C: pos += 1
        case 0x0A, 0x0D: newline()
        case UInt8(ascii: "#"): comment()
        case UInt8(ascii: "\\"): continuation()
        default: lexToken(inField: false)
        }
    }

    mutating func newline() {
        let at = pos
        consumeNewline()
        if brackets.isEmpty {
            if lineHasTokens { emitLayout("\n", at: at, length: pos - at) }
            atLineStart = true
        }
    }

    mutating func consumeNewline() {
        if bytes[pos] == 0x0D && pos + 1 < n && bytes[pos + 1] == 0x0A { pos += 2 } else { pos += 1 }
        lineStartPending = true
        physicalLineStart = pos
    }

    package mutating func comment() {
        let start = pos
        while pos < n && bytes[pos] != 0x0A && bytes[pos] != 0x0D { pos += 1 }
        comments.append(Comment(text: String(decoding: bytes[start..<pos], as: UTF8.self), start: start, end: pos))
    }

    mutating func continuation() {
        if pos + 1 < n && (bytes[pos + 1] == 0x0A || bytes[pos + 1] == 0x0D) {
            pos += 1
            consumeNewline()
        } else {
            diagnose(.warning, "unexpected character after line continuation character", at: pos)
            pos += 1
        }
    }

    /// Measures the indentation of a new logical line and emits INDENT/DEDENT tokens.
    mutating func indentation() {
        var column = 0, alt = 0, p = pos
        scan: while p < n {
            switch bytes[p] {
            case 0x20: column += 1; alt += 1
            case 0x09: column = (column / 8 + 1) * 8; alt += 1
            case 0x0C: column = 0; alt = 0
            default: break scan
            }
            p += 1
        }
        pos = p
        // Blank and comment-only lines take no part in the layout.
        if p >= n || bytes[p] == 0x0A || bytes[p] == 0x0D || bytes[p] == UInt8(ascii: "#") { return }
        let top = indents[indents.count - 1]
        if column > top.column {
            if alt <= top.altColumn { inconsistentIndentation(at: p) }
            indents.append(Indent(column: column, altColumn: alt, emitted: true))
            emitLayout("<indent>", at: p, length: 0)
        } else if column < top.column {
            while indents.count > 1 && column < indents[indents.count - 1].column {
                if indents.removeLast().emitted { emitLayout("<dedent>", at: p, length: 0) }
            }
            let outer = indents[indents.count - 1]
            if column > outer.column {
                diagnose(.error, "unindent does not match any outer indentation level", at: p)
                indents.append(Indent(column: column, altColumn: alt, emitted: false))
            } else if alt != outer.altColumn {
                inconsistentIndentation(at: p)
            }
        } else if alt != top.altColumn {
            inconsistentIndentation(at: p)
        }
    }

    mutating func inconsistentIndentation(at offset: Int) {
        diagnose(.warning, "inconsistent use of tabs and spaces in indentation", at: offset)
    }

    /// One token starting at `pos` (never whitespace, a newline or a comment).
    mutating func lexToken(inField: Bool) {
        let b = bytes[pos]
        if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
            lexString(prefixStart: pos, quoteAt: pos, prefix: [])
        } else if Self.isDigit(b) || (b == UInt8(ascii: ".") && pos + 1 < n && Self.isDigit(bytes[pos + 1])) {
            lexNumber()
        } else if Self.isIdentifierStart(b) {
            lexWord(inField: inField)
        } else if b == 0 {
            if !reportedNUL {
                reportedNUL = true
                diagnose(.warning, "NUL byte in source (binary file?)", at: pos)
            }
            pos += 1
        } else if b < 0x20 || b == 0x7F {
            if !reportedControl {
                reportedControl = true
                diagnose(.warning, "unexpected control character in source", at: pos)
            }
            pos += 1
        } else {
            lexOperator(inField: inField)
        }
    }

    mutating func lexWord(inField: Bool) {
        let start = pos
        var p = pos
        while p < n && Self.isIdentifierChar(bytes[p]) { p += 1 }
        if p < n && (bytes[p] == UInt8(ascii: "\"") || bytes[p] == UInt8(ascii: "'")) && p - start <= 2 {
            let prefix = bytes[start..<p].map { $0 | 0x20 }
            if Self.isStringPrefix(prefix) {
                lexString(prefixStart: start, quoteAt: p, prefix: prefix)
                return
            }
        }
        let word = String(decoding: bytes[start..<p], as: UTF8.self)
        if !inField && !brackets.isEmpty && lineStartPending && (word == "def" || word == "class") {
            // Half-written code: an unclosed bracket would swallow the rest of the file.
            // A definition at the start of a line cannot continue a bracketed expression.
            let open = brackets[brackets.count - 1]
            diagnose(.error, "'\(Character(Unicode.Scalar(open.byte)))' was never closed", at: open.offset)
            brackets.removeAll()
            if lineHasTokens { emitLayout("\n", at: physicalLineStart, length: 0) }
            pos = physicalLineStart
            atLineStart = true
            return
        }
        pos = p
        emit(Self.keywords.contains(word) ? .keyword : .identifier, start, p, text: word)
    }

    mutating func lexNumber() {
        let start = pos
        var p = pos
        let hex = bytes[p] == UInt8(ascii: "0") && p + 1 < n && (bytes[p + 1] | 0x20) != UInt8(ascii: "e")
            && Self.isLetter(bytes[p + 1])
        var seenDot = false, seenExponent = false
        while p < n {
            let c = bytes[p]
            if Self.isIdentifierChar(c) && c < 0x80 {
                p += 1
            } else if c == UInt8(ascii: ".") && !hex && !seenDot && !seenExponent
                        && !(p + 1 < n && bytes[p + 1] == UInt8(ascii: ".")) {
                seenDot = true
                p += 1
            } else if (c == UInt8(ascii: "+") || c == UInt8(ascii: "-")) && !hex && !seenExponent
                        && (bytes[p - 1] | 0x20) == UInt8(ascii: "e") && p + 1 < n && Self.isDigit(bytes[p + 1]) {
                seenExponent = true
                p += 1
            } else {
                break
            }
        }
        pos = p
        emit(.number, start, p)
    }

    static let operators3: Set<String> = ["**=", "//=", ">>=", "<<=", "..."]
    static let operators2: Set<String> = [
        "**", "//", "->", ":=", "==", "!=", "<=", ">=", "<<", ">>", "+=", "-=", "*=", "/=", "%=",
        "&=", "|=", "^=", "@=",
    ]

    mutating func lexOperator(inField: Bool) {
        let start = pos
        var length = 1
        if pos + 2 < n, Self.operators3.contains(String(decoding: bytes[pos..<pos + 3], as: UTF8.self)) {
            length = 3
        } else if pos + 1 < n, Self.operators2.contains(String(decoding: bytes[pos..<pos + 2], as: UTF8.self)) {
            length = 2
        }
        pos += length
        let b = bytes[start]
        if length == 1 {
            if b == UInt8(ascii: "(") || b == UInt8(ascii: "[") || b == UInt8(ascii: "{") {
                if inField { adjustFieldDepth(+1) } else { brackets.append((b, start)) }
            } else if b == UInt8(ascii: ")") || b == UInt8(ascii: "]") || b == UInt8(ascii: "}") {
                if inField { adjustFieldDepth(-1) } else { closeBracket(b, at: start) }
            }
        }
        emit(.punctuation, start, pos)
    }

    mutating func closeBracket(_ b: UInt8, at offset: Int) {
        let open: UInt8 = b == UInt8(ascii: ")") ? UInt8(ascii: "(") : b == UInt8(ascii: "]") ? UInt8(ascii: "[") : UInt8(ascii: "{")
        // A bounded look-back keeps pathological input (thousands of openers, then stray
        // closers) linear.
        var k = brackets.count - 1
        let floor = max(0, brackets.count - 16)
        while k >= floor && brackets[k].byte != open { k -= 1 }
        if k >= floor && k >= 0 {
            if k != brackets.count - 1 {
                diagnose(.error, "closing '\(Character(Unicode.Scalar(b)))' does not match the open bracket", at: offset)
            }
            brackets.removeSubrange(k...)
        } else {
            diagnose(.error, "unmatched '\(Character(Unicode.Scalar(b)))'", at: offset)
        }
    }

    // MARK: Character classes

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
    package static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    package static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    /// Non-ASCII bytes are identifier characters: Python identifiers may be any Unicode letter.
    package static func isIdentifierStart(_ b: UInt8) -> Bool { isLetter(b) || b == UInt8(ascii: "_") || b >= 0x80 }
    static func isIdentifierChar(_ b: UInt8) -> Bool { isIdentifierStart(b) || isDigit(b) }

    /// `r u b br rb f fr rf` and 3.14's `t tr rt`, already lower-cased.
    static func isStringPrefix(_ p: [UInt8]) -> Bool {
        let r = UInt8(ascii: "r"), u = UInt8(ascii: "u"), b = UInt8(ascii: "b"), f = UInt8(ascii: "f"), t = UInt8(ascii: "t")
        if p.count == 1 { return p[0] == r || p[0] == u || p[0] == b || p[0] == f || p[0] == t }
        if p.count == 2 {
            let other = p[0] == r ? p[1] : p[1] == r ? p[0] : 0
            return other == b || other == f || other == t
        }
        return false
    }

    // MARK: Encoding checks

    mutating func checkUTF8() {
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0
            var valid = length > 0 && i + length <= n
            if valid {
                for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { valid = false }
            }
            if !valid {
                diagnose(.warning, "invalid UTF-8 at byte \(i): the file is read as far as possible", at: i)
                return
            }
            i += length
        }
    }
}
