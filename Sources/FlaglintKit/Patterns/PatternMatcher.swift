/// Finds the evaluations of a set of evaluators in one file, on tokens.
///
/// Whitespace, newlines and comments never matter (they are not tokens); `.` in a pattern
/// matches every member-access spelling; labels, keywords and selector pieces are honoured.
public struct PatternMatcher {
    public let model: FileModel
    private let tokens: [Token]
    private let partners: [Int32]
    private let resolver: ValueResolver
    /// The file's surface syntax: the matcher asks it instead of switching on the language.
    private let syntax: any LanguageSyntax
    /// identifier text → token indices, built once per file.
    private let names: [String: [Int]]
    /// Innermost open `[` containing each token (built only when message patterns exist).
    private var enclosingSquare: [Int32] = []

    public init(model: FileModel, resolver: ValueResolver) {
        self.model = model
        self.syntax = FrontendRegistry.syntax(for: model.language)
        self.tokens = model.tokens
        self.partners = model.partners
        self.resolver = resolver.bound(to: model)
        var names: [String: [Int]] = [:]
        names.reserveCapacity(model.tokens.count / 4)
        // Indices, not `enumerated()`: no copy of each token (and of its strings).
        let tokens = model.tokens
        for i in tokens.indices where tokens[i].kind == .identifier || tokens[i].kind == .keyword {
            names[tokens[i].text, default: []].append(i)
        }
        self.names = names
    }

    /// All evaluations of `evaluators` in the file, ordered by position. When two evaluators
    /// match at the same place the first one listed wins.
    public mutating func evaluations(of evaluators: [EvaluatorDefinition]) -> [Evaluation] {
        let live = Set(evaluators.indices)
        if evaluators.contains(where: { $0.pattern.elements.contains(where: { if case .message = $0 { return true }; return false }) }) {
            enclosingSquare = Self.enclosingSquares(tokens, partners)
        }
        var byAnchor: [Int: Evaluation] = [:]
        var imports: [String]?
        for index in live.sorted() {
            let evaluator = evaluators[index]
            guard evaluator.languages.contains(model.language) else { continue }
            if !evaluator.requiredImports.isEmpty {
                if imports == nil { imports = ImportScanner.imports(in: model.source) }
                guard ImportScanner.satisfies(imports ?? [], evaluator.requiredImports) else { continue }
            }
            for start in candidates(evaluator.pattern) {
                guard let e = match(evaluator, at: start), byAnchor[e.anchor] == nil else { continue }
                byAnchor[e.anchor] = e
            }
        }
        return byAnchor.keys.sorted().compactMap { byAnchor[$0] }
    }

    // MARK: Candidates

    /// Token indices where the pattern's first element could start.
    private func candidates(_ p: Pattern) -> [Int] {
        guard let first = p.elements.first else { return [] }
        if case let .message(_, pieces) = first {
            guard let name = pieces.first?.name else { return [] }
            return (names[name] ?? []).compactMap { i in
                let o = Int(enclosingSquare.isEmpty ? -1 : enclosingSquare[i])
                return o >= 0 ? o : nil
            }
        }
        let lead = p.elements.prefix(while: { if case .literal = $0 { return true }; return false }).count
        if let anchor = p.anchorName, lead < p.elements.count, case .name = p.elements[lead] {
            return (names[anchor] ?? []).map { $0 - lead }.filter { $0 >= 0 }
        }
        // `$R.$KEY.isEnabled`: find the first fixed name and step back over the path before it
        // (an access may be two tokens, Swift's `?` `.`); `match` checks each start.
        if lead < p.elements.count, case .pathMeta = p.elements[lead],
           let n = p.elements.firstIndex(where: { if case .name = $0 { return true }; return false }),
           case let .name(anchor) = p.elements[n] {
            let accesses = p.elements[..<n].filter { $0 == .access }.count
            var out: [Int] = []
            for t in names[anchor] ?? [] {
                for extra in 0...accesses where t - n - extra >= 0 { out.append(t - n - extra) }
            }
            return out.sorted()
        }
        if lead < p.elements.count, case let .namePart(prefix, _, suffix) = p.elements[lead] {
            var out: [Int] = []
            for (name, idx) in names where name.count > prefix.count + suffix.count && name.hasPrefix(prefix) && name.hasSuffix(suffix) {
                out.append(contentsOf: idx.map { $0 - lead }.filter { $0 >= 0 })
            }
            return out.sorted()
        }
        return []
    }

