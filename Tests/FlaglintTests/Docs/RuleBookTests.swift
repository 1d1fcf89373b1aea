import Foundation
import Testing
@testable import FlaglintSupport
@testable import FlaglintRules

/// `docs/rules.md` is generated from the rules' descriptions: stale when a rule changes.
struct RuleBookTests {
    @Test func docsRulesIsUpToDate() throws {
        let path = PackagePaths.path("docs/rules.md")
        let generated = RuleBook.render()
        if ProcessInfo.processInfo.environment["FLAGLINT_UPDATE_GOLDEN"] == "1" {
            try generated.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let current = try String(contentsOfFile: path, encoding: .utf8)
        #expect(current == generated, "docs/rules.md is stale: run FLAGLINT_UPDATE_GOLDEN=1 swift test --filter RuleBookTests")
    }

    /// Every rule has the anchor SARIF `helpUri` and `flaglint rules` point at, under one link base.
    @Test func everyHelpURIHasAnAnchor() {
        let book = RuleBook.render()
        for d in RuleRegistry.descriptions {
            #expect(d.helpURI == Flaglint.rulesDocumentationURL + "#" + d.id)
            #expect(book.contains("\n## \(d.id)\n"), "no `## \(d.id)` heading for the anchor")
        }
    }
}
