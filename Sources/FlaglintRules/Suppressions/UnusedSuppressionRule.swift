import FlaglintAnalysis

/// `unused-suppression`: the findings `InSourceSuppressions` reports about its own comments.
/// Not a file or project rule: the suppression filter applies it after every other rule ran
/// (it must see all their findings); `RuleRegistry.filterRules` registers its description.
public enum UnusedSuppressionRule {
    public static let id = InSourceSuppressions.unusedSuppressionRule

    public static let description = RuleDescription(
        id: id,
        summary: "A `flaglint:` suppression comment suppresses nothing, names an unknown rule, or is misspelt.",
        defaultSeverity: .warning,
        whatItDoes: """
            Reports `flaglint:disable-next-line`, `disable-line`, `disable`, `disable-file` comments \
            (and the rules listed in them) that suppressed no finding in this run, rule ids flaglint \
            does not know, and `flaglint:` comments that are not a directive.
            """,
        whyIsThisBad: """
            A suppression outlives the code it was written for: once the flag check is gone or moved, \
            the comment silently covers whatever lands on that line next. A misspelt rule id or \
            directive suppresses nothing while looking as if it did.
            """,
        example: """
            // flaglint:disable-next-line nested-flag -- old checkout
            let total = cart.total
            """,
        useInstead: """
            let total = cart.total
            """,
        options: [.severity("severity", default: .warning, "`warning` (default), `error` or `off`.")],
        triggering: [
            RuleExample(.swift, """
                1️⃣// flaglint:disable-next-line nested-flag -- old checkout
                let total = cart.total
                """),
            RuleExample(.python, """
                total = cart.total  1️⃣# flaglint:disable-line nested-flg
                """),
            RuleExample(.c, """
                1️⃣/* flaglint:disabel stale-flag */
                int total = cart_total();
                """),
        ],
        nonTriggering: [
            RuleExample(.swift, """
                let total = cart.total
                """),
            RuleExample(.python, """
                # flaglint:disable-next-line unused-suppression -- kept for the 2027 migration
                # flaglint:disable-next-line nested-flag
                total = cart.total
                """),
        ])
}
