import FlaglintSyntax

/// Token-level questions the Swift structure parser asks: bracket groups, where a
/// statement ends, where a statement starts. All answers are bounds-checked, so malformed
/// input yields odd structure, never a crash.
struct SwiftTokenCursor {
    package let tokens: [Token]
    package let partners: [Int32]

    func isPunct(_ i: Int, _ text: String) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .punctuation && tokens[i].text == text
    }

    func isKeyword(_ i: Int, _ text: String) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .keyword && tokens[i].text == text
    }

    /// A keyword or a contextual identifier spelled `text`.
    func isWord(_ i: Int, _ text: String) -> Bool {
        i >= 0 && i < tokens.count && (tokens[i].kind == .keyword || tokens[i].kind == .identifier) && tokens[i].text == text
    }

    /// Names a binding or enum case can have (`set` and friends are keywords to the lexer).
    func isName(_ i: Int) -> Bool {
        guard i >= 0 && i < tokens.count else { return false }
        let t = tokens[i]
        return t.kind == .identifier || (t.kind == .keyword && (t.text == "get" || t.text == "set" || t.text == "willSet" || t.text == "didSet"))
    }

    /// The partner of the bracket at `i` when it lies after `i` and before `limit`.
    func closer(_ i: Int, limit: Int) -> Int? {
        guard i >= 0 && i < tokens.count && tokens[i].isOpenBracket else { return nil }
        let p = Int(partners[i])
        return p > i && p < limit ? p : nil
    }

    /// The index just past the bracket group opening at `i`, if it closes before `limit`.
    func groupEnd(_ i: Int, limit: Int) -> Int? { closer(i, limit: limit).map { $0 + 1 } }

    /// The body inside the braces opening at `brace`, and the index just past the statement
    /// part it ends. An unclosed brace runs to `limit`.
    package func body(_ brace: Int, limit: Int) -> (body: Range<Int>, after: Int, closed: Bool) {
        if let p = closer(brace, limit: limit) { return (brace + 1..<p, p + 1, true) }
        return (min(brace + 1, limit)..<limit, limit, false)
    }

    /// Does the line starting at token `cur` continue the expression that token `prev` ends?
    package func continues(prev p: Int, cur c: Int) -> Bool {
        guard p >= 0 && c < tokens.count else { return false }
        let cur = tokens[c], prev = tokens[p]
        if cur.kind == .keyword {
            if SwiftKeywords.statementStarts.contains(cur.text) {
                // `let x =\n if ...` and `return\n switch ...`: if/switch expressions.
                return (cur.text == "if" || cur.text == "switch") && (isPunct(p, "=") || isKeyword(p, "return"))
            }
            if ["else", "catch", "where", "in", "as", "is"].contains(cur.text) { return true }
        }
        if cur.kind == .punctuation {
            switch cur.text {
            case ".", "{", ":": return true
            case "(", "[", "@", "#", "\\", ";", ")", "]", "}", "`", ",": return cur.text == ","
            default:
                if cur.text.utf8.first.map(SwiftLexer.isOperatorChar) == true { return true }
            }
        }
        if prev.kind == .punctuation {
            switch prev.text {
            case ")", "]", "}", "#", "`", ";": return false
            case ">": return prev.flags.contains(.spaceBefore)
            case "?", "!": return prev.flags.contains(.spaceBefore)
            default: return true
            }
        }
        if prev.kind == .keyword { return ["try", "await", "as", "is"].contains(prev.text) }
        return false
    }

    /// The index of the token that ends the statement starting at `start` (a `;`, the first
    /// token of the next statement, or `limit`). Bracket groups are skipped whole.
    package func statementEnd(from start: Int, limit: Int) -> Int {
        var j = start
        var prev = -1
        while j < limit {
            let t = tokens[j]
            if t.kind == .punctuation && t.text == ";" { return j }
            if j > start && t.flags.contains(.lineStart) && !continues(prev: prev, cur: j) { return j }
            if t.isCloseBracket && t.text == "}" && j > start { return j }
            if let e = groupEnd(j, limit: limit) {
                prev = e - 1
                j = e
                continue
            }
            prev = j
            j += 1
        }
        return limit
    }

    /// The `{` that opens the body of the statement whose header starts at `start`.
    /// Stops at a `;`, a closing brace, or a new declaration line (half-written headers).
    func findBrace(from start: Int, limit: Int) -> Int? {
        var j = start
        while j < limit {
            let t = tokens[j]
            if t.kind == .punctuation {
                if t.text == "{" { return j }
                if t.text == ";" || t.text == "}" { return nil }
            }
            if j > start && startsStatement(j) { return nil }
            j = groupEnd(j, limit: limit) ?? (j + 1)
        }
        return nil
    }

    /// Does the statement keyword at `j` begin a new statement? A `let`, `var` or `case` at the
    /// start of a line after a `,` continues a condition list instead
    /// (`if let a = x,\n   let b = y {`, `guard a,\n      case .b = c else {`).
    func startsStatement(_ j: Int) -> Bool {
        guard j >= 0 && j < tokens.count else { return false }
        let t = tokens[j]
        guard t.flags.contains(.lineStart) && t.kind == .keyword && SwiftKeywords.statementStarts.contains(t.text) else { return false }
        return !(isPunct(j - 1, ",") && (t.text == "let" || t.text == "var" || t.text == "case"))
    }

    /// The first top-level occurrence of keyword `word` in `range`.
    func findKeyword(_ word: String, in range: Range<Int>) -> Int? {
        var j = range.lowerBound
        while j < range.upperBound {
            if isKeyword(j, word) { return j }
            j = groupEnd(j, limit: range.upperBound) ?? (j + 1)
        }
        return nil
    }

    /// The first token of the last statement of `body`, found walking backwards so the cost
    /// is the length of that statement only.
    func lastStatementStart(_ body: Range<Int>) -> Int? {
        var j = body.upperBound - 1
        while j >= body.lowerBound && isPunct(j, ";") { j -= 1 }
        guard j >= body.lowerBound else { return nil }
        while true {
            if tokens[j].isCloseBracket {
                let p = Int(partners[j])
                if p >= body.lowerBound && p < j { j = p }
            }
            if j <= body.lowerBound { return body.lowerBound }
            let prev = j - 1
            if isPunct(prev, ";") { return j }
            if tokens[j].flags.contains(.lineStart) && !continues(prev: prev, cur: j) { return j }
            j = prev
        }
    }

    /// How the body's last statement leaves it, if it certainly does.
    package func exit(of body: Range<Int>) -> ExitKind? {
        guard let s = lastStatementStart(body) else { return nil }
        let t = tokens[s]
        if t.kind == .keyword {
            switch t.text {
            case "return": return .function
            case "throw": return .thrown
            case "break": return .loop
            case "continue": return .continueLoop
            default: return nil
            }
        }
        if t.kind == .identifier && ["fatalError", "preconditionFailure", "abort", "exit"].contains(t.text) && isPunct(s + 1, "(") {
            return .function
        }
        return nil
    }
}
