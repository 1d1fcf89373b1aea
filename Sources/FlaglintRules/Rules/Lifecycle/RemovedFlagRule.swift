import FlaglintSyntax

/// `removed-flag`: code checks a flag the flag service no longer serves.
public struct RemovedFlagRule: ProjectRule {
    public static let id = "removed-flag"
    public init() {}

    public func check(_ references: [FlagReference], _ context: ProjectRuleContext) -> [Finding] {
        guard let registry = context.registry else { return [] }
        let severity = context.severity
        return references.compactMap { reference in
            guard let code = reference.key.value, let record = registry.lookup(codeKey: code),
                  let removal = record.removed else { return nil }
            var how = removal.date.map { "was removed on \($0)" } ?? "was removed"
            if removal.reason != "removed" { how += " (\(removal.reason))" }
            let message = "flag \(reference.quotedName(record)) \(how): every evaluation returns the fallback; "
                + "delete the check and keep the fallback branch"
            return reference.finding(rule: Self.id, severity: severity, flag: record.key, message: message)
        }
    }

    public static let description = RuleDescription(
        id: id,
        summary: "Code checks a flag that the registry marks archived or removed.",
        defaultSeverity: .error,
        whatItDoes: """
            Reports every evaluation of a flag whose registry entry is removed: `removed:` in flaglint's \
            format, `archived` in LaunchDarkly or Unleash, `state: DISABLED` in flagd.
            """,
        whyIsThisBad: """
            The flag service no longer serves a removed flag, so every evaluation silently returns the \
            fallback passed in code. The check looks live but is not: whoever reads it will assume the \
            flag still decides something, and re-creating a flag with the same key would switch old code on.
            """,
        example: """
            // flags.yml: legacy-search: { removed: 2026-10-01 }
            if client.boolVariation(forKey: "legacy-search", defaultValue: false) { legacySearch() } else { search() }
            """,
        useInstead: """
            search()
            """,
        triggering: [
            RuleExample(.swift, """
                if client.1️⃣boolVariation(forKey: "legacy-search", defaultValue: false) { legacySearch() }
                """, configuration: """
                flags:
                  legacy-search: { removed: 2026-10-01 }
                """),
        ],
        nonTriggering: [
            RuleExample(.swift, """
                if client.boolVariation(forKey: "new-search", defaultValue: false) { newSearch() }
                """, configuration: """
                flags:
                  new-search: { created: 2026-10-01 }
                """),
        ])
}
