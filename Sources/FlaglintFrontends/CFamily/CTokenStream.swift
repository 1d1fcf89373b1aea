import FlaglintSyntax

/// Turns libclang's raw tokens into flaglint's live token stream: comments set apart,
/// preprocessor directive lines and skipped (inactive) code removed, `#define` constants
/// recorded, ObjC `@` literals joined, digraphs spelled as the brackets they are, string
/// literal values decoded.
///
/// Removing directive lines and dead code (rather than flagging them) keeps every later
/// stage honest for free: nothing inside `#if 0` or a `#define` body can be matched as an
/// evaluation, and a `{` in an inactive `#else` cannot unbalance the structure parser.
struct CTokenStream {
    package var tokens: [Token] = []
    package var comments: [Comment] = []
    var macroConstants: [ConstantDefinition] = []

    package init(bytes: [UInt8], raw: [ClangToken], skipped: [Range<Int>]) {
        let skipped = skipped.sorted { $0.lowerBound < $1.lowerBound }
        var skipIndex = 0
        var prevEnd = 0            // end of the previous token of any kind
        var prevCodeEnd = -1       // end of the previous code token (for line starts)
        var directive: [Token]? = nil   // tokens of the directive line being read
        var alternative = false         // an `#else`/`#elif` was just read
        tokens.reserveCapacity(raw.count)

        for t in raw {
            let (logicalBreak, _) = CTokenStream.gap(bytes, prevEnd, t.start)
            prevEnd = max(prevEnd, t.end)
            if t.kind == .comment {
                comments.append(Comment(text: CTokenStream.text(bytes, t.start, t.end, splices: false), start: t.start, end: t.end))
                continue
            }
            let physicalBreak = prevCodeEnd < 0 || CTokenStream.gap(bytes, prevCodeEnd, t.start).physical
            let logicalStart = prevCodeEnd < 0 || logicalBreak
            prevCodeEnd = t.end

            if logicalStart, let d = directive {
                finishDirective(d)
                if d.count >= 2, d[1].text != "define", d[1].text != "undef" {
                    alternative = ["else", "elif", "elifdef", "elifndef"].contains(d[1].text)
                }
                directive = nil
            }
            var token = CTokenStream.token(bytes, t)
            if physicalBreak { token.flags.insert(.lineStart) }
            if directive != nil {
                directive!.append(token)
                continue
            }
            if logicalStart && token.kind == .punctuation && token.text == "#" {
                directive = [token]
                continue
            }
            // Dead code: every token starting inside a range the preprocessor skipped.
            while skipIndex < skipped.count && skipped[skipIndex].upperBound <= t.start { skipIndex += 1 }
            if skipIndex < skipped.count && skipped[skipIndex].contains(t.start) {
                alternative = false
                continue
            }
            if alternative {
                token.flags.insert(.alternativeStart)
                alternative = false
            }

            // ObjC literals: `@"x"`, `@YES`, `@42`, `@interface` are one token each.
            if token.kind != .punctuation, let l = tokens.indices.last, tokens[l].end == token.start,
               tokens[l].kind == .punctuation, tokens[l].text == "@" {
                let last = tokens[l]
                token.text = "@" + token.text
                token.start = last.start
                token.flags.formUnion(last.flags.intersection([.lineStart]))
                if token.kind == .identifier { token.kind = .keyword }
                tokens.removeLast()
            }
            tokens.append(token)
        }
        if let d = directive { finishDirective(d) }

        // Spacing flags on the final stream: dropped directives always leave a line break.
        for i in tokens.indices {
            let before = i == 0 ? tokens[i].start > 0 : tokens[i].start > tokens[i - 1].end
            let after = i + 1 < tokens.count ? tokens[i + 1].start > tokens[i].end : true
            if before { tokens[i].flags.insert(.spaceBefore) }
            if after { tokens[i].flags.insert(.spaceAfter) }
        }
    }

    /// `#define NAME value` with a single literal value becomes a constant.
    private mutating func finishDirective(_ d: [Token]) {
        guard d.count >= 3, d[1].text == "define", d[2].kind == .identifier || d[2].kind == .keyword else { return }
        let name = d[2]
        // A function-like macro has `(` directly after its name.
        if d.count > 3 && d[3].text == "(" && d[3].start == name.end { return }
        var body = Array(d.dropFirst(3))
        if body.count == 3 && body[0].text == "(" && body[2].text == ")" { body = [body[1]] }
        // `@"x"` arrives as two tokens here (the `@` join runs on live tokens only).
        if body.count == 2 && body[0].text == "@" && body[1].kind == .string && body[0].end == body[1].start {
            body = [body[1]]
        }
        guard body.count == 1, let value = CTokenStream.constantValue(body[0]) else { return }
        var macro = ConstantDefinition(name: name.text, value: value, offset: name.start)
        macro.isMacro = true
        macroConstants.append(macro)
    }

