import FlaglintSyntax

/// An evaluator as configured: its pattern, the languages it applies to and what it
/// means for the rules. Comes from the built-in catalogue (`rules/*.yml`) or `.lint.yml`.
public struct EvaluatorDefinition: Sendable {
    public var info: EvaluatorInfo
    public var languages: Set<Language>
    public var pattern: Pattern
    /// Where it was defined (`rules/launchdarkly.yml:12:5`, `/repo/.lint.yml:4:7`), for messages.
    public var origin: String
    /// `requires_import:`: the evaluator applies only in files whose own imports name one of
    /// these (see `ImportScanner.satisfies`); empty: everywhere.
    public var requiredImports: [String]
    /// `key_from_identifier:`: names the flag after the key's identifier when its declaration
    /// is not found (`k$NAME`: `kFoo` is the flag `Foo`).
    public var keyFromIdentifier: KeyTemplate?

    public init(info: EvaluatorInfo, languages: Set<Language>, pattern: Pattern, origin: String,
                requiredImports: [String] = [], keyFromIdentifier: KeyTemplate? = nil) {
        self.info = info
        self.languages = languages
        self.pattern = pattern
        self.origin = origin
        self.requiredImports = requiredImports
        self.keyFromIdentifier = keyFromIdentifier
    }
}

/// `controls:` of an evaluator: what else than its own expression the evaluation decides.
public enum ControlsScope: String, Sendable {
    /// The class the evaluation is written in (a class attribute a mixin reads).
    case `class`
}

/// A `key_from_identifier:` template: an identifier with one `$NAME` in it (`k$NAME`).
public struct KeyTemplate: Sendable, Equatable {
    public var prefix: String
    public var suffix: String

    /// Parses `k$NAME`; the error says what is wrong.
    public init(parsing text: String) throws(PatternError) {
        guard let r = text.range(of: "$NAME") else {
            throw PatternError("`key_from_identifier` needs `$NAME` where the flag name is in the identifier, as in `k$NAME`", column: 1)
        }
        prefix = String(text[..<r.lowerBound])
        suffix = String(text[r.upperBound...])
        let column = text.distance(from: text.startIndex, to: r.lowerBound) + 1
        if suffix.contains("$NAME") { throw PatternError("`$NAME` appears twice", column: column) }
        for c in prefix + suffix where !(c.isLetter || c.isNumber || c == "_") {
            throw PatternError("`\(c)` cannot be part of an identifier: the template is an identifier with `$NAME` in it, as in `k$NAME`", column: column)
        }
    }

    public var text: String { prefix + "$NAME" + suffix }

    /// The flag name in `identifier`, or nil when it does not fit the template.
    public func name(in identifier: String) -> String? {
        guard identifier.count > prefix.count + suffix.count, identifier.hasPrefix(prefix), identifier.hasSuffix(suffix) else { return nil }
        return String(identifier.dropFirst(prefix.count).dropLast(suffix.count))
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
