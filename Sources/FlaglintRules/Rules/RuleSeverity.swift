import FlaglintSyntax

/// A severity as written in `.lint.yml`, where `off` disables the rule.
public enum RuleSeverity: String, Sendable, Hashable, CaseIterable {
    case error, warning, off

    /// `nil` for `off`.
    public var severity: Severity? {
        switch self {
        case .error: return .error
        case .warning: return .warning
        case .off: return nil
        }
    }
}

/// A validated rule option's value (names and types come from the rule's `RuleDescription`).
public enum RuleOptionValue: Sendable, Hashable {
    case integer(Int)
    case severity(RuleSeverity)
}
