import Foundation

/// The registry-backed rules as the driver runs them: once per run, over every evaluation,
/// after the per-file rules. Pure: `today` and the registry are inputs.
public struct LifecycleCheck: Sendable {
    public static let descriptions = [
        StaleFlagRule.description, RemovedFlagRule.description, UnknownFlagRule.description,
        UnusedFlagRule.description, ManifestDefaultMismatchRule.description,
    ]

    /// `nil` when `.lint.yml` configures no registry: then no lifecycle rule reports anything.
    public var registry: Registry?
    public var today: CalendarDate

    public init(registry: Registry?, today: CalendarDate) {
        self.registry = registry
        self.today = today
    }

    /// `wholeProject`: the run saw every file (no explicit file list, no stdin), so
    /// `unused-flag` can tell "unreferenced" from "referenced in a file not linted".
    public func findings(_ references: [FlagReference], settings: LintSettings, wholeProject: Bool) -> [Finding] {
        guard let registry else { return [] }
        func severity(_ id: String) -> Severity? {
            settings.isEnabled(id) ? settings.rules[id]?.severity : nil
        }
        var out: [Finding] = []
        if let s = severity(StaleFlagRule.id) {
            out += StaleFlagRule(severity: s, days: settings.rules[StaleFlagRule.id]?.days ?? Lifecycle.defaultStaleDays)
                .check(references, registry: registry, today: today)
        }
        if let s = severity(RemovedFlagRule.id) { out += RemovedFlagRule(severity: s).check(references, registry: registry) }
        if let s = severity(UnknownFlagRule.id) { out += UnknownFlagRule(severity: s).check(references, registry: registry) }
        if let s = severity(ManifestDefaultMismatchRule.id) {
            out += ManifestDefaultMismatchRule(severity: s).check(references, registry: registry)
        }
        if wholeProject, let s = severity(UnusedFlagRule.id) { out += UnusedFlagRule(severity: s).check(references, registry: registry) }
        return out.sorted(by: Finding.ordered)
    }

    /// For `LintSettings.flagName`: output names the registry key when code uses an alias.
    public static func flagName(_ registry: Registry?) -> @Sendable (FlagKey) -> String {
        { key in key.value.flatMap { registry?.lookup(codeKey: $0)?.key } ?? key.displayName }
    }
}

extension CalendarDate {
    /// Today in UTC: the CLI's default for `--today`. Rules never call this.
    public static func todayUTC(now: Date = Date()) -> CalendarDate {
        CalendarDate(unixMilliseconds: Int64((now.timeIntervalSince1970 * 1000).rounded(.down)))
    }

}