    /// The constant value of a single literal token, if it is one.
    static func constantValue(_ t: Token) -> ConstantDefinition.Value? {
        switch t.kind {
        case .string:
            return t.stringValue.map { .string($0) }
        case .number:
            return integerValue(t.text).map { .integer($0) }
        case .identifier, .keyword:
            switch t.text {
            case "true", "YES", "TRUE", "@YES", "LDBooleanTrue": return .bool(true)
            case "false", "NO", "FALSE", "@NO", "LDBooleanFalse": return .bool(false)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Decimal, hex, octal and binary integers with any `u`/`l`/`z` suffix; `@1` too.
    static func integerValue(_ text: String) -> Int? {
        var s = Substring(text)
        if s.hasPrefix("@") { s = s.dropFirst() }
        s = Substring(s.replacingOccurrences(of: "'", with: ""))
        while let c = s.last, "uUlLzZ".contains(c) { s = s.dropLast() }
        if s.hasPrefix("0x") || s.hasPrefix("0X") { return Int(s.dropFirst(2), radix: 16) }
        if s.hasPrefix("0b") || s.hasPrefix("0B") { return Int(s.dropFirst(2), radix: 2) }
        if s.count > 1 && s.hasPrefix("0") { return Int(s.dropFirst(), radix: 8) }
        return Int(s)
    }

    // MARK: Single tokens

    package static func token(_ bytes: [UInt8], _ t: ClangToken) -> Token {
        var text = text(bytes, t.start, t.end, splices: true)
        let kind: Token.Kind
        var value: String?
        switch t.kind {
        case .keyword: kind = .keyword
        case .identifier: kind = .identifier
        case .literal:
            if isStringLiteral(text) {
                kind = .string
                // Raw strings undo line splicing: their bytes are their value.
                if let q = text.firstIndex(of: "\""), text[..<q].hasSuffix("R") {
                    text = CTokenStream.text(bytes, t.start, t.end, splices: false)
                }
                value = decodeString(text)
            } else {
                kind = .number
            }
        case .punctuation, .comment:
            kind = .punctuation
            // Digraphs are the brackets they stand for; everything downstream matches on text.
            let first = text.utf8.first
            guard text.utf8.count >= 2, first == UInt8(ascii: "<") || first == UInt8(ascii: ":") || first == UInt8(ascii: "%") else { break }
            switch text {
            case "<:": text = "["
            case ":>": text = "]"
            case "<%": text = "{"
            case "%>": text = "}"
            case "%:": text = "#"
            case "%:%:": text = "##"
            default: break
            }
        }
        return Token(kind: kind, text: text, start: t.start, end: t.end, stringValue: value)
    }

    /// The source text of a token; with `splices`, backslash-newlines removed (they are not
    /// part of any token's spelling).
    package static func text(_ bytes: [UInt8], _ start: Int, _ end: Int, splices: Bool) -> String {
        let slice = bytes[start..<end]
        guard splices, slice.contains(0x5C) else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var i = start
        while i < end {
            if bytes[i] == 0x5C, let next = spliceEnd(bytes, i, end) {
                i = next
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// If a line splice (backslash, optional blanks, newline) starts at `i`, the index after it.
    private static func spliceEnd(_ bytes: [UInt8], _ i: Int, _ end: Int) -> Int? {
        var j = i + 1
        while j < end && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1 }
        guard j < end else { return nil }
        if bytes[j] == 0x0A { return j + 1 }
        if bytes[j] == 0x0D { return j + 1 < end && bytes[j + 1] == 0x0A ? j + 2 : j + 1 }
        return nil
    }

    /// Whether the bytes between two tokens contain a line break: `physical` (any newline)
    /// and `logical` (one that is not a line splice; it ends a preprocessor directive).
    package static func gap(_ bytes: [UInt8], _ from: Int, _ to: Int) -> (logical: Bool, physical: Bool) {
        var physical = false
        var i = max(0, from)
        let end = min(to, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                physical = true
                // A newline preceded (blanks aside) by a backslash is a splice.
                var k = i - 1
                if b == 0x0A && k >= from && bytes[k] == 0x0D { k -= 1 }
                while k >= from && (bytes[k] == 0x20 || bytes[k] == 0x09) { k -= 1 }
                if !(k >= from && bytes[k] == 0x5C) { return (true, true) }
            }
            i += 1
        }
        return (false, physical)
    }

    static func isStringLiteral(_ text: String) -> Bool {
        for c in text.utf8 {
            if c == UInt8(ascii: "\"") { return true }
            if c == UInt8(ascii: "'") { return false }
        }
        return false
    }

    /// The value of a string literal: encoding prefix, quotes and any user-defined suffix
    /// removed; escapes decoded; raw strings taken verbatim.
    static func decodeString(_ text: String) -> String? {
        let b = Array(text.utf8)
        guard let q = b.firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        let prefix = b[..<q]
        if prefix.last == UInt8(ascii: "R") {
            // R"delim( ... )delim"
            guard let open = b[(q + 1)...].firstIndex(of: UInt8(ascii: "(")) else { return nil }
            let delim = Array(b[(q + 1)..<open])
            let closer = [UInt8(ascii: ")")] + delim + [UInt8(ascii: "\"")]
            var end = b.count - closer.count
            while end > open && Array(b[end..<(end + closer.count)]) != closer { end -= 1 }
            guard end > open else { return nil }
            return String(decoding: b[(open + 1)..<end], as: UTF8.self)
        }
        guard let last = b.lastIndex(of: UInt8(ascii: "\"")), last > q else { return nil }
        return Escapes.decode(b[(q + 1)..<last], .c)
    }
}