    // MARK: Matching

    private enum Binding {
        case range(Range<Int>)
        case identifierPart(String, token: Int)
        case absent
        case unverifiable(Range<Int>)
    }

    private func isAccess(_ i: Int) -> Bool {
        guard i >= 0 && i < tokens.count, tokens[i].kind == .punctuation else { return false }
        switch tokens[i].text {
        case ".", "?.", "!.": return true
        default: return syntax.extraAccessOperators.contains(tokens[i].text)
        }
    }

    /// Length of the member access at `i` (`.`, `?.`, or Swift's postfix `?`/`!` then `.`), or 0.
    private func accessLength(at i: Int) -> Int {
        if isAccess(i) { return 1 }
        if i + 1 < tokens.count, tokens[i].kind == .punctuation, tokens[i].text == "?" || tokens[i].text == "!",
           !tokens[i].flags.contains(.spaceBefore), isAccess(i + 1) { return 2 }
        return 0
    }

    private func isExpressionEnd(_ i: Int) -> Bool {
        guard i >= 0 && i < tokens.count else { return false }
        let t = tokens[i]
        switch t.kind {
        case .identifier, .string, .number: return true
        case .keyword: return ["self", "super", "Self", "this", "cls"].contains(t.text)
        case .punctuation: return [")", "]", "}", "?", "!", ">"].contains(t.text)
        case .layout: return false
        }
    }

    /// Start of the receiver chain ending with the access just before `start`.
    private func receiverStart(before start: Int) -> Int? {
        var i = start - 1
        // Step over the access itself (`.`, or postfix `?`/`!` + `.`).
        guard i >= 0, isAccess(i) else { return nil }
        i -= 1
        if i >= 0, tokens[i].kind == .punctuation, (tokens[i].text == "?" || tokens[i].text == "!"), !tokens[i].flags.contains(.spaceBefore) { i -= 1 }
        guard isExpressionEnd(i) else { return nil }
        var chainStart = i
        // Walk back over `a.b().c[0]!.` links without recursion.
        while i >= 0 {
            let t = tokens[i]
            if t.isCloseBracket {
                let o = Int(partners[i])
                guard o >= 0 && o < i else { return chainStart }
                chainStart = o
                i = o - 1
                if i >= 0, tokens[i].kind == .identifier || (tokens[i].kind == .keyword && isExpressionEnd(i)) || tokens[i].isCloseBracket {
                    if t.text == "]" && tokens[i].kind == .punctuation { continue }
                    continue
                }
            } else if t.kind == .identifier || t.kind == .keyword || t.kind == .string || t.kind == .number {
                chainStart = i
                i -= 1
            } else if t.kind == .punctuation, (t.text == "?" || t.text == "!" || t.text == ">"), !t.flags.contains(.spaceBefore) {
                i -= 1
                continue
            } else {
                return chainStart
            }
            // Continue only through another member access.
            if i >= 0, isAccess(i) { i -= 1; continue }
            if i >= 0, tokens[i].kind == .punctuation, tokens[i].text == "?" || tokens[i].text == "!", !tokens[i].flags.contains(.spaceBefore), i + 1 < tokens.count, isAccess(i + 1) { i -= 1; continue }
            return chainStart
        }
        return chainStart
    }

