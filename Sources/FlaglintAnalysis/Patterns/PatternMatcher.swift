import FlaglintSyntax
import FlaglintFrontends

/// Finds the evaluations of a set of evaluators in one file, on tokens.
///
/// Whitespace, newlines and comments never matter (they are not tokens); `.` in a pattern
/// matches every member-access spelling; labels, keywords and selector pieces are honoured.
public struct PatternMatcher {
    public let model: FileModel
    package let tokens: [Token]
    package let partners: [Int32]
    package let resolver: ValueResolver
    /// The file's surface syntax: the matcher asks it instead of switching on the language.
    package let syntax: any LanguageSyntax
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

    enum Binding {
        case range(Range<Int>)
        case identifierPart(String, token: Int)
        case absent
        case unverifiable(Range<Int>)
    }

    func isAccess(_ i: Int) -> Bool {
        guard i >= 0 && i < tokens.count, tokens[i].kind == .punctuation else { return false }
        switch tokens[i].text {
        case ".", "?.", "!.": return true
        default: return syntax.extraAccessOperators.contains(tokens[i].text)
        }
    }

    /// Length of the member access at `i` (`.`, `?.`, or Swift's postfix `?`/`!` then `.`), or 0.
    func accessLength(at i: Int) -> Int {
        if isAccess(i) { return 1 }
        if i + 1 < tokens.count, tokens[i].kind == .punctuation, tokens[i].text == "?" || tokens[i].text == "!",
           !tokens[i].flags.contains(.spaceBefore), isAccess(i + 1) { return 2 }
        return 0
    }

    func isExpressionEnd(_ i: Int) -> Bool {
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

    package func byteRange(_ r: Range<Int>) -> Range<Int>? {
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
