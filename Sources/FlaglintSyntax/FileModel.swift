/// What a frontend knows about one file: its tokens, comments, control tree, constants
/// and the problems it met. Everything right of the frontends works on this alone.
public struct FileModel: Sendable {
    public let source: SourceFile
    public var tokens: [Token]
    public var comments: [Comment]
    public var control: ControlTree
    public var constants: [ConstantDefinition]
    public var diagnostics: [FrontendDiagnostic]
    /// For every bracket token, the index of its partner (see `Brackets.match`).
    public var partners: [Int32]
    /// Constants the file sees through its includes (C-family header macros, read when a
    /// compilation database gives the file's real include paths).
    public var includedConstants: [IncludedConstant] = []
    /// The frontend read other files to understand this one (a C-family file parsed with its
    /// compilation database follows its includes): its facts change when they do.
    public var followsIncludes = false

    public init(source: SourceFile, tokens: [Token], comments: [Comment], control: ControlTree,
                constants: [ConstantDefinition] = [], diagnostics: [FrontendDiagnostic] = []) {
        self.source = source
        self.tokens = tokens
        self.comments = comments
        self.control = control
        self.constants = constants
        self.diagnostics = diagnostics
        self.partners = Brackets.match(tokens)
    }

    public var path: String { source.path }
    public var language: Language { source.language }
}

/// A constant defined in another file that the file sees through the preprocessor.
public struct IncludedConstant: Sendable, Equatable, Codable {
    public var definition: ConstantDefinition
    /// The defining file, as shown to the user, and the 1-based line of the name.
    public var path: String
    public var line: Int

    public init(definition: ConstantDefinition, path: String, line: Int) {
        self.definition = definition
        self.path = path
        self.line = line
    }
}

/// A named constant with a literal value, as the frontend found it:
/// Swift `let`/`static let`/enum cases, Python module/class constants, C `#define`/`const`.
public struct ConstantDefinition: Sendable, Equatable, Codable {
    public enum Value: Sendable, Equatable, Hashable, Codable {
        case string(String)
        case bool(Bool)
        case integer(Int)
        /// Another name (`on = NEW_CHECKOUT`, `let e = Names.someCase`): the constant has that
        /// name's value, wherever it is defined (one level, like aliases of evaluations).
        case alias(NameReference)
    }
    /// The constant's own name (`kNewCheckout`, `newCheckout` for an enum case).
    public var name: String
    /// Enclosing type / namespace / class names, outermost first (`["FeatureFlags"]`).
    public var qualifiers: [String]
    public var value: Value
    /// Byte offset of the name in the file that defines it.
    public var offset: Int
    /// Token index range of the scope the constant is visible in (a function body for a
    /// local `let`); `nil` for file-level, type-level and namespace-level constants.
    public var scope: Range<Int>?
    /// True for enum cases (the value is the raw value, explicit or implicit).
    public var isEnumCase: Bool
    /// A C-family `#define`: visible only in its translation unit (the files that include it).
    public var isMacro = false
    /// A flag declared together with its default, like Chromium's
    /// `BASE_FEATURE(kX, "X", base::FEATURE_ENABLED_BY_DEFAULT)`: the default and its spelling.
    public var declaredDefault: DeclaredDefault?

    public struct DeclaredDefault: Sendable, Equatable, Codable {
        /// True when the declaration (any of its preprocessor alternatives) is default-true.
        public var value: Bool
        public var expression: String
        /// Each `#if`/`#else` alternative's spelling, when there are several.
        public var alternatives: [String]
        public init(value: Bool, expression: String, alternatives: [String] = []) {
            self.value = value
            self.expression = expression
            self.alternatives = alternatives
        }
    }

    public init(name: String, qualifiers: [String] = [], value: Value, offset: Int, scope: Range<Int>? = nil, isEnumCase: Bool = false,
                declaredDefault: DeclaredDefault? = nil) {
        self.name = name
        self.qualifiers = qualifiers
        self.value = value
        self.offset = offset
        self.scope = scope
        self.isEnumCase = isEnumCase
        self.declaredDefault = declaredDefault
    }
}

/// A problem the frontend met (unterminated string, binary content, mixed indentation).
/// The file is still linted as far as possible.
public struct FrontendDiagnostic: Sendable, Equatable, Codable {
    public enum Severity: String, Sendable, Codable { case warning, error }
    public var severity: Severity
    public var message: String
    public var offset: Int
    public init(_ severity: Severity, _ message: String, at offset: Int) {
        self.severity = severity
        self.message = message
        self.offset = offset
    }
}
