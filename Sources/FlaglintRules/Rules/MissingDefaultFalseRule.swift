import FlaglintSyntax
import FlaglintFrontends
import FlaglintAnalysis

/// missing-default-false: a boolean evaluation whose fallback is not the flag's off value.
public struct MissingDefaultFalseRule: FileRule {
    public static let unverifiableOption = RuleOption.severity("unverifiable", default: .warning,
        "severity for defaults that are not literals and cannot be resolved (default warning; `off` to silence)")

    public static let description = RuleDescription(
        id: "missing-default-false",
        summary: "A boolean flag evaluation's fallback is not `false` (not `true` for negative checks).",
        defaultSeverity: .error,
        whatItDoes: """
            Reports boolean evaluations whose default argument is a true literal (`true`, `True`, `YES`, \
            `@YES`, a non-zero integer in the C family, `"true"`), that pass no default where the SDK does \
            not fall back to `false`, or (at the `unverifiable` severity) whose default is an expression \
            flaglint cannot resolve to a literal. For negative-polarity checks (`is_off`) the safe \
            default is `true` and everything is inverted. A `!` at the call site changes nothing. \
            A flag declared with its state (Chromium's `BASE_FEATURE(kX, "X", \
            base::FEATURE_ENABLED_BY_DEFAULT)`) is reported as enabled by default at every check; when the \
            state differs between `#if`/`#else` alternatives, each is named and the flag counts as \
            enabled by default if any alternative is. `type: maybe-bool` evaluators (LaunchDarkly \
            Python's `variation`) report unresolvable defaults at the `unverifiable` severity too.
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
        options: [unverifiableOption],
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
            let (falseWord, trueWord) = FrontendRegistry.syntax(for: file.language).adviceLiterals
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
                if info.type != .bool, case .integer = value { continue }
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
            case let .declared(value, expression, alternatives, location):
                guard value != safe else { continue }
                // Chromium-style declared state: nothing "fails" here; the old behaviour comes
                // back only when a field-trial config turns the feature off.
                let state = value ? "enabled" : "disabled"
                let spelled = alternatives.isEmpty ? "by default (`\(expression)`, declared at \(location))"
                    : "by default in one of its `#if` alternatives (" + alternatives.map { "`\($0)`" }.joined(separator: " / ") + ", declared at \(location))"
                findings.append(finding(file, fact, severity: severity, flag: name,
                    message: "flag `\(name)` is \(state) \(spelled): "
                        + "the new behaviour is on wherever no field-trial config turns it off; declare it \(value ? "disabled" : "enabled") by default until it has rolled out"))
            case let .unresolved(expression), let .unverifiable(expression):
                guard info.type == .bool || info.type == .maybeBool, let u = context.settings.unverifiable else { continue }
                findings.append(finding(file, fact, severity: u, flag: name,
                    message: "default `\(expression)` of flag `\(name)` cannot be verified to be \(off)"))
            }
        }
        return findings
    }
}

extension RuleSettings {
    /// missing-default-false: severity for defaults that cannot be verified (`nil` = off).
    public var unverifiable: Severity? {
        get { severityOption(MissingDefaultFalseRule.unverifiableOption) }
        set { set(MissingDefaultFalseRule.unverifiableOption, newValue) }
    }
}
