import FlaglintSyntax

/// How a language spells the expression-level control constructs.
public struct ExpressionSyntax: Sendable {
    public enum Conditional: Sendable {
        /// `c ? a : b`; the predicate tells a ternary `?` from other uses (Swift optionals).
        case questionColon(isQuestion: @Sendable (Token) -> Bool)
        /// Python `a if c else b`.
        case ifElse
    }
    public var shortCircuit: Set<String>
    public var conditional: Conditional
    /// Top-level tokens that separate independent expressions (`,`, `;`, `=`, ...).
    public var delimiters: Set<String>
    /// Swift and the C family: `{ ... }` is a body of statements (closure, lambda, block),
    /// parsed by the frontend as statements, so the scanner does not enter it.
    public var bracesAreBodies: Bool
    /// Python: `for`/`if` clauses inside brackets form comprehensions.
    public var comprehensions: Bool

    public init(shortCircuit: Set<String>, conditional: Conditional, delimiters: Set<String>, bracesAreBodies: Bool, comprehensions: Bool) {
        self.shortCircuit = shortCircuit
        self.conditional = conditional
        self.delimiters = delimiters
        self.bracesAreBodies = bracesAreBodies
        self.comprehensions = comprehensions
    }

    package static let assignments: Set<String> = ["=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&&=", "||=", "??="]

    public static let swift = ExpressionSyntax(
        shortCircuit: ["&&", "||"],
        conditional: .questionColon(isQuestion: { $0.kind == .punctuation && $0.text == "?" && $0.flags.contains(.spaceBefore) && $0.flags.contains(.spaceAfter) }),
        delimiters: assignments.union([",", ";"]), bracesAreBodies: true, comprehensions: false)

    public static let cFamily = ExpressionSyntax(
        shortCircuit: ["&&", "||", "and", "or"],
        conditional: .questionColon(isQuestion: { $0.kind == .punctuation && $0.text == "?" }),
        delimiters: assignments.union([",", ";"]), bracesAreBodies: true, comprehensions: false)

    public static let python = ExpressionSyntax(
        shortCircuit: ["and", "or"],
        conditional: .ifElse,
        delimiters: assignments.union([",", ";", ":", ":=", "**=", "//=", "@="]), bracesAreBodies: false, comprehensions: true)
}

/// Finds the expression-level control structure (short-circuit operators, conditional
/// expressions, comprehensions) in token ranges and reports it to a `ControlTreeBuilder`.
/// Works with an explicit stack: nesting depth costs memory, never call-stack depth.
public struct ExpressionScanner {
    public let tokens: [Token]
    public let partners: [Int32]
    public let syntax: ExpressionSyntax
    private let delimiters: QuickSet
    private let shortCircuit: QuickSet

    public init(tokens: [Token], partners: [Int32], syntax: ExpressionSyntax) {
        self.tokens = tokens
        self.partners = partners
        self.syntax = syntax
        self.delimiters = QuickSet(syntax.delimiters)
        self.shortCircuit = QuickSet(syntax.shortCircuit)
    }

    /// A set of short strings asked about for every token: the length and first byte rule
    /// out almost every token before the set is hashed.
    private struct QuickSet {
        let set: Set<String>
        var lengths: UInt64 = 0
        var firstBytes = [Bool](repeating: false, count: 256)

        init(_ set: Set<String>) {
            self.set = set
            for w in set {
                let n = w.utf8.count
                lengths |= n < 64 ? 1 << UInt64(n) : 1 << 63
                if let b = w.utf8.first { firstBytes[Int(b)] = true }
            }
        }

        func contains(_ s: String) -> Bool {
            let u = s.utf8
            let n = u.count
            guard lengths & (n < 64 ? 1 << UInt64(n) : 1 << 63) != 0, let b = u.first, firstBytes[Int(b)] else { return n == 0 && set.contains(s) }
            return set.contains(s)
        }
    }

    private enum Work {
        /// A range that may hold delimiters and bracket groups.
        case range(Range<Int>, commaIsAnd: Bool)
        /// A delimiter-free expression.
        case segment(Range<Int>)
        /// A part (condition or branch) of a conditional inside an analysed segment.
        case part(Range<Int>, layer: Int)
    }

    /// A segment's top-level tokens and its conditional pairs (`?` → `:`, `if` → `else`),
    /// computed once so that nested conditionals cost no rescanning.
    private struct Layer {
        var top: [Int]
        var pairs: [Int: Int]
    }

