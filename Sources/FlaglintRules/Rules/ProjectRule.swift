import FlaglintSupport
import FlaglintSyntax

/// What a project rule gets besides the evaluations: the group's registry, the day the run
/// judges dates by, and the rule's settings. Pure: nothing here reads the clock or the disk.
public struct ProjectRuleContext: Sendable {
    /// `nil` when `.lint.yml` configures no registry.
    public var registry: Registry?
    public var today: CalendarDate
    /// The rule runs only when enabled: this is its severity.
    public var severity: Severity
    public var settings: RuleSettings

    public init(registry: Registry?, today: CalendarDate, severity: Severity, settings: RuleSettings) {
        self.registry = registry
        self.today = today
        self.severity = severity
        self.settings = settings
    }
}

/// A rule over every evaluation of a run at once (the registry's lifecycle rules): it runs
/// once per configuration group, after the file rules, on the references of all its files.
public protocol ProjectRule: Sendable {
    static var description: RuleDescription { get }
    /// Only meaningful when the run saw every file (no explicit file list, no stdin): on a
    /// subset, a flag evaluated in a file not linted would look unused (unused-flag).
    static var needsWholeProject: Bool { get }
    init()
    func check(_ references: [FlagReference], _ context: ProjectRuleContext) -> [Finding]
}

extension ProjectRule {
    public static var needsWholeProject: Bool { false }
}

/// Runs the enabled project rules of the registry.
public enum ProjectRules {
    /// `wholeProject`: the run saw every file, so rules needing the whole project apply.
    public static func findings(_ references: [FlagReference], registry: Registry?, today: CalendarDate,
                                settings: LintSettings, wholeProject: Bool) -> [Finding] {
        var out: [Finding] = []
        for rule in RuleRegistry.projectRules where wholeProject || !rule.needsWholeProject {
            let id = rule.description.id
            guard settings.isEnabled(id), let s = settings.rules[id], let severity = s.severity else { continue }
            out += rule.init().check(references, ProjectRuleContext(registry: registry, today: today, severity: severity, settings: s))
        }
        return out.sorted(by: Finding.ordered)
    }

    /// For `LintSettings.flagName`: output names the registry key when code uses an alias.
    public static func flagName(_ registry: Registry?) -> @Sendable (FlagKey) -> String {
        { key in key.value.flatMap { registry?.lookup(codeKey: $0)?.key } ?? key.displayName }
    }
}
