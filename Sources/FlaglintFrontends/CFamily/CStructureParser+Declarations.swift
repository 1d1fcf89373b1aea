import FlaglintSyntax

/// The declaration side of the C-family structure parser: file, namespace and class level,
/// function and method headers, and the constants (`#define` aside) that keys resolve through.
extension CStructureParser {
    // MARK: Declarations (file, namespace, class level)

    package mutating func declarations(_ r: Range<Int>, qualifiers: [String]) {
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
    func skipAngles(_ i: Int, limit: Int) -> Int {
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
    mutating func typeDeclaration(_ i: Int, _ r: Range<Int>, qualifiers: [String]) -> Int {
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
    mutating func objcMethod(_ i: Int, _ r: Range<Int>) -> Int {
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
    mutating func functionBody(_ brace: Int, _ r: Range<Int>) -> Int {
        let end = closer(brace, before: r.upperBound) ?? r.upperBound
        let body = brace + 1..<end
        builder.function(body: body)
        work.append(.statements(body, .plain))
        return min(end + 1, r.upperBound)
    }

    /// A declaration or definition at declaration level: a function definition (its
    /// signature is a declaration, its body statements), a prototype, a variable or constant.
    mutating func declarationStatement(_ i: Int, _ r: Range<Int>, qualifiers: [String]) -> Int {
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
                        // Constructor initialisers run code: `: enabled_(IsEnabled(kX))`. Only the
                        // signature before the `:` is a declaration; evaluations in the list count.
                        if initList, let colon = topLevel(":", in: (firstParen ?? i)..<j) {
                            builder.declaration(i..<colon)
                            expression(colon + 1..<j)
                        } else {
                            builder.declaration(i..<j)
                        }
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

    mutating func finishDeclaration(_ s: Range<Int>, qualifiers: [String], firstParen: Int?, equalsBeforeParen: Bool) {
        guard !s.isEmpty else { return }
        if baseFeature(s, qualifiers: qualifiers) { return }
        constant(s, qualifiers: qualifiers, scope: nil)
        // A prototype: `bool LDServerSDK_BoolVariation(LDServerSDK sdk, ...);` — a return
        // type, a name, parameters. `MACRO(x);` (nothing before the name) stays code.
        if let p = firstParen, !equalsBeforeParen, p - 1 > s.lowerBound, isWord(p - 1) {
            builder.declaration(s)
            return
        }
        // A macro-wrapped return type: `LD_EXPORT(bool) LDClientSDK_BoolVariation(...);`.
        if let p = firstParen, !equalsBeforeParen, p - 1 == s.lowerBound, let close = closer(p, before: s.upperBound),
           isWord(close + 1), isText(close + 2, "(") || (isWord(close + 2) && isText(close + 3, "(")) {
            builder.declaration(s)
            return
        }
        expression(s)
    }

    /// Chromium `BASE_FEATURE(kFeature, "Name", base::FEATURE_..._BY_DEFAULT)` and the newer
    /// two-argument form, whose name is the identifier without its `k`.
    mutating func baseFeature(_ s: Range<Int>, qualifiers: [String]) -> Bool {
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
            // Preprocessor alternatives (`#if X ... #else ... #endif`) are each a default of
            // their own: the flag is default-true when any of them is.
            var declared: ConstantDefinition.DeclaredDefault?
            if let last = args.last, !last.isEmpty {
                var alternatives: [[String]] = [[]]
                for k in last {
                    if t[k].flags.contains(.alternativeStart) && !alternatives[alternatives.count - 1].isEmpty { alternatives.append([]) }
                    alternatives[alternatives.count - 1].append(t[k].text)
                }
                let states = alternatives.map(\.last)
                if states.allSatisfy({ $0 == "FEATURE_ENABLED_BY_DEFAULT" || $0 == "FEATURE_DISABLED_BY_DEFAULT" }) {
                    declared = .init(value: states.contains("FEATURE_ENABLED_BY_DEFAULT"), expression: alternatives[0].joined(),
                                     alternatives: alternatives.count > 1 ? alternatives.map { $0.joined() } : [])
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
    package mutating func constant(_ s: Range<Int>, qualifiers: [String], scope: Range<Int>?) {
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
}
