import FlaglintSyntax

/// Recognises Swift's statement structure in a token stream and reports it to a
/// `ControlTreeBuilder` (which owns the nesting semantics), collecting constants on the way.
///
/// Blocks are processed from an explicit work list: a statement's nested bodies are queued,
/// never parsed by recursion, so 10,000 nested braces cost heap, not stack. Every statement
/// consumes at least one token, so the parser always terminates.
struct SwiftStructureParser {
    package struct Result {
        package var control: ControlTree
        package var constants: [ConstantDefinition]
        package var diagnostics: [FrontendDiagnostic]
    }

    package struct Context {
        package enum Kind: Equatable { case code, type, enumBody(rawIsString: Bool) }
        package var kind: Kind
        /// Enclosing type and extension names, outermost first.
        package var qualifiers: [String]
        /// The innermost function or closure body, for local constants.
        var functionScope: Range<Int>?
        /// End of the enclosing block: where a local binding stops being visible.
        package var end: Int

        package func code(_ body: Range<Int>) -> Context {
            Context(kind: .code, qualifiers: qualifiers, functionScope: functionScope, end: body.upperBound)
        }
        package func function(_ body: Range<Int>) -> Context {
            Context(kind: .code, qualifiers: qualifiers, functionScope: body, end: body.upperBound)
        }
    }

    package let tokens: [Token]
    package let cursor: SwiftTokenCursor
    package let scanner: ExpressionScanner
    package var builder: ControlTreeBuilder
    package var constants: [ConstantDefinition] = []
    package var work: [(Range<Int>, Context)] = []

    package static func parse(tokens: [Token], partners: [Int32], source: SourceFile? = nil) -> Result {
        var parser = SwiftStructureParser(tokens: tokens, partners: partners)
        return parser.run()
    }

    private init(tokens: [Token], partners: [Int32]) {
        self.tokens = tokens
        self.cursor = SwiftTokenCursor(tokens: tokens, partners: partners)
        self.scanner = ExpressionScanner(tokens: tokens, partners: partners, syntax: .swift)
        self.builder = ControlTreeBuilder(tokenCount: tokens.count)
    }

    package mutating func run() -> Result {
        let all = 0..<tokens.count
        work.append((all, Context(kind: .code, qualifiers: [], functionScope: nil, end: tokens.count)))
        while let (range, ctx) = work.popLast() {
            var i = range.lowerBound
            while i < range.upperBound {
                let end = statement(at: i, limit: range.upperBound, ctx: ctx)
                i = max(end, i + 1)
                while i < range.upperBound && cursor.isPunct(i, ";") { i += 1 }
            }
        }
        // The work list is LIFO; report constants in source order.
        constants.sort { $0.offset < $1.offset }
        return Result(control: builder.finish(), constants: constants, diagnostics: unbalanced())
    }

    /// One diagnostic for the first unmatched bracket: more would only repeat the same mistake.
    package func unbalanced() -> [FrontendDiagnostic] {
        let alternative = Brackets.alternativeBranches(tokens)
        for (i, t) in tokens.enumerated() where t.kind == .punctuation && cursor.partners[i] < 0 && (t.isOpenBracket || t.isCloseBracket) && !alternative[i] {
            let what = t.isOpenBracket ? "unclosed '\(t.text)'" : "unmatched '\(t.text)'"
            return [FrontendDiagnostic(.warning, "\(what): the structure of this file is only partly understood", at: t.start)]
        }
        return []
    }

    // MARK: Statements

