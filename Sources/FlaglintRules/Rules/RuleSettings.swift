import FlaglintSyntax
import FlaglintAnalysis

/// A rule's effective settings after configuration (`.lint.yml` `rules:` over the defaults its
/// description declares). Each rule reads its options through typed accessors declared in its
/// own file (`maxDepth`, `days`, `unverifiable`).
public struct RuleSettings: Sendable, Equatable {
    /// `nil` when the rule is off.
    public var severity: Severity?
    /// Option values by name.
    public var options: [String: RuleOptionValue]

    public init(severity: Severity?, options: [String: RuleOptionValue] = [:]) {
        self.severity = severity
        self.options = options
    }

    /// A `count` option's value, or its declared default.
    public func integer(_ option: RuleOption) -> Int {
        if case let .integer(value) = options[option.name] ?? option.defaultValue { return value }
        return 0
    }

    /// A `severity` option's value (`nil` = off), or its declared default.
    public func severityOption(_ option: RuleOption) -> Severity? {
        if case let .severity(value) = options[option.name] ?? option.defaultValue { return value.severity }
        return nil
    }

    public mutating func set(_ option: RuleOption, _ value: Int) { options[option.name] = .integer(value) }

    public mutating func set(_ option: RuleOption, _ value: Severity?) {
        options[option.name] = .severity(value.flatMap { RuleSeverity(rawValue: $0.rawValue) } ?? .off)
    }
}

/// What a per-file rule gets besides the file.
public struct RuleContext: Sendable {
    public var settings: RuleSettings
    /// How output names a flag: the registry key when the code spelling is an alias.
    public var flagName: @Sendable (FlagKey) -> String

    public init(settings: RuleSettings, flagName: @escaping @Sendable (FlagKey) -> String = { $0.displayName }) {
        self.settings = settings
        self.flagName = flagName
    }
}

/// A rule that looks at one file's facts at a time.
public protocol FileRule: Sendable {
    static var description: RuleDescription { get }
    init()
    func check(_ file: FileFacts, _ context: RuleContext) -> [Finding]
}

extension FileRule {
    /// A finding located at an evaluation (docs/semantics.md location rules).
    package func finding(_ file: FileFacts, _ e: EvaluationFact, severity: Severity, flag: String?, message: String,
                 related: [RelatedLocation] = [], fix: Fix? = nil) -> Finding {
        Finding(rule: Self.description.id, severity: severity, path: file.path, line: e.start.line, column: e.start.column,
                endLine: e.end.line, endColumn: e.end.column, flag: flag, message: message, related: related,
                lineText: e.lineText, byteRange: e.evaluation.startOffset..<max(e.evaluation.startOffset, e.evaluation.endOffset), fix: fix)
    }
}

/// Runs the enabled file rules over one file's (resolved) facts.
public enum FileRules {
    public static func findings(_ file: FileFacts, settings: LintSettings) -> [Finding] {
        var out: [Finding] = []
        for rule in RuleRegistry.fileRules {
            let id = rule.description.id
            guard settings.isEnabled(id), let s = settings.rules[id] else { continue }
            out += rule.init().check(file, RuleContext(settings: s, flagName: settings.flagName))
        }
        return out.sorted(by: Finding.ordered)
    }
}
