import FlaglintSupport
import FlaglintSyntax
import FlaglintFrontends
import FlaglintAnalysis
import FlaglintRules
import FlaglintEngine

/// A condition read for `flaglint fix`: `!`/`not`, `&&`/`and`, `||`/`or`, Swift condition lists
/// and parentheses over operands, where some operands are evaluations of a flag whose value is
/// now known. `simplify` folds the known values in and says what the condition became: a
/// constant, or the remaining text.
///
/// Exactness rules (docs/fix.md): a constant on the left of `&&`/`||` decides without evaluating
/// the right (`false && f()` is `false`, `true || f()` is `true`): the right side goes. A constant
/// on the right that decides (`f() && false`) would drop code that runs: not fixed unless the left
/// side has no call or other effect. An evaluation inside anything else (an argument, a
/// comparison other than with a boolean literal) is not fixed.
struct ConditionRewrite {
    package struct Failure: Error { var reason: String }

    enum Outcome: Equatable {
        case constant(Bool)
        /// The rewritten condition text; `changed` is false when no known operand was inside.
        case text(String, changed: Bool)
    }

    package let tokens: [Token]
    package let partners: [Int32]
    package let bytes: [UInt8]
    package let python: Bool
    /// Operand token ranges whose value is known.
    package let known: [Range<Int>: Bool]
    /// Swift `if`/`guard`/`while` conditions: a top-level `,` is a condition list (`&&`).
    package let commaIsAnd: Bool

    /// Nesting of parentheses and negations read before giving up (recursion stays bounded).
    private static let depthLimit = 64

    private indirect enum Node {
        case operand(Range<Int>)
        case not(Node, Range<Int>)
        case paren(Node, Range<Int>)
        case binary(Op, [Node], Range<Int>)

        var range: Range<Int> {
            switch self {
            case let .operand(r), let .not(_, r), let .paren(_, r), let .binary(_, _, r): return r
            }
        }
    }

    private enum Op { case list, or, and }

    private enum Value {
        case known(Bool)
        /// `primary`: needs no parentheses under `!` or a binary operator; `effects`: runs a call
        /// or assigns.
        case residual(String, primary: Bool, effects: Bool, changed: Bool)
    }

    /// Texts of parenthesised residuals → their text without the parentheses.
    private final class Unwrapped { var map: [String: String] = [:] }
    private let unwrappedBox = Unwrapped()
    private var unwrapped: [String: String] { unwrappedBox.map }

    func simplify(_ range: Range<Int>) -> Result<Outcome, Failure> {
        do {
            let node = try parse(range, depth: 0)
            switch try value(node) {
            case let .known(b): return .success(.constant(b))
            case let .residual(s, _, _, changed):
                // Parentheses left around the whole condition are redundant.
                if changed, let inner = unwrapped[s] { return .success(.text(inner, changed: true)) }
                return .success(.text(s, changed: changed))
            }
        } catch let f as Failure {
            return .failure(f)
        } catch {
            return .failure(Failure(reason: "\(error)"))
        }
    }

    // MARK: Reading

    private func isOp(_ i: Int, _ op: Op) -> Bool {
        let t = tokens[i]
        switch op {
        case .list: return commaIsAnd && t.kind == .punctuation && t.text == ","
        case .or: return python ? (t.kind == .keyword && t.text == "or") : (t.kind == .punctuation && t.text == "||")
        case .and: return python ? (t.kind == .keyword && t.text == "and") : (t.kind == .punctuation && t.text == "&&")
        }
    }

    /// Top-level token indices of `r`, bracket groups stepped over.
    private func topLevel(_ r: Range<Int>) -> [Int] {
        var out: [Int] = []
        var i = r.lowerBound
        while i < r.upperBound {
            out.append(i)
            let p = Int(partners[i])
            i = tokens[i].isOpenBracket && p > i && p < r.upperBound ? p + 1 : i + 1
        }
        return out
    }

    /// Conditional expressions, assignments and lambdas at the top level make the range one
    /// operand: their parts are not boolean operands of the condition.
    private func isOpaque(_ top: [Int]) -> Bool {
        top.contains { i in
            let t = tokens[i]
            if python { return t.kind == .keyword && (t.text == "if" || t.text == "lambda") || (t.kind == .punctuation && t.text == ":=") }
            return t.kind == .punctuation && (t.text == "?" || t.text == "=")
        }
    }

    private func parse(_ r: Range<Int>, depth: Int) throws -> Node {
        guard depth < Self.depthLimit else { throw Failure(reason: "the condition is nested too deeply to rewrite") }
        guard !r.isEmpty else { throw Failure(reason: "an empty operand") }
        let top = topLevel(r)
        for op in [Op.list, .or, .and] {
            if op != .list && isOpaque(top) { break }
            let cuts = top.filter { isOp($0, op) }
            guard !cuts.isEmpty else { continue }
            var parts: [Node] = []
            var start = r.lowerBound
            for c in cuts + [r.upperBound] {
                parts.append(try parse(start..<c, depth: depth + 1))
                start = c + 1
            }
            return .binary(op, parts, r)
        }
        let first = tokens[r.lowerBound]
        if !isOpaque(top) && ((!python && first.kind == .punctuation && first.text == "!") || (python && first.kind == .keyword && first.text == "not")) {
            return .not(try parse(r.lowerBound + 1..<r.upperBound, depth: depth + 1), r)
        }
        if first.kind == .punctuation && first.text == "(" && Int(partners[r.lowerBound]) == r.upperBound - 1 && r.count > 2 {
            return .paren(try parse(r.lowerBound + 1..<r.upperBound - 1, depth: depth + 1), r)
        }
        return .operand(r)
    }

