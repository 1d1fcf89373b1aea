/// What the language-neutral stages (pattern matching, value resolution, control analysis,
/// rules) need to know about a language's surface syntax. Each frontend provides one
/// (`FrontendRegistry.syntax(for:)`); the stages ask it instead of switching on a language.
public protocol LanguageSyntax: Sendable {
    /// Member accesses besides `.`, `?.` and `!.` (`->` and `::` in the C family).
    var extraAccessOperators: Set<String> { get }
    /// A leading scope operator a qualified name may start with (C++ `::name`).
    var globalScopeOperator: String? { get }
    /// Swift's implicit member `.name`.
    var hasImplicitMembers: Bool { get }
    /// A trailing member that stands for the value itself (Swift `.rawValue`).
    var rawValueMember: String? { get }
    /// How an argument label is written: `label: value` (Swift) or `name=value` (Python).
    var argumentLabel: ArgumentLabelStyle { get }
    /// Keyword arguments may come in any order and stand for positional ones (Python).
    var keywordArgumentsMatchByName: Bool { get }
    /// Prefixes that spread a sequence or mapping into arguments (Python `*`, `**`).
    var argumentSpreads: Set<String> { get }
    /// A keyword whose parameter list is separated by commas inside an argument (Python `lambda`).
    var inlineFunctionKeyword: String? { get }
    /// Prefixes of a condition that do not change which flag it reads (`!`, `not`, `try`, `await`).
    var conditionPrefixes: Set<String> { get }
    /// Boolean literal spellings (docs/semantics.md, "Keys and defaults").
    func booleanLiteral(_ word: String) -> Bool?
    /// Integers are boolean values (C family: 0 is false, anything else true).
    var integersAreBooleans: Bool { get }
    /// `@` joins the next token into one literal (Objective-C `@YES`).
    var joinsAtPrefixedLiterals: Bool { get }
    /// How advice spells false and true.
    var adviceLiterals: (false: String, true: String) { get }
    /// Languages that share constants: a name resolves only among files of the same family.
    var constantFamily: String { get }
    /// Files are compiled as translation units: macros reach a file only through its includes.
    var hasTranslationUnits: Bool { get }
}

public enum ArgumentLabelStyle: Sendable, Equatable {
    case none
    /// `label: value`; a label alone (`label:`) is an empty value.
    case colon
    /// `name=value`.
    case equals
}

extension LanguageSyntax {
    public var globalScopeOperator: String? { nil }
    public var hasImplicitMembers: Bool { false }
    public var rawValueMember: String? { nil }
    public var keywordArgumentsMatchByName: Bool { false }
    public var argumentSpreads: Set<String> { [] }
    public var inlineFunctionKeyword: String? { nil }
    public var integersAreBooleans: Bool { false }
    public var joinsAtPrefixedLiterals: Bool { false }
    public var conditionPrefixes: Set<String> { ["!"] }
    public var hasTranslationUnits: Bool { false }
}
