import FlaglintSyntax

/// `manifest-default-mismatch`: the code's fallback differs from the `defaultValue` an
/// OpenFeature manifest (or a native `default:`) declares for the flag.
public struct ManifestDefaultMismatchRule: ProjectRule {
    public static let id = "manifest-default-mismatch"
    public init() {}

    public func check(_ references: [FlagReference], _ context: ProjectRuleContext) -> [Finding] {
        guard let registry = context.registry else { return [] }
        let severity = context.severity
        return references.compactMap { reference in
            guard let code = reference.key.value, let record = registry.lookup(codeKey: code),
                  let declared = record.manifestDefault,
                  let (actual, shown) = ManifestDefaultMismatchRule.effectiveDefault(reference.evaluation),
                  ManifestDefaultMismatchRule.disagree(declared, actual) else { return nil }
            let message = "code default `\(shown)` of flag \(reference.quotedName(record)) differs from "
                + "the manifest's defaultValue `\(declared)` (\(record.location))"
            return reference.finding(rule: Self.id, severity: severity, flag: record.key, message: message)
        }
    }

    /// The value the evaluation falls back to, as the flag's own value (a negative-polarity
    /// evaluator's default is inverted), with its spelling; `nil` when it cannot be known.
    static func effectiveDefault(_ evaluation: Evaluation) -> (LiteralValue, String)? {
        let negative = evaluation.evaluator.polarity == .negative
        switch evaluation.defaultValue {
        case let .literal(value, expression):
            if negative, let truth = value.truth { return (.bool(!truth), expression) }
            return (value, expression)
        case .absent:
            switch evaluation.evaluator.fallback {
            case .false: return (.bool(negative), "(none: false)")
            case .true: return (.bool(!negative), "(none: true)")
            case .unknown: return nil
            }
        case let .declared(value, expression, alternatives, _):
            // Several `#if` alternatives: no one value to compare.
            return alternatives.isEmpty ? (.bool(negative ? !value : value), expression) : nil
        case .unresolved, .unverifiable:
            return nil
        }
    }

    /// Only values of comparable kinds can disagree; anything else is left to other rules.
    static func disagree(_ declared: RegistryValue, _ actual: LiteralValue) -> Bool {
        switch declared {
        case let .bool(b):
            if case let .string(s) = actual, s == "false" { return b != false }
            guard let truth = actual.truth else { return false }
            return truth != b
        case let .number(n):
            guard let expected = Double(n) else { return false }
            switch actual {
            case let .integer(i): return Double(i) != expected
            case let .other(text): return Double(text).map { $0 != expected } ?? false
            default: return false
            }
        case let .string(s):
            if case let .string(t) = actual { return s != t }
            return false
        case .other:
            return false
        }
    }

    public static let description = RuleDescription(
        id: id,
        summary: "An evaluation's fallback differs from the defaultValue the OpenFeature manifest declares.",
        defaultSeverity: .warning,
        whatItDoes: """
            With an `openfeature-manifest` registry (or native entries with `default:`), compares each \
            evaluation's fallback with the flag's declared `defaultValue`. Booleans compare by truth \
            (`NO`, `0` and `false` agree), numbers by value, strings exactly. Unresolvable defaults are \
            left to `missing-default-false`.
            """,
        whyIsThisBad: """
            The manifest is the team's contract for what every caller gets when the flag service is down or \
            does not know the flag. A call site with another fallback behaves differently from the generated \
            accessors and from every other call site during an outage.
            """,
        example: """
            // flags.json (OpenFeature manifest): "darkMode": {"flagType": "boolean", "defaultValue": false}
            client.getBooleanValue(key: "darkMode", defaultValue: true)
            """,
        useInstead: """
            client.getBooleanValue(key: "darkMode", defaultValue: false)
            """,
        triggering: [
            RuleExample(.swift, """
                _ = client.1️⃣boolVariation(forKey: "darkMode", defaultValue: true)
                """, configuration: """
                flags:
                  darkMode: { default: false }
                """),
        ],
        nonTriggering: [
            RuleExample(.swift, """
                _ = client.boolVariation(forKey: "darkMode", defaultValue: false)
                """, configuration: """
                flags:
                  darkMode: { default: false }
                """),
        ])
}
