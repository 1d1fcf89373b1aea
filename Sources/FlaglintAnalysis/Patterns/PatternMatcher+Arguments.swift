/// Argument lists: splitting a call's arguments, binding them to a pattern's (positional,
/// labelled, keyword-matched), qualified-name paths and Objective-C messages.
extension PatternMatcher {

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
    func pathBindings(_ components: [Pattern.PathComponent], _ r: Range<Int>) -> [String: Binding]? {
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

    func matchArguments(_ pattern: [Pattern.Argument], in r: Range<Int>, into bindings: inout [String: Binding]) -> Bool {
        let actual = splitArguments(r)
        if syntax.keywordArgumentsMatchByName { return matchByKeyword(pattern, actual, &bindings) }
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
    private func matchByKeyword(_ pattern: [Pattern.Argument], _ actual: [ActualArgument], _ bindings: inout [String: Binding]) -> Bool {
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
    func matchMessage(receiver: String?, pieces: [Pattern.SelectorPiece], in r: Range<Int>, into bindings: inout [String: Binding]) -> Bool {
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
}
