/// An evaluator as configured: its pattern, the languages it applies to and what it
/// means for the rules. Comes from the built-in catalogue (`rules/*.yml`) or `.lint.yml`.
public struct EvaluatorDefinition: Sendable {
    public var info: EvaluatorInfo
    public var languages: Set<Language>
    public var pattern: Pattern
    /// Where it was defined (`rules/launchdarkly.yml:12:5`, `/repo/.lint.yml:4:7`), for messages.
    public var origin: String

    public init(info: EvaluatorInfo, languages: Set<Language>, pattern: Pattern, origin: String) {
        self.info = info
        self.languages = languages
        self.pattern = pattern
        self.origin = origin
    }
}

/// A pattern that cannot be used; `column` is 1-based within the pattern text.
public struct PatternError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var column: Int
    public init(_ message: String, column: Int) {
        self.message = message
        self.column = column
    }
    public var description: String { message }
}
