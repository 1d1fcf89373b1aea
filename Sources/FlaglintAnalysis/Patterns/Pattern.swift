/// A parsed evaluator pattern (rules/README.md): code-shaped text with metavariables.
///
///     $CLIENT.boolVariation(forKey: $KEY, defaultValue: $DEFAULT)
///     variation(key=$KEY, context=$CTX, default=$DEFAULT?, ...)
///     Feature_$KEY::IsEnabled()
///     [$R boolVariationForKey: $KEY defaultValue: $DEFAULT]
///
/// The same pattern applies to every language it is configured for; spelling differences
/// (`.` vs `->`/`::`, labels vs keywords) are the matcher's business.
public struct Pattern: Sendable {
    public let text: String
    /// A leading `$R.`: the match needs a receiver chain before the first element.
    public let hasReceiver: Bool
    public let elements: [Element]

    public enum Element: Sendable, Equatable {
        /// An identifier spelled exactly.
        case name(String)
        /// An identifier holding a metavariable: `Feature_$KEY` (prefix "Feature_", suffix "").
        case namePart(prefix: String, meta: String, suffix: String)
        /// A metavariable standing for one identifier of a member path (`FeatureFlag.$KEY.enabled`).
        case pathMeta(String)
        /// A metavariable after `=`: the assigned value, one literal or (qualified) name
        /// (`waffle_flag = $KEY`).
        case valueMeta(String)
        /// Member access: `.` `?.` `!.` `->` `::`.
        case access
        /// A call or subscript argument list: `(` args `)` or `[` args `]`.
        case arguments(open: String, [Argument])
        /// An Objective-C message `[$R sel: $X other: $Y]`.
        case message(receiver: String?, pieces: [SelectorPiece])
        /// Any other literal token (`@`, `!`, a keyword).
        case literal(String)
    }

    public struct Argument: Sendable, Equatable {
        public enum Value: Sendable, Equatable {
            case meta(String, optional: Bool)
            case ellipsis
            /// Literal tokens that must appear as written (`true`, `"x"`).
            case tokens([String])
            /// A qualified name with a metavariable part, the whole argument:
            /// `features::k$KEY`, `$NS::k$KEY`, `Flags.$KEY`.
            case path([PathComponent])
        }
        /// Swift label (`forKey:`) or Python keyword (`default=`).
        public var label: String?
        public var value: Value
    }

    /// One name of a `.path` argument; the components are joined by member accesses.
    public enum PathComponent: Sendable, Equatable {
        /// An identifier spelled exactly.
        case name(String)
        /// An identifier holding a metavariable (`k$KEY`, `$KEY`).
        case namePart(prefix: String, meta: String, suffix: String)
        /// A leading metavariable: any qualifier, one name or several (`$NS` in `$NS::k$KEY`).
        case qualifier(String)
    }

    public struct SelectorPiece: Sendable, Equatable {
        public var name: String
        public var value: Argument.Value?
    }

    /// Metavariables with a meaning of their own.
    public static let keyName = "KEY"
    public static let defaultName = "DEFAULT"

    /// Parses a pattern; throws `PatternError` for a pattern that cannot match anything.
    public static func parse(_ text: String) throws -> Pattern {
        var parser = PatternParser(text: text)
        return try parser.parse()
    }

    /// Identifier texts every match must contain (for the byte prefilter).
    public var requiredNames: [String] {
        var out: [String] = []
        for e in elements {
            switch e {
            case let .name(n): out.append(n)
            case let .namePart(prefix, _, suffix):
                if prefix.count >= suffix.count, !prefix.isEmpty { out.append(prefix) } else if !suffix.isEmpty { out.append(suffix) }
            case let .message(_, pieces): out.append(contentsOf: pieces.map(\.name))
            default: break
            }
        }
        return out
    }

    /// The one name the byte prefilter looks for: a match contains every required name, so the
    /// most selective (longest) one is enough, and short words like `base` or `user` would let
    /// most files through.
    public var prefilterName: String? {
        requiredNames.max { ($0.count, $1) < ($1.count, $0) }
    }

    /// The first identifier the matcher looks up to find candidates, if any.
    var anchorName: String? {
        for e in elements {
            switch e {
            case let .name(n): return n
            case let .message(_, pieces): return pieces.first?.name
            case .namePart: return nil
            case .literal: continue
            default: return nil
            }
        }
        return nil
    }

