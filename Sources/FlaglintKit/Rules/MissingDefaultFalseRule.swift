/// missing-default-false: a boolean evaluation whose fallback is not the flag's off value.
public struct MissingDefaultFalseRule: FileRule {
    public static let description = RuleDescription(
        id: "missing-default-false",
        summary: "A boolean flag evaluation's fallback is not `false` (not `true` for negative checks).",
        defaultSeverity: .error,
        whatItDoes: """
            Reports boolean evaluations whose default argument is a true literal (`true`, `True`, `YES`, \
            `@YES`, a non-zero integer in the C family, `"true"`), that pass no default where the SDK does \
            not fall back to `false`, or (at the `unverifiable` severity) whose default is an expression \
            flaglint cannot resolve to a literal. For negative-polarity checks (`is_off`) the safe \
            default is `true` and everything is inverted. A `!` at the call site changes nothing.
            """,
        whyIsThisBad: """
            The default is what runs when the flag service is down, the SDK is not initialised or the \
            flag was deleted. A `true` fallback switches the new behaviour on for everyone exactly when \
            nobody is watching.
            """,
        example: """
            if client.boolVariation(forKey: "new-checkout", defaultValue: true) { newCheckout() }
            """,
        useInstead: """
            if client.boolVariation(forKey: "new-checkout", defaultValue: false) { newCheckout() }
            """,
        options: [("unverifiable", "severity for defaults that are not literals and cannot be resolved (default warning; `off` to silence)")],
        triggering: [
            RuleExample(.swift, """
                let on = client.1️⃣boolVariation(forKey: "a", defaultValue: true)
                """),
            RuleExample(.swift, """
                let on = client.1️⃣boolVariation(forKey: "a", defaultValue: computeDefault())
                """),
        ],
        nonTriggering: [
            RuleExample(.swift, """
                let on = client.boolVariation(forKey: "a", defaultValue: false)
                """),
            RuleExample(.swift, """
                let fallback = false
                let on = client.boolVariation(forKey: "a", defaultValue: fallback)
                """),
        ])

    public init() {}

    /// How the language spells the boolean literals in advice.
    static func literals(_ language: Language) -> (String, String) {
        switch language {
        case .python: return ("False", "True")
        case .objc, .objcpp: return ("NO", "YES")
        default: return ("false", "true")
        }
    }

    /// Literal spellings a fix may replace: a constant or an expression is left to the user.
    private static let literalSpellings: Set<String> = ["true", "false", "True", "False", "YES", "NO", "@YES", "@NO", "TRUE", "FALSE", "1", "0"]

    public func check(_ file: FileFacts, _ context: RuleContext) -> [Finding] {
        guard let severity = context.settings.severity else { return [] }
        var findings: [Finding] = []
        for fact in file.evaluations {
            let e = fact.evaluation
            let info = e.evaluator
            let safe = info.polarity == .positive ? false : true
            let name = context.flagName(e.key)
            let (falseWord, trueWord) = Self.literals(file.language)
            let off = safe ? "`\(trueWord)` (the check is negative)" : "`\(falseWord)`"
            let note = info.note.map { " (\($0))" } ?? ""
            switch e.defaultValue {
            case let .literal(value, expression):
                guard let truth = value.truth else {
                    if info.type == .bool, let u = context.settings.unverifiable {
                        findings.append(finding(file, fact, severity: u, flag: name,
                            message: "default `\(expression)` of flag `\(name)` is not a boolean literal; the fallback must be \(off)"))
                    }
                    continue
                }
                if info.type == .any, case .integer = value { continue }
                if truth != safe {
                    let offWord = safe ? trueWord : falseWord
                    let fix = e.defaultRange.flatMap { r in
                        Self.literalSpellings.contains(expression) && r.count == expression.utf8.count
                            ? Fix(message: "fall back to `\(offWord)`", applicability: .unsafe, edits: [Edit(range: r, replacement: offWord)]) : nil
                    }
                    findings.append(finding(file, fact, severity: severity, flag: name,
                        message: "flag `\(name)` falls back to `\(expression)`: when the flag service fails the new behaviour switches on; use \(off)",
                        fix: fix))
                }
            case .absent:
                guard info.type == .bool else { continue }
                switch info.fallback {
                case .false where !safe, .true where safe:
                    continue
                case .unknown:
                    findings.append(finding(file, fact, severity: severity, flag: name,
                        message: "flag `\(name)` is evaluated without a default: pass \(off) so it is the fallback\(note)"))
                default:
                    findings.append(finding(file, fact, severity: severity, flag: name,
                        message: "flag `\(name)` is evaluated without a default and this SDK then falls back to `\(safe ? falseWord : trueWord)`; pass \(off)\(note)"))
                }
            case let .unresolved(expression), let .unverifiable(expression):
                guard info.type == .bool, let u = context.settings.unverifiable else { continue }
                findings.append(finding(file, fact, severity: u, flag: name,
                    message: "default `\(expression)` of flag `\(name)` cannot be verified to be \(off)"))
            }
        }
        return findings
    }
}
