import FlaglintSyntax

/// Recognises Python statements in a token stream and reports them to a `ControlTreeBuilder`
/// (which owns the docs/semantics.md semantics); collects literal constants on the way.
///
/// One forward walk over statements. A compound statement is handled when its first header
/// is reached: the INDENT/DEDENT partner table gives every suite's extent at once, so the
/// whole `if`/`elif`/`else` chain is known without recursion; the walk then continues into
/// the first suite, and later headers of the chain are only stepped over.
struct PythonStructure {
    package let tokens: [Token]
    package let partners: [Int32]
    package let n: Int
    /// For an INDENT its DEDENT and vice versa; -1 elsewhere.
    let blockPartner: [Int32]
    /// The first layout token at or after each index (`n` when none).
    let nextLayout: [Int32]
    package let scanner: ExpressionScanner
    package var builder: ControlTreeBuilder
    /// Headers already reported with their chain: the walk resumes at the stored index.
    var continuation: [Int: Int] = [:]
    var scopes: [Scope] = []
    package var candidates: [Candidate] = []
    /// How often each name is bound per scope: a name bound twice is not a constant.
    package var bindings: [String: Int] = [:]
    /// Decorator expressions read since the last statement: they control the body of the
    /// `def`/`class` they decorate (django-waffle's `@waffle_flag("x")` runs the view only
    /// when the flag is on).
    package var decorators: [Range<Int>] = []

    struct Scope {
        package enum Kind { case function, classBody }
        package var kind: Kind
        package var name: String
        package var body: Range<Int>
    }

    struct Candidate {
        package var definition: ConstantDefinition
        var bindingKey: String
    }

    struct Suite {
        package var body: Range<Int>
        /// The first token after the suite (the next statement at the header's level).
        package var next: Int
        var isBlock: Bool
    }

    package init(tokens: [Token], partners: [Int32]) {
        self.tokens = tokens
        self.partners = partners
        self.n = tokens.count
        var block = [Int32](repeating: -1, count: tokens.count)
        var open: [Int] = []
        for (i, t) in tokens.enumerated() where t.kind == .layout {
            if t.text == "<indent>" {
                open.append(i)
            } else if t.text == "<dedent>", let o = open.popLast() {
                block[o] = Int32(i)
                block[i] = Int32(o)
            }
        }
        self.blockPartner = block
        var next = [Int32](repeating: Int32(tokens.count), count: tokens.count + 1)
        var k = tokens.count - 1
        while k >= 0 {
            next[k] = tokens[k].kind == .layout ? Int32(k) : next[k + 1]
            k -= 1
        }
        self.nextLayout = next
        self.scanner = ExpressionScanner(tokens: tokens, partners: partners, syntax: .python)
        self.builder = ControlTreeBuilder(tokenCount: tokens.count)
    }

    package static func build(tokens: [Token], partners: [Int32]) -> (ControlTree, [ConstantDefinition]) {
        var structure = PythonStructure(tokens: tokens, partners: partners)
        structure.walk()
        structure.lambdas()
        let constants = structure.candidates
            .filter { structure.bindings[$0.bindingKey, default: 0] == 1 }
            .map(\.definition)
        return (structure.builder.finish(), constants)
    }

    // MARK: Token helpers

    func isKeyword(_ i: Int, _ word: String) -> Bool {
        i < n && tokens[i].kind == .keyword && tokens[i].text == word
    }

    func isPunctuation(_ i: Int, _ text: String) -> Bool {
        i < n && tokens[i].kind == .punctuation && tokens[i].text == text
    }

    func isLayout(_ i: Int, _ text: String) -> Bool {
        i < n && tokens[i].kind == .layout && tokens[i].text == text
    }

    func lineEnd(_ i: Int) -> Int { Int(nextLayout[min(max(i, 0), n)]) }

    /// Index just past the bracket group opening at `i`, when it closes before `limit`.
    func groupEnd(_ i: Int, limit: Int) -> Int? {
        guard tokens[i].isOpenBracket else { return nil }
        let p = Int(partners[i])
        return p > i && p < limit ? p + 1 : nil
    }