    private func match(_ evaluator: EvaluatorDefinition, at start: Int) -> Evaluation? {
        let p = evaluator.pattern
        guard start < tokens.count, !tokens[start].flags.contains(.inactive) else { return nil }
        var rangeStart = start
        if p.hasReceiver {
            guard let r = receiverStart(before: start) else { return nil }
            rangeStart = r
        } else if start > 0, case .name = p.elements.first {
            // Unqualified patterns match only unqualified calls.
            let prev = start - 1
            if isAccess(prev) {
                let isGlobalScope = tokens[prev].text == "::" && !(prev > 0 && isExpressionEnd(prev - 1) && tokens[prev - 1].kind != .keyword)
                if !isGlobalScope { return nil }
            }
            if prev >= 0, tokens[prev].kind == .punctuation, tokens[prev].text == "?" || tokens[prev].text == "!",
               !tokens[prev].flags.contains(.spaceBefore), start < tokens.count, isAccess(start) { return nil }
        }
        var bindings: [String: Binding] = [:]
        var pos = start
        var anchor: Int?
        var firstArgumentsSeen = false
        for (n, element) in p.elements.enumerated() {
            guard pos < tokens.count else { return nil }
            switch element {
            case let .name(name):
                guard tokens[pos].text == name, tokens[pos].kind == .identifier || tokens[pos].kind == .keyword else { return nil }
                if !firstArgumentsSeen, n + 1 < p.elements.count, case .arguments = p.elements[n + 1], anchor == nil || !keyBeforeArguments(p) {
                    anchor = pos
                }
                pos += 1
            case let .namePart(prefix, meta, suffix):
                let t = tokens[pos]
                guard t.kind == .identifier, t.text.count > prefix.count + suffix.count, t.text.hasPrefix(prefix), t.text.hasSuffix(suffix) else { return nil }
                let middle = String(t.text.dropFirst(prefix.count).dropLast(suffix.count))
                bindings[meta] = .identifierPart(middle, token: pos)
                pos += 1
            case let .pathMeta(meta):
                guard tokens[pos].kind == .identifier else { return nil }
                bindings[meta] = .identifierPart(tokens[pos].text, token: pos)
                pos += 1
            case let .valueMeta(meta):
                // One literal, or a name with member accesses (`"x"`, `FLAG`, `flags.NEW_UI`).
                var end = pos + 1
                if tokens[pos].kind == .identifier {
                    while end + 1 < tokens.count, isAccess(end), tokens[end + 1].kind == .identifier { end += 2 }
                } else {
                    guard tokens[pos].kind == .string || tokens[pos].kind == .number else { return nil }
                }
                // The value ends the statement: `waffle_flag = "x" if a else "y"` is not one value.
                if end < tokens.count, tokens[end].kind != .layout, !tokens[end].flags.contains(.lineStart),
                   !(tokens[end].kind == .punctuation && [";", "}"].contains(tokens[end].text)) { return nil }
                bindings[meta] = .range(pos..<end)
                pos = end
            case .access:
                let len = accessLength(at: pos)
                guard len > 0 else { return nil }
                pos += len
            case let .arguments(open, args):
                guard tokens[pos].kind == .punctuation, tokens[pos].text == open else { return nil }
                let close = Int(partners[pos])
                guard close > pos else { return nil }
                guard matchArguments(args, in: pos + 1..<close, into: &bindings) else { return nil }
                firstArgumentsSeen = true
                pos = close + 1
            case let .message(receiver, pieces):
                guard tokens[pos].text == "[", tokens[pos].kind == .punctuation else { return nil }
                let close = Int(partners[pos])
                guard close > pos, matchMessage(receiver: receiver, pieces: pieces, in: pos + 1..<close, into: &bindings) else { return nil }
                anchor = anchor ?? pos
                pos = close + 1
            case let .literal(text):
                guard tokens[pos].text == text else { return nil }
                pos += 1
            }
        }
        let anchorIndex = anchor ?? start
        if isDeclaration(anchorIndex) { return nil }
        let range = min(rangeStart, start)..<pos
        let keyType = evaluator.info.keyType
        guard var key = resolveKey(bindings[Pattern.keyName], at: anchorIndex, keyType: keyType) else { return nil }
        // A name the file does not define: the session looks for it in the project's other
        // files, and its declaration, when found, wins over `key_from_identifier`.
        var keyReference: NameReference?
        if key.resolution == .dynamic, case let .range(r)? = bindings[Pattern.keyName] {
            keyReference = resolver.reference(r, in: model, at: anchorIndex, keyType: keyType)
        }
        if key.resolution == .dynamic, let template = evaluator.keyFromIdentifier, case let .range(r)? = bindings[Pattern.keyName],
           let named = nameFromIdentifier(r, template: template) {
            key = named
        }
        var value = resolveDefault(bindings[Pattern.defaultName], hasDefault: p.metavariables.contains(Pattern.defaultName), at: anchorIndex)
        var keyRange: Range<Int>?
        if case let .range(r)? = bindings[Pattern.keyName] {
            if value == .absent, let declared = resolver.declaredDefault(ofKey: r, in: model, at: anchorIndex, keyType: keyType) {
                value = declared
            }
            keyRange = byteRange(r)
        }
        var defaultRange: Range<Int>?, defaultReference: NameReference?
        if case let .range(r)? = bindings[Pattern.defaultName] {
            defaultRange = byteRange(r)
            if case .unresolved = value { defaultReference = resolver.reference(r, in: model, at: anchorIndex) }
        }
        return Evaluation(evaluator: evaluator.info, tokens: range, anchor: anchorIndex, key: key, defaultValue: value,
                          startOffset: tokens[anchorIndex].start, endOffset: tokens[pos - 1].end,
                          keyReference: keyReference, defaultReference: defaultReference, keyRange: keyRange, defaultRange: defaultRange)
    }

