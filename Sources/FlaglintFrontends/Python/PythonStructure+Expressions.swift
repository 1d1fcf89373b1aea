import FlaglintSyntax

/// Expression-level facts of Python statements: simple statements, local aliases (plain,
/// annotated and walrus assignments), literal constants, and lambda bodies.
extension PythonStructure {
    static let skippedStatements: Set<String> = ["import", "from", "global", "nonlocal", "pass", "break", "continue"]
    static let expressionKeywords: Set<String> = ["return", "raise", "assert", "del", "yield"]

    /// Every expression in `range` goes through the shared scanner (and/or, conditional
    /// expressions, comprehensions); walrus targets become aliases.
    mutating func scanExpression(_ range: Range<Int>) {
        let r = max(0, range.lowerBound)..<min(n, max(range.lowerBound, range.upperBound))
        guard !r.isEmpty else { return }
        scanner.scan(r, into: &builder)
        walruses(in: r)
    }

    /// One logical line of `;`-separated simple statements.
    mutating func simpleStatements(_ line: Range<Int>) {
        var start = line.lowerBound
        for p in topLevel(line) + [line.upperBound] where p == line.upperBound || isPunctuation(p, ";") {
            simpleStatement(start..<p, next: min(p + 1, n))
            start = p + 1
        }
    }

    mutating func simpleStatement(_ r: Range<Int>, next: Int) {
        guard !r.isEmpty else { return }
        let first = tokens[r.lowerBound]
        if first.kind == .keyword && Self.skippedStatements.contains(first.text) { return }
        if first.kind == .keyword && Self.expressionKeywords.contains(first.text) {
            scanExpression(r.lowerBound + 1..<r.upperBound)
            return
        }
        assignment(r, next: next)
        scanExpression(r)
    }

    /// `NAME = value` and `NAME: T = value`: an alias candidate for the rest of the scope and,
    /// with a literal value, a constant. Other targets (tuples, attributes, chains) only bind.
    package mutating func assignment(_ r: Range<Int>, next: Int) {
        let top = topLevel(r)
        let equals = top.filter { isPunctuation($0, "=") }
        if equals.isEmpty {
            if top.count >= 2, tokens[r.lowerBound].kind == .identifier, tokens[top[1]].kind == .punctuation,
               tokens[top[1]].text.count >= 2, tokens[top[1]].text.hasSuffix("=") {
                bind(tokens[r.lowerBound].text)  // augmented assignment rebinds
            }
            return
        }
        for t in top where tokens[t].kind == .identifier && (t + 1 < n && isPunctuation(t + 1, "=")) && t < equals[equals.count - 1] {
            bind(tokens[t].text)
        }
        guard equals.count == 1, tokens[r.lowerBound].kind == .identifier else { return }
        let q = equals[0]
        let annotated = q > r.lowerBound + 2 && isPunctuation(r.lowerBound + 1, ":")
        guard q == r.lowerBound + 1 || annotated else { return }
        let nameToken = r.lowerBound
        let name = tokens[nameToken].text
        if annotated { bind(name) }
        let value = q + 1..<r.upperBound
        // A class attribute is not an alias: methods do not see it as a bare name (and the
        // aliases of docs/semantics.md are locals). It still serves as a constant for keys and defaults.
        if scopes.last?.kind != .classBody {
            builder.assignment(name: name, nameToken: nameToken, value: value, visible: next..<max(next, scopeEnd))
        }
        if let literal = literalValue(value) {
            addConstant(name: name, nameToken: nameToken, value: literal)
        } else if let target = NamePath.reference(tokens, value, swift: false), target.names != [name] {
            addConstant(name: name, nameToken: nameToken, value: .alias(target))
        }
    }

    package mutating func bind(_ name: String) {
        guard !name.isEmpty else { return }
        bindings[bindingKey(name), default: 0] += 1
    }

    func bindingKey(_ name: String) -> String {
        "\(scopes.last?.body.lowerBound ?? -1):\(name)"
    }

    mutating func addConstant(name: String, nameToken: Int, value: ConstantDefinition.Value) {
        let function = scopes.lastIndex(where: { $0.kind == .function })
        let classes = scopes[(function.map { $0 + 1 } ?? 0)...].filter { $0.kind == .classBody }.map(\.name)
        let scope = function.map { scopes[$0].body }
        let definition = ConstantDefinition(name: name, qualifiers: classes, value: value,
                                            offset: tokens[nameToken].start, scope: scope)
        candidates.append(Candidate(definition: definition, bindingKey: bindingKey(name)))
    }

