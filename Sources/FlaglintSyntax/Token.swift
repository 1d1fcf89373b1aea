/// A token of any supported language, as the frontends produce it.
///
/// Everything right of the frontends (patterns, analysis, rules) sees only these.
/// Comments are not tokens: they are kept in `FileModel.comments`.
public struct Token: Sendable, Equatable {
    public enum Kind: UInt8, Sendable {
        case identifier
        /// A reserved word of the language (`if`, `guard`, `def`, `return`, ...).
        case keyword
        /// A string literal, or one literal segment of an interpolated string.
        case string
        /// Numeric literal (also character literals in the C family).
        case number
        /// Operators and punctuation, one token per operator (`&&`, `?.`, `->`, `::`, `(`).
        case punctuation
        /// Python layout: `NEWLINE`, `INDENT`, `DEDENT` (text "\n", "<indent>", "<dedent>").
        case layout
    }

    public struct Flags: OptionSet, Sendable, Equatable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// Whitespace or a comment directly before the token.
        public static let spaceBefore = Flags(rawValue: 1 << 0)
        /// Whitespace or a comment directly after the token.
        public static let spaceAfter = Flags(rawValue: 1 << 1)
        /// The token is the first on its line.
        public static let lineStart = Flags(rawValue: 1 << 2)
        /// The token lies in a region that is not live code (a skipped preprocessor branch).
        public static let inactive = Flags(rawValue: 1 << 3)
        /// C family: the first live token after an `#else`/`#elif` line, where the text of
        /// another preprocessor alternative begins (`FEATURE_DISABLED_BY_DEFAULT #else
        /// FEATURE_ENABLED_BY_DEFAULT` is two alternatives, not one expression).
        public static let alternativeStart = Flags(rawValue: 1 << 4)
    }

    public var kind: Kind
    /// The exact spelling in the source. For interpolation delimiters this is "(" / ")"
    /// whatever the source spelled (`\(`, `{` in an f-string).
    public var text: String
    /// Byte offsets into `SourceFile.bytes`: `start..<end`.
    public var start: Int
    public var end: Int
    public var flags: Flags
    /// For a string literal with no interpolation: its decoded value. `nil` otherwise.
    public var stringValue: String?

    public init(kind: Kind, text: String, start: Int, end: Int, flags: Flags = [], stringValue: String? = nil) {
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.flags = flags
        self.stringValue = stringValue
    }

    public func `is`(_ text: String) -> Bool { self.text == text && kind != .string }
    public var isOpenBracket: Bool {
        guard kind == .punctuation, text.utf8.count == 1, let b = text.utf8.first else { return false }
        return b == UInt8(ascii: "(") || b == UInt8(ascii: "[") || b == UInt8(ascii: "{")
    }
    public var isCloseBracket: Bool {
        guard kind == .punctuation, text.utf8.count == 1, let b = text.utf8.first else { return false }
        return b == UInt8(ascii: ")") || b == UInt8(ascii: "]") || b == UInt8(ascii: "}")
    }
}

/// A comment, with its full text including the delimiters.
public struct Comment: Sendable, Equatable {
    public var text: String
    public var start: Int
    public var end: Int
    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}

public enum Brackets {
    /// For every bracket token, the index of its partner; -1 for unmatched brackets and non-brackets.
    /// Error tolerant and iterative: a stray closer is ignored, an unclosed opener stays -1.
    ///
    /// Swift's `#if` branches are alternatives: each `#elseif`/`#else` branch starts from the
    /// brackets open at its `#if`, and after `#endif` the first branch's state goes on. So
    /// `#if os(iOS) class A: UIView { #else class A: NSView { #endif ... }` closes the first
    /// branch's brace, and the other branch's opener stays unmatched (see `alternativeBranches`).
    public static func match(_ tokens: [Token]) -> [Int32] {
        var partner = [Int32](repeating: -1, count: tokens.count)
        var stack: [Int] = []
        // Bytes of the single-byte punctuation tokens, 1/2/3 for Swift's `#if`/`#else`/`#endif`
        // family, 0 for every other token: read once.
        var bytes = [UInt8](repeating: 0, count: tokens.count)
        for i in tokens.indices {
            let t = tokens[i]
            if t.kind == .punctuation, t.text.utf8.count == 1 {
                bytes[i] = t.text.utf8.first ?? 0
            } else if t.kind == .keyword, t.text.utf8.first == UInt8(ascii: "#"), let d = directive(t) {
                bytes[i] = d.rawValue
            }
        }
        // Per open `#if`: the stack at its start, and at the end of its first branch.
        var groups: [(start: [Int], firstEnd: [Int]?)] = []
        for i in tokens.indices {
            switch bytes[i] {
            case Directive.open.rawValue:
                groups.append((stack, nil))
            case Directive.branch.rawValue:
                guard let g = groups.last else { break }
                if g.firstEnd == nil { groups[groups.count - 1].firstEnd = stack }
                stack = g.start
            case Directive.close.rawValue:
                guard let g = groups.popLast() else { break }
                if let first = g.firstEnd { stack = first }
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                stack.append(i)
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                let b = bytes[i]
                let open = b == UInt8(ascii: ")") ? UInt8(ascii: "(") : b == UInt8(ascii: "]") ? UInt8(ascii: "[") : UInt8(ascii: "{")
                // Pop to a nearby matching opener (skipping a few unclosed ones); with none
                // close by, the closer is stray. The bounded look-back keeps this linear.
                var pos = stack.count - 1
                let limit = max(0, stack.count - 16)
                while pos >= limit && bytes[stack[pos]] != open { pos -= 1 }
                // An opener already closed in an earlier `#if` branch keeps that partner.
                if pos >= limit && pos >= 0 && partner[stack[pos]] < 0 {
                    let o = stack[pos]
                    stack.removeSubrange(pos...)
                    partner[o] = Int32(i)
                    partner[i] = Int32(o)
                }
            default:
                break
            }
        }
        return partner
    }

    package enum Directive: UInt8 { case open = 1, branch = 2, close = 3 }

    package static func directive(_ t: Token) -> Directive? {
        switch t.text {
        case "#if": return .open
        case "#elseif", "#else": return .branch
        case "#endif": return .close
        default: return nil
        }
    }

    /// For every token, whether it lies in a second or later branch of a `#if` (at any depth):
    /// an unmatched bracket there is the other half of an alternative, not a mistake.
    public static func alternativeBranches(_ tokens: [Token]) -> [Bool] {
        var out = [Bool](repeating: false, count: tokens.count)
        var groups: [Bool] = []   // per open `#if`: past its first branch
        var inAlternative = 0     // how many open groups are past their first branch
        for i in tokens.indices {
            let t = tokens[i]
            if t.kind == .keyword, let d = directive(t) {
                switch d {
                case .open: groups.append(false)
                case .branch:
                    if let last = groups.last, !last { groups[groups.count - 1] = true; inAlternative += 1 }
                case .close:
                    if groups.popLast() == true { inAlternative -= 1 }
                }
            }
            out[i] = inAlternative > 0
        }
        return out
    }
}
