import FlaglintSupport
import FlaglintSyntax
import FlaglintFrontends
import FlaglintAnalysis
import FlaglintRules
import FlaglintEngine

/// One pass of `flaglint fix` over one parsed file: the edits that fold known evaluations into
/// the decisions around them (docs/fix.md lists every rewrite), and the evaluations it could
/// not fix this pass with why.
struct FixPlanner {
    package let model: FileModel
    package let language: Language
    package let targets: [(Evaluation, FixValue)]
    package let lines: SourceLines
    package var edits: [Edit] = []
    package var notFixed: [FileFixer.NotFixed] = []
    /// Known operands (token ranges) → value, and the target each stands for.
    package var known: [Range<Int>: Bool] = [:]
    package var owner: [Range<Int>: Int] = [:]
    /// Operands that are uses of a local alias: the alias's name.
    var aliasUse: [Range<Int>: String] = [:]
    /// INDENT ↔ DEDENT (Python).
    package let blockPartner: [Int32]
    /// The flag names and keys of the decision being rewritten: a comment right above a
    /// statement that goes and that names one of them goes with it.
    package var names: Set<String> = []

    package var tokens: [Token] { model.tokens }
    package var python: Bool { language == .python }
    package var swift: Bool { language == .swift }

    package init(model: FileModel, language: Language, targets: [(Evaluation, FixValue)]) {
        self.model = model
        self.language = language
        self.targets = targets
        self.lines = SourceLines(model.source.bytes)
        var block = [Int32](repeating: -1, count: model.tokens.count)
        if language == .python {
            var open: [Int] = []
            for (i, t) in model.tokens.enumerated() where t.kind == .layout {
                if t.text == "<indent>" { open.append(i) } else if t.text == "<dedent>", let o = open.popLast() {
                    block[o] = Int32(i)
                    block[i] = Int32(o)
                }
            }
        }
        self.blockPartner = block
    }

    package struct Plan {
        package var edits: [Edit]
        package var notFixed: [FileFixer.NotFixed]
    }

