import FlaglintSyntax
import FlaglintAnalysis

/// dynamic-flag-key: the key is neither a literal nor a constant flaglint can resolve.
public struct DynamicFlagKeyRule: FileRule {
    public static let description = RuleDescription(
        id: "dynamic-flag-key",
        summary: "A flag key is computed at run time, so the flag cannot be tracked.",
        defaultSeverity: .warning,
        whatItDoes: """
            Reports evaluations whose key is not a string literal and does not resolve to one through \
            constants in the file or in any file of the project (the project index): `let`/`static let`, enum raw \
            values, Python module and class constants, C `#define` and `const`/`constexpr` strings.
            """,
        whyIsThisBad: """
            A key built at run time cannot be found by search, checked against the registry, reported \
            as stale or removed with its dead branch. Flags nobody can find are flags nobody removes.
            """,
        example: """
            let on = client.boolVariation(forKey: "checkout-" + variant, defaultValue: false)
            """,
        useInstead: """
            enum Flags { static let newCheckout = "checkout-new" }
            let on = client.boolVariation(forKey: Flags.newCheckout, defaultValue: false)
            """,
        triggering: [
            RuleExample(.swift, """
                let on = client.1️⃣boolVariation(forKey: prefix + name, defaultValue: false)
                """),
        ],
        nonTriggering: [
            RuleExample(.swift, """
                enum Flags: String { case newCheckout = "new-checkout" }
                let on = client.boolVariation(forKey: Flags.newCheckout.rawValue, defaultValue: false)
                """),
            RuleExample(.swift, """
                let key = "new-checkout"
                let on = client.boolVariation(forKey: key, defaultValue: false)
                """),
        ])

    public init() {}

    public func check(_ file: FileFacts, _ context: RuleContext) -> [Finding] {
        guard let severity = context.settings.severity else { return [] }
        return file.evaluations.filter { $0.key.resolution == .dynamic }.map { e in
            finding(file, e, severity: severity, flag: e.key.expression,
                    message: "flag key `\(e.key.expression)` is not a literal or a constant flaglint can resolve: the flag cannot be tracked"
                        + (e.keyNote.map { " (\($0))" } ?? ""))
        }
    }
}