    /// Scans `range`. With `commaIsAnd` (Swift condition lists `if a, b`), each top-level
    /// comma acts like `&&`: what follows it is controlled by what precedes it.
    public func scan(_ range: Range<Int>, commaIsAnd: Bool = false, into builder: inout ControlTreeBuilder) {
        // Most ranges (plain calls, assignments, declarations) hold no operator that makes
        // control structure: one pass over their tokens says so without any allocation.
        if !commaIsAnd && !mayHoldControl(clamp(range)) { return }
        var work: [Work] = [.range(clamp(range), commaIsAnd: commaIsAnd)]
        var layers: [Layer] = []
        while let item = work.popLast() {
            switch item {
            case let .range(r, commaIsAnd):
                split(r, commaIsAnd: commaIsAnd, work: &work, builder: &builder)
            case let .segment(s):
                let top = topLevel(s)
                layers.append(Layer(top: top, pairs: pairs(top)))
                analyze(s, layer: layers.count - 1, layers: layers, work: &work, builder: &builder)
            case let .part(s, layer):
                analyze(s, layer: layer, layers: layers, work: &work, builder: &builder)
            }
        }
    }

    /// False only when no token of `r`, at any depth, is a short-circuit operator or a
    /// conditional opener: then scanning `r` would report nothing.
    /// Bodies (`{ ... }` in Swift and the C family) are skipped: the frontend scans their
    /// statements itself, and looking inside would make nested closures quadratic.
    private func mayHoldControl(_ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound {
            if tokens[i].kind == .string || tokens[i].kind == .number { i += 1; continue }
            if isBody(i), let end = groupEnd(i, limit: r.upperBound) { i = end; continue }
            if shortCircuit.contains(tokens[i].text) || isQuestion(i) { return true }
            i += 1
        }
        return false
    }

    private func clamp(_ r: Range<Int>) -> Range<Int> {
        max(0, min(r.lowerBound, tokens.count))..<max(0, min(r.upperBound, tokens.count))
    }

    /// The index just past the bracket group opening at `i`, or nil when `i` is no opener
    /// or its partner lies outside `limit`.
    private func groupEnd(_ i: Int, limit: Int) -> Int? {
        guard tokens[i].isOpenBracket else { return nil }
        let p = Int(partners[i])
        return p > i && p < limit ? p + 1 : nil
    }

    private func isBody(_ i: Int) -> Bool { syntax.bracesAreBodies && tokens[i].text.utf8.count == 1 && tokens[i].text == "{" }

    private func split(_ r: Range<Int>, commaIsAnd: Bool, work: inout [Work], builder: inout ControlTreeBuilder) {
        // `[f(k) for k, v in items if g]`: a comprehension's commas and colons belong to it.
        if syntax.comprehensions, let first = topLevel(r).first(where: { isKeyword($0, "for") }), first > r.lowerBound {
            work.append(.segment(r))
            return
        }
        var segStart = r.lowerBound
        var i = r.lowerBound
        while i < r.upperBound {
            if let end = groupEnd(i, limit: r.upperBound) {
                if !isBody(i) { work.append(.range(i + 1..<end - 1, commaIsAnd: false)) }
                i = end
                continue
            }
            if tokens[i].kind == .punctuation && delimiters.contains(tokens[i].text) {
                if commaIsAnd && tokens[i].text == "," {
                    builder.shortCircuit(lhs: r.lowerBound..<i, rhs: i + 1..<r.upperBound)
                }
                if segStart < i { work.append(.segment(segStart..<i)) }
                segStart = i + 1
            }
            i += 1
        }
        if segStart < r.upperBound { work.append(.segment(segStart..<r.upperBound)) }
    }

    /// Top-level token indices of `s` (bracket groups skipped).
    private func topLevel(_ s: Range<Int>) -> [Int] {
        var out: [Int] = []
        var i = s.lowerBound
        while i < s.upperBound {
            out.append(i)
            i = groupEnd(i, limit: s.upperBound) ?? (i + 1)
        }
        return out
    }

    private func isKeyword(_ i: Int, _ word: String) -> Bool {
        (tokens[i].kind == .keyword || tokens[i].kind == .identifier) && tokens[i].text == word
    }