    private func byteRange(_ r: Range<Int>) -> Range<Int>? {
        guard !r.isEmpty, r.upperBound <= tokens.count else { return nil }
        return tokens[r.lowerBound].start..<tokens[r.upperBound - 1].end
    }

    /// `key_from_identifier`: a key written as a (qualified) name whose declaration was not
    /// found, named after its last identifier when that fits the template.
    private func nameFromIdentifier(_ r: Range<Int>, template: KeyTemplate) -> FlagKey? {
        guard let last = r.last, tokens[last].kind == .identifier, let name = template.name(in: tokens[last].text) else { return nil }
        var i = r.lowerBound
        while i < last {
            guard tokens[i].kind == .identifier || isAccess(i) else { return nil }
            i += 1
        }
        return FlagKey(value: name, expression: resolver.text(r, in: model),
                       resolution: .fromIdentifier(identifier: tokens[last].text, template: template.text))
    }

    /// docs/semantics.md: a key written in the path before the call (`Feature_$KEY::IsEnabled()`) puts
    /// the location at the path's first name instead of the function name.
    private func keyBeforeArguments(_ p: Pattern) -> Bool {
        for e in p.elements {
            switch e {
            case .namePart, .pathMeta: return true
            case .arguments: return false
            default: continue
            }
        }
        return false
    }

    private func isDeclaration(_ i: Int) -> Bool {
        for r in model.control.declarations where r.contains(i) { return true }
        return false
    }

    // MARK: Arguments

    private struct ActualArgument {
        var label: String?
        var value: Range<Int>
        /// Python `*args` / `**kwargs`.
        var star: Int = 0
    }

