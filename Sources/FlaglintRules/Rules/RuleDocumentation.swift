/// ruff-style rule documentation: What it does · Why is this bad? · Example · Use instead · Options.
public enum RuleDocumentation {
    public static func render(_ d: RuleDescription) -> String {
        var s = "# \(d.id)\n\n\(d.summary)\n\nDefault severity: \(d.defaultSeverity?.rawValue ?? "off")\n\n"
        s += "## What it does\n\(d.whatItDoes)\n\n## Why is this bad?\n\(d.whyIsThisBad)\n\n"
        s += "## Example\n```\n\(d.example)\n```\n\n## Use instead\n```\n\(d.useInstead)\n```\n"
        if !d.options.isEmpty {
            s += "\n## Options\n" + d.options.map { "- `\($0.name)`: \($0.meaning)" }.joined(separator: "\n") + "\n"
        }
        return s
    }

    /// `flaglint rules RULE`: the documentation and where it lives on the web.
    public static func renderWithLink(_ d: RuleDescription) -> String {
        render(d) + "\nDocumentation: \(d.helpURI)\n"
    }
}