    /// Top-level token indices of `r`, bracket groups stepped over.
    func topLevel(_ r: Range<Int>) -> [Int] {
        var out: [Int] = []
        var p = r.lowerBound
        while p < r.upperBound {
            out.append(p)
            p = groupEnd(p, limit: r.upperBound) ?? p + 1
        }
        return out
    }

    /// The `:` ending a compound statement's header; a `lambda` in the header owns the next one.
    func headerColon(from: Int, to end: Int) -> Int? {
        var lambdas = 0
        for p in topLevel(from..<end) {
            if isKeyword(p, "lambda") {
                lambdas += 1
            } else if isPunctuation(p, ":") {
                if lambdas == 0 { return p }
                lambdas -= 1
            }
        }
        return nil
    }

    func suite(afterColon c: Int) -> Suite {
        guard c < n else { return Suite(body: n..<n, next: n, isBlock: false) }
        if isLayout(c, "\n") {
            if isLayout(c + 1, "<indent>") {
                let d = blockPartner[c + 1] >= 0 ? Int(blockPartner[c + 1]) : n
                return Suite(body: c + 2..<d, next: min(d + 1, n), isBlock: true)
            }
            return Suite(body: c..<c, next: c + 1, isBlock: false)
        }
        let e = lineEnd(c)
        return Suite(body: c..<e, next: isLayout(e, "\n") ? e + 1 : e, isBlock: false)
    }

    package func header(_ keyword: Int) -> (colon: Int, suite: Suite)? {
        guard let colon = headerColon(from: keyword + 1, to: lineEnd(keyword)) else { return nil }
        return (colon, suite(afterColon: colon + 1))
    }

    /// The end of the innermost function or class (module level: the file end).
    var scopeEnd: Int { scopes.last?.body.upperBound ?? n }

    var functionEnd: Int {
        scopes.last(where: { $0.kind == .function })?.body.upperBound ?? n
    }

    // MARK: Statements

    package mutating func walk() {
        var i = 0
        while i < n {
            while let s = scopes.last, i >= s.body.upperBound { scopes.removeLast() }
            if tokens[i].kind == .layout {
                i += 1
            } else if let resume = continuation[i] {
                i = max(resume, i + 1)
            } else {
                i = max(statement(at: i), i + 1)
            }
        }
    }

    /// Handles the statement starting at `i`; returns where the walk continues.
    package mutating func statement(at i: Int) -> Int {
        let t = tokens[i]
        let end = lineEnd(i)
        if t.kind == .punctuation && t.text == "@" {
            scanExpression(i + 1..<end)
            decorators.append(i + 1..<end)
            return end
        }
        let decorating = decorators
        decorators = []
        if t.kind == .keyword, t.text == "def" || t.text == "class" || (t.text == "async" && isKeyword(i + 1, "def")),
           !decorating.isEmpty, let (_, s) = header(t.text == "async" ? i + 1 : i) {
            for d in decorating { builder.decision([DecisionArm(condition: d, body: s.body)], statementEnd: s.next) }
        }
        if t.kind == .keyword {
            switch t.text {
            case "if": return ifChain(i)
            case "while": return whileLoop(i)
            case "for": return forLoop(i)
            case "def": return functionDefinition(start: i, keyword: i)
            case "class": return classDefinition(i)
            case "with", "elif", "except": return plainBlock(i, expressionFrom: i + 1)
            case "try": return tryStatement(i)
            case "else", "finally": return plainBlock(i, expressionFrom: nil)
            case "async":
                if isKeyword(i + 1, "def") { return functionDefinition(start: i, keyword: i + 1) }
                if isKeyword(i + 1, "for") { return forLoop(i + 1) }
                if isKeyword(i + 1, "with") { return plainBlock(i + 1, expressionFrom: i + 2) }
            default: break
            }
        }
        if t.kind == .identifier && t.text == "match", let next = matchStatement(i) {
            return next
        }
        simpleStatements(i..<end)
        return end
    }

