import FlaglintSyntax

/// Recognises the statement structure of C, C++, Objective-C and Objective-C++ on the
/// token stream and reports it to a `ControlTreeBuilder`; also finds the file's constants.
///
/// Deliberately not clang's AST: without the project's headers the AST drops whole
/// functions. All nesting lives on an explicit work list, so 10,000 nested blocks cost
/// memory, never call-stack depth; every bracket lookup is clamped to the range being
/// parsed, so unbalanced (half-written) code degrades instead of failing.
struct CStructureParser {
    package struct Output {
        package var control: ControlTree
        package var constants: [ConstantDefinition]
        package var partners: [Int32]
    }

    package enum Block: Equatable {
        case plain
        case switchBody(subject: Range<Int>)
    }

    enum Work {
        /// File, namespace, class or `extern "C"` level.
        case declarations(Range<Int>, qualifiers: [String])
        /// The statements of a function body, block, or braceless branch body.
        case statements(Range<Int>, Block)
        /// An expression (brace initialiser contents).
        case expression(Range<Int>)
    }

    struct PendingDecision {
        package var arms: [(condition: Range<Int>?, body: Range<Int>)]
        package var end: Int
    }

    package let t: [Token]
    package let partners: [Int32]
    package let scanner: ExpressionScanner
    package var builder: ControlTreeBuilder
    package var work: [Work] = []
    package var constants: [ConstantDefinition] = []
    var decisions: [PendingDecision] = []
    /// Statement list → how its last statement leaves (nil: it does not).
    package var exits: [Range<Int>: ExitKind] = [:]

    package init(tokens: [Token]) {
        t = tokens
        partners = Brackets.match(tokens)
        scanner = ExpressionScanner(tokens: tokens, partners: partners, syntax: .cFamily)
        builder = ControlTreeBuilder(tokenCount: tokens.count)
    }

    consuming func parse() -> Output {
        work.append(.declarations(0..<t.count, qualifiers: []))
        while let item = work.popLast() {
            switch item {
            case let .declarations(r, qualifiers): declarations(r, qualifiers: qualifiers)
            case let .statements(r, block): statements(r, block)
            case let .expression(r): expression(r)
            }
        }
        // Exits are known only once every body has been read.
        for d in decisions {
            let arms = d.arms.map { DecisionArm(condition: $0.condition, body: $0.body, exit: exits[$0.body]) }
            builder.decision(arms, statementEnd: d.end)
        }
        return Output(control: builder.finish(), constants: constants, partners: partners)
    }

    // MARK: Token helpers

    func isText(_ i: Int, _ text: String) -> Bool {
        // The length test first: most mismatches then cost no string comparison.
        i >= 0 && i < t.count && t[i].text.utf8.count == text.utf8.count && t[i].kind != .string && t[i].text == text
    }

    func isWord(_ i: Int) -> Bool {
        i >= 0 && i < t.count && (t[i].kind == .identifier || t[i].kind == .keyword)
    }

    /// The partner of the opener at `i` if it lies before `limit`.
    func closer(_ i: Int, before limit: Int) -> Int? {
        guard i >= 0 && i < t.count else { return nil }
        let p = Int(partners[i])
        return p > i && p < limit ? p : nil
    }

    /// The index after the bracket group opening at `i` (the limit when it is unclosed),
    /// or `i + 1` for any other token.
    package func skip(_ i: Int, limit: Int) -> Int {
        guard t[i].isOpenBracket else { return i + 1 }
        return closer(i, before: limit).map { $0 + 1 } ?? limit
    }

    /// The first top-level token with `text` in `r`.
    func topLevel(_ text: String, in r: Range<Int>) -> Int? {
        var i = r.lowerBound
        while i < r.upperBound {
            if isText(i, text) { return i }
            i = skip(i, limit: r.upperBound)
        }
        return nil
    }

