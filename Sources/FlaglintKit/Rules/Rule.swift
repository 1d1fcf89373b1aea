/// A rule's identity, documentation and examples, kept together (SwiftLint style): the
/// same examples generate `flaglint rules ID` output and the tests.
public struct RuleDescription: Sendable {
    public let id: String
    /// One sentence: what the rule reports.
    public let summary: String
    /// `nil` when the rule is off unless configured (`unknown-flag`).
    public let defaultSeverity: Severity?
    /// ruff-style documentation sections.
    public let whatItDoes: String
    public let whyIsThisBad: String
    public let example: String
    public let useInstead: String
    public let options: [(name: String, meaning: String)]
    public let triggering: [RuleExample]
    public let nonTriggering: [RuleExample]

    public init(id: String, summary: String, defaultSeverity: Severity?, whatItDoes: String, whyIsThisBad: String,
                example: String, useInstead: String, options: [(name: String, meaning: String)] = [],
                triggering: [RuleExample] = [], nonTriggering: [RuleExample] = []) {
        self.id = id
        self.summary = summary
        self.defaultSeverity = defaultSeverity
        self.whatItDoes = whatItDoes
        self.whyIsThisBad = whyIsThisBad
        self.example = example
        self.useInstead = useInstead
        self.options = options
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }

    /// The documentation URL SARIF and `flaglint rules` link to.
    public var helpURI: String { Flaglint.rulesDocumentationURL + "#" + id }
}

/// Code for a rule example. `1️⃣`, `2️⃣` ... mark where findings must be reported
/// (the marker is removed before linting); a triggering example without markers must
/// produce at least one finding of the rule; a non-triggering one none.
public struct RuleExample: Sendable {
    public let language: Language
    public let code: String
    /// Extra `.lint.yml` text for this example (evaluators, rule options, registry flags).
    public let configuration: String?
    public init(_ language: Language, _ code: String, configuration: String? = nil) {
        self.language = language
        self.code = code
        self.configuration = configuration
    }
}
