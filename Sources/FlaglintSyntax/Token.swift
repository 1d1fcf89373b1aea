import Foundation

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
    public var flags: Flags
    /// `stringValue` as a slice of the token's own bytes: `start + valueHead ..< end - valueTail`
    /// (a literal without escapes); `noValue` in `valueHead` when it is not one.
    private var valueHead: UInt8 = Token.noValue
    private var valueTail: UInt8 = 0
    private var start32: UInt32
    private var end32: UInt32
    /// Index of this token's entry in `spelling`'s table of texts and values that are not a
    /// slice of the file (`-1`: none).
    private var extra: Int32 = -1
    /// The file's bytes the token is spelled in: a token is a kind and a byte range, 24 bytes,
    /// and its text is made only when it is asked for.
    public let spelling: TokenSpelling

    private static let noValue: UInt8 = 0xFF

    /// Byte offsets into `SourceFile.bytes`: `start..<end` (files are far below 4 GB: the
    /// largest file flaglint reads is 1 GB).
    /// Setting them keeps `text` and `stringValue` as they were.
    public var start: Int {
        get { Int(start32) }
        set { move(start: newValue, end: end) }
    }
    public var end: Int {
        get { Int(end32) }
        set { move(start: start, end: newValue) }
    }

    private mutating func move(start: Int, end: Int) {
        let text = self.text, value = stringValue
        start32 = UInt32(clamping: start)
        end32 = UInt32(clamping: end)
        if extra < 0 && valueHead == Token.noValue && spelling.spells(start, end, text) { return }
        self.extra = -1
        valueHead = Token.noValue
        let override: String? = spelling.spells(start, end, text) ? nil : text
        if override == nil && setSlice(value) { return }
        self.extra = spelling.add(TokenSpelling.Extra(text: override, value: value))
    }

    /// The exact spelling in the source. For interpolation delimiters this is "(" / ")"
    /// whatever the source spelled (`\(`, `{` in an f-string). Made on each call from the
    /// file's bytes: compare with `is(_:)` or `spells(_:)` where no `String` is needed.
    public var text: String {
        get {
            if extra >= 0, let t = spelling.extra(extra).text { return t }
            return spelling.string(start, end)
        }
        set {
            guard newValue != text else { return }
            let value = stringValue
            extra = spelling.add(TokenSpelling.Extra(text: newValue, value: value))
            valueHead = Token.noValue
        }
    }

    /// For a string literal with no interpolation: its decoded value. `nil` otherwise.
    public var stringValue: String? {
        get {
            if extra >= 0 { return spelling.extra(extra).value }
            guard valueHead != Token.noValue else { return nil }
            return spelling.string(start + Int(valueHead), end - Int(valueTail))
        }
        set {
            let text = extra >= 0 ? spelling.extra(extra).text : nil
            valueHead = Token.noValue
            extra = -1
            if text == nil && setSlice(newValue) { return }
            if text != nil || newValue != nil { extra = spelling.add(TokenSpelling.Extra(text: text, value: newValue)) }
        }
    }

    /// A token of a frontend: `text` is the source's bytes `start..<end` unless `text` says
    /// otherwise (an interpolation delimiter, a layout token, a digraph).
    public init(kind: Kind, start: Int, end: Int, flags: Flags = [], in spelling: TokenSpelling, text: String? = nil,
                stringValue: String? = nil) {
        self.kind = kind
        self.flags = flags
        self.start32 = UInt32(clamping: start)
        self.end32 = UInt32(clamping: end)
        self.spelling = spelling
        let override = text.flatMap { spelling.spells(start, end, $0) ? nil : $0 }
        if override == nil && setSlice(stringValue) { return }
        if override != nil || stringValue != nil {
            extra = spelling.add(TokenSpelling.Extra(text: override, value: stringValue))
        }
    }

    /// A token whose text is not (known to be) in any file's bytes: tests and tools.
    public init(kind: Kind, text: String, start: Int, end: Int, flags: Flags = [], stringValue: String? = nil) {
        self.init(kind: kind, start: start, end: end, flags: flags, in: TokenSpelling(bytes: []), text: text, stringValue: stringValue)
    }

    /// Records `value` as a slice of the token's bytes if it is one (nil counts: no value).
    private mutating func setSlice(_ value: String?) -> Bool {
        guard let value else { return true }
        let n = value.utf8.count, length = end - start
        var head = 0
        while head <= min(32, length - n) {
            let tail = length - n - head
            if tail < Int(Token.noValue) && spelling.spells(start + head, start + head + n, value) {
                valueHead = UInt8(head)
                valueTail = UInt8(tail)
                return true
            }
            head += 1
        }
        return false
    }

    /// The text equals `text` (no `String` is made).
    public func spells(_ text: String) -> Bool {
        if extra >= 0, let t = spelling.extra(extra).text { return t == text }
        return spelling.spells(start, end, text)
    }

    /// The first byte of a one-byte text (`(`, `.`, `{`), else nil.
    public var singleByte: UInt8? {
        if extra >= 0, let t = spelling.extra(extra).text { return t.utf8.count == 1 ? t.utf8.first : nil }
        return end - start == 1 ? spelling.bytes[start] : nil
    }

    /// The first byte of the text, if any.
    public var firstByte: UInt8? {
        if extra >= 0, let t = spelling.extra(extra).text { return t.utf8.first }
        return end > start ? spelling.bytes[start] : nil
    }

    public static func == (a: Token, b: Token) -> Bool {
        a.kind == b.kind && a.flags == b.flags && a.start32 == b.start32 && a.end32 == b.end32
            && a.text == b.text && a.stringValue == b.stringValue
    }

    public func `is`(_ text: String) -> Bool { kind != .string && spells(text) }
    public var isOpenBracket: Bool {
        guard kind == .punctuation, let b = singleByte else { return false }
        return b == UInt8(ascii: "(") || b == UInt8(ascii: "[") || b == UInt8(ascii: "{")
    }
    public var isCloseBracket: Bool {
        guard kind == .punctuation, let b = singleByte else { return false }
        return b == UInt8(ascii: ")") || b == UInt8(ascii: "]") || b == UInt8(ascii: "}")
    }
}

