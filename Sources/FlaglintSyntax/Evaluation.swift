/// One feature-flag evaluation found in code: which evaluator matched, where, with which
/// key and which fallback.
public struct Evaluation: Sendable, Equatable, Codable {
    /// The evaluator (catalogue or `.lint.yml`) that matched.
    public var evaluator: EvaluatorInfo
    /// Token range of everything the pattern matched.
    public var tokens: Range<Int>
    /// Token index of the reported location (docs/semantics.md: the first matched token after a
    /// leading receiver metavariable; the `[` of an Objective-C message).
    public var anchor: Int
    public var key: FlagKey
    public var defaultValue: DefaultValue
    /// Byte range of the whole match, for reporting end positions.
    public var startOffset: Int
    public var endOffset: Int
    /// Set while the key is a name this file does not define: a project-wide lookup may resolve it.
    public var keyReference: NameReference?
    /// Likewise for a default written as a name.
    public var defaultReference: NameReference?
    /// Byte ranges of the key and default arguments as written (nil when absent or part of a name).
    public var keyRange: Range<Int>?
    public var defaultRange: Range<Int>?

    public init(evaluator: EvaluatorInfo, tokens: Range<Int>, anchor: Int, key: FlagKey, defaultValue: DefaultValue, startOffset: Int, endOffset: Int,
                keyReference: NameReference? = nil, defaultReference: NameReference? = nil, keyRange: Range<Int>? = nil, defaultRange: Range<Int>? = nil) {
        self.evaluator = evaluator
        self.tokens = tokens
        self.anchor = anchor
        self.key = key
        self.defaultValue = defaultValue
        self.startOffset = startOffset
        self.endOffset = endOffset
        self.keyReference = keyReference
        self.defaultReference = defaultReference
        self.keyRange = keyRange
        self.defaultRange = defaultRange
    }
}

/// What flaglint knows about an evaluation's key.
public struct FlagKey: Sendable, Hashable, Codable {
    public enum Resolution: Sendable, Hashable, Codable {
        /// A string literal at the call (or the identifier a `Feature_$KEY` pattern names).
        case literal
        /// Through a named constant: its name and where it is defined.
        case constant(name: String, path: String, line: Int)
        /// Not resolvable: the flag cannot be tracked.
        case dynamic
        /// The key's declaration was not found; the evaluator's `key_from_identifier` template
        /// named the flag after the identifier (`kFoo` → `Foo` by `k$NAME`).
        case fromIdentifier(identifier: String, template: String)
    }
    /// The key as a string; `nil` for a dynamic key.
    public var value: String?
    /// The key expression exactly as written (whitespace normalised).
    public var expression: String
    public var resolution: Resolution

    public init(value: String?, expression: String, resolution: Resolution) {
        self.value = value
        self.expression = expression
        self.resolution = resolution
    }

    /// Identity for "same flag": the key, or for dynamic keys the expression text.
    public var identity: String { value ?? "<dynamic>" + expression }
    /// How output names it: the key, or the expression for dynamic keys.
    public var displayName: String { value ?? expression }
}

/// The fallback an evaluation passes.
public enum DefaultValue: Sendable, Hashable, Codable {
    /// No default argument, and the pattern allowed none (`$DEFAULT?` absent or no `$DEFAULT`).
    case absent
    /// A literal, or an expression resolved to one through constants.
    case literal(LiteralValue, expression: String)
    /// An expression that cannot be resolved to a literal.
    case unresolved(expression: String)
    /// Cannot be seen at the call (Python `**kwargs`, `*args`).
    case unverifiable(expression: String)
    /// Not passed at the call: declared with the key (Chromium's `BASE_FEATURE(kX, "X",
    /// base::FEATURE_ENABLED_BY_DEFAULT)`). `alternatives` lists each `#if` branch's spelling
    /// when there are several; `value` is true when any of them is.
    case declared(Bool, expression: String, alternatives: [String], location: String)
}

public enum LiteralValue: Sendable, Hashable, Codable {
    case bool(Bool)
    case integer(Int)
    case string(String)
    case other(String)

    /// docs/semantics.md: false is `false`, `False`, `NO`, `@NO`, `0` in the C family; true is `true`,
    /// `True`, `YES`, `@YES`, a non-zero integer in the C family, and the string "true".
    public var truth: Bool? {
        switch self {
        case let .bool(b): return b
        case let .integer(i): return i != 0
        case let .string(s): return s == "true" ? true : nil
        case .other: return nil
        }
    }
}

/// The parts of an evaluator definition that rules need.
public struct EvaluatorInfo: Sendable, Hashable, Codable {
    /// `bool`: a boolean flag; `any`: any value type; `maybe-bool`: any value type, and the
    /// SDK's only way to read a boolean flag (LaunchDarkly Python's `variation`), so a default
    /// that cannot be resolved is reported at the `unverifiable` severity as for `bool`.
    public enum ValueType: String, Sendable, Hashable, Codable { case bool, any, maybeBool = "maybe-bool" }
    public enum Fallback: String, Sendable, Hashable, Codable { case `false`, `true`, unknown }
    public enum Polarity: String, Sendable, Hashable, Codable { case positive, negative }

    /// Catalogue id (`launchdarkly`) or `custom` for `.lint.yml` evaluators.
    public var sdk: String
    /// The pattern text, for messages and `flaglint sdks`.
    public var pattern: String
    public var type: ValueType
    public var fallback: Fallback
    public var polarity: Polarity
    /// Extra words for the missing-default message (e.g. "the Flagsmith client raises
    /// FlagsmithFeatureDoesNotExistError for unknown flags unless it has a default_flag_handler").
    public var note: String?
    /// `key_type:` the type whose cases or static members are the keys: `.x` resolves as `KeyType.x`.
    public var keyType: String?
    /// `controls: class`: the evaluation controls the class it is written in (a class
    /// attribute that a mixin reads before every request).
    public var controlsClass: Bool = false

    public init(sdk: String, pattern: String, type: ValueType = .bool, fallback: Fallback = .unknown, polarity: Polarity = .positive, note: String? = nil,
                keyType: String? = nil) {
        self.keyType = keyType
        self.sdk = sdk
        self.pattern = pattern
        self.type = type
        self.fallback = fallback
        self.polarity = polarity
        self.note = note
    }
}

/// A key or default written as a (qualified) name: `kNewCheckout`, `Flags.newCheckout`,
/// Swift's implicit member `.newCheckout`, `features::kFoo`.
public struct NameReference: Sendable, Hashable, Codable {
    /// Qualifiers then the name (`["Flags", "newCheckout"]`), `.rawValue` and `self` dropped.
    public var names: [String]
    /// Swift's `.name`: an enum case or static member of the type the call expects.
    public var implicitMember: Bool

    public init(names: [String], implicitMember: Bool) {
        self.names = names
        self.implicitMember = implicitMember
    }
}