    private func isQuestion(_ i: Int) -> Bool {
        switch syntax.conditional {
        case let .questionColon(isQuestion): return isQuestion(tokens[i])
        case .ifElse: return isKeyword(i, "if")
        }
    }

    private func isColon(_ i: Int) -> Bool {
        switch syntax.conditional {
        case .questionColon: return tokens[i].kind == .punctuation && tokens[i].text.utf8.count == 1 && tokens[i].text == ":"
        case .ifElse: return isKeyword(i, "else")
        }
    }

    /// Pairs every conditional opener with its closer in one stack pass.
    private func pairs(_ top: [Int]) -> [Int: Int] {
        var out: [Int: Int] = [:]
        var open: [Int] = []
        for i in top {
            if isQuestion(i) { open.append(i) }
            else if isColon(i), let q = open.popLast() { out[q] = i }
        }
        return out
    }

    private func analyze(_ s: Range<Int>, layer: Int, layers: [Layer], work: inout [Work], builder: inout ControlTreeBuilder) {
        let all = layers[layer].top
        let top = all[SortedSearch.lowerBound(all, s.lowerBound)..<SortedSearch.lowerBound(all, s.upperBound)]
        if syntax.comprehensions, let f = top.firstIndex(where: { isKeyword($0, "for") }), top[f] > s.lowerBound {
            comprehension(s, top: Array(top), firstFor: f - top.startIndex, work: &work, builder: &builder)
            return
        }
        // The first conditional opener at this level (Python: not at the start, `a if c else b`).
        if let q = top.first(where: { isQuestion($0) && (syntax.comprehensions ? $0 > s.lowerBound : true) }),
           let colon = layers[layer].pairs[q], colon < s.upperBound {
            let first: Range<Int>, second: Range<Int>, other = colon + 1..<s.upperBound
            switch syntax.conditional {
            case .questionColon:
                first = s.lowerBound..<q          // condition
                second = q + 1..<colon            // then
                builder.ternary(condition: first, branches: [second, other])
            case .ifElse:
                first = q + 1..<colon             // condition
                second = s.lowerBound..<q         // then
                builder.ternary(condition: first, branches: [second, other])
            }
            work.append(.part(first, layer: layer)); work.append(.part(second, layer: layer)); work.append(.part(other, layer: layer))
            return
        }
        // `a && b && c`: each operator makes everything right of it depend on the operand just
        // left of it; regions nest, so `c` depends on `a` and `b` and condition sizes stay linear.
        var operandStart = s.lowerBound
        for i in top where (tokens[i].kind == .punctuation || tokens[i].kind == .keyword || tokens[i].kind == .identifier)
            && shortCircuit.contains(tokens[i].text) {
            builder.shortCircuit(lhs: operandStart..<i, rhs: i + 1..<s.upperBound)
            operandStart = i + 1
        }
    }

    /// `element for x in xs if c for y in ys if d`: each `if` clause controls the element and
    /// every later clause.
    private func comprehension(_ s: Range<Int>, top: [Int], firstFor: Int, work: inout [Work], builder: inout ControlTreeBuilder) {
        var elementEnd = top[firstFor]
        if firstFor > 0 && isKeyword(top[firstFor - 1], "async") { elementEnd = top[firstFor - 1] }
        let element = s.lowerBound..<elementEnd
        // Clause starts: every top-level `for` / `async` / `if` after the element.
        var starts: [Int] = []
        for k in firstFor..<top.count {
            let i = top[k]
            if isKeyword(i, "if") || (isKeyword(i, "for") && !(k > 0 && isKeyword(top[k - 1], "async"))) || isKeyword(i, "async") {
                starts.append(i)
            }
        }
        var clauses: [(keyword: Int, body: Range<Int>)] = []
        for (n, st) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1] : s.upperBound
            let kw = isKeyword(st, "async") ? st + 1 : st
            clauses.append((st, kw + 1..<end))
        }
        // As ranges, not segments: a comprehension inside the element or a clause (in brackets)
        // is analysed too, and its regions nest inside the outer clauses' regions.
        work.append(.range(element, commaIsAnd: false))
        for (n, c) in clauses.enumerated() {
            work.append(.range(c.body, commaIsAnd: false))
            if isKeyword(c.keyword, "if") {
                let later = clauses[(n + 1)...].map { $0.keyword..<$0.body.upperBound }
                builder.comprehension(condition: c.body, controlled: [element] + later)
            }
        }
    }
}
