import FlaglintSyntax

/// `unknown-flag`: code checks a key the configured registry does not know.
public struct UnknownFlagRule: ProjectRule {
    public static let id = "unknown-flag"
    public init() {}

    /// Only meaningful with a configured registry; dynamic keys are never reported (docs/semantics.md).
    public func check(_ references: [FlagReference], _ context: ProjectRuleContext) -> [Finding] {
        guard let registry = context.registry else { return [] }
        let severity = context.severity
        let spellings = Array(registry.records.keys) + Array(registry.aliases.keys)
        return references.compactMap { reference in
            guard let code = reference.key.value, registry.lookup(codeKey: code) == nil else { return nil }
            var message = "flag `\(code)` is not in the registry"
            if let near = UnknownFlagRule.nearest(code, in: spellings) {
                let key = registry.lookup(codeKey: near)?.key ?? near
                message += near == key ? "; did you mean `\(key)`?" : "; did you mean `\(near)` (alias of `\(key)`)?"
            }
            return reference.finding(rule: Self.id, severity: severity, flag: code, message: message)
        }
    }

    /// The closest spelling within a small edit distance: typos, not different flags.
    package static func nearest(_ word: String, in candidates: [String]) -> String? {
        let limit = max(1, min(2, word.count / 4))
        var best: (distance: Int, word: String)?
        for candidate in candidates {
            let d = editDistance(Array(word.lowercased()), Array(candidate.lowercased()), limit: limit)
            guard d <= limit else { continue }
            if best == nil || d < best!.distance || (d == best!.distance && candidate < best!.word) { best = (d, candidate) }
        }
        return best?.word
    }

    package static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    public static let description = RuleDescription(
        id: id,
        summary: "Code checks a flag key that the configured registry does not contain.",
        defaultSeverity: nil,
        whatItDoes: """
            With a registry configured, reports every evaluation whose key is neither a registry key nor one \
            of its `aliases`. Dynamic keys (not resolvable to a string) are never reported. Off unless \
            enabled: `rules: { unknown-flag: { severity: warning } }`.
            """,
        whyIsThisBad: """
            A key the flag service does not know always evaluates to the code's fallback: usually a typo, a \
            flag created only in another environment, or a flag deleted without its code.
            """,
        example: """
            // flags.yml: new-checkout: {}
            client.boolVariation(forKey: "new-chekout", defaultValue: false)
            """,
        useInstead: """
            client.boolVariation(forKey: "new-checkout", defaultValue: false)
            """,
        triggering: [
            RuleExample(.swift, """
                _ = client.1️⃣boolVariation(forKey: "new-chekout", defaultValue: false)
                """, configuration: """
                rules: { unknown-flag: { severity: warning } }
                flags:
                  new-checkout: {}
                """),
        ],
        nonTriggering: [
            RuleExample(.swift, """
                _ = client.boolVariation(forKey: "newCheckout", defaultValue: false)
                _ = client.boolVariation(forKey: key, defaultValue: false)
                """, configuration: """
                rules: { unknown-flag: { severity: warning } }
                flags:
                  new-checkout: { aliases: [newCheckout] }
                """),
        ])
}