    var metavariables: [String] {
        var out: [String] = []
        func add(_ v: Argument.Value?) {
            switch v {
            case let .meta(m, _)?: out.append(m)
            case let .path(components)?:
                for c in components {
                    switch c {
                    case let .namePart(_, m, _), let .qualifier(m): out.append(m)
                    case .name: break
                    }
                }
            default: break
            }
        }
        for e in elements {
            switch e {
            case let .namePart(_, m, _), let .pathMeta(m), let .valueMeta(m): out.append(m)
            case let .arguments(_, args): args.forEach { add($0.value) }
            case let .message(r, pieces):
                if let r { out.append(r) }
                pieces.forEach { add($0.value) }
            default: break
            }
        }
        return out
    }
}

/// The pattern language's own small tokenizer and parser: patterns are short, so this is
/// simple and strict, with column numbers for errors.
struct PatternParser {
    enum Tok: Equatable {
        case ident(String)           // may contain `$NAME` parts
        case meta(String, optional: Bool)
        case string(String)          // exact spelling
        case number(String)
        case ellipsis
        case access
        case punct(String)
    }
    package let text: String
    var toks: [(Tok, Int)] = []      // token and 1-based column
    package var pos = 0

    package init(text: String) { self.text = text }

    package mutating func parse() throws -> Pattern {
        try tokenize()
        guard !toks.isEmpty else { throw PatternError("empty pattern", column: 1) }
        var elements: [Pattern.Element] = []
        var hasReceiver = false
        if case .meta(_, optional: false) = toks[0].0, toks.count > 1, toks[1].0 == .access {
            hasReceiver = true
            pos = 2
        }
        if pos < toks.count, toks[pos].0 == .punct("["), let msg = try parseMessage() {
            elements.append(msg)
        }
        while pos < toks.count {
            let (t, col) = toks[pos]
            switch t {
            case let .ident(s):
                if case .arguments? = elements.last {
                    throw PatternError("unexpected `\(s)` after an argument list (a pattern continues with `.` or ends there)", column: col)
                }
                elements.append(try identElement(s, column: col, afterAccess: elements.last == .access))
                pos += 1
            case let .meta(m, optional):
                if optional {
                    throw PatternError("`$\(m)?` (may be absent) is allowed only as an argument, as in `f($KEY, $DEFAULT?)`", column: col)
                }
                if elements.last == .literal("="), elements.count >= 2 {
                    elements.append(.valueMeta(m))
                    pos += 1
                    if pos < toks.count {
                        throw PatternError("`$\(m)` after `=` is the whole assigned value: nothing may follow it", column: toks[pos].1)
                    }
                    continue
                }
                // After `.`, or first after a receiver (`$R.$KEY.isEnabled`): one member of a path.
                guard elements.last == .access || (hasReceiver && elements.isEmpty) else {
                    if pos == 0 {
                        throw PatternError("the pattern starts with `$\(m)` not followed by `.`: a leading metavariable is a receiver (`$R.isEnabled($KEY)`)", column: col)
                    }
                    throw PatternError("`$\(m)` follows \(describe(toks[pos - 1].0)) directly: outside an argument list a metavariable is a receiver (`$R.name`) or one member of a path after `.` (`Flags.$KEY.enabled`)", column: col)
                }
                elements.append(.pathMeta(m))
                pos += 1
            case .access:
                if elements.last == .access { throw PatternError("two member accesses in a row", column: col) }
                elements.append(.access)
                pos += 1
            case .punct("("), .punct("["):
                guard let last = elements.last, last != .access, !isLiteralAt(last) else {
                    throw PatternError("an argument list must follow a name", column: col)
                }
                elements.append(try parseArguments())
            case let .punct(p) where p == ")" || p == "]" || p == "}":
                throw PatternError("unbalanced `\(p)`", column: col)
            case let .punct(p):
                elements.append(.literal(p))
                pos += 1
            case let .string(s), let .number(s):
                elements.append(.literal(s))
                pos += 1
            case .ellipsis:
                throw PatternError("`...` is allowed only inside an argument list", column: col)
            }
        }
        if elements.last == .access { throw PatternError("pattern ends with a member access", column: text.count) }
        guard elements.contains(where: {
            switch $0 { case .name, .namePart, .message: return true; default: return false }
        }) else {
            throw PatternError("a pattern needs at least one fixed name (a method, function or type)", column: 1)
        }
        let pattern = Pattern(text: text, hasReceiver: hasReceiver, elements: elements)
        let metas = pattern.metavariables
        guard metas.contains(Pattern.keyName) else {
            throw PatternError("a pattern needs `$KEY` (where the flag key is)" + Self.keyHint(text, metas: metas), column: 1)
        }
        var seen = Set<String>()
        for m in metas where !seen.insert(m).inserted {
            throw PatternError("metavariable `$\(m)` appears twice", column: 1)
        }
        return pattern
    }