    package mutating func statement(at start: Int, limit: Int, ctx: Context) -> Int {
        var i = skipAttributesAndModifiers(from: start, limit: limit)
        guard i < limit else { return limit }
        // Labeled statement: `outer: for ...`.
        if tokens[i].kind == .identifier && cursor.isPunct(i + 1, ":"), i + 2 < limit,
           ["for", "while", "repeat", "do", "switch", "if"].contains(where: { cursor.isKeyword(i + 2, $0) }) {
            i += 2
        }
        let t = tokens[i]
        if t.kind == .keyword {
            switch t.text {
            case "if": return ifStatement(at: i, limit: limit, ctx: ctx)
            case "guard": return guardStatement(at: i, limit: limit, ctx: ctx)
            case "while": return whileStatement(at: i, limit: limit, ctx: ctx)
            case "repeat": return repeatStatement(at: i, limit: limit, ctx: ctx)
            case "for": return forStatement(at: i, limit: limit, ctx: ctx)
            case "switch": return switchStatement(at: i, limit: limit, ctx: ctx)
            case "do": return doStatement(at: i, limit: limit, ctx: ctx)
            case "defer":
                guard let brace = cursor.findBrace(from: i + 1, limit: limit) else { return i + 1 }
                let b = cursor.body(brace, limit: limit)
                work.append((b.body, ctx.code(b.body)))
                return b.after
            case "func", "init", "deinit", "subscript":
                return function(at: i, limit: limit, ctx: ctx)
            case "class", "struct", "enum", "extension", "protocol", "actor":
                return typeDeclaration(at: i, limit: limit, ctx: ctx)
            case "let", "var":
                return binding(at: i, limit: limit, ctx: ctx)
            case "case":
                let end = cursor.statementEnd(from: i, limit: limit)
                if case let .enumBody(rawIsString) = ctx.kind { enumCase(i + 1..<end, rawIsString: rawIsString, ctx: ctx) }
                return end
            case "return", "throw":
                let end = cursor.statementEnd(from: i, limit: limit)
                return value(i + 1..<end, limit: limit, ctx: ctx)
            case "import", "typealias", "associatedtype", "precedencegroup", "operator":
                return cursor.statementEnd(from: i, limit: limit)
            case "#if", "#elseif":
                // The directive's condition is not code; every branch's code is.
                var j = i + 1
                while j < limit && !tokens[j].flags.contains(.lineStart) { j += 1 }
                return j
            case "#else", "#endif", "else":
                return i + 1
            case "#warning", "#error", "#sourceLocation":
                return cursor.groupEnd(i + 1, limit: limit) ?? (i + 1)
            case "get", "set", "willSet", "didSet":
                if let end = accessor(at: i, limit: limit, ctx: ctx) { return end }
            default:
                break
            }
        } else if t.kind == .identifier && (t.text == "_read" || t.text == "_modify"), let end = accessor(at: i, limit: limit, ctx: ctx) {
            return end
        }
        let end = cursor.statementEnd(from: i, limit: limit)
        expression(i..<end, ctx: ctx)
        return end
    }

    func skipAttributesAndModifiers(from start: Int, limit: Int) -> Int {
        var i = start
        while i < limit {
            if cursor.isPunct(i, "@") && i + 1 < limit && cursor.isName(i + 1) {
                i += 2
                while cursor.isPunct(i, ".") && cursor.isName(i + 1) { i += 2 }
                if cursor.isPunct(i, "(") && !tokens[i].flags.contains(.spaceBefore), let e = cursor.groupEnd(i, limit: limit) { i = e }
                continue
            }
            let t = tokens[i]
            guard (t.kind == .identifier || t.kind == .keyword) && SwiftKeywords.modifiers.contains(t.text), i + 1 < limit else { break }
            let next = tokens[i + 1]
            if t.text == "class" && !(next.kind == .keyword || SwiftKeywords.modifiers.contains(next.text)) { break }
            // `private(set)`, `unowned(unsafe)`.
            if cursor.isPunct(i + 1, "("), !next.flags.contains(.spaceBefore), let e = cursor.groupEnd(i + 1, limit: limit),
               cursor.isName(i + 2), e == i + 4 {
                i = e
                continue
            }
            // A modifier word used as a name (`open(url)`, `lazy.map`) is not a modifier.
            guard next.kind == .keyword || next.kind == .identifier || next.text == "@" else { break }
            i += 1
        }
        return i
    }

    // MARK: Control statements