    /// A string (adjacent literals concatenate), `True`/`False`, or an integer, optionally
    /// parenthesised.
    func literalValue(_ range: Range<Int>) -> ConstantDefinition.Value? {
        var r = range
        if r.count >= 2 && isPunctuation(r.lowerBound, "(") && Int(partners[r.lowerBound]) == r.upperBound - 1 {
            r = r.lowerBound + 1..<r.upperBound - 1
        }
        guard !r.isEmpty else { return nil }
        if r.allSatisfy({ tokens[$0].kind == .string }) {
            var value = ""
            for k in r {
                guard let piece = tokens[k].stringValue else { return nil }
                value += piece
            }
            return .string(value)
        }
        if r.count == 1 && isKeyword(r.lowerBound, "True") { return .bool(true) }
        if r.count == 1 && isKeyword(r.lowerBound, "False") { return .bool(false) }
        var negative = false
        if r.count == 2 && isPunctuation(r.lowerBound, "-") {
            negative = true
            r = r.lowerBound + 1..<r.upperBound
        }
        guard r.count == 1, tokens[r.lowerBound].kind == .number, let v = Self.integer(tokens[r.lowerBound].text) else { return nil }
        return .integer(negative ? -v : v)
    }

    package static func integer(_ spelling: String) -> Int? {
        let digits = String(spelling.filter { $0 != "_" }).lowercased()
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where digits.hasPrefix(prefix) {
            return Int(digits.dropFirst(2), radix: radix)
        }
        return Int(digits)
    }

    /// `(name := value)`: an alias visible from the end of the value to the end of the function.
    mutating func walruses(in r: Range<Int>) {
        for k in r where isPunctuation(k, ":=") && k > r.lowerBound && tokens[k - 1].kind == .identifier {
            var p = k + 1
            while p < r.upperBound {
                if let end = groupEnd(p, limit: r.upperBound) {
                    p = end
                    continue
                }
                let t = tokens[p]
                if t.kind == .layout || t.isCloseBracket || (t.kind == .punctuation && (t.text == "," || t.text == ":" || t.text == ";"))
                    || (t.kind == .keyword && (t.text == "for" || t.text == "async")) {
                    break
                }
                p += 1
            }
            bind(tokens[k - 1].text)
            builder.assignment(name: tokens[k - 1].text, nameToken: k - 1, value: k + 1..<p, visible: p..<max(p, functionEnd))
        }
    }

    /// Registers every lambda body as a function boundary. One pass with a stack: a lambda's
    /// body runs from its `:` to the first `,`, `:`, `for`, closing bracket or line end at
    /// its own bracket depth.
    mutating func lambdas() {
        struct Open {
            var depth: Int
            var bodyStart: Int?
        }
        var stack: [Open] = []
        var depth = 0
        func closeBodies(atDepth level: Int, at end: Int, _ builder: inout ControlTreeBuilder, _ stack: inout [Open]) {
            while let top = stack.last, let body = top.bodyStart, top.depth >= level {
                builder.function(body: body..<end)
                stack.removeLast()
            }
        }
        for k in 0..<n {
            let t = tokens[k]
            switch t.kind {
            case .layout:
                while let top = stack.popLast() {
                    if let body = top.bodyStart { builder.function(body: body..<k) }
                }
                depth = 0
            case .keyword where t.text == "lambda":
                stack.append(Open(depth: depth, bodyStart: nil))
            case .keyword where t.text == "for" || t.text == "async":
                closeBodies(atDepth: depth, at: k, &builder, &stack)
            case .punctuation:
                if t.isOpenBracket {
                    depth += 1
                } else if t.isCloseBracket {
                    depth = max(0, depth - 1)
                    while let top = stack.last, top.depth > depth {
                        if let body = top.bodyStart { builder.function(body: body..<k) }
                        stack.removeLast()
                    }
                } else if t.text == "," || t.text == ";" {
                    closeBodies(atDepth: depth, at: k, &builder, &stack)
                } else if t.text == ":" {
                    // The colon of a lambda still reading its parameters belongs to it; any
                    // other colon at a body's depth ends that body (`{k: lambda: 1, j: 2}`).
                    if let top = stack.last, top.bodyStart == nil, top.depth == depth {
                        stack[stack.count - 1].bodyStart = k + 1
                        continue
                    }
                    closeBodies(atDepth: depth, at: k, &builder, &stack)
                    if let top = stack.last, top.bodyStart == nil, top.depth == depth {
                        stack[stack.count - 1].bodyStart = k + 1
                    }
                }
            default:
                break
            }
        }
        while let top = stack.popLast() {
            if let body = top.bodyStart { builder.function(body: body..<n) }
        }
    }
}