    /// Top-level comma-separated parts of `r`.
    package func split(_ r: Range<Int>) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = r.lowerBound
        var i = r.lowerBound
        while i < r.upperBound {
            if isText(i, ",") {
                parts.append(start..<i)
                start = i + 1
            }
            i = skip(i, limit: r.upperBound)
        }
        if start < r.upperBound || !parts.isEmpty { parts.append(start..<r.upperBound) }
        return parts
    }

    // MARK: Statements (function bodies)

    mutating func statements(_ r: Range<Int>, _ block: Block) {
        var i = r.lowerBound
        var lastExit: ExitKind?
        var labels: [Range<Int>] = []
        let end = r.upperBound
        while i < end {
            let tk = t[i]
            var exit: ExitKind?
            switch tk.kind == .string || tk.kind == .number ? "" : tk.text {
            case ";":
                i += 1
            case "{":
                let close = closer(i, before: end) ?? end
                work.append(.statements(i + 1..<close, .plain))
                i = min(close + 1, end)
            case "}", ")", "]":
                i += 1   // stray closer of broken code
            case "if":
                i = ifStatement(i, r)
            case "for":
                i = forStatement(i, r)
            case "while":
                i = whileStatement(i, r)
            case "do":
                i = doStatement(i, r)
            case "switch":
                i = switchStatement(i, r)
            case "case", "default":
                // `default` is a label only before `:` (not `= default;` halves of broken code).
                if tk.text == "default" && !isText(i + 1, ":") { i = statementEnd(i, limit: end); break }
                let e = labelEnd(i, limit: end)
                labels.append(i..<e)
                i = e
            case "try", "@try", "@autoreleasepool", "@synchronized":
                i = tryStatement(i, r)
            case "return", "co_return", "throw", "@throw":
                let e = statementEnd(i, limit: end)
                expression(i + 1..<(isText(e - 1, ";") ? e - 1 : e))
                exit = tk.text.hasSuffix("throw") ? .thrown : .function
                i = e
            case "break", "continue":
                exit = tk.text == "break" ? .loop : .continueLoop
                i = statementEnd(i, limit: end)
            case "else", "catch", "@catch", "@finally":
                i += 1
            default:
                if tk.kind == .identifier && isText(i + 1, ":") && !isText(i - 1, "?") {
                    i += 2   // a goto label
                    continue
                }
                let e = statementEnd(i, limit: end)
                let s = i..<(isText(e - 1, ";") ? e - 1 : e)
                simpleStatement(s, scope: r)
                if isExitCall(s) { exit = .function }
                i = e
            }
            lastExit = exit
        }
        if let lastExit { exits[r] = lastExit }
        if case let .switchBody(subject) = block {
            var cases: [SwitchCase] = []
            for (n, label) in labels.enumerated() {
                let bodyEnd = n + 1 < labels.count ? labels[n + 1].lowerBound : end
                cases.append(SwitchCase(guardCondition: nil, body: label.upperBound..<bodyEnd))
            }
            builder.switchStatement(subject: subject, cases: cases)
            builder.switchBoundary(body: r)
        }
    }

    /// An expression or declaration statement (without its `;`).
    mutating func simpleStatement(_ s: Range<Int>, scope: Range<Int>) {
        guard !s.isEmpty else { return }
        alias(s, visible: s.upperBound..<scope.upperBound)
        constant(s, qualifiers: [], scope: scope)
        expression(s)
    }

    /// `bool on = expr`, `const bool on = ...`, `auto on = ...`, `BOOL on = ...`: a local
    /// whose name in a later condition stands for the evaluation (docs/semantics.md (e)).
    private static let aliasTypes: Set<String> = ["bool", "BOOL", "_Bool", "auto", "Boolean"]
    private static let aliasModifiers: Set<String> = ["const", "constexpr", "static", "register", "volatile", "__block", "&", "&&"]
    private static let exitCalls: Set<String> = ["abort", "exit", "_Exit", "quick_exit", "terminate", "__builtin_unreachable"]
    private static let statementKeywords: Set<String> = ["if", "for", "while", "switch", "return", "do"]
    private static let callableSpecifiers: Set<String> = ["mutable", "noexcept", "constexpr", "consteval"]

    package mutating func alias(_ s: Range<Int>, visible: Range<Int>) {
        var i = s.lowerBound
        var typed = false
        // Every type and modifier is a word or `&`/`&&`: anything else ends the prefix at once.
        while i < s.upperBound && (t[i].kind == .identifier || t[i].kind == .keyword || t[i].kind == .punctuation) {
            if t[i].kind == .punctuation && t[i].text.utf8.first != UInt8(ascii: "&") { break }
            if Self.aliasTypes.contains(t[i].text) { typed = true }
            else if !Self.aliasModifiers.contains(t[i].text) { break }
            i += 1
        }
        guard typed, i + 1 < s.upperBound, t[i].kind == .identifier, isText(i + 1, "=") else { return }
        builder.assignment(name: t[i].text, nameToken: i, value: i + 2..<s.upperBound, visible: visible)
    }

    /// `abort()`, `exit(1)`, `std::abort()`, `_Exit(1)`, `std::terminate()`.
    func isExitCall(_ s: Range<Int>) -> Bool {
        var i = s.lowerBound
        if isText(i, "::") { i += 1 }
        if isText(i, "std") && isText(i + 1, "::") { i += 2 }
        guard i < s.upperBound, t[i].kind == .identifier, isText(i + 1, "(") else { return false }
        return Self.exitCalls.contains(t[i].text)
    }

    /// The index after a `case X:` / `default:` label.
    func labelEnd(_ i: Int, limit: Int) -> Int {
        var j = i + 1
        while j < limit {
            if isText(j, ":") { return j + 1 }
            if isText(j, ";") || isText(j, "{") || isText(j, "}") { return j }
            j = skip(j, limit: limit)
        }
        return limit
    }

    /// A branch or loop body at `k`: the inside of `{...}`, or one braceless statement.
    /// Queues its statements; returns the body and the index after it.
    package mutating func body(at k: Int, limit: Int) -> (Range<Int>, Int) {
        guard k < limit else { return (limit..<limit, limit) }
        if isText(k, "{") {
            let close = closer(k, before: limit) ?? limit
            let inner = k + 1..<close
            work.append(.statements(inner, .plain))
            return (inner, min(close + 1, limit))
        }
        let e = statementEnd(k, limit: limit)
        work.append(.statements(k..<e, .plain))
        return (k..<e, e)
    }

    /// `if (c) ... else if (d) ... else ...`: one decision, resolved once the bodies are read.
    mutating func ifStatement(_ i: Int, _ r: Range<Int>) -> Int {
        let limit = r.upperBound
        var arms: [(condition: Range<Int>?, body: Range<Int>)] = []
        var inits: [Range<Int>] = []
        var k = i
        var end = limit
        while true {
            var j = k + 1
            if isText(j, "constexpr") || isText(j, "consteval") { j += 1 }
            if isText(j, "!") && isText(j + 1, "consteval") { j += 2 }
            guard isText(j, "("), let close = closer(j, before: limit) else {
                end = statementEnd(k, limit: limit)
                break
            }
            var cond = j + 1..<close
            // C++17 `if (init; cond)`: only `cond` decides; `init` may name an alias.
            if let semi = topLevel(";", in: cond) {
                inits.append(cond.lowerBound..<semi)
                expression(cond.lowerBound..<semi)
                cond = semi + 1..<close
            }
            expression(cond)
            let (b, next) = body(at: close + 1, limit: limit)
            arms.append((cond, b))
            if isText(next, "else") {
                if isText(next + 1, "if") {
                    k = next + 1
                    continue
                }
                let (eb, en) = body(at: next + 1, limit: limit)
                arms.append((nil, eb))
                end = en
            } else {
                end = next
            }
            break
        }
        for s in inits { alias(s, visible: s.upperBound..<end) }
        // `if (bool on = f())`: the condition declares the alias for the rest of the statement.
        for arm in arms { if let c = arm.condition { alias(c, visible: c.upperBound..<end) } }
        if !arms.isEmpty { decisions.append(PendingDecision(arms: arms, end: end)) }
        return end
    }

    mutating func forStatement(_ i: Int, _ r: Range<Int>) -> Int {
        let limit = r.upperBound
        guard isText(i + 1, "("), let close = closer(i + 1, before: limit) else { return statementEnd(i + 1, limit: limit) }
        let header = i + 2..<close
        var condition: Range<Int>?
        if let s1 = topLevel(";", in: header) {
            let rest = s1 + 1..<close
            let s2 = topLevel(";", in: rest) ?? close
            expression(header.lowerBound..<s1)
            condition = s1 + 1..<s2
            expression(s1 + 1..<s2)
            if s2 < close { expression(s2 + 1..<close) }
        } else {
            // Range-for and ObjC fast enumeration: the sequence decides how often, not whether.
            expression(header)
        }
        let (b, next) = body(at: close + 1, limit: limit)
        builder.loop(header: condition, body: b, controlsBody: true)
        return next
    }

    mutating func whileStatement(_ i: Int, _ r: Range<Int>) -> Int {
        let limit = r.upperBound
        guard isText(i + 1, "("), let close = closer(i + 1, before: limit) else { return statementEnd(i + 1, limit: limit) }
        let condition = i + 2..<close
        expression(condition)
        let (b, next) = body(at: close + 1, limit: limit)
        builder.loop(header: condition, body: b, controlsBody: true)
        return next
    }

    mutating func doStatement(_ i: Int, _ r: Range<Int>) -> Int {
        let limit = r.upperBound
        let (b, next) = body(at: i + 1, limit: limit)
        var condition: Range<Int>?
        var end = next
        if isText(next, "while"), isText(next + 1, "("), let close = closer(next + 1, before: limit) {
            condition = next + 2..<close
            expression(next + 2..<close)
            end = isText(close + 1, ";") ? close + 2 : close + 1
        }
        builder.loop(header: condition, body: b, controlsBody: false)
        return end
    }

    package mutating func switchStatement(_ i: Int, _ r: Range<Int>) -> Int {
        let limit = r.upperBound
        guard isText(i + 1, "("), let close = closer(i + 1, before: limit) else { return statementEnd(i + 1, limit: limit) }
        var subject = i + 2..<close
        if let semi = topLevel(";", in: subject) {
            expression(subject.lowerBound..<semi)
            subject = semi + 1..<close
        }
        expression(subject)
        guard isText(close + 1, "{") else {
            let (_, next) = body(at: close + 1, limit: limit)
            return next
        }
        let end = closer(close + 1, before: limit) ?? limit
        work.append(.statements(close + 2..<end, .switchBody(subject: subject)))
        return min(end + 1, limit)
    }

    /// `try {} catch (...) {}`, `@try {} @catch (...) {} @finally {}`, `@autoreleasepool {}`,
    /// `@synchronized (x) {}`. Catch blocks are read but never count as early exits.
    mutating func tryStatement(_ i: Int, _ r: Range<Int>) -> Int {
        let limit = r.upperBound
        var j = i + 1
        if isText(j, "(") { expression(j + 1..<(closer(j, before: limit) ?? limit)); j = skip(j, limit: limit) }
        if isText(j, "{") {
            let (block, after) = body(at: j, limit: limit)
            // A `throw` inside a `try` with a handler leaves only the `try` block.
            if isText(after, "catch") || isText(after, "@catch") { builder.catchingBlock(body: block) }
            j = after
        }
        while isText(j, "catch") || isText(j, "@catch") || isText(j, "@finally") {
            j += 1
            if isText(j, "(") { j = skip(j, limit: limit) }
            if isText(j, "{") { j = body(at: j, limit: limit).1 } else { break }
        }
        return max(j, i + 1)
    }

    /// The index after the statement starting at `start` (its `;` included), following
    /// nested braceless statements (`if (a) if (b) x; else y;`) with an explicit stack.
    package func statementEnd(_ start: Int, limit: Int) -> Int {
        enum Pending { case ifElse, doWhile, handlers }
        var pending: [Pending] = []
        var i = start
        outer: while true {
            guard i < limit else { return limit }
            var e: Int
            switch t[i].kind == .string ? "" : t[i].text {
            case "if":
                i += 1
                if isText(i, "constexpr") || isText(i, "consteval") { i += 1 }
                if isText(i, "(") { i = skip(i, limit: limit) }
                pending.append(.ifElse)
                continue outer
            case "for", "while", "switch", "@synchronized":
                i += 1
                if isText(i, "(") { i = skip(i, limit: limit) }
                continue outer
            case "do":
                pending.append(.doWhile)
                i += 1
                continue outer
            case "try", "@try":
                pending.append(.handlers)
                i += 1
                continue outer
            case "{":
                e = skip(i, limit: limit)
            case "case", "default":
                e = labelEnd(i, limit: limit)
            default:
                e = simpleEnd(i, limit: limit)
            }
            while let p = pending.popLast() {
                switch p {
                case .ifElse:
                    if isText(e, "else") {
                        i = e + 1
                        continue outer
                    }
                case .doWhile:
                    if isText(e, "while") {
                        e += 1
                        if isText(e, "(") { e = skip(e, limit: limit) }
                        if isText(e, ";") { e += 1 }
                    }
                case .handlers:
                    while isText(e, "catch") || isText(e, "@catch") || isText(e, "@finally") {
                        e += 1
                        if isText(e, "(") { e = skip(e, limit: limit) }
                        if isText(e, "{") { e = skip(e, limit: limit) } else { break }
                    }
                }
            }
            return max(e, start + 1)
        }
    }

    /// The index after the `;` ending a simple statement. Stops before an unmatched closer,
    /// and before a statement keyword starting a new line right after a `)`: a macro call
    /// written without its `;` must not swallow the statement that follows.
    func simpleEnd(_ i: Int, limit: Int) -> Int {
        var j = i
        while j < limit {
            if t[j].kind == .punctuation {
                let text = t[j].text.utf8
                if text.count == 1 {
                    switch text.first! {
                    case UInt8(ascii: ";"): return j + 1
                    case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): return j
                    case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): j = skip(j, limit: limit); continue
                    default: break
                    }
                }
            } else if j > i && t[j].kind == .keyword && t[j].flags.contains(.lineStart) && isText(j - 1, ")"),
                      Self.statementKeywords.contains(t[j].text) {
                return j
            }
            j += 1
        }
        return limit
    }

    // MARK: Expressions

    /// Short-circuits and ternaries via `ExpressionScanner`; lambdas and blocks inside become
    /// function boundaries with statements of their own; brace initialisers are expressions.
    package mutating func expression(_ r: Range<Int>) {
        guard !r.isEmpty, r.lowerBound >= 0, r.upperBound <= t.count else { return }
        scanner.scan(r, into: &builder)
        var k = r.lowerBound
        while k < r.upperBound {
            if isText(k, "{"), let close = closer(k, before: r.upperBound) {
                if isCallableBody(k) {
                    builder.function(body: k + 1..<close)
                    work.append(.statements(k + 1..<close, .plain))
                } else {
                    work.append(.expression(k + 1..<close))
                }
                k = close + 1
                continue
            }
            k += 1
        }
    }

    /// `[&](int x) {`, `[&] {`, `^(id x) {`, `^{`, `[]() mutable {`, `[]() -> bool {`.
    func isCallableBody(_ brace: Int) -> Bool {
        let p = brace - 1
        guard p >= 0 else { return false }
        if isText(p, ")") || isText(p, "]") || isText(p, "^") { return true }
        if t[p].kind != .string && Self.callableSpecifiers.contains(t[p].text) { return true }
        // Trailing return type: `) -> T {`.
        var q = p
        var steps = 0
        while q > 0 && steps < 16 && (isWord(q) || isText(q, "::") || isText(q, "*") || isText(q, "&") || isText(q, "<") || isText(q, ">")) {
            q -= 1
            steps += 1
        }
        return isText(q, "->") && isText(q - 1, ")")
    }
}