    mutating func ifStatement(at start: Int, limit: Int, ctx: Context) -> Int {
        var arms: [DecisionArm] = []
        var k = start
        var end = limit
        while true {
            guard let brace = cursor.findBrace(from: k + 1, limit: limit) else {
                end = cursor.statementEnd(from: k + 1, limit: limit)
                condition(k + 1..<end, ctx: ctx)
                builder.condition(k + 1..<end)
                break
            }
            let cond = k + 1..<brace
            let b = cursor.body(brace, limit: limit)
            condition(cond, ctx: ctx)
            arms.append(DecisionArm(condition: cond, body: b.body, exit: b.closed ? cursor.exit(of: b.body) : nil))
            work.append((b.body, ctx.code(b.body)))
            end = b.after
            guard b.closed, cursor.isKeyword(end, "else"), end < limit else { break }
            if cursor.isKeyword(end + 1, "if") && end + 1 < limit {
                k = end + 1
                continue
            }
            if cursor.isPunct(end + 1, "{") && end + 1 < limit {
                let e = cursor.body(end + 1, limit: limit)
                arms.append(DecisionArm(condition: nil, body: e.body, exit: e.closed ? cursor.exit(of: e.body) : nil))
                work.append((e.body, ctx.code(e.body)))
                end = e.after
            } else {
                end += 1
            }
            break
        }
        if !arms.isEmpty { builder.decision(arms, statementEnd: end) }
        return end
    }

    package mutating func guardStatement(at start: Int, limit: Int, ctx: Context) -> Int {
        var j = start + 1
        var elseAt: Int?
        while j < limit {
            if cursor.isKeyword(j, "else") { elseAt = j; break }
            if cursor.isPunct(j, "{") || cursor.isPunct(j, ";") || cursor.isPunct(j, "}") { break }
            if j > start + 1 && cursor.startsStatement(j) { break }
            j = cursor.groupEnd(j, limit: limit) ?? (j + 1)
        }
        let condEnd = elseAt ?? j
        let cond = start + 1..<condEnd
        condition(cond, ctx: ctx)
        guard let e = elseAt, cursor.isPunct(e + 1, "{"), e + 1 < limit else {
            builder.condition(cond)
            return max(condEnd, start + 1)
        }
        let b = cursor.body(e + 1, limit: limit)
        // Swift requires a guard's else to leave the scope; unrecognised exits (a call to a
        // `Never` function) still leave the function.
        let exit: ExitKind? = b.closed ? (cursor.exit(of: b.body) ?? .function) : nil
        builder.guardStatement(condition: cond, elseBody: b.body, exit: exit, statementEnd: b.after)
        work.append((b.body, ctx.code(b.body)))
        return b.after
    }

    mutating func whileStatement(at start: Int, limit: Int, ctx: Context) -> Int {
        guard let brace = cursor.findBrace(from: start + 1, limit: limit) else {
            return braceless(at: start, limit: limit, ctx: ctx, headerIsCondition: true)
        }
        let cond = start + 1..<brace
        let b = cursor.body(brace, limit: limit)
        condition(cond, ctx: ctx)
        builder.loop(header: cond, body: b.body, controlsBody: true)
        work.append((b.body, ctx.code(b.body)))
        return b.after
    }

    mutating func repeatStatement(at start: Int, limit: Int, ctx: Context) -> Int {
        guard cursor.isPunct(start + 1, "{") && start + 1 < limit else { return start + 1 }
        let b = cursor.body(start + 1, limit: limit)
        work.append((b.body, ctx.code(b.body)))
        guard b.closed, cursor.isKeyword(b.after, "while"), b.after < limit else {
            builder.loop(header: nil, body: b.body, controlsBody: false)
            return b.after
        }
        let end = cursor.statementEnd(from: b.after + 1, limit: limit)
        let cond = b.after + 1..<end
        condition(cond, ctx: ctx)
        // The body runs once whatever the condition says: it is not controlled by it.
        builder.loop(header: cond, body: b.body, controlsBody: false)
        return end
    }