    // MARK: Folding

    private func text(_ r: Range<Int>) -> String {
        String(decoding: bytes[tokens[r.lowerBound].start..<tokens[r.upperBound - 1].end], as: UTF8.self)
    }

    private func containsKnown(_ r: Range<Int>) -> Bool {
        known.keys.contains { r.lowerBound <= $0.lowerBound && $0.upperBound <= r.upperBound }
    }

    private static let effectTokens: Set<String> = ["(", "await", "try", "++", "--", ":=", "=", "+=", "-=", "*=", "/=", "|=", "&=", "yield"]

    private func hasEffects(_ r: Range<Int>) -> Bool {
        tokens[r].contains { Self.effectTokens.contains($0.text) && $0.kind != .string }
    }

    /// A primary expression: names, literals, member accesses and calls, nothing binary at its top.
    private func isPrimary(_ r: Range<Int>) -> Bool {
        topLevel(r).allSatisfy { i in
            let t = tokens[i]
            switch t.kind {
            case .identifier, .number, .string: return true
            case .keyword: return ["self", "super", "true", "false", "True", "False", "None", "nil"].contains(t.text)
            case .punctuation: return t.isOpenBracket || [".", "?.", "::", "->"].contains(t.text) || (t.text == "!" && i > r.lowerBound)
            case .layout: return false
            }
        }
    }

    private static let trueWords: Set<String> = ["true", "True", "YES"]
    private static let falseWords: Set<String> = ["false", "False", "NO"]

    private func operand(_ r: Range<Int>) throws -> Value {
        if let v = known[r] { return .known(v) }
        guard containsKnown(r) else {
            return .residual(text(r), primary: isPrimary(r), effects: hasEffects(r), changed: false)
        }
        // `flag == true`, `flag != false`, `false == flag`.
        let top = topLevel(r)
        let comparisons = top.filter { tokens[$0].kind == .punctuation && (tokens[$0].text == "==" || tokens[$0].text == "!=") }
        if comparisons.count == 1, let at = comparisons.first, at > r.lowerBound, at + 1 < r.upperBound {
            let lhs = r.lowerBound..<at, rhs = at + 1..<r.upperBound
            for (flag, literal) in [(lhs, rhs), (rhs, lhs)] {
                guard let v = known[flag], literal.count == 1 else { continue }
                let w = tokens[literal.lowerBound].text
                guard Self.trueWords.contains(w) || Self.falseWords.contains(w) else { continue }
                let equal = v == Self.trueWords.contains(w)
                return .known(tokens[at].text == "==" ? equal : !equal)
            }
        }
        throw Failure(reason: "the evaluation is part of an expression that is not a condition (`\(text(r))`)")
    }

    /// Folds known operands: nodes are visited children first, from an explicit stack of
    /// bounded depth (the parse above stops at `depthLimit`).
    private func value(_ node: Node) throws -> Value {
        switch node {
        case let .operand(r):
            return try operand(r)
        case let .not(inner, _):
            switch try value(inner) {
            case let .known(b): return .known(!b)
            case let .residual(s, primary, effects, changed):
                guard changed else { return .residual(text(node.range), primary: true, effects: effects, changed: false) }
                let body = primary ? s : "(" + s + ")"
                return .residual((python ? "not " : "!") + body, primary: true, effects: effects, changed: true)
            }
        case let .paren(inner, r):
            switch try value(inner) {
            case let .known(b): return .known(b)
            case let .residual(s, primary, effects, changed):
                guard changed else {
                    let t = text(r)
                    unwrappedBox.map[t] = text(inner.range)
                    return .residual(t, primary: true, effects: effects, changed: false)
                }
                if primary { return .residual(s, primary: true, effects: effects, changed: true) }
                unwrappedBox.map["(" + s + ")"] = s
                return .residual("(" + s + ")", primary: true, effects: effects, changed: true)
            }
        case let .binary(op, parts, r):
            // `&&`/`and`/`,`: a known false decides, a known true drops out; `||`/`or` the reverse.
            let decider = op == .or
            var kept: [(text: String, primary: Bool, effects: Bool)] = []
            var changed = false
            for part in parts {
                switch try value(part) {
                case let .known(b):
                    changed = true
                    if b == decider {
                        // Everything before runs in the original: dropping it must change nothing.
                        if let e = kept.first(where: { $0.effects }) {
                            throw Failure(reason: "the condition would become constant and drop `\(e.text)`, which has effects")
                        }
                        return .known(decider)
                    }
                case let .residual(s, primary, effects, c):
                    changed = changed || c
                    kept.append((s, primary, effects))
                }
            }
            guard !kept.isEmpty else { return .known(!decider) }
            let effects = kept.contains { $0.effects }
            guard changed else { return .residual(text(r), primary: false, effects: effects, changed: false) }
            // The one operand left keeps its own form (a primary stays one).
            if kept.count == 1 { return .residual(kept[0].text, primary: kept[0].primary, effects: effects, changed: true) }
            let separator: String
            switch op {
            case .list: separator = ", "
            case .or: separator = python ? " or " : " || "
            case .and: separator = python ? " and " : " && "
            }
            return .residual(kept.map(\.text).joined(separator: separator), primary: false, effects: effects, changed: true)
        }
    }
}
