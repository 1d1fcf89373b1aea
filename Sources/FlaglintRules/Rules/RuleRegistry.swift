/// A rule as the registry lists it: its shape decides where it runs.
public enum RegisteredRule: Sendable {
    /// One file's facts at a time.
    case file(any FileRule.Type)
    /// Every evaluation of a run at once.
    case project(any ProjectRule.Type)
    /// Applied by the finding filters, which judge the other rules' findings (unused-suppression).
    case filter(RuleDescription)

    public var description: RuleDescription {
        switch self {
        case let .file(rule): return rule.description
        case let .project(rule): return rule.description
        case let .filter(description): return description
        }
    }
}

/// Every rule flaglint knows: configuration validation, defaults, `flaglint rules`, SARIF and
/// the example tests all read it. A new rule is one file and one line here.
public enum RuleRegistry {
    /// In the order `.lint.yml` messages list them.
    public static let all: [RegisteredRule] = [
        .file(NestedFlagRule.self),
        .project(StaleFlagRule.self),
        .file(MissingDefaultFalseRule.self),
        .file(DynamicFlagKeyRule.self),
        .project(UnknownFlagRule.self),
        .project(UnusedFlagRule.self),
        .project(RemovedFlagRule.self),
        .filter(UnusedSuppressionRule.description),
        .project(ManifestDefaultMismatchRule.self),
    ]

    /// Rules that look at one file at a time, in the order they run.
    public static let fileRules: [any FileRule.Type] = all.compactMap { if case let .file(rule) = $0 { rule } else { nil } }

    /// Rules over every evaluation of a run (the registry's lifecycle rules), in the order they run.
    public static let projectRules: [any ProjectRule.Type] = all.compactMap { if case let .project(rule) = $0 { rule } else { nil } }

    /// Descriptions of all rules, sorted by id.
    public static let descriptions: [RuleDescription] = all.map(\.description).sorted { $0.id < $1.id }

    public static func description(of id: String) -> RuleDescription? {
        descriptions.first { $0.id == id }
    }

    /// Sorted.
    public static let ids: [String] = descriptions.map(\.id)

    /// Default settings of every rule: its default severity and option defaults.
    public static let defaultSettings: [String: RuleSettings] =
        Dictionary(uniqueKeysWithValues: descriptions.map { ($0.id, $0.defaultSettings) })
}
