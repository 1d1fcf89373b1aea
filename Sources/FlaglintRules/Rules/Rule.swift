import FlaglintSupport
import FlaglintSyntax

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
    /// What `.lint.yml` may set besides `severity`: validated and defaulted from here.
    public let options: [RuleOption]
    public let triggering: [RuleExample]
    public let nonTriggering: [RuleExample]

    public init(id: String, summary: String, defaultSeverity: Severity?, whatItDoes: String, whyIsThisBad: String,
                example: String, useInstead: String, options: [RuleOption] = [],
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

    /// The options `.lint.yml` validates as options: every rule takes `severity` anyway, so a
    /// rule documenting it (unused-suppression) does not declare a second one.
    public var configurableOptions: [RuleOption] { options.filter { $0.name != "severity" } }

    /// The rule's settings when `.lint.yml` says nothing about it.
    public var defaultSettings: RuleSettings {
        var s = RuleSettings(severity: defaultSeverity)
        for o in configurableOptions { s.options[o.name] = o.defaultValue }
        return s
    }
}

/// One option of a rule: its name in `.lint.yml`, its type, its default and what it means
/// (the meaning is shown by `flaglint rules` and SARIF).
public struct RuleOption: Sendable {
    public enum Kind: Sendable, Equatable {
        /// 0 or more.
        case count
        /// `error`, `warning` or `off`.
        case severity

        package var expectation: String {
            switch self {
            case .count: return "a non-negative integer"
            case .severity: return "error, warning or off"
            }
        }
    }

    public let name: String
    public let kind: Kind
    public let defaultValue: RuleOptionValue
    public let meaning: String

    public static func count(_ name: String, default value: Int, _ meaning: String) -> RuleOption {
        RuleOption(name: name, kind: .count, defaultValue: .integer(value), meaning: meaning)
    }

    public static func severity(_ name: String, default value: RuleSeverity, _ meaning: String) -> RuleOption {
        RuleOption(name: name, kind: .severity, defaultValue: .severity(value), meaning: meaning)
    }
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
