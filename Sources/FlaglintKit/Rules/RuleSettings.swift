/// A rule's effective settings after configuration (`.lint.yml` `rules:` over defaults).
public struct RuleSettings: Sendable, Equatable {
    /// `nil` when the rule is off.
    public var severity: Severity?
    /// nested-flag: how many other flags may control an evaluation.
    public var maxDepth: Int
    /// stale-flag: days after `rolled_out` before a flag is stale.
    public var days: Int
    /// missing-default-false: severity for defaults that cannot be verified (`nil` = off).
    public var unverifiable: Severity?

    public init(severity: Severity?, maxDepth: Int = 1, days: Int = 30, unverifiable: Severity? = .warning) {
        self.severity = severity
        self.maxDepth = maxDepth
        self.days = days
        self.unverifiable = unverifiable
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
    /// A finding located at an evaluation (SPEC §4.1 location rules).
    func finding(_ file: FileFacts, _ e: EvaluationFact, severity: Severity, flag: String?, message: String,
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