    /// Why `$KEY` was not found, when the text suggests a cause.
    static func keyHint(_ text: String, metas: [String]) -> String {
        if text.contains("$key") || text.contains("$Key") { return ": metavariable names are upper case (`$KEY`)" }
        if text.contains("$KEY") { return ": `$KEY` is written inside literal text the parser did not read as a metavariable" }
        if metas.isEmpty { return "; this pattern has no metavariable at all" }
        return "; it has only " + metas.map { "`$\($0)`" }.joined(separator: ", ")
    }

    /// How an error message names a pattern token.
    package func describe(_ t: Tok) -> String {
        switch t {
        case let .ident(s): return "the name `\(s)`"
        case let .meta(m, _): return "the metavariable `$\(m)`"
        case let .string(s), let .number(s): return "the literal `\(s)`"
        case .ellipsis: return "`...`"
        case .access: return "a member access"
        case let .punct(p): return "`\(p)`"
        }
    }

    private func isLiteralAt(_ e: Pattern.Element) -> Bool {
        if case .literal = e { return true }
        return false
    }

    private func identElement(_ s: String, column: Int, afterAccess: Bool) throws -> Pattern.Element {
        guard let dollar = s.firstIndex(of: "$") else { return .name(s) }
        let prefix = String(s[..<dollar])
        var rest = s[s.index(after: dollar)...]
        let run = String(rest.prefix(while: { $0.isUppercase || $0.isNumber || $0 == "_" }))
        let name = Self.metavariableInIdentifier(run, followedByLowercase: rest.dropFirst(run.count).first?.isLowercase ?? false)
        rest = rest.dropFirst(name.count)
        guard !name.isEmpty else {
            throw PatternError("in `\(s)`, `$` must be followed by an upper-case metavariable name (`\(prefix)$KEY`)", column: column)
        }
        if rest.contains("$") { throw PatternError("`\(s)` holds two metavariables: an identifier may hold only one", column: column) }
        return .namePart(prefix: prefix, meta: name, suffix: String(rest))
    }

    /// The metavariable name at the start of `run` (the run of upper-case letters, digits and
    /// `_` after a `$` inside an identifier). `$KEY` and `$DEFAULT` are taken as soon as the run
    /// starts with them, so that `Is$KEYEnabled`, `Feature_$KEY_Enabled` and `k$KEY_ON` all mean
    /// `$KEY` with a suffix; any other name ends before a camel-case word (`$NAMEEnabled` is
    /// `$NAME` + `Enabled`) and leaves a trailing `_` to the suffix.
    static func metavariableInIdentifier(_ run: String, followedByLowercase: Bool) -> String {
        for known in [Pattern.keyName, Pattern.defaultName] where run.hasPrefix(known) { return known }
        var name = Substring(run)
        // The last capital starts the camel-case suffix (`Enabled`) when lower-case letters follow.
        if followedByLowercase, name.count > 1, let last = name.last, last.isUppercase { name = name.dropLast() }
        while name.count > 1, name.last == "_" { name = name.dropLast() }
        return String(name)
    }

    private mutating func parseArguments() throws -> Pattern.Element {
        let (openTok, openCol) = toks[pos]
        guard case let .punct(open) = openTok else { throw PatternError("expected `(`", column: openCol) }
        let close = open == "(" ? ")" : "]"
        pos += 1
        var args: [Pattern.Argument] = []
        while true {
            guard pos < toks.count else { throw PatternError("unclosed `\(open)`", column: openCol) }
            if toks[pos].0 == .punct(close) { pos += 1; break }
            var label: String?
            if case let .ident(l) = toks[pos].0, !l.contains("$"), pos + 1 < toks.count,
               toks[pos + 1].0 == .punct(":") || toks[pos + 1].0 == .punct("=") {
                label = l
                pos += 2
            }
            let value = try parseValue(until: [.punct(","), .punct(close)], openColumn: openCol)
            args.append(.init(label: label, value: value))
            if pos < toks.count, toks[pos].0 == .punct(",") { pos += 1 }
        }
        if args.filter({ $0.value == .ellipsis }).count > 1 {
            throw PatternError("at most one `...` per argument list", column: openCol)
        }
        return .arguments(open: open, args)
    }

