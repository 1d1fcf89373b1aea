/// The rules `.lint.yml` may configure and their options. Every rule also takes `severity`.
/// Adding a configurable rule or option is adding one line here.
public enum RuleOptionTable {
    public enum Kind: Sendable, Equatable {
        /// 0 or more.
        case count
        /// `error`, `warning` or `off`.
        case severity

        var expectation: String {
            switch self {
            case .count: return "a non-negative integer"
            case .severity: return "error, warning or off"
            }
        }
    }

    public static let rules: [(id: String, options: [(name: String, kind: Kind)])] = [
        ("nested-flag", [("max_depth", .count)]),
        ("stale-flag", [("days", .count)]),
        ("missing-default-false", [("unverifiable", .severity)]),
        ("dynamic-flag-key", []),
        ("unknown-flag", []),
        ("unused-flag", []),
        ("removed-flag", []),
        ("unused-suppression", []),
        ("manifest-default-mismatch", []),
    ]

    public static var ruleIDs: [String] { rules.map(\.id) }

    static func options(of id: String) -> [(name: String, kind: Kind)]? {
        rules.first { $0.id == id }?.options
    }
}
