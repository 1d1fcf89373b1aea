import FlaglintSyntax

/// The declaration side of the Swift structure parser: functions and accessors, type
/// declarations, bindings (aliases and constants), enum cases and their raw values.
extension SwiftStructureParser {
    package mutating func function(at start: Int, limit: Int, ctx: Context) -> Int {
        let brace = cursor.findBrace(from: start + 1, limit: limit)
        let headerEnd = brace ?? cursor.statementEnd(from: start + 1, limit: limit)
        builder.declaration(start..<headerEnd)
        guard let brace else { return max(headerEnd, start + 1) }
        let b = cursor.body(brace, limit: limit)
        if cursor.isKeyword(start, "subscript") && isAccessorBlock(b.body) {
            work.append((b.body, ctx.code(b.body)))
        } else {
            builder.function(body: b.body)
            work.append((b.body, ctx.function(b.body)))
        }
        return b.after
    }

    /// `get { }`, `set(newValue) { }`, `didSet { }`: each accessor body is a function.
    package mutating func accessor(at start: Int, limit: Int, ctx: Context) -> Int? {
        var j = start + 1
        if cursor.isPunct(j, "("), let e = cursor.groupEnd(j, limit: limit) { j = e }
        while cursor.isWord(j, "async") || cursor.isWord(j, "throws") { j += 1 }
        if cursor.isWord(j - 1, "throws") && cursor.isPunct(j, "("), let e = cursor.groupEnd(j, limit: limit) { j = e }
        guard j < limit, cursor.isPunct(j, "{") else { return nil }
        let b = cursor.body(j, limit: limit)
        builder.function(body: b.body)
        work.append((b.body, ctx.function(b.body)))
        return b.after
    }

    /// Braces after a property or subscript holding accessors rather than a getter body.
    func isAccessorBlock(_ body: Range<Int>) -> Bool {
        let i = skipAttributesAndModifiers(from: body.lowerBound, limit: body.upperBound)
        guard i < body.upperBound else { return false }
        let t = tokens[i]
        guard (t.kind == .keyword && ["get", "set", "willSet", "didSet"].contains(t.text))
            || (t.kind == .identifier && (t.text == "_read" || t.text == "_modify")) else { return false }
        return !(cursor.isPunct(i + 1, ".") || cursor.isPunct(i + 1, "=") || cursor.isPunct(i + 1, "?"))
    }

    mutating func typeDeclaration(at start: Int, limit: Int, ctx: Context) -> Int {
        var j = start + 1
        var names: [String] = []
        if cursor.isName(j) {
            names.append(tokens[j].text)
            j += 1
            while cursor.isPunct(j, ".") && cursor.isName(j + 1) {
                names.append(tokens[j + 1].text)
                j += 2
            }
        }
        var rawIsString = false
        if cursor.isKeyword(start, "enum") {
            if cursor.isPunct(j, "<") {
                var depth = 0
                while j < limit {
                    if cursor.isPunct(j, "<") { depth += 1 } else if tokens[j].kind == .punctuation && tokens[j].text.allSatisfy({ $0 == ">" }) {
                        depth -= tokens[j].text.count
                        if depth <= 0 { j += 1; break }
                    } else if cursor.isPunct(j, "{") { break }
                    j += 1
                }
            }
            if cursor.isPunct(j, ":") {
                rawIsString = cursor.isWord(j + 1, "String")
                    || (cursor.isWord(j + 1, "Swift") && cursor.isPunct(j + 2, ".") && cursor.isWord(j + 3, "String"))
            }
        }
        guard let brace = cursor.findBrace(from: j, limit: limit) else {
            return cursor.statementEnd(from: start, limit: limit)
        }
        let b = cursor.body(brace, limit: limit)
        let kind: Context.Kind = cursor.isKeyword(start, "enum") ? .enumBody(rawIsString: rawIsString) : .type
        work.append((b.body, Context(kind: kind, qualifiers: ctx.qualifiers + names, functionScope: nil, end: b.body.upperBound)))
        return b.after
    }