    /// One argument value: a metavariable, `...`, or literal tokens up to a terminator.
    private mutating func parseValue(until terminators: [Tok], openColumn: Int) throws -> Pattern.Argument.Value {
        guard pos < toks.count else { throw PatternError("unfinished argument list", column: openColumn) }
        let (t, col) = toks[pos]
        if let path = try parsePath(until: terminators) { return path }
        switch t {
        case let .meta(m, optional):
            pos += 1
            guard pos >= toks.count || terminators.contains(toks[pos].0) || isSelectorStart(pos) else {
                throw PatternError("`$\(m)` is followed by \(describe(toks[pos].0)): a metavariable must be a whole argument, or the qualifier of a qualified name (`$NS::k$KEY`)", column: col)
            }
            return .meta(m, optional: optional)
        case .ellipsis:
            pos += 1
            return .ellipsis
        default:
            var words: [String] = []
            while pos < toks.count, !terminators.contains(toks[pos].0), !isSelectorStart(pos) {
                switch toks[pos].0 {
                case let .ident(s), let .string(s), let .number(s), let .punct(s): words.append(s)
                case .access: words.append(".")
                case let .meta(m, _):
                    throw PatternError("`$\(m)` is part of a larger argument expression: a metavariable must be a whole argument or a part of a qualified name (`ns::k$KEY`)", column: toks[pos].1)
                case .ellipsis: throw PatternError("`...` must be an argument of its own", column: toks[pos].1)
                }
                if case let .ident(s) = toks[pos].0, s.contains("$") {
                    throw PatternError("`\(s)` is part of a larger argument expression: a name holding a metavariable must be the whole argument or end a qualified name (`ns::k$KEY`)", column: toks[pos].1)
                }
                pos += 1
            }
            if words.isEmpty { throw PatternError("empty argument (two commas in a row, or a comma before the closing bracket)", column: col) }
            return .tokens(words)
        }
    }

    /// An argument that is a qualified name with a metavariable in it (`features::k$KEY`,
    /// `$NS::k$KEY`, `k$KEY`): names joined by member accesses up to a terminator. Returns nil,
    /// consuming nothing, for anything else.
    private mutating func parsePath(until terminators: [Tok]) throws -> Pattern.Argument.Value? {
        var j = pos
        var components: [Pattern.PathComponent] = []
        var hasMeta = false
        while j < toks.count {
            switch toks[j].0 {
            case let .meta(m, optional: false):
                hasMeta = true
                components.append(components.isEmpty ? .qualifier(m) : .namePart(prefix: "", meta: m, suffix: ""))
            case let .ident(s):
                if s.contains("$") {
                    hasMeta = true
                    components.append(try identComponent(s, column: toks[j].1))
                } else {
                    components.append(.name(s))
                }
            default:
                return nil
            }
            j += 1
            if j >= toks.count || terminators.contains(toks[j].0) || isSelectorStart(j) { break }
            guard toks[j].0 == .access else { return nil }
            j += 1
        }
        // A lone metavariable is an ordinary argument.
        guard hasMeta else { return nil }
        if components.count == 1, case .qualifier = components[0] { return nil }
        pos = j
        return .path(components)
    }

    private func identComponent(_ s: String, column: Int) throws -> Pattern.PathComponent {
        guard case let .namePart(prefix, meta, suffix) = try identElement(s, column: column, afterAccess: true) else { return .name(s) }
        return .namePart(prefix: prefix, meta: meta, suffix: suffix)
    }

    private var inMessage = false
    private func isSelectorStart(_ i: Int) -> Bool {
        guard inMessage, i + 1 < toks.count, case .ident = toks[i].0 else { return false }
        return toks[i + 1].0 == .punct(":")
    }