    mutating func forStatement(at start: Int, limit: Int, ctx: Context) -> Int {
        guard let brace = cursor.findBrace(from: start + 1, limit: limit) else {
            return braceless(at: start, limit: limit, ctx: ctx, headerIsCondition: false)
        }
        let header = start + 1..<brace
        let b = cursor.body(brace, limit: limit)
        var whereClause: Range<Int>?
        if let inAt = cursor.findKeyword("in", in: header) {
            let w = cursor.findKeyword("where", in: inAt + 1..<brace)
            expression(inAt + 1..<(w ?? brace), ctx: ctx)
            if let w { whereClause = w + 1..<brace }
        }
        if let g = whereClause { condition(g, ctx: ctx, commaIsAnd: false) }
        builder.loop(header: whereClause, body: b.body, controlsBody: true)
        work.append((b.body, ctx.code(b.body)))
        return b.after
    }

    package mutating func switchStatement(at start: Int, limit: Int, ctx: Context) -> Int {
        guard let brace = cursor.findBrace(from: start + 1, limit: limit) else {
            return braceless(at: start, limit: limit, ctx: ctx, headerIsCondition: false)
        }
        let subject = start + 1..<brace
        let b = cursor.body(brace, limit: limit)
        expression(subject, ctx: ctx)
        builder.switchBoundary(body: b.body)

        // Case labels: `case`/`default` starting a statement inside the switch body.
        var labels: [(start: Int, colon: Int, guardStart: Int?)] = []
        var j = b.body.lowerBound
        while j < b.body.upperBound {
            if (cursor.isKeyword(j, "case") || cursor.isKeyword(j, "default")) && isLabelStart(j, body: b.body) {
                var k = j + 1
                var guardStart: Int?
                while k < b.body.upperBound && !cursor.isPunct(k, ":") {
                    if cursor.isKeyword(k, "where") && guardStart == nil { guardStart = k + 1 }
                    k = cursor.groupEnd(k, limit: b.body.upperBound) ?? (k + 1)
                }
                labels.append((j, min(k, b.body.upperBound), guardStart))
                j = k + 1
                continue
            }
            j = cursor.groupEnd(j, limit: b.body.upperBound) ?? (j + 1)
        }
        var cases: [SwitchCase] = []
        if let first = labels.first, first.start > b.body.lowerBound {
            let lead = b.body.lowerBound..<first.start
            work.append((lead, ctx.code(lead)))
        }
        for (n, label) in labels.enumerated() {
            let bodyEnd = n + 1 < labels.count ? labelStart(labels[n + 1].start) : b.body.upperBound
            let body = min(label.colon + 1, bodyEnd)..<bodyEnd
            let guardRange = label.guardStart.map { $0..<label.colon }
            if let g = guardRange { condition(g, ctx: ctx, commaIsAnd: false) }
            // `break` in a case leaves the switch: what follows in the same case is controlled,
            // the other cases are not. `continue` goes on past the switch to its loop.
            cases.append(SwitchCase(guardCondition: guardRange, body: body))
            work.append((body, ctx.code(body)))
        }
        if labels.isEmpty { work.append((b.body, ctx.code(b.body))) }
        builder.switchStatement(subject: subject, cases: cases)
        return b.after
    }

    /// `@unknown default:` starts at the `@`.
    func labelStart(_ i: Int) -> Int {
        cursor.isWord(i - 1, "unknown") && cursor.isPunct(i - 2, "@") ? i - 2 : i
    }

    func isLabelStart(_ j: Int, body: Range<Int>) -> Bool {
        let s = labelStart(j)
        if s <= body.lowerBound { return true }
        if cursor.isPunct(s - 1, ";") { return true }
        return tokens[s].flags.contains(.lineStart) && !cursor.isPunct(s - 1, ",")
    }