    mutating func ifChain(_ i: Int) -> Int {
        guard let (colon, first) = header(i).map({ ($0.colon, $0.suite) }) else {
            scanExpression(i + 1..<lineEnd(i))
            return lineEnd(i)
        }
        scanExpression(i + 1..<colon)
        var arms = [DecisionArm(condition: i + 1..<colon, body: first.body, exit: exitKind(first))]
        var next = first.next
        while isKeyword(next, "elif") || isKeyword(next, "else"), let (c, s) = header(next).map({ ($0.colon, $0.suite) }) {
            continuation[next] = c + 1
            if isKeyword(next, "elif") {
                scanExpression(next + 1..<c)
                arms.append(DecisionArm(condition: next + 1..<c, body: s.body, exit: exitKind(s)))
                next = s.next
            } else {
                arms.append(DecisionArm(condition: nil, body: s.body, exit: exitKind(s)))
                next = s.next
                break
            }
        }
        builder.decision(arms, statementEnd: next)
        return colon + 1
    }

    mutating func whileLoop(_ i: Int) -> Int {
        guard let (colon, s) = header(i) else {
            scanExpression(i + 1..<lineEnd(i))
            return lineEnd(i)
        }
        let condition = i + 1..<colon
        scanExpression(condition)
        builder.loop(header: condition, body: s.body, controlsBody: true)
        // `while G: ... else:` runs its else when G turns false: G decides it like an `if`.
        if isKeyword(s.next, "else"), let (c, e) = header(s.next) {
            continuation[s.next] = c + 1
            builder.decision([DecisionArm(condition: condition, body: e.body, exit: exitKind(e))], statementEnd: e.next)
        }
        return colon + 1
    }

    mutating func forLoop(_ keyword: Int) -> Int {
        guard let (colon, s) = header(keyword) else {
            scanExpression(keyword + 1..<lineEnd(keyword))
            return lineEnd(keyword)
        }
        scanExpression(keyword + 1..<colon)
        builder.loop(header: nil, body: s.body, controlsBody: false)
        return colon + 1
    }

    mutating func plainBlock(_ keyword: Int, expressionFrom: Int?) -> Int {
        guard let (colon, _) = header(keyword) else {
            let end = lineEnd(keyword)
            simpleStatements(keyword + 1..<end)
            return end
        }
        if let from = expressionFrom { scanExpression(from..<colon) }
        return colon + 1
    }

    /// `try:` with an `except` clause (any, conservatively): a `raise` in its suite leaves
    /// only the suite. The clauses themselves are plain blocks.
    mutating func tryStatement(_ i: Int) -> Int {
        guard let (colon, s) = header(i) else { return plainBlock(i, expressionFrom: nil) }
        if isKeyword(s.next, "except") { builder.catchingBlock(body: s.body) }
        return colon + 1
    }

    mutating func classDefinition(_ i: Int) -> Int {
        guard let (colon, s) = header(i) else {
            builder.declaration(i..<lineEnd(i))
            return lineEnd(i)
        }
        builder.declaration(i..<colon + 1)
        builder.classBody(s.body)
        let name = tokens[min(i + 1, colon)].kind == .identifier ? tokens[i + 1].text : ""
        scopes.append(Scope(kind: .classBody, name: name, body: s.body))
        return colon + 1
    }

    mutating func functionDefinition(start: Int, keyword: Int) -> Int {
        guard let (colon, s) = header(keyword) else {
            builder.declaration(start..<lineEnd(start))
            return lineEnd(start)
        }
        // Default values are code that runs; one holding a call is carved out of the
        // declaration so that an evaluation there is still found.
        var carved: [Range<Int>] = []
        if isPunctuation(keyword + 2, "("), let close = groupEnd(keyword + 2, limit: colon) {
            var segmentStart = keyword + 3
            for p in topLevel(keyword + 3..<close) {
                let atEnd = p == close - 1
                guard isPunctuation(p, ",") || atEnd else { continue }
                let segment = segmentStart..<p
                if let eq = topLevel(segment).first(where: { isPunctuation($0, "=") }) {
                    let value = eq + 1..<p
                    scanExpression(value)
                    if value.contains(where: { tokens[$0].isOpenBracket }) { carved.append(value) }
                }
                segmentStart = p + 1
            }
        }
        var from = start
        for c in carved {
            builder.declaration(from..<c.lowerBound)
            from = c.upperBound
        }
        builder.declaration(from..<colon + 1)
        builder.function(body: s.body)
        let name = keyword + 1 < colon && tokens[keyword + 1].kind == .identifier ? tokens[keyword + 1].text : ""
        bind(name)
        scopes.append(Scope(kind: .function, name: name, body: s.body))
        return colon + 1
    }

