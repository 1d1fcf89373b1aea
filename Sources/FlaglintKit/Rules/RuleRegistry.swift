/// Every rule flaglint knows. A new rule is one more line here.
public enum RuleRegistry {
    /// Rules that look at one file at a time, in the order they run.
    public static let fileRules: [any FileRule.Type] = [
        NestedFlagRule.self,
        MissingDefaultFalseRule.self,
        DynamicFlagKeyRule.self,
    ]

    /// Descriptions of all rules, including those applied by the driver (lifecycle, suppressions).
    public static var descriptions: [RuleDescription] {
        (fileRules.map { $0.description } + extraDescriptions).sorted { $0.id < $1.id }
    }

    /// Rules implemented outside `fileRules` (project-level or post-processing).
    static let extraDescriptions: [RuleDescription] = LifecycleCheck.descriptions

    public static func description(of id: String) -> RuleDescription? {
        descriptions.first { $0.id == id }
    }

    public static var ids: [String] { descriptions.map(\.id) }

    /// Default settings of every rule.
    public static var defaultSettings: [String: RuleSettings] {
        var out: [String: RuleSettings] = [:]
        for d in descriptions { out[d.id] = RuleSettings(severity: d.defaultSeverity) }
        return out
    }
}