    private func splitArguments(_ r: Range<Int>) -> [ActualArgument] {
        guard !r.isEmpty else { return [] }
        var out: [ActualArgument] = []
        var segStart = r.lowerBound
        var i = r.lowerBound
        func add(_ s: Range<Int>) {
            guard !s.isEmpty else { return }
            var a = ActualArgument(label: nil, value: s)
            let t0 = tokens[s.lowerBound]
            if s.count >= 3, t0.kind == .identifier || t0.kind == .keyword {
                let sep = tokens[s.lowerBound + 1]
                if sep.kind == .punctuation {
                    if (syntax.argumentLabel == .equals && sep.text == "=") || (syntax.argumentLabel == .colon && sep.text == ":") {
                        a.label = t0.text
                        a.value = s.lowerBound + 2..<s.upperBound
                    }
                }
            } else if s.count == 2, syntax.argumentLabel == .colon, t0.kind == .identifier || t0.kind == .keyword, tokens[s.lowerBound + 1].text == ":" {
                a.label = t0.text
                a.value = s.upperBound..<s.upperBound
            }
            if t0.kind == .punctuation, syntax.argumentSpreads.contains(t0.text) {
                a.star = t0.text.count
            }
            out.append(a)
        }
        // Python `lambda a, b: ...` inside an argument: its parameter commas do not split.
        var inLambda = false
        while i < r.upperBound {
            if tokens[i].isOpenBracket, partners[i] > i, Int(partners[i]) < r.upperBound {
                i = Int(partners[i]) + 1
                continue
            }
            if let keyword = syntax.inlineFunctionKeyword, tokens[i].text == keyword && tokens[i].kind != .string { inLambda = true }
            if inLambda && tokens[i].kind == .punctuation && tokens[i].text == ":" { inLambda = false }
            if tokens[i].kind == .punctuation && tokens[i].text == "," && !inLambda {
                add(segStart..<i)
                segStart = i + 1
            }
            i += 1
        }
        add(segStart..<r.upperBound)
        return out
    }

    private func valueMatches(_ v: Pattern.Argument.Value, _ a: ActualArgument) -> Bool {
        switch v {
        case .meta, .ellipsis: return !a.value.isEmpty
        case let .tokens(words):
            guard a.value.count == words.count else { return false }
            return zip(a.value, words).allSatisfy { tokens[$0.0].text == $0.1 }
        case let .path(components):
            return pathBindings(components, a.value) != nil
        }
    }

    private func bind(_ v: Pattern.Argument.Value, _ a: ActualArgument, _ bindings: inout [String: Binding]) {
        switch v {
        case let .meta(m, _): bindings[m] = .range(a.value)
        case let .path(components): bindings.merge(pathBindings(components, a.value) ?? [:]) { $1 }
        case .ellipsis, .tokens: break
        }
    }

    /// `features::k$KEY`, `$NS::k$KEY`: the argument must be names joined by member accesses
    /// (a leading `::` allowed in the C family); the last names match the components one to
    /// one, a leading qualifier metavariable takes the names before them (at least one).
    private func pathBindings(_ components: [Pattern.PathComponent], _ r: Range<Int>) -> [String: Binding]? {
        var names: [Int] = []
        var i = r.lowerBound
        if i < r.upperBound, let global = syntax.globalScopeOperator, tokens[i].kind == .punctuation, tokens[i].text == global { i += 1 }
        while i < r.upperBound {
            guard tokens[i].kind == .identifier else { return nil }
            names.append(i)
            i += 1
            guard i < r.upperBound else { break }
            let len = accessLength(at: i)
            guard len > 0, i + len < r.upperBound else { return nil }
            i += len
        }
        var fixed = components[...]
        var out: [String: Binding] = [:]
        if case let .qualifier(m)? = components.first {
            fixed = components.dropFirst()
            guard names.count > fixed.count else { return nil }
            out[m] = .range(r.lowerBound..<names[names.count - fixed.count - 1] + 1)
        } else {
            guard names.count == fixed.count else { return nil }
        }
        for (c, t) in zip(fixed, names.suffix(fixed.count)) {
            let text = tokens[t].text
            switch c {
            case let .name(n):
                guard text == n else { return nil }
            case let .namePart(prefix, meta, suffix):
                guard text.count > prefix.count + suffix.count, text.hasPrefix(prefix), text.hasSuffix(suffix) else { return nil }
                out[meta] = .identifierPart(String(text.dropFirst(prefix.count).dropLast(suffix.count)), token: t)
            case .qualifier:
                return nil
            }
        }
        return out
    }

