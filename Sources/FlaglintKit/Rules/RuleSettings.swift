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

/// A rule that looks at one analysed file at a time.
public protocol FileRule: Sendable {
    static var description: RuleDescription { get }
    init()
    func check(_ file: AnalyzedFile, _ context: RuleContext) -> [Finding]
}

extension FileRule {
    /// A finding located at an evaluation (SPEC §4.1 location rules).
    func finding(_ file: AnalyzedFile, _ e: Evaluation, severity: Severity, flag: String?, message: String,
                 related: [RelatedLocation] = []) -> Finding {
        let (start, end) = file.location(of: e)
        return Finding(rule: Self.description.id, severity: severity, path: file.path, line: start.line, column: start.column,
                       endLine: end.line, endColumn: end.column, flag: flag, message: message, related: related,
                       lineText: file.lineText(of: e))
    }
}