/// The bytes of one file's tokens, shared by all of them, and the few texts and values that
/// are not a slice of those bytes (a table that only grows, so a copied token keeps its own).
public final class TokenSpelling: @unchecked Sendable {
    public struct Extra: Sendable {
        public var text: String?
        public var value: String?
    }

    public let bytes: [UInt8]
    /// Guarded by `lock`: the frontend adds entries while other code may read the file's tokens
    /// (`@unchecked` because `NSLock` is the portable lock on macOS 13).
    private var extras: [Extra] = []
    private let lock = NSLock()

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    func add(_ e: Extra) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        extras.append(e)
        return Int32(extras.count - 1)
    }

    func extra(_ i: Int32) -> Extra {
        lock.lock()
        defer { lock.unlock() }
        return extras[Int(i)]
    }

    @inline(__always) func string(_ s: Int, _ e: Int) -> String {
        String(decoding: bytes[s..<e], as: UTF8.self)
    }

    /// `bytes[s..<e]` decode to `text` (invalid UTF-8 never equals a `String`'s bytes, as
    /// `String(decoding:)` would have replaced it).
    func spells(_ s: Int, _ e: Int, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { u in
            guard u.count == e - s, e <= bytes.count else { return false }
            return bytes.withUnsafeBufferPointer { b in
                var i = 0
                while i < u.count {
                    if b[s + i] != u[i] { return false }
                    i += 1
                }
                return true
            }
        }
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
            if t.kind == .punctuation, let b = t.singleByte {
                bytes[i] = b
            } else if t.kind == .keyword, t.firstByte == UInt8(ascii: "#"), let d = directive(t) {
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
            if t.kind == .keyword, t.firstByte == UInt8(ascii: "#"), let d = directive(t) {
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
