import FlaglintSyntax
import FlaglintFrontends
import FlaglintAnalysis

/// Everything that stays the same across the files of one run.
public struct LintSettings: Sendable {
    public var evaluators: [EvaluatorDefinition]
    public var rules: [String: RuleSettings]
    public var frontendContext: FrontendContext
    /// Findings of these rules only (`--select`), none of these (`--ignore`).
    public var select: Set<String>?
    public var ignore: Set<String>
    public var flagName: @Sendable (FlagKey) -> String
    /// Parse every file, whether or not it names an evaluator (the C-family benchmark measures
    /// the frontend on real trees with it; findings are the same, only slower).
    public var prefilterDisabled: Bool

    public init(evaluators: [EvaluatorDefinition], rules: [String: RuleSettings] = RuleRegistry.defaultSettings,
                frontendContext: FrontendContext = FrontendContext(), select: Set<String>? = nil, ignore: Set<String> = [],
                flagName: @escaping @Sendable (FlagKey) -> String = { $0.displayName }, prefilterDisabled: Bool = false) {
        self.evaluators = evaluators
        self.rules = rules
        self.frontendContext = frontendContext
        self.select = select
        self.ignore = ignore
        self.flagName = flagName
        self.prefilterDisabled = prefilterDisabled
    }

    public func isEnabled(_ rule: String) -> Bool {
        if let select, !select.contains(rule) { return false }
        if ignore.contains(rule) { return false }
        return rules[rule]?.severity != nil
    }
}
