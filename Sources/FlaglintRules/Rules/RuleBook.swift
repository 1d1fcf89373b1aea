/// `docs/rules.md`: every rule's documentation (the text `flaglint rules RULE` prints), generated
/// from the rules' own descriptions so that the page SARIF `helpUri` links to cannot drift.
public enum RuleBook {
    public static func render(_ descriptions: [RuleDescription] = RuleRegistry.descriptions) -> String {
        var s = """
            # flaglint rules

            <!-- Generated from each rule's RuleDescription by `FLAGLINT_UPDATE_GOLDEN=1 swift test --filter RuleBookTests`; do not edit by hand. -->

            `flaglint rules RULE` prints the same documentation. Severities and options are set in
            `.lint.yml` under `rules:`.

            | rule | default | what it reports |
            |---|---|---|

            """
        for d in descriptions {
            s += "| [`\(d.id)`](#\(d.id)) | \(d.defaultSeverity?.rawValue ?? "off") | \(d.summary.replacingPipes) |\n"
        }
        for d in descriptions {
            s += "\n" + demoted(RuleDocumentation.render(d))
        }
        return s
    }

    /// One level deeper for every Markdown heading outside code fences (`# id` becomes `## id`,
    /// the anchor `#id` links to).
    private static func demoted(_ text: String) -> String {
        var inFence = false
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("```") { inFence.toggle() }
            return !inFence && line.hasPrefix("#") ? "#" + line : String(line)
        }.joined(separator: "\n")
    }
}

private extension String {
    var replacingPipes: String { split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
}
