/// Recognises the statement structure of C, C++, Objective-C and Objective-C++ on the
/// token stream and reports it to a `ControlTreeBuilder`; also finds the file's constants.
///
/// Deliberately not clang's AST: without the project's headers the AST drops whole
/// functions. All nesting lives on an explicit work list, so 10,000 nested blocks cost
/// memory, never call-stack depth; every bracket lookup is clamped to the range being
/// parsed, so unbalanced (half-written) code degrades instead of failing.
struct CStructureParser {
    struct Output {
        var control: ControlTree
        var constants: [ConstantDefinition]
        var partners: [Int32]
    }

    private enum Block: Equatable {
        case plain
        case switchBody(subject: Range<Int>)
    }

    private enum Work {
        /// File, namespace, class or `extern "C"` level.
        case declarations(Range<Int>, qualifiers: [String])
        /// The statements of a function body, block, or braceless branch body.
        case statements(Range<Int>, Block)
        /// An expression (brace initialiser contents).
        case expression(Range<Int>)
    }

    private struct PendingDecision {
        var arms: [(condition: Range<Int>?, body: Range<Int>)]
        var end: Int
    }

    private let t: [Token]
    private let partners: [Int32]
    private let scanner: ExpressionScanner
    private var builder: ControlTreeBuilder
    private var work: [Work] = []
    private var constants: [ConstantDefinition] = []
    private var decisions: [PendingDecision] = []
    /// Statement list → how its last statement leaves (nil: it does not).
    private var exits: [Range<Int>: ExitKind] = [:]

