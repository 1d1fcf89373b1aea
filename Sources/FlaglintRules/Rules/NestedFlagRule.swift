import FlaglintSyntax
import FlaglintAnalysis

/// nested-flag: an evaluation decided by more than `max_depth` other flags (docs/semantics.md, Nesting).
public struct NestedFlagRule: FileRule {
    public static let maxDepthOption = RuleOption.count("max_depth", default: 1, "how many other flags may control an evaluation (default 1)")

    public static let description = RuleDescription(
        id: "nested-flag",
        summary: "A flag check sits inside more than `max_depth` other flags' checks.",
        defaultSeverity: .error,
        whatItDoes: """
            Reports a flag evaluation whose execution depends on more than `max_depth` other flags: \
            it is inside their branches, loop bodies (of `while G`, `for ... where G`, `for (;G;)`) or \
            switch cases, right of a short-circuit or in a ternary or comprehension branch on them, after \
            an early exit taken on them, or behind a local variable assigned from them. An else-if chain \
            is one decision; the same flag checked again inside itself adds no depth. The body of \
            `repeat { } while G` / `do { } while (G)` is not controlled by G: it runs once regardless. \
            A `throw`/`raise` caught by an enclosing `do`/`try` (one with a `catch`/`except` clause) \
            controls only the rest of that block, not what follows the `try` statement.
            """,
        whyIsThisBad: """
            Every flag doubles the paths through the code. Three nested flags are eight combinations, \
            most of which nobody tests, and removing one flag later means untangling the others.
            """,
        example: """
            if client.boolVariation(forKey: "new-checkout", defaultValue: false) {
                if client.boolVariation(forKey: "gift-wrap", defaultValue: false) {
                    if client.boolVariation(forKey: "express", defaultValue: false) { ship() }
                }
            }
            """,
        useInstead: """
            let giftWrap = client.boolVariation(forKey: "gift-wrap", defaultValue: false)
            if client.boolVariation(forKey: "new-checkout", defaultValue: false) {
                checkout(giftWrap: giftWrap)   // decide the inner behaviour from configuration, not a third flag
            }
            """,
        options: [maxDepthOption],
        triggering: [
            RuleExample(.swift, """
                if client.boolVariation(forKey: "a", defaultValue: false) {
                    if client.boolVariation(forKey: "b", defaultValue: false) {
                        if client.1️⃣boolVariation(forKey: "c", defaultValue: false) {}
                    }
                }
                """),
            RuleExample(.swift, """
                func f() {
                    guard client.boolVariation(forKey: "a", defaultValue: false) else { return }
                    let on = client.boolVariation(forKey: "b", defaultValue: false)
                    if on {
                        show(client.1️⃣boolVariation(forKey: "c", defaultValue: false))
                    }
                }
                """),
            RuleExample(.swift, """
                let x = client.boolVariation(forKey: "a", defaultValue: false) && client.boolVariation(forKey: "b", defaultValue: false)
                    ? client.1️⃣boolVariation(forKey: "c", defaultValue: false) : false
                """),
        ],
        nonTriggering: [
            RuleExample(.swift, """
                if client.boolVariation(forKey: "a", defaultValue: false) {
                    if client.boolVariation(forKey: "b", defaultValue: false) {}
                }
                """),
            RuleExample(.swift, """
                if client.boolVariation(forKey: "a", defaultValue: false) {
                } else if client.boolVariation(forKey: "b", defaultValue: false) {
                } else if client.boolVariation(forKey: "c", defaultValue: false) {
                }
                """),
            RuleExample(.swift, """
                if client.boolVariation(forKey: "a", defaultValue: false) {
                    if client.boolVariation(forKey: "b", defaultValue: false) {
                        if client.boolVariation(forKey: "a", defaultValue: false) {}
                    }
                }
                """),
            RuleExample(.swift, """
                repeat {
                    if client.boolVariation(forKey: "b", defaultValue: false) {
                        if client.boolVariation(forKey: "c", defaultValue: false) {}
                    }
                } while client.boolVariation(forKey: "a", defaultValue: false)
                """),
            RuleExample(.swift, """
                func f() throws {
                    do {
                        if !client.boolVariation(forKey: "a", defaultValue: false) { throw E.off }
                    } catch {}
                    if client.boolVariation(forKey: "b", defaultValue: false) {
                        if client.boolVariation(forKey: "c", defaultValue: false) {}
                    }
                }
                """),
        ])

    /// Controlling flags named (message and related locations) per finding.
    static let listedControllers = 20

    public init() {}

    public func check(_ file: FileFacts, _ context: RuleContext) -> [Finding] {
        guard let severity = context.settings.severity else { return [] }
        let evaluations = file.evaluations
        var findings: [Finding] = []
        for e in evaluations {
            let own = context.flagName(e.key)
            // Nearest controlling check per distinct other flag.
            var nearest: [String: Controller] = [:]
            for c in e.controllers {
                let name = context.flagName(evaluations[c.evaluation].key)
                guard name != own else { continue }
                if let old = nearest[name], evaluations[old.evaluation].evaluation.anchor >= evaluations[c.evaluation].evaluation.anchor { continue }
                nearest[name] = c
            }
            guard nearest.count > context.settings.maxDepth else { continue }
            let chain = nearest.sorted { evaluations[$0.value.evaluation].evaluation.anchor < evaluations[$1.value.evaluation].evaluation.anchor }
            // Output stays linear in the file: past `listedControllers` the finding names the
            // count of the rest instead of each (exact depth, bounded text).
            let listed = chain.prefix(Self.listedControllers)
            let related = listed.map { name, c -> RelatedLocation in
                let loc = evaluations[c.evaluation].start
                return RelatedLocation(path: file.path, line: loc.line, column: loc.column, flag: name, message: "controlled by flag `\(name)`")
            }
            var names = listed.map { "`\($0.key)`" }.joined(separator: ", ")
            if chain.count > listed.count { names += ", and \(chain.count - listed.count) more not listed" }
            let message = "flag `\(own)` is nested inside \(chain.count) other flags (\(names)); at most \(context.settings.maxDepth) allowed"
            findings.append(finding(file, e, severity: severity, flag: own, message: message, related: related))
        }
        return findings
    }
}

extension RuleSettings {
    /// nested-flag: how many other flags may control an evaluation.
    public var maxDepth: Int {
        get { integer(NestedFlagRule.maxDepthOption) }
        set { set(NestedFlagRule.maxDepthOption, newValue) }
    }
}