    /// `[$R sel: $A other: $B]`; returns nil when the `[` is not a message (a subscript).
    private mutating func parseMessage() throws -> Pattern.Element? {
        let start = pos
        let openCol = toks[pos].1
        pos += 1
        var receiver: String?
        if pos < toks.count, case let .meta(m, optional: false) = toks[pos].0 {
            receiver = m
            pos += 1
        } else if pos < toks.count, case .ident = toks[pos].0, pos + 1 < toks.count, case .ident = toks[pos + 1].0 {
            throw PatternError("an Objective-C message pattern takes a metavariable receiver: `[$R selector: $KEY]`", column: toks[pos].1)
        } else {
            pos = start
            return nil
        }
        inMessage = true
        defer { inMessage = false }
        var pieces: [Pattern.SelectorPiece] = []
        while true {
            guard pos < toks.count else { throw PatternError("unclosed `[`", column: openCol) }
            if toks[pos].0 == .punct("]") { pos += 1; break }
            guard case let .ident(name) = toks[pos].0, !name.contains("$") else {
                throw PatternError("expected a selector piece (a name, as `defaultValue` in `defaultValue: $DEFAULT`), found \(describe(toks[pos].0))", column: toks[pos].1)
            }
            pos += 1
            if pos < toks.count, toks[pos].0 == .punct(":") {
                pos += 1
                pieces.append(.init(name: name, value: try parseValue(until: [.punct("]")], openColumn: openCol)))
            } else {
                guard pieces.isEmpty else { throw PatternError("expected `:` after selector piece `\(name)`", column: toks[pos - 1].1) }
                pieces.append(.init(name: name, value: nil))
            }
        }
        guard !pieces.isEmpty else { throw PatternError("message without a selector", column: openCol) }
        return .message(receiver: receiver, pieces: pieces)
    }

    private mutating func tokenize() throws {
        let chars = Array(text.unicodeScalars)
        var i = 0
        func isIdent(_ c: Unicode.Scalar) -> Bool {
            c == "_" || c == "$" || (c.properties.isAlphabetic) || ("0"..."9").contains(c)
        }
        while i < chars.count {
            let c = chars[i]
            let col = i + 1
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            if c == "$" {
                var j = i + 1
                while j < chars.count, chars[j].properties.isUppercase || ("0"..."9").contains(chars[j]) || chars[j] == "_" { j += 1 }
                if j == i + 1 {
                    if j < chars.count, chars[j].properties.isLowercase {
                        throw PatternError("metavariable names are upper case: `$KEY`, `$DEFAULT`, `$CLIENT`", column: col)
                    }
                    throw PatternError("`$` must start a metavariable name like `$KEY`", column: col)
                }
                // `$KEY_x` or `$KEYsuffix` continuing as an identifier: an identifier with a part.
                if j < chars.count, isIdent(chars[j]) {
                    var k = j
                    while k < chars.count, isIdent(chars[k]) { k += 1 }
                    toks.append((.ident(String(String.UnicodeScalarView(chars[i..<k]))), col))
                    i = k
                    continue
                }
                let name = String(String.UnicodeScalarView(chars[(i + 1)..<j]))
                var optional = false
                if j < chars.count, chars[j] == "?" , !(j + 1 < chars.count && chars[j + 1] == ".") { optional = true; j += 1 }
                toks.append((.meta(name, optional: optional), col))
                i = j
                continue
            }
            if isIdent(c) {
                var j = i
                while j < chars.count, isIdent(chars[j]) { j += 1 }
                let word = String(String.UnicodeScalarView(chars[i..<j]))
                toks.append((("0"..."9").contains(c) ? .number(word) : .ident(word), col))
                i = j
                continue
            }
            if c == "\"" || c == "'" {
                var j = i + 1
                while j < chars.count, chars[j] != c { j += chars[j] == "\\" ? 2 : 1 }
                guard j < chars.count else { throw PatternError("unterminated string", column: col) }
                toks.append((.string(String(String.UnicodeScalarView(chars[i...j]))), col))
                i = j + 1
                continue
            }
            let rest = String(String.UnicodeScalarView(chars[i..<min(i + 3, chars.count)]))
            if rest.hasPrefix("...") { toks.append((.ellipsis, col)); i += 3; continue }
            if rest.hasPrefix("?.") || rest.hasPrefix("!.") || rest.hasPrefix("->") || rest.hasPrefix("::") {
                toks.append((.access, col)); i += 2; continue
            }
            if c == "." { toks.append((.access, col)); i += 1; continue }
            if "()[]{},:=@!&|<>*^#".unicodeScalars.contains(c) {
                toks.append((.punct(String(c)), col)); i += 1; continue
            }
            throw PatternError("unexpected character `\(c)`: a pattern holds names, literals, metavariables, member accesses (`.` `->` `::`), brackets, `,` `:` `=` and `...`", column: col)
        }
    }
}