    /// `let a = x`, `var b: T = y, c = z`, `var d: Bool { ... }`, `var e = 1 { didSet { } }`.
    mutating func binding(at start: Int, limit: Int, ctx: Context) -> Int {
        let isLet = cursor.isKeyword(start, "let")
        let end = cursor.statementEnd(from: start, limit: limit)
        var j = start + 1
        while j < end {
            var name: Int?
            if cursor.isName(j) {
                name = j
                j += 1
            } else if let e = cursor.groupEnd(j, limit: end), cursor.isPunct(j, "(") {
                j = e // tuple pattern: no single name to alias
            } else {
                break
            }
            if cursor.isPunct(j, ":") { j = skipType(from: j + 1, limit: end) }
            var valueRange: Range<Int>?
            if cursor.isPunct(j, "=") {
                var k = j + 1
                while k < end && !cursor.isPunct(k, ",") {
                    if cursor.isPunct(k, "{"), let c = cursor.closer(k, limit: end), isAccessorBlock(k + 1..<c) { break }
                    k = cursor.groupEnd(k, limit: end) ?? (k + 1)
                }
                valueRange = j + 1..<k
                j = k
            }
            if let v = valueRange {
                let after = value(v, limit: v.upperBound, ctx: ctx)
                if after > v.upperBound { j = after }
                if let n = name {
                    // Only locals are aliases (docs/semantics.md): a stored property of a type is not.
                    if ctx.kind == .code {
                        builder.assignment(name: tokens[n].text, nameToken: n, value: v, visible: min(end, ctx.end)..<ctx.end)
                    }
                    if isLet, let value = literal(v) ?? NamePath.reference(tokens, v, swift: true).flatMap({ $0.names == [tokens[n].text] ? nil : .alias($0) }) {
                        constants.append(ConstantDefinition(name: tokens[n].text, qualifiers: ctx.qualifiers, value: value,
                                                            offset: tokens[n].start, scope: ctx.functionScope))
                    }
                }
            }
            if cursor.isPunct(j, "{") {
                let b = cursor.body(j, limit: limit)
                if valueRange == nil && !isAccessorBlock(b.body) {
                    builder.function(body: b.body)
                    work.append((b.body, ctx.function(b.body)))
                } else {
                    work.append((b.body, ctx.code(b.body)))
                }
                return max(b.after, end)
            }
            guard cursor.isPunct(j, ",") else { break }
            j += 1
        }
        if j < end { expression(j..<end, ctx: ctx) }
        return end
    }

    /// Skips a type annotation: angle brackets are not bracket tokens, so track them here.
    func skipType(from start: Int, limit: Int) -> Int {
        var j = start
        var angle = 0
        while j < limit {
            let t = tokens[j]
            if t.kind == .punctuation {
                if t.text == "<" { angle += 1 } else if t.text.first == ">" && t.text.allSatisfy({ $0 == ">" || $0 == "?" || $0 == "!" }) {
                    angle = max(0, angle - t.text.filter { $0 == ">" }.count)
                } else if angle == 0 && (t.text == "=" || t.text == "," || t.text == "{") {
                    return j
                }
            }
            j = cursor.groupEnd(j, limit: limit) ?? (j + 1)
        }
        return limit
    }

    /// `case a = "x", b, c(Int)`: explicit raw values, and implicit ones for `String` enums.
    mutating func enumCase(_ range: Range<Int>, rawIsString: Bool, ctx: Context) {
        var j = range.lowerBound
        while j < range.upperBound && cursor.isName(j) {
            let name = j
            j += 1
            if cursor.isPunct(j, "("), let e = cursor.groupEnd(j, limit: range.upperBound) { j = e }
            var value: ConstantDefinition.Value?
            if cursor.isPunct(j, "=") {
                var k = j + 1
                while k < range.upperBound && !cursor.isPunct(k, ",") { k += 1 }
                value = literal(j + 1..<k)
                j = k
            } else if rawIsString {
                value = .string(tokens[name].text)
            }
            if let value {
                constants.append(ConstantDefinition(name: tokens[name].text, qualifiers: ctx.qualifiers, value: value,
                                                    offset: tokens[name].start, scope: nil, isEnumCase: true))
            }
            guard cursor.isPunct(j, ",") else { break }
            j += 1
        }
    }

    package func literal(_ r: Range<Int>) -> ConstantDefinition.Value? {
        guard !r.isEmpty, r.upperBound <= tokens.count else { return nil }
        var negative = false
        var i = r.lowerBound
        if r.count == 2 && cursor.isPunct(i, "-") {
            negative = true
            i += 1
        } else if r.count != 1 {
            return nil
        }
        let t = tokens[i]
        switch t.kind {
        case .string where !negative:
            return t.stringValue.map { .string($0) }
        case .keyword where !negative && (t.text == "true" || t.text == "false"):
            return .bool(t.text == "true")
        case .number:
            var digits = String(t.text.filter { $0 != "_" })
            var radix = 10
            for (prefix, r) in [("0x", 16), ("0b", 2), ("0o", 8)] where digits.hasPrefix(prefix) {
                radix = r
                digits.removeFirst(2)
            }
            guard let v = Int(digits, radix: radix) else { return nil }
            return .integer(negative ? -v : v)
        default:
            return nil
        }
    }
}
