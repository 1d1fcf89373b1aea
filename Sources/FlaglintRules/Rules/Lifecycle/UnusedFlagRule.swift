import FlaglintSyntax

/// `unused-flag`: a registry flag no code evaluates (whole-project runs only).
public struct UnusedFlagRule: ProjectRule {
    public static let id = "unused-flag"
    public static let needsWholeProject = true
    public init() {}

    /// `references` must be every evaluation of the project: on a subset (pre-commit, stdin)
    /// every flag referenced elsewhere would look unused, so `needsWholeProject` keeps it out then.
    /// Reported at the flag's entry in its registry file; never for removed flags.
    public func check(_ references: [FlagReference], _ context: ProjectRuleContext) -> [Finding] {
        guard let registry = context.registry else { return [] }
        let severity = context.severity
        var used = Set<String>()
        // A key written as a name flaglint could not resolve (`isFeatureOn(.newOnboarding)`
        // where several enums have that case) may well be this flag: never call it unused then.
        var unresolvedNames = Set<String>()
        for reference in references {
            if let code = reference.key.value, let record = registry.lookup(codeKey: code) { used.insert(record.key) }
            if let name = reference.evaluation.keyReference?.names.last { unresolvedNames.insert(name) }
        }
        return registry.sortedRecords.compactMap { record in
            guard !used.contains(record.key), !record.isRemoved else { return nil }
            if unresolvedNames.contains(record.key) || !unresolvedNames.isDisjoint(with: record.aliases) { return nil }
            let at = record.location
            let message = "flag `\(record.key)` is in the registry but no code evaluates it: "
                + "archive it in the flag service and delete its entry"
            return Finding(rule: Self.id, severity: severity, path: at.path, line: at.line, column: at.column,
                           endLine: at.line, endColumn: at.column + record.key.unicodeScalars.count,
                           flag: record.key, message: message, lineText: record.lineText)
        }
    }

    public static let description = RuleDescription(
        id: id,
        summary: "A flag in the registry is evaluated nowhere in the code.",
        defaultSeverity: .warning,
        whatItDoes: """
            In a whole-project run, reports each registry flag that no evaluation references by its key or \
            an alias, at the flag's entry in the registry file. Removed flags are not reported. A constant \
            holding the key is not a reference; an evaluation through that constant is.
            """,
        whyIsThisBad: """
            A flag nobody evaluates is clutter in the flag service: it still appears in dashboards, can be \
            toggled to no effect, and hides which flags really matter. It is also often the trace of a \
            check that was deleted with its flag key still in the registry, or a key spelled differently in code.
            """,
        example: """
            # flags.yml
            flags:
              old-banner: { owner: growth }   # no code evaluates old-banner
            """,
        useInstead: """
            Archive `old-banner` in the flag service and delete its registry entry (or mark it `removed:`).
            """,
        // Reported in `.lint.yml` (the registry), so the examples carry no markers.
        triggering: [
            RuleExample(.swift, """
                _ = client.boolVariation(forKey: "new-checkout", defaultValue: false)
                """, configuration: """
                flags:
                  new-checkout: {}
                  old-banner: { owner: growth }
                """),
        ],
        nonTriggering: [
            RuleExample(.swift, """
                _ = client.boolVariation(forKey: "new-checkout", defaultValue: false)
                _ = client.boolVariation(forKey: "oldBanner", defaultValue: false)
                """, configuration: """
                flags:
                  new-checkout: {}
                  old-banner: { aliases: [oldBanner] }
                  legacy-search: { removed: 2026-10-01 }
                """),
        ])
}