    init(tokens: [Token]) {
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

    private func isText(_ i: Int, _ text: String) -> Bool {
        i >= 0 && i < t.count && t[i].kind != .string && t[i].text == text
    }

    private func isWord(_ i: Int) -> Bool {
        i >= 0 && i < t.count && (t[i].kind == .identifier || t[i].kind == .keyword)
    }

    /// The partner of the opener at `i` if it lies before `limit`.
    private func closer(_ i: Int, before limit: Int) -> Int? {
        guard i >= 0 && i < t.count else { return nil }
        let p = Int(partners[i])
        return p > i && p < limit ? p : nil
    }

    /// The index after the bracket group opening at `i` (the limit when it is unclosed),
    /// or `i + 1` for any other token.
    private func skip(_ i: Int, limit: Int) -> Int {
        guard t[i].isOpenBracket else { return i + 1 }
        return closer(i, before: limit).map { $0 + 1 } ?? limit
    }

    /// The first top-level token with `text` in `r`.
    private func topLevel(_ text: String, in r: Range<Int>) -> Int? {
        var i = r.lowerBound
        while i < r.upperBound {
            if isText(i, text) { return i }
            i = skip(i, limit: r.upperBound)
        }
        return nil
    }

    /// Top-level comma-separated parts of `r`.
    private func split(_ r: Range<Int>) -> [Range<Int>] {
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

    // MARK: Declarations (file, namespace, class level)

    private mutating func declarations(_ r: Range<Int>, qualifiers: [String]) {
        var i = r.lowerBound
        while i < r.upperBound {
            let tk = t[i]
            if tk.kind == .punctuation && (tk.text == ";" || tk.isCloseBracket) {
                i += 1
                continue
            }
            switch tk.kind == .string ? "" : tk.text {
            case "namespace":
                var j = i + 1
                var names: [String] = []
                while j < r.upperBound && (isWord(j) || isText(j, "::")) {
                    if t[j].kind == .identifier { names.append(t[j].text) }
                    j += 1
                }
                if isText(j, "{") {
                    let end = closer(j, before: r.upperBound) ?? r.upperBound
                    work.append(.declarations(j + 1..<end, qualifiers: qualifiers + names))
                    i = end + 1
                } else {
                    i = declarationStatement(i, r, qualifiers: qualifiers)
                }
            case "extern" where i + 2 < r.upperBound && t[i + 1].kind == .string && isText(i + 2, "{"):
                let end = closer(i + 2, before: r.upperBound) ?? r.upperBound
                work.append(.declarations(i + 3..<end, qualifiers: qualifiers))
                i = end + 1
            case "template":
                i = isText(i + 1, "<") ? skipAngles(i + 1, limit: r.upperBound) : i + 1
            case "@interface", "@protocol", "@implementation":
                // The rest of the header line (`@interface A : B <P>`), then any ivar block.
                var j = i + 1
                while j < r.upperBound && !t[j].flags.contains(.lineStart) && !isText(j, ";") && !isText(j, "{") { j += 1 }
                if isText(j, ";") { j += 1 }
                if isText(j, "{") { j = skip(j, limit: r.upperBound) }
                i = j
            case "@end":
                i += 1
            case "public", "private", "protected", "signals", "slots", "Q_SIGNALS", "Q_SLOTS":
                if isText(i + 1, ":") { i += 2 }
                else if isWord(i + 1) && isText(i + 2, ":") { i += 3 }
                else { i = declarationStatement(i, r, qualifiers: qualifiers) }
            case "-" where tk.flags.contains(.lineStart) && isText(i + 1, "("),
                 "+" where tk.flags.contains(.lineStart) && isText(i + 1, "("):
                i = objcMethod(i, r)
            case "class", "struct", "union", "enum":
                i = typeDeclaration(i, r, qualifiers: qualifiers)
            default:
                i = declarationStatement(i, r, qualifiers: qualifiers)
            }
        }
    }

    /// `<...>` of a template header, counting nested angles (`>>` closes two).
    private func skipAngles(_ i: Int, limit: Int) -> Int {
        var depth = 0
        var j = i
        while j < limit {
            switch t[j].kind == .punctuation ? t[j].text : "" {
            case "<": depth += 1
            case ">": depth -= 1
            case ">>": depth -= 2
            case ";", "{": return j
            case "(", "[": j = skip(j, limit: limit); continue
            default: break
            }
            j += 1
            if depth <= 0 { return j }
        }
        return limit
    }

    /// `class X : Base { ... };`: the body is a declaration scope qualified by `X`.
    private mutating func typeDeclaration(_ i: Int, _ r: Range<Int>, qualifiers: [String]) -> Int {
        var j = i + 1
        var name: String?
        var inBases = false
        while j < r.upperBound {
            if isText(j, "{") {
                let end = closer(j, before: r.upperBound) ?? r.upperBound
                if t[i].text != "enum" {
                    work.append(.declarations(j + 1..<end, qualifiers: qualifiers + (name.map { [$0] } ?? [])))
                }
                return min(end + 1, r.upperBound)
            }
            if isText(j, ";") { return j + 1 }
            // `struct S s = {...}`, `struct S *f(void) {`: a variable or a function.
            if isText(j, "=") || isText(j, "(") { return declarationStatement(i, r, qualifiers: qualifiers) }
            if isText(j, ":") { inBases = true }
            if !inBases && t[j].kind == .identifier && t[j].text != "final" { name = t[j].text }
            j = isText(j, "<") ? skipAngles(j, limit: r.upperBound) : skip(j, limit: r.upperBound)
        }
        return r.upperBound
    }

    /// `- (BOOL)f:(int)a g:(int)b { ... }` or the same ending in `;` (a declaration).
    private mutating func objcMethod(_ i: Int, _ r: Range<Int>) -> Int {
        var j = i + 1
        while j < r.upperBound {
            if isText(j, ";") {
                builder.declaration(i..<j + 1)
                return j + 1
            }
            if isText(j, "{") {
                builder.declaration(i..<j)
                return functionBody(j, r)
            }
            j = skip(j, limit: r.upperBound)
        }
        builder.declaration(i..<r.upperBound)
        return r.upperBound
    }

    /// Declares the body opening at `brace` and queues its statements; returns the index after it.
    private mutating func functionBody(_ brace: Int, _ r: Range<Int>) -> Int {
        let end = closer(brace, before: r.upperBound) ?? r.upperBound
        let body = brace + 1..<end
        builder.function(body: body)
        work.append(.statements(body, .plain))
        return min(end + 1, r.upperBound)
    }

    /// A declaration or definition at declaration level: a function definition (its
    /// signature is a declaration, its body statements), a prototype, a variable or constant.
    private mutating func declarationStatement(_ i: Int, _ r: Range<Int>, qualifiers: [String]) -> Int {
        var j = i
        var firstParen: Int?
        var equalsBeforeParen = false
        var initList = false
        while j < r.upperBound {
            let tk = t[j]
            if tk.kind == .punctuation {
                switch tk.text {
                case ";":
                    finishDeclaration(i..<j, qualifiers: qualifiers, firstParen: firstParen, equalsBeforeParen: equalsBeforeParen)
                    return j + 1
                case "{":
                    if firstParen != nil && !equalsBeforeParen && (!initList || isText(j - 1, ")") || isText(j - 1, "}")) {
                        builder.declaration(i..<j)
                        // Constructor initialisers run code: `: enabled_(IsEnabled(kX))`.
                        if initList, let colon = topLevel(":", in: (firstParen ?? i)..<j) { expression(colon + 1..<j) }
                        return functionBody(j, r)
                    }
                    // A brace initialiser: part of this declaration.
                    j = skip(j, limit: r.upperBound)
                    continue
                case "(":
                    if firstParen == nil { firstParen = j }
                    j = skip(j, limit: r.upperBound)
                    continue
                case "[":
                    j = skip(j, limit: r.upperBound)
                    continue
                case "=":
                    if firstParen == nil { equalsBeforeParen = true }
                case ":":
                    if firstParen != nil && !equalsBeforeParen { initList = true }
                case "}", ")", "]":
                    finishDeclaration(i..<j, qualifiers: qualifiers, firstParen: firstParen, equalsBeforeParen: equalsBeforeParen)
                    return max(j, i + 1)
                default:
                    break
                }
            }
            j += 1
        }
        finishDeclaration(i..<r.upperBound, qualifiers: qualifiers, firstParen: firstParen, equalsBeforeParen: equalsBeforeParen)
        return r.upperBound
    }

    private mutating func finishDeclaration(_ s: Range<Int>, qualifiers: [String], firstParen: Int?, equalsBeforeParen: Bool) {
        guard !s.isEmpty else { return }
        if baseFeature(s, qualifiers: qualifiers) { return }
        constant(s, qualifiers: qualifiers, scope: nil)
        // A prototype: `bool LDServerSDK_BoolVariation(LDServerSDK sdk, ...);` — a return
        // type, a name, parameters. `MACRO(x);` (nothing before the name) stays code.
        if let p = firstParen, !equalsBeforeParen, p - 1 > s.lowerBound, isWord(p - 1) {
            builder.declaration(s)
            return
        }
        expression(s)
    }

    /// Chromium `BASE_FEATURE(kFeature, "Name", base::FEATURE_..._BY_DEFAULT)` and the newer
    /// two-argument form, whose name is the identifier without its `k`.
    private mutating func baseFeature(_ s: Range<Int>, qualifiers: [String]) -> Bool {
        guard isText(s.lowerBound, "BASE_FEATURE"), isText(s.lowerBound + 1, "("),
              let close = closer(s.lowerBound + 1, before: s.upperBound + 1) else { return false }
        let args = split(s.lowerBound + 2..<close)
        guard args.count >= 2, args[0].count == 1, t[args[0].lowerBound].kind == .identifier else { return false }
        let nameToken = t[args[0].lowerBound]
        var key: String?
        if args.count >= 3, args[1].count == 1, let v = t[args[1].lowerBound].stringValue {
            key = v
        } else if args.count == 2 {
            key = nameToken.text.hasPrefix("k") ? String(nameToken.text.dropFirst()) : nameToken.text
        }
        if let key {
            // The last argument is the default state: FEATURE_ENABLED_BY_DEFAULT is a default-true flag.
            var declared: ConstantDefinition.DeclaredDefault?
            if let last = args.last, !last.isEmpty {
                let words = last.map { t[$0].text }
                if words.last == "FEATURE_ENABLED_BY_DEFAULT" || words.last == "FEATURE_DISABLED_BY_DEFAULT" {
                    declared = .init(value: words.last == "FEATURE_ENABLED_BY_DEFAULT", expression: words.joined())
                }
            }
            constants.append(ConstantDefinition(name: nameToken.text, qualifiers: qualifiers, value: .string(key), offset: nameToken.start,
                                                declaredDefault: declared))
        }
        return true
    }

    /// `const char *const k = "x";`, `static const char k[] = "x";`, `constexpr char k[] = "x";`,
    /// `constexpr std::string_view k = "x";`, `NSString *const k = @"x";`, `const char Ns::k[] = "x";`,
    /// `const base::Feature kX{"Name", ...};`. Only `const`/`constexpr` names are constants.
    private mutating func constant(_ s: Range<Int>, qualifiers: [String], scope: Range<Int>?) {
        var isConst = false
        var eq: Int?
        var i = s.lowerBound
        while i < s.upperBound {
            if isText(i, "const") || isText(i, "constexpr") || isText(i, "constinit") { isConst = true }
            if isText(i, "=") { eq = i; break }
            if isText(i, "(") { return }   // a function or a call, not a constant
            if isText(i, "{") { break }
            i = skip(i, limit: s.upperBound)
        }
        guard isConst else { return }
        var nameEnd: Int
        var valueRange: Range<Int>
        if let eq {
            nameEnd = eq
            valueRange = eq + 1..<s.upperBound
        } else if isText(i, "{"), let close = closer(i, before: s.upperBound + 1), close + 1 >= s.upperBound {
            nameEnd = i
            valueRange = i + 1..<close
            if let first = split(valueRange).first { valueRange = first }
        } else {
            return
        }
        var n = nameEnd - 1
        if isText(n, "]"), n - 1 >= s.lowerBound {
            let open = Int(partners[n])
            guard open >= s.lowerBound, open < n else { return }
            n = open - 1
        }
        guard n >= s.lowerBound, t[n].kind == .identifier else { return }
        // Strip one level of wrapping: `("x")`, `{"x"}`.
        if valueRange.count == 3, isText(valueRange.lowerBound, "(") || isText(valueRange.lowerBound, "{") {
            valueRange = valueRange.lowerBound + 1..<valueRange.upperBound - 1
        }
        guard valueRange.count == 1, let value = CTokenStream.constantValue(t[valueRange.lowerBound]) else { return }
        var owners: [String] = []
        var q = n - 1
        while isText(q, "::") && q - 1 >= s.lowerBound && t[q - 1].kind == .identifier {
            owners.insert(t[q - 1].text, at: 0)
            q -= 2
        }
        constants.append(ConstantDefinition(name: t[n].text, qualifiers: qualifiers + owners, value: value, offset: t[n].start, scope: scope))
    }

    // MARK: Statements (function bodies)

    private mutating func statements(_ r: Range<Int>, _ block: Block) {
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
                exit = .function
                i = e
            case "break", "continue":
                i = statementEnd(i, limit: end)
                exit = .loop
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
            builder.loopBoundary(body: r)
        }
    }

    /// An expression or declaration statement (without its `;`).
    private mutating func simpleStatement(_ s: Range<Int>, scope: Range<Int>) {
        guard !s.isEmpty else { return }
        alias(s, visible: s.upperBound..<scope.upperBound)
        constant(s, qualifiers: [], scope: scope)
        expression(s)
    }

    /// `bool on = expr`, `const bool on = ...`, `auto on = ...`, `BOOL on = ...`: a local
    /// whose name in a later condition stands for the evaluation (SPEC §4 (e)).
    private mutating func alias(_ s: Range<Int>, visible: Range<Int>) {
        let types: Set<String> = ["bool", "BOOL", "_Bool", "auto", "Boolean"]
        let modifiers: Set<String> = ["const", "constexpr", "static", "register", "volatile", "__block", "&", "&&"]
        var i = s.lowerBound
        var typed = false
        while i < s.upperBound && t[i].kind != .string {
            if types.contains(t[i].text) { typed = true }
            else if !modifiers.contains(t[i].text) { break }
            i += 1
        }
        guard typed, i + 1 < s.upperBound, t[i].kind == .identifier, isText(i + 1, "=") else { return }
        builder.assignment(name: t[i].text, nameToken: i, value: i + 2..<s.upperBound, visible: visible)
    }

    /// `abort()`, `exit(1)`, `std::abort()`, `_Exit(1)`, `std::terminate()`.
    private func isExitCall(_ s: Range<Int>) -> Bool {
        var i = s.lowerBound
        if isText(i, "::") { i += 1 }
        if isText(i, "std") && isText(i + 1, "::") { i += 2 }
        guard i < s.upperBound, t[i].kind == .identifier, isText(i + 1, "(") else { return false }
        return ["abort", "exit", "_Exit", "quick_exit", "terminate", "__builtin_unreachable"].contains(t[i].text)
    }

    /// The index after a `case X:` / `default:` label.
    private func labelEnd(_ i: Int, limit: Int) -> Int {
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
    private mutating func body(at k: Int, limit: Int) -> (Range<Int>, Int) {
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
    private mutating func ifStatement(_ i: Int, _ r: Range<Int>) -> Int {
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

    private mutating func forStatement(_ i: Int, _ r: Range<Int>) -> Int {
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

    private mutating func whileStatement(_ i: Int, _ r: Range<Int>) -> Int {
        let limit = r.upperBound
        guard isText(i + 1, "("), let close = closer(i + 1, before: limit) else { return statementEnd(i + 1, limit: limit) }
        let condition = i + 2..<close
        expression(condition)
        let (b, next) = body(at: close + 1, limit: limit)
        builder.loop(header: condition, body: b, controlsBody: true)
        return next
    }

    private mutating func doStatement(_ i: Int, _ r: Range<Int>) -> Int {
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

    private mutating func switchStatement(_ i: Int, _ r: Range<Int>) -> Int {
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
    private mutating func tryStatement(_ i: Int, _ r: Range<Int>) -> Int {
        let limit = r.upperBound
        var j = i + 1
        if isText(j, "(") { expression(j + 1..<(closer(j, before: limit) ?? limit)); j = skip(j, limit: limit) }
        if isText(j, "{") { j = body(at: j, limit: limit).1 }
        while isText(j, "catch") || isText(j, "@catch") || isText(j, "@finally") {
            j += 1
            if isText(j, "(") { j = skip(j, limit: limit) }
            if isText(j, "{") { j = body(at: j, limit: limit).1 } else { break }
        }
        return max(j, i + 1)
    }

    /// The index after the statement starting at `start` (its `;` included), following
    /// nested braceless statements (`if (a) if (b) x; else y;`) with an explicit stack.
    private func statementEnd(_ start: Int, limit: Int) -> Int {
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
    private func simpleEnd(_ i: Int, limit: Int) -> Int {
        var j = i
        while j < limit {
            let tk = t[j]
            if tk.kind == .punctuation {
                if tk.text == ";" { return j + 1 }
                if tk.isCloseBracket { return j }
                if tk.isOpenBracket { j = skip(j, limit: limit); continue }
            } else if j > i && tk.kind == .keyword && tk.flags.contains(.lineStart) && isText(j - 1, ")"),
                      ["if", "for", "while", "switch", "return", "do"].contains(tk.text) {
                return j
            }
            j += 1
        }
        return limit
    }

    // MARK: Expressions

    /// Short-circuits and ternaries via `ExpressionScanner`; lambdas and blocks inside become
    /// function boundaries with statements of their own; brace initialisers are expressions.
    private mutating func expression(_ r: Range<Int>) {
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
    private func isCallableBody(_ brace: Int) -> Bool {
        let p = brace - 1
        guard p >= 0 else { return false }
        if isText(p, ")") || isText(p, "]") || isText(p, "^") { return true }
        if ["mutable", "noexcept", "constexpr", "consteval"].contains(t[p].text) && t[p].kind != .string { return true }
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