    /// `match subject:` followed by an indented block of `case` clauses; `nil` when the soft
    /// keyword is an ordinary name here.
    mutating func matchStatement(_ i: Int) -> Int? {
        let end = lineEnd(i)
        guard let colon = headerColon(from: i + 1, to: end), colon > i + 1, colon == end - 1,
              isLayout(end, "\n"), isLayout(end + 1, "<indent>"),
              end + 2 < n, tokens[end + 2].kind == .identifier, tokens[end + 2].text == "case" else { return nil }
        let subject = i + 1..<colon
        scanExpression(subject)
        let blockEnd = blockPartner[end + 1] >= 0 ? Int(blockPartner[end + 1]) : n
        var cases: [SwitchCase] = []
        var c = end + 2
        while c < blockEnd {
            if tokens[c].kind == .layout {
                c += 1
                continue
            }
            let le = lineEnd(c)
            if tokens[c].kind == .identifier && tokens[c].text == "case", let caseColon = headerColon(from: c + 1, to: le) {
                let s = suite(afterColon: caseColon + 1)
                var guardCondition: Range<Int>?
                if let g = topLevel(c + 1..<caseColon).first(where: { isKeyword($0, "if") }) {
                    guardCondition = g + 1..<caseColon
                    scanExpression(g + 1..<caseColon)
                }
                cases.append(SwitchCase(guardCondition: guardCondition, body: s.body))
                continuation[c] = caseColon + 1
                c = max(s.next, c + 1)
            } else {
                c = isLayout(le, "\n") && isLayout(le + 1, "<indent>") && blockPartner[le + 1] >= 0
                    ? Int(blockPartner[le + 1]) + 1 : le + 1
            }
        }
        builder.switchStatement(subject: subject, cases: cases)
        return colon + 1
    }

    static let compoundKeywords: Set<String> = [
        "if", "elif", "else", "while", "for", "with", "try", "except", "finally", "def", "class", "async",
    ]

    /// The exit a suite ends with, judged by its last statement only (docs/semantics.md: an exit
    /// nested deeper than the branch's own body does not count).
    func exitKind(_ s: Suite) -> ExitKind? {
        guard !s.body.isEmpty else { return nil }
        var lineStart = s.body.lowerBound
        var lineEnd = s.body.upperBound
        if s.isBlock {
            let last = s.body.upperBound - 1
            // A suite ending in a nested block ends with a DEDENT, not a simple statement.
            guard isLayout(last, "\n") else { return nil }
            var p = last - 1
            while p >= s.body.lowerBound && tokens[p].kind != .layout { p -= 1 }
            lineStart = p + 1
            lineEnd = last
        }
        while lineEnd > lineStart && isPunctuation(lineEnd - 1, ";") { lineEnd -= 1 }
        guard lineStart < lineEnd else { return nil }
        if tokens[lineStart].kind == .keyword && Self.compoundKeywords.contains(tokens[lineStart].text) { return nil }
        if tokens[lineStart].kind == .identifier && (tokens[lineStart].text == "match" || tokens[lineStart].text == "case"),
           headerColon(from: lineStart + 1, to: lineEnd) != nil { return nil }
        var statementStart = lineStart
        for p in topLevel(lineStart..<lineEnd) where isPunctuation(p, ";") { statementStart = p + 1 }
        return exitOf(statementStart..<lineEnd)
    }

    static let exitCalls: Set<String> = ["exit", "quit", "sys.exit", "os._exit", "os.abort"]

    func exitOf(_ r: Range<Int>) -> ExitKind? {
        guard !r.isEmpty else { return nil }
        let first = tokens[r.lowerBound]
        if first.kind == .keyword {
            switch first.text {
            case "return": return .function
            case "raise": return .thrown
            case "break": return .loop
            case "continue": return .continueLoop
            default: return nil
            }
        }
        let last = r.upperBound - 1
        guard isPunctuation(last, ")") else { return nil }
        let open = Int(partners[last])
        guard open > r.lowerBound, open < last else { return nil }
        let callee = tokens[r.lowerBound..<open].map(\.text).joined()
        return Self.exitCalls.contains(callee) ? .function : nil
    }
}