    mutating func doStatement(at start: Int, limit: Int, ctx: Context) -> Int {
        guard let brace = cursor.findBrace(from: start + 1, limit: limit) else { return start + 1 }
        var b = cursor.body(brace, limit: limit)
        work.append((b.body, ctx.code(b.body)))
        // A `throw` inside a `do` with a `catch` leaves only the `do` block.
        if b.closed && cursor.isKeyword(b.after, "catch") && b.after < limit { builder.catchingBlock(body: b.body) }
        // `catch` blocks are plain blocks: exits in them are not early exits on a flag.
        while b.closed && cursor.isKeyword(b.after, "catch") && b.after < limit {
            guard let next = cursor.findBrace(from: b.after + 1, limit: limit) else { return b.after + 1 }
            b = cursor.body(next, limit: limit)
            work.append((b.body, ctx.code(b.body)))
        }
        return b.after
    }

    // MARK: Expressions

    /// A value position (initializer, return value): `if`/`switch` expressions are statements.
    package mutating func value(_ r: Range<Int>, limit: Int, ctx: Context) -> Int {
        guard !r.isEmpty else { return r.upperBound }
        if cursor.isKeyword(r.lowerBound, "if") { return max(ifStatement(at: r.lowerBound, limit: limit, ctx: ctx), r.upperBound) }
        if cursor.isKeyword(r.lowerBound, "switch") { return max(switchStatement(at: r.lowerBound, limit: limit, ctx: ctx), r.upperBound) }
        expression(r, ctx: ctx)
        return r.upperBound
    }

    /// A `while`/`for`/`switch` whose `{` is missing (half-written code): its header runs to
    /// the statement end and is still analysed.
    mutating func braceless(at start: Int, limit: Int, ctx: Context, headerIsCondition: Bool) -> Int {
        let end = cursor.statementEnd(from: start + 1, limit: limit)
        if headerIsCondition { condition(start + 1..<end, ctx: ctx) } else { expression(start + 1..<end, ctx: ctx) }
        return end
    }

    package mutating func condition(_ r: Range<Int>, ctx: Context, commaIsAnd: Bool = true) {
        guard !r.isEmpty else { return }
        scanner.scan(r, commaIsAnd: commaIsAnd, into: &builder)
        closures(in: r, ctx: ctx)
    }

    package mutating func expression(_ r: Range<Int>, ctx: Context) {
        guard !r.isEmpty else { return }
        scanner.scan(r, into: &builder)
        closures(in: r, ctx: ctx)
    }

    /// Every `{ ... }` in an expression is a closure: a function boundary whose body is a
    /// block of statements. Closures nested in it are found when its body is parsed.
    mutating func closures(in r: Range<Int>, ctx: Context) {
        var j = r.lowerBound
        while j < r.upperBound {
            if cursor.isPunct(j, "{"), let p = cursor.closer(j, limit: r.upperBound) {
                let body = j + 1..<p
                builder.function(body: body)
                let first = closureSignatureEnd(body)
                work.append((first..<body.upperBound, ctx.function(body)))
                j = p + 1
                continue
            }
            j += 1
        }
    }

    /// `{ [weak self] (a, b) async throws -> T in ...}`: where the closure's statements start.
    func closureSignatureEnd(_ body: Range<Int>) -> Int {
        var j = body.lowerBound
        while j < body.upperBound {
            let t = tokens[j]
            if t.kind == .keyword && t.text == "in" { return j > body.lowerBound ? j + 1 : body.lowerBound }
            if (t.text == "(" || t.text == "["), let e = cursor.groupEnd(j, limit: body.upperBound) {
                j = e
                continue
            }
            let allowed: Bool
            switch t.kind {
            case .identifier: allowed = true
            case .keyword: allowed = ["throws", "rethrows", "Self", "self", "Any", "inout"].contains(t.text)
            case .punctuation: allowed = [",", ":", "->", ".", "<", ">", "?", "!", "@", "&"].contains(t.text)
            default: allowed = false
            }
            guard allowed else { return body.lowerBound }
            j += 1
        }
        return body.lowerBound
    }
}