    package mutating func plan() -> Plan {
        var failures: [Int: String] = [:]
        for (i, (e, v)) in targets.enumerated() {
            known[e.tokens] = v.value
            owner[e.tokens] = i
        }
        var aliasValues: Set<Int> = []
        aliases(&failures, aliasValues: &aliasValues)
        // Each known operand's host: the innermost decision condition holding it. Conditions
        // nest (or are disjoint): one sweep in source order with a stack of open conditions.
        let decisions = model.control.decisions
        var conditions: [(range: Range<Int>, decision: Int)] = []
        for (d, decision) in decisions.enumerated() {
            for arm in decision.arms { if let c = arm.condition { conditions.append((c, d)) } }
        }
        conditions.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.upperBound > $1.range.upperBound }
        var hosts: [Int: [Range<Int>]] = [:]
        var open: [(range: Range<Int>, decision: Int)] = []
        var next = 0
        for r in known.keys.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            while next < conditions.count && conditions[next].range.lowerBound <= r.lowerBound {
                while let top = open.last, top.range.upperBound <= conditions[next].range.lowerBound { open.removeLast() }
                open.append(conditions[next])
                next += 1
            }
            while let top = open.last, top.range.upperBound <= r.lowerBound { open.removeLast() }
            if let host = open.last(where: { $0.range.lowerBound <= r.lowerBound && r.upperBound <= $0.range.upperBound }) {
                hosts[host.decision, default: []].append(r)
            } else if let o = owner[r], let name = aliasUse[r] {
                failures[o] = "the alias `\(name)` is used outside a condition"
            } else if let o = owner[r], !aliasValues.contains(o) {
                failures[o] = failures[o] ?? "its value is used outside a condition (not an `if`, `guard`, `while`, ternary or local alias)"
            }
        }
        // Innermost decisions first: an outer one whose edit overlaps waits for the next pass.
        for d in hosts.keys.sorted(by: { span(decisions[$0]) < span(decisions[$1]) }) {
            let operands = hosts[d]!
            names = Set(operands.compactMap { owner[$0] }.flatMap { o in [targets[o].1.flag, targets[o].0.key.value].compactMap { $0 } })
            switch rewrite(decisions[d]) {
            case let .success(list):
                guard !list.isEmpty else { continue }
                if list.allSatisfy({ e in !edits.contains { $0.range.overlaps(e.range) || $0.range.lowerBound == e.range.lowerBound } }) {
                    edits += list
                }
            case let .failure(f):
                for r in operands { if let o = owner[r] { failures[o] = f.reason } }
            }
        }
        let out = failures.keys.sorted().map { i in
            FileFixer.NotFixed(offset: tokens[targets[i].0.anchor].start, flag: targets[i].1.flag, reason: failures[i]!)
        }
        return Plan(edits: edits.sorted { $0.range.lowerBound < $1.range.lowerBound }, notFixed: out)
    }

    package func span(_ d: ControlTree.Decision) -> Int {
        (d.arms.map { $0.body.upperBound }.max() ?? 0) - (d.arms.compactMap { $0.condition?.lowerBound }.min() ?? 0)
    }

    // MARK: Aliases

    /// `let on = eval`, `on = eval`, `bool on = eval;`: each use of the name in a condition is an
    /// operand of the evaluation's value; once no use is left, the assignment goes.
    package mutating func aliases(_ failures: inout [Int: String], aliasValues: inout Set<Int>) {
        for a in model.control.assignments {
            var value = a.value
            var negated = false
            if value.count > 1, (tokens[value.lowerBound].is("!") && !python) || (python && tokens[value.lowerBound].is("not")) {
                negated = true
                value = value.lowerBound + 1..<value.upperBound
            }
            // A trailing `;` is not part of the value.
            if value.count > 1, tokens[value.upperBound - 1].is(";") { value = value.lowerBound..<value.upperBound - 1 }
            guard let o = owner[value], let v = known[value] else { continue }
            aliasValues.insert(o)
            var uses: [Int] = []
            var other = false
            for i in a.visible where i != a.nameToken && tokens[i].kind == .identifier && tokens[i].text == a.name {
                if i > 0, [".", "?.", "->", "::"].contains(tokens[i - 1].text) && tokens[i - 1].kind == .punctuation { continue }
                if i + 1 < tokens.count, tokens[i + 1].kind == .punctuation, tokens[i + 1].text.hasSuffix("="),
                   !["==", "!=", "<=", ">=", "==="].contains(tokens[i + 1].text) { other = true }
                uses.append(i)
            }
            if other {
                failures[o] = "the alias `\(a.name)` is assigned again"
                continue
            }
            for u in uses {
                known[u..<u + 1] = negated ? !v : v
                owner[u..<u + 1] = o
                aliasUse[u..<u + 1] = a.name
            }
            guard uses.isEmpty else { continue }
            switch removeAssignment(a) {
            case let .success(e): edits.append(e)
            case let .failure(f): failures[o] = f.reason
            }
        }
    }

    func removeAssignment(_ a: ControlTree.Assignment) -> Result<Edit, ConditionRewrite.Failure> {
        // The statement: its line, holding only modifiers/`let`/a type before the name and
        // nothing after the value but `;`.
        var last = a.value.upperBound - 1
        if last + 1 < tokens.count && tokens[last + 1].is(";") { last += 1 }
        let start = lines.lineStart(tokens[a.nameToken].start)
        var i = a.nameToken - 1
        while i >= 0 && tokens[i].start >= start {
            let t = tokens[i]
            if t.kind == .layout { i -= 1; continue }
            guard t.kind == .keyword || t.kind == .identifier || t.is("*") || t.is("@") else {
                return .failure(.init(reason: "the alias `\(a.name)` shares its line with other code"))
            }
            i -= 1
        }
        guard restOfLineIsBlankOrComment(tokens[last].end) else {
            return .failure(.init(reason: "the alias `\(a.name)` shares its line with other code"))
        }
        if python && pythonSuiteWouldEmpty(first: a.nameToken, afterLast: last + 1) {
            return .success(Edit(range: start..<lines.lineEnd(tokens[last].end), replacement: lines.indentation(of: start) + "pass\n"))
        }
        return .success(Edit(range: start..<lines.lineEnd(tokens[last].end), replacement: ""))
    }

    // MARK: Text helpers

    package func byteRange(_ r: Range<Int>) -> Range<Int> { tokens[r.lowerBound].start..<tokens[r.upperBound - 1].end }

    func restOfLineIsBlankOrComment(_ offset: Int) -> Bool {
        if lines.onlyBlankAfter(offset) { return true }
        let end = lines.lineEnd(offset)
        for c in model.comments where c.start >= offset && c.start < end {
            return lines.bytes[offset..<c.start].allSatisfy(SourceLines.isBlank) && lines.onlyBlankAfter(c.end)
        }
        return false
    }

    /// Last token of `r` that is not Python layout.
    func lastCode(_ r: Range<Int>) -> Int? {
        var i = r.upperBound - 1
        while i >= r.lowerBound && tokens[i].kind == .layout { i -= 1 }
        return i >= r.lowerBound ? i : nil
    }

    /// Python: deleting the statement from token `first` to before `afterLast` leaves its suite empty.
    func pythonSuiteWouldEmpty(first: Int, afterLast: Int) -> Bool {
        guard first > 0, tokens[first - 1].kind == .layout, tokens[first - 1].text == "<indent>" else { return false }
        var j = afterLast
        while j < tokens.count && tokens[j].kind == .layout && tokens[j].text == "\n" { j += 1 }
        return j >= tokens.count || (tokens[j].kind == .layout && tokens[j].text == "<dedent>")
    }

    // MARK: Decisions

    package typealias Failure = ConditionRewrite.Failure

    package func condition(_ c: Range<Int>, commaIsAnd: Bool) -> Result<ConditionRewrite.Outcome, Failure> {
        ConditionRewrite(tokens: tokens, partners: model.partners, bytes: lines.bytes, python: python,
                         known: known.filter { c.lowerBound <= $0.key.lowerBound && $0.key.upperBound <= c.upperBound },
                         commaIsAnd: commaIsAnd).simplify(c)
    }

    package func rewrite(_ d: ControlTree.Decision) -> Result<[Edit], Failure> {
        switch d.kind {
        case .ifChain: return ifChain(d)
        case .guardStatement: return guardStatement(d)
        case .whileLoop: return whileLoop(d)
        case .ternary: return ternary(d)
        case .comprehensionIf: return comprehension(d)
        }
    }

    /// The keyword token opening an arm with a condition (`if`, `elif`, `guard`, `while`).
    package func keyword(before c: Range<Int>, _ words: Set<String>) -> Int? {
        var k = c.lowerBound - 1
        if language.isCFamily {
            guard k >= 0, tokens[k].is("("), Int(model.partners[k]) == c.upperBound else { return nil }
            k -= 1
        }
        guard k >= 0, tokens[k].kind == .keyword, words.contains(tokens[k].text) else { return nil }
        return k
    }

    /// The `else` opening a final else arm whose body starts at `body`.
    func elseKeyword(of body: Range<Int>) -> Int? {
        var k = body.lowerBound - 1
        while k >= 0 && tokens[k].kind == .layout { k -= 1 }
        if python {
            guard k >= 0, tokens[k].is(":") else { return nil }
            k -= 1
        } else if k >= 0 && tokens[k].is("{") && Int(model.partners[k]) == body.upperBound {
            k -= 1
        }
        guard k >= 0, tokens[k].kind == .keyword, tokens[k].text == "else" else { return nil }
        return k
    }

    /// Where an arm's body is in bytes (its content, without braces), its last token, and
    /// whether braces enclose it.
    struct ArmBody {
        package var content: Range<Int>
        var lastToken: Int
        var braced: Bool
    }

    func armBody(_ body: Range<Int>) -> ArmBody? {
        if python {
            guard let last = lastCode(body) else { return nil }
            let first = body.lowerBound
            let block = first >= 2 && tokens[first - 1].kind == .layout && tokens[first - 1].text == "<indent>"
            // A block starts on the line after the header's `:`: comments before its first
            // statement belong to it.
            var colon = first - 1
            while colon > 0 && tokens[colon].kind == .layout { colon -= 1 }
            let start = block ? min(lines.lineEnd(tokens[colon].end), lines.lineStart(tokens[first].start)) : tokens[first].start
            return ArmBody(content: start..<(block ? lines.lineEnd(tokens[last].end) : tokens[last].end), lastToken: last, braced: false)
        }
        if body.lowerBound > 0, tokens[body.lowerBound - 1].is("{"), body.upperBound < tokens.count, tokens[body.upperBound].is("}"),
           Int(model.partners[body.lowerBound - 1]) == body.upperBound {
            return ArmBody(content: tokens[body.lowerBound - 1].end..<tokens[body.upperBound].start, lastToken: body.upperBound, braced: true)
        }
        guard !body.isEmpty else { return nil }
        return ArmBody(content: byteRange(body), lastToken: body.upperBound - 1, braced: false)
    }

    /// Code moved to another indentation must not hold text whose value depends on it.
    func movable(_ content: Range<Int>) -> Result<Void, Failure> {
        if swift { return .success(()) }
        let newline = UInt8(ascii: "\n")
        for t in tokens where t.kind == .string && t.start >= content.lowerBound && t.end <= content.upperBound {
            if lines.bytes[t.start..<t.end].contains(newline) {
                return .failure(.init(reason: "a multi-line string in the kept branch would change if re-indented"))
            }
        }
        return .success(())
    }

    /// The bytes of a whole statement from its first to its last token, widened to whole lines
    /// when it has them to itself.
    func statementLines(first: Int, last: Int) -> Result<Range<Int>, Failure> {
        let s = tokens[first].start, e = tokens[last].end
        guard lines.onlyBlankBefore(s) else { return .failure(.init(reason: "the statement shares its first line with other code")) }
        guard restOfLineIsBlankOrComment(e) else { return .failure(.init(reason: "the statement shares its last line with other code")) }
        return .success(commentsAbove(lines.lineStart(s))..<lines.lineEnd(e))
    }

    /// A deleted statement's lines, widened so that it leaves no doubled blank line and no blank
    /// line at the start or end of its block.
    func tidyBlankLines(_ range: Range<Int>, after previous: Int?) -> Range<Int> {
        func blankLine(_ start: Int) -> Bool { start < lines.bytes.count && lines.onlyBlankAfter(start) && lines.lineEnd(start) > start }
        let nextBlank = blankLine(range.upperBound)
        let prevStart = range.lowerBound > 0 ? lines.lineStart(range.lowerBound - 1) : nil
        let prevBlank = prevStart.map { blankLine($0) } ?? false
        let opensBlock = previous.map { tokens[$0].is("{") || (tokens[$0].kind == .layout && tokens[$0].text == "<indent>") || tokens[$0].is(":") } ?? false
        if nextBlank && (prevBlank || opensBlock || prevStart == nil) {
            return range.lowerBound..<lines.lineEnd(range.upperBound)
        }
        // `}` or the end of the file right after: the blank line before goes.
        var k = range.upperBound
        while k < lines.bytes.count && SourceLines.isBlank(lines.bytes[k]) { k += 1 }
        if prevBlank, let p = prevStart, k >= lines.bytes.count || lines.bytes[k] == UInt8(ascii: "}") {
            return p..<range.upperBound
        }
        return range
    }

    /// The start of the comment lines directly above `start` when one of them names the flag
    /// (they describe the check that goes); else `start`.
    func commentsAbove(_ start: Int) -> Int {
        var from = start
        var mentions = false
        while from > 0 {
            let prev = lines.lineStart(from - 1)
            guard let c = model.comments.first(where: { $0.start >= prev && $0.start < from }),
                  lines.onlyBlankBefore(c.start), lines.lineEnd(c.end) == from, lines.onlyBlankAfter(c.end) else { break }
            if names.contains(where: { c.text.contains($0) }) { mentions = true }
            from = prev
        }
        return mentions ? from : start
    }

    /// Replace the statement `first...last` by `body` (an arm's content), re-indented to the
    /// statement's column; `exit`: the body ends the block, so what follows in it goes too.
    package func collapse(first: Int, last: Int, end: Int, into body: ArmBody?, exit: ExitKind?) -> Result<[Edit], Failure> {
        let range: Range<Int>
        switch statementLines(first: first, last: last) {
        case let .success(r): range = r
        case let .failure(f): return .failure(f)
        }
        let indentation = lines.indentation(of: tokens[first].start)
        guard let body else {
            if python && pythonSuiteWouldEmpty(first: first, afterLast: end) {
                return .success([Edit(range: range, replacement: indentation + "pass\n")])
            }
            return .success([Edit(range: tidyBlankLines(range, after: first > 0 ? first - 1 : nil), replacement: "")])
        }
        if case let .failure(f) = movable(body.content) { return .failure(f) }
        var text = lines.reindented(body.content, to: indentation)
        if text.isEmpty && python { text = indentation + "pass\n" }
        var out = [Edit(range: range, replacement: text)]
        if let exit, exit == .function || exit == .thrown, let dead = deadCode(after: max(last, end - 1), statementEnd: range.upperBound) {
            out.append(Edit(range: dead, replacement: ""))
        }
        return .success(out)
    }

    /// The rest of the block after the statement ending at token `last` (bytes from
    /// `statementEnd`): unreachable once the statement always exits. Nil when there is none or
    /// it holds case labels or preprocessor directives (other paths into it).
    func deadCode(after last: Int, statementEnd: Int) -> Range<Int>? {
        guard let closer = enclosingBlockEnd(after: last) else { return nil }
        var lastDead = closer - 1
        while lastDead > last && tokens[lastDead].kind == .layout { lastDead -= 1 }
        guard lastDead > last else { return nil }
        for i in last + 1...lastDead {
            let t = tokens[i]
            if t.kind == .keyword && ["case", "default", "#if", "#else", "#elseif", "#endif"].contains(t.text) { return nil }
            if language.isCFamily && t.is("#") { return nil }
            if !python && t.kind == .identifier && i + 1 <= lastDead && tokens[i + 1].is(":") && t.flags.contains(.lineStart) { return nil }
        }
        let end = lines.lineEnd(tokens[lastDead].end)
        guard restOfLineIsBlankOrComment(tokens[lastDead].end), end > statementEnd else { return nil }
        return statementEnd..<end
    }

    /// The token that closes the block holding token `i` (`}` or a Python DEDENT).
    func enclosingBlockEnd(after i: Int) -> Int? {
        var k = i + 1
        while k < tokens.count {
            let t = tokens[k]
            if python {
                if t.kind == .layout && t.text == "<indent>" && blockPartner[k] > k { k = Int(blockPartner[k]) + 1; continue }
                if t.kind == .layout && t.text == "<dedent>" { return k }
            } else {
                if t.isOpenBracket && model.partners[k] > k { k = Int(model.partners[k]) + 1; continue }
                if t.is("}") { return k }
            }
            k += 1
        }
        return python ? tokens.count : nil
    }

    package func ifChain(_ d: ControlTree.Decision) -> Result<[Edit], Failure> {
        let arms = d.arms
        var keywords: [Int] = []
        for (n, arm) in arms.enumerated() {
            if let c = arm.condition {
                let words: Set<String> = python ? (n == 0 ? ["if"] : ["elif"]) : ["if"]
                guard let k = keyword(before: c, words) else { return .failure(.init(reason: "not an `if` statement flaglint can rewrite")) }
                keywords.append(k)
            } else {
                guard let k = elseKeyword(of: arm.body) else { return .failure(.init(reason: "an `else` flaglint cannot place")) }
                keywords.append(k)
            }
        }
        var bodies: [ArmBody] = []
        for arm in arms {
            guard let b = armBody(arm.body) else { return .failure(.init(reason: "an empty or unreadable branch")) }
            bodies.append(b)
        }
        var out: [Edit] = []
        for (n, arm) in arms.enumerated() {
            guard let c = arm.condition else { break }
            let outcome: ConditionRewrite.Outcome
            switch condition(c, commaIsAnd: swift) {
            case let .success(o): outcome = o
            case let .failure(f): return .failure(f)
            }
            switch outcome {
            case let .text(s, changed):
                if changed { out.append(Edit(range: byteRange(c), replacement: s)) }
                continue
            case let .constant(value):
                let lastToken = bodies[arms.count - 1].lastToken
                if value {
                    if n == 0 {
                        return collapse(first: keywords[0], last: lastToken, end: d.end, into: bodies[0], exit: arm.exit).map { out + $0 }
                    }
                    // `else if C {B} ...` → `else {B}`: the later arms go.
                    if python {
                        out.append(Edit(range: tokens[keywords[n]].start..<tokens[c.upperBound].end, replacement: "else:"))
                        if n + 1 < arms.count {
                            let from = lines.lineEnd(tokens[bodies[n].lastToken].end)
                            out.append(Edit(range: from..<lines.lineEnd(tokens[lastToken].end), replacement: ""))
                        }
                        return .success(out)
                    }
                    let keep = bodies[n].braced ? "{" + lines.text(bodies[n].content) + "}" : lines.text(bodies[n].content)
                    out.append(Edit(range: tokens[keywords[n]].start..<tokens[lastToken].end, replacement: keep))
                    return .success(out)
                }
                // A false arm goes.
                if n == 0 {
                    if arms.count == 1 { return collapse(first: keywords[0], last: lastToken, end: d.end, into: nil, exit: nil).map { out + $0 } }
                    if arms[1].condition == nil {
                        return collapse(first: keywords[0], last: lastToken, end: d.end, into: bodies[1], exit: arms[1].exit).map { out + $0 }
                    }
                    // `if C {A} else if D {B}` → `if D {B}`.
                    let next = keywords[1]
                    out.append(Edit(range: tokens[keywords[0]].start..<tokens[next].end, replacement: "if"))
                    return .success(out)
                }
                if python {
                    let from = lines.lineStart(tokens[keywords[n]].start)
                    out.append(Edit(range: from..<lines.lineEnd(tokens[bodies[n].lastToken].end), replacement: ""))
                } else {
                    // From the end of the previous arm through this one: `} else if C {...}`.
                    let from = tokens[bodies[n - 1].lastToken].end
                    out.append(Edit(range: from..<tokens[bodies[n].lastToken].end, replacement: ""))
                }
                return .success(out)
            }
        }
        return .success(out)
    }

    /// Folds condition `c`: rewritten text replaces it; a constant goes to `constant`.
    func fold(_ c: Range<Int>, commaIsAnd: Bool, constant: (Bool) -> Result<[Edit], Failure>) -> Result<[Edit], Failure> {
        switch condition(c, commaIsAnd: commaIsAnd) {
        case let .failure(f): return .failure(f)
        case let .success(.text(s, changed)): return .success(changed ? [Edit(range: byteRange(c), replacement: s)] : [])
        case let .success(.constant(v)): return constant(v)
        }
    }

    package func guardStatement(_ d: ControlTree.Decision) -> Result<[Edit], Failure> {
        guard let arm = d.arms.first, let c = arm.condition, let k = keyword(before: c, ["guard"]), let body = armBody(arm.body), body.braced else {
            return .failure(.init(reason: "not a `guard` statement flaglint can rewrite"))
        }
        return fold(c, commaIsAnd: true) { value in
            if value { return collapse(first: k, last: body.lastToken, end: d.end, into: nil, exit: nil) }
            // The else body always runs: it replaces the guard and the rest of the block.
            guard let closer = enclosingBlockEnd(after: body.lastToken), closer < tokens.count else {
                return .failure(.init(reason: "a `guard` outside a block"))
            }
            for i in body.lastToken + 1..<closer where tokens[i].kind == .keyword && ["#if", "#else", "#elseif", "#endif", "case", "default"].contains(tokens[i].text) {
                return .failure(.init(reason: "the code after the `guard` has `#if` directives or case labels"))
            }
            let lastInBlock = max(closer - 1, body.lastToken)
            return collapse(first: k, last: lastInBlock, end: closer, into: body, exit: nil)
        }
    }

    package func whileLoop(_ d: ControlTree.Decision) -> Result<[Edit], Failure> {
        guard let arm = d.arms.first, let c = arm.condition, let k = keyword(before: c, ["while"]) else {
            return .failure(.init(reason: "not a `while` loop flaglint can rewrite"))
        }
        return fold(c, commaIsAnd: swift) { value in
            if value { return .success([Edit(range: byteRange(c), replacement: python ? "True" : language.isCFamily ? "1" : "true")]) }
            guard let body = armBody(arm.body) else { return .failure(.init(reason: "a `while` loop without a body")) }
            if python, let j = Optional(arm.body.upperBound + 1), j < tokens.count, tokens[j].is("else") {
                return .failure(.init(reason: "a `while ... else` loop"))
            }
            return collapse(first: k, last: body.lastToken, end: python ? d.end + 1 : d.end, into: nil, exit: nil)
        }
    }

    package func ternary(_ d: ControlTree.Decision) -> Result<[Edit], Failure> {
        guard d.arms.count == 2, let c = d.arms[0].condition, !d.arms[0].body.isEmpty, !d.arms[1].body.isEmpty else {
            return .failure(.init(reason: "not a conditional expression flaglint can rewrite"))
        }
        let then = d.arms[0].body, other = d.arms[1].body
        // `C ? A : B`, Python `A if C else B`: check the separators are where they must be.
        let whole: Range<Int>
        if python {
            guard then.upperBound == c.lowerBound - 1, tokens[then.upperBound].is("if"), c.upperBound == other.lowerBound - 1, tokens[c.upperBound].is("else") else {
                return .failure(.init(reason: "not a conditional expression flaglint can rewrite"))
            }
            whole = then.lowerBound..<other.upperBound
        } else {
            guard c.upperBound == then.lowerBound - 1, tokens[c.upperBound].is("?"), then.upperBound == other.lowerBound - 1, tokens[then.upperBound].is(":") else {
                return .failure(.init(reason: "not a conditional expression flaglint can rewrite"))
            }
            whole = c.lowerBound..<other.upperBound
        }
        return fold(c, commaIsAnd: false) { v in
            let live = v ? then : other
            return .success([Edit(range: byteRange(whole), replacement: lines.text(byteRange(live)))])
        }
    }

    package func comprehension(_ d: ControlTree.Decision) -> Result<[Edit], Failure> {
        guard let c = d.arms.first?.condition, c.lowerBound >= 2, tokens[c.lowerBound - 1].is("if") else {
            return .failure(.init(reason: "not a comprehension filter flaglint can rewrite"))
        }
        return fold(c, commaIsAnd: false) { v in
            guard v else { return .failure(.init(reason: "the comprehension's filter is always false: it would produce nothing")) }
            return .success([Edit(range: tokens[c.lowerBound - 2].end..<tokens[c.upperBound - 1].end, replacement: "")])
        }
    }
}
