import FlaglintSyntax

/// `stale-flag`: code still checks a flag that reached 100% more than `days` ago or expired.
public struct StaleFlagRule: ProjectRule {
    public static let id = "stale-flag"
    public static let daysOption = RuleOption.count("days", default: Lifecycle.defaultStaleDays,
        "Days after `rolled_out` before the flag is stale (default 30). Stale when today - rolled_out > days.")

    public init() {}

    public func check(_ references: [FlagReference], _ context: ProjectRuleContext) -> [Finding] {
        guard let registry = context.registry else { return [] }
        let (days, today, severity) = (context.settings.days, context.today, context.severity)
        return references.compactMap { reference in
            guard let code = reference.key.value, let record = registry.lookup(codeKey: code),
                  let staleness = Lifecycle.staleness(of: record, today: today, days: days) else { return nil }
            let name = reference.quotedName(record)
            let message: String
            switch staleness {
            case let .rolledOut(date, ago):
                message = "flag \(name) fully rolled out on \(date) (\(Lifecycle.daysAgo(ago)), limit \(days)): remove it and its dead branch"
            case let .expired(date, ago):
                message = "flag \(name) expired on \(date) (\(Lifecycle.daysAgo(ago))): remove it and its dead branch"
            }
            return reference.finding(rule: Self.id, severity: severity, flag: record.key, message: message)
        }
    }

    public static let description = RuleDescription(
        id: id,
        summary: "A flag fully rolled out more than `days` ago, or past its `expires` date, is still checked in code.",
        defaultSeverity: .error,
        whatItDoes: """
            Reports every evaluation of a flag whose registry entry says it reached 100% (`rolled_out`) more \
            than `days` days before `--today`, or whose `expires` date has passed. Flags marked `permanent` \
            (kill switches, ops toggles) are never stale. Dates come from the configured registry (docs/registry.md); \
            a flag with no rollout date cannot be stale.
            """,
        whyIsThisBad: """
            A fully rolled-out flag is dead configuration: one of its branches never runs again, yet it is \
            still compiled, reviewed and tested, and turning the flag off by mistake would resurrect old \
            behaviour nobody has exercised for weeks. Every stale flag also doubles the paths a reader must \
            consider around it.
            """,
        example: """
            // flags.yml: new-checkout: { rolled_out: 2026-09-01 }   (flaglint --today 2026-11-25)
            if client.boolVariation(forKey: "new-checkout", defaultValue: false) {
                showNewCheckout()
            } else {
                showLegacyCheckout()
            }
            """,
        useInstead: """
            showNewCheckout()   // and delete `new-checkout` from the registry and the flag service
            """,
        options: [daysOption],
        triggering: [
            RuleExample(.swift, """
                if client.1️⃣boolVariation(forKey: "new-checkout", defaultValue: false) { showNew() }
                """, configuration: """
                flags:
                  new-checkout: { rolled_out: 2026-01-01 }
                """),
            RuleExample(.swift, """
                package let on = client.1️⃣boolVariation(forKey: "promo-banner", defaultValue: false)
                """, configuration: """
                flags:
                  promo-banner: { expires: 2026-01-31 }
                """),
            RuleExample(.python, """
                import ldclient

                if client.1️⃣variation("newCheckout", user, False):
                    pass
                """, configuration: """
                flags:
                  new-checkout: { rolled_out: 2026-01-01, aliases: [newCheckout] }
                """),
        ],
        nonTriggering: [
            RuleExample(.swift, """
                if client.boolVariation(forKey: "kill-payments", defaultValue: false) { stop() }
                """, configuration: """
                flags:
                  kill-payments: { rolled_out: 2020-01-01, permanent: true }
                """),
            RuleExample(.swift, """
                if client.boolVariation(forKey: "gift-wrap", defaultValue: false) { wrap() }
                """, configuration: """
                flags:
                  gift-wrap: { created: 2020-01-01 }
                """),
        ])
}

extension RuleSettings {
    /// stale-flag: days after `rolled_out` before a flag is stale.
    public var days: Int {
        get { integer(StaleFlagRule.daysOption) }
        set { set(StaleFlagRule.daysOption, newValue) }
    }
}