    private func matchArguments(_ pattern: [Pattern.Argument], in r: Range<Int>, into bindings: inout [String: Binding]) -> Bool {
        let actual = splitArguments(r)
        if syntax.keywordArgumentsMatchByName { return matchPython(pattern, actual, &bindings) }
        return matchSequence(pattern, actual, &bindings)
    }

    private func isOptional(_ a: Pattern.Argument) -> Bool {
        if case .meta(_, optional: true) = a.value { return true }
        return a.value == .ellipsis
    }

    /// Swift and the C family: arguments in order, labels must agree, `$X?` may be absent,
    /// one `...` takes whatever the arguments around it leave.
    private func matchSequence(_ pattern: [Pattern.Argument], _ actual: [ActualArgument], _ bindings: inout [String: Binding]) -> Bool {
        let ellipsis = pattern.firstIndex(where: { $0.value == .ellipsis })
        let prefix = ellipsis.map { Array(pattern[..<$0]) } ?? pattern
        let suffix = ellipsis.map { Array(pattern[($0 + 1)...]) } ?? []
        var j = 0
        var local = bindings
        func step(_ pa: Pattern.Argument, _ j: inout Int) -> Bool {
            if j < actual.count, pa.label == actual[j].label, valueMatches(pa.value, actual[j]) {
                bind(pa.value, actual[j], &local)
                j += 1
                return true
            }
            if case let .meta(m, optional: true) = pa.value {
                local[m] = .absent
                return true
            }
            return false
        }
        for pa in prefix where !step(pa, &j) { return false }
        var k = actual.count
        if ellipsis != nil {
            // Match the suffix from the end backwards.
            for pa in suffix.reversed() {
                if k > j, pa.label == actual[k - 1].label, valueMatches(pa.value, actual[k - 1]) {
                    bind(pa.value, actual[k - 1], &local)
                    k -= 1
                } else if case let .meta(m, optional: true) = pa.value {
                    local[m] = .absent
                } else {
                    return false
                }
            }
        } else if j != actual.count {
            return false
        }
        guard k >= j else { return false }
        bindings = local
        return true
    }

    /// Python: a pattern argument named `kw=` takes the positional argument at its position
    /// or the keyword argument `kw=`; `*args`/`**kwargs` make a missing one unverifiable.
    private func matchPython(_ pattern: [Pattern.Argument], _ actual: [ActualArgument], _ bindings: inout [String: Binding]) -> Bool {
        let hasEllipsis = pattern.contains { $0.value == .ellipsis }
        let fixed = pattern.filter { $0.value != .ellipsis }
        let positional = actual.prefix(while: { $0.label == nil && $0.star == 0 })
        let keywords = actual.filter { $0.label != nil }
        let starred = actual.filter { $0.star > 0 }
        var local = bindings
        var usedKeywords = Set<String>()
        // Arguments after `...` are the last positional ones (`f($A, ..., $KEY)` binds the
        // key to the last argument), as in Swift; those before it are the first ones.
        let before = pattern.firstIndex { $0.value == .ellipsis } ?? fixed.count
        let after = fixed.count - before
        func position(_ i: Int) -> Int? {
            if i < before { return i < positional.count ? i : nil }
            let p = positional.count - after + (i - before)
            return p >= before && p < positional.count ? p : nil
        }
        for (i, pa) in fixed.enumerated() {
            if let p = position(i) {
                guard valueMatches(pa.value, positional[positional.startIndex + p]) else { return false }
                bind(pa.value, positional[positional.startIndex + p], &local)
            } else if let kw = pa.label, let a = keywords.first(where: { $0.label == kw }) {
                guard valueMatches(pa.value, a) else { return false }
                bind(pa.value, a, &local)
                usedKeywords.insert(kw)
            } else if let s = starred.first {
                if case let .meta(m, _) = pa.value { local[m] = .unverifiable(s.value.lowerBound - 1..<s.value.upperBound) }
            } else if case let .meta(m, optional: true) = pa.value {
                local[m] = .absent
            } else {
                return false
            }
        }
        if positional.count > fixed.count && !hasEllipsis { return false }
        if !hasEllipsis && keywords.contains(where: { !usedKeywords.contains($0.label ?? "") }) { return false }
        bindings = local
        return true
    }

    /// Objective-C `[receiver piece: value piece: value]`.
    private func matchMessage(receiver: String?, pieces: [Pattern.SelectorPiece], in r: Range<Int>, into bindings: inout [String: Binding]) -> Bool {
        // Top-level `name :` pairs are selector pieces; the receiver is what precedes the first.
        var actual: [(name: String, nameToken: Int, value: Range<Int>)] = []
        var i = r.lowerBound
        var starts: [Int] = []
        while i < r.upperBound {
            if tokens[i].isOpenBracket, partners[i] > i, Int(partners[i]) < r.upperBound { i = Int(partners[i]) + 1; continue }
            if (tokens[i].kind == .identifier || tokens[i].kind == .keyword), i > r.lowerBound, i + 1 < r.upperBound,
               tokens[i + 1].kind == .punctuation, tokens[i + 1].text == ":" {
                starts.append(i)
            }
            i += 1
        }
        if starts.isEmpty {
            // Unary selector: `[receiver name]`.
            guard pieces.count == 1, pieces[0].value == nil, r.count >= 2, tokens[r.upperBound - 1].text == pieces[0].name else { return false }
            if let receiver { bindings[receiver] = .range(r.lowerBound..<r.upperBound - 1) }
            return true
        }
        for (n, s) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1] : r.upperBound
            actual.append((tokens[s].text, s, s + 2..<end))
        }
        let receiverRange = r.lowerBound..<starts[0]
        guard !receiverRange.isEmpty else { return false }
        var local = bindings
        var j = 0
        for piece in pieces {
            if j < actual.count, actual[j].name == piece.name {
                if let v = piece.value {
                    let a = ActualArgument(label: nil, value: actual[j].value)
                    guard valueMatches(v, a) else { return false }
                    bind(v, a, &local)
                }
                j += 1
            } else if case let .meta(m, optional: true)? = piece.value {
                local[m] = .absent
            } else {
                return false
            }
        }
        guard j == actual.count else { return false }
        if let receiver { local[receiver] = .range(receiverRange) }
        bindings = local
        return true
    }

    // MARK: Values

    private func resolveKey(_ b: Binding?, at use: Int, keyType: String?) -> FlagKey? {
        switch b {
        case let .identifierPart(s, _)?:
            return FlagKey(value: s, expression: s, resolution: .literal)
        case let .range(r)?:
            return resolver.key(r, in: model, at: use, keyType: keyType)
        case let .unverifiable(r)?:
            return FlagKey(value: nil, expression: resolver.text(r, in: model), resolution: .dynamic)
        case .absent?, nil:
            return nil
        }
    }

    private func resolveDefault(_ b: Binding?, hasDefault: Bool, at use: Int) -> DefaultValue {
        switch b {
        case let .range(r)?: return resolver.defaultValue(r, in: model, at: use)
        case let .unverifiable(r)?: return .unverifiable(expression: resolver.text(r, in: model))
        case let .identifierPart(s, _)?: return .unresolved(expression: s)
        case .absent?, nil: return .absent
        }
    }

    /// For each token, the innermost unclosed-before-it `[` whose partner lies after it.
    static func enclosingSquares(_ tokens: [Token], _ partners: [Int32]) -> [Int32] {
        var out = [Int32](repeating: -1, count: tokens.count)
        var stack: [Int32] = []
        for i in tokens.indices {
            let t = tokens[i]
            if t.kind == .punctuation && t.text == "]" && !stack.isEmpty && Int(partners[i]) == Int(stack.last!) {
                stack.removeLast()
            }
            out[i] = stack.last ?? -1
            if t.kind == .punctuation && t.text == "[" && partners[i] > Int32(i) {
                stack.append(Int32(i))
            }
        }
        return out
    }
}
