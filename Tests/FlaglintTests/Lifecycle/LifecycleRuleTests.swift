import Testing
@testable import FlaglintSupport
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintAnalysis
@testable import FlaglintRules
@testable import FlaglintReporters

/// An evaluation at `path:line:5` as the matcher would produce it.
func reference(_ key: String?, expression: String? = nil, line: Int = 1, path: String = "App.swift",
               default value: DefaultValue = .literal(.bool(false), expression: "false"),
               sdk: String = "launchdarkly", polarity: EvaluatorInfo.Polarity = .positive,
               fallback: EvaluatorInfo.Fallback = .unknown, language: Language = .swift) -> FlagReference {
    let key = FlagKey(value: key, expression: expression ?? key.map { "\"\($0)\"" } ?? "name",
                      resolution: key == nil ? .dynamic : .literal)
    let evaluation = Evaluation(evaluator: EvaluatorInfo(sdk: sdk, pattern: "$C.boolVariation(forKey: $KEY, defaultValue: $DEFAULT)",
                                                         fallback: fallback, polarity: polarity),
                                tokens: 0..<1, anchor: 0, key: key, defaultValue: value, startOffset: 0, endOffset: 10)
    return FlagReference(path: path, language: language, line: line, column: 5, endLine: line, endColumn: 60,
                         lineText: "x", evaluation: evaluation)
}

extension ProjectRule {
    /// The rule alone, enabled at its default severity (warning when off by default).
    func check(_ references: [FlagReference], registry: Registry, today: CalendarDate = date("2026-11-25"),
               settings: RuleSettings = Self.description.defaultSettings) -> [Finding] {
        check(references, ProjectRuleContext(registry: registry, today: today, severity: Self.description.defaultSeverity ?? .warning,
                                             settings: settings))
    }
}

func registry(_ yaml: String) throws -> Registry {
    try Registry(records: try NativeRegistry.load(text: yaml, path: "flags.yml"))
}

@Suite struct StaleFlagRuleTests {
    let flags = """
        flags:
          new-checkout: { rolled_out: 2026-09-01, aliases: [newCheckout] }
          kill-payments: { rolled_out: 2020-01-01, permanent: true }
          promo: { expires: 2026-10-31 }
          legacy: { rolled_out: 2020-01-01, removed: 2026-10-01 }
          fresh: { created: 2026-09-01 }
        """

    @Test(arguments: [("2026-09-30", false), ("2026-10-01", false), ("2026-10-02", true)])
    func staleStrictlyAfterTheLimit(today: String, stale: Bool) throws {
        // 29, 30 and 31 days after 2026-09-01
        let findings = StaleFlagRule().check([reference("new-checkout")], registry: try registry(flags), today: date(today))
        #expect(findings.count == (stale ? 1 : 0))
    }

    @Test func messageFollowsTheSpec() throws {
        let findings = StaleFlagRule().check([reference("new-checkout", line: 8)], registry: try registry(flags), today: date("2026-11-25"))
        #expect(findings == [Finding(rule: "stale-flag", severity: .error, path: "App.swift", line: 8, column: 5, endLine: 8, endColumn: 60,
                                     flag: "new-checkout",
                                     message: "flag `new-checkout` fully rolled out on 2026-09-01 (85 days ago, limit 30): remove it and its dead branch",
                                     lineText: "x")])
    }

    @Test func aliasesNameTheRegistryKeyAndQuoteTheCode() throws {
        var tenDays = StaleFlagRule.description.defaultSettings
        tenDays.days = 10
        let findings = StaleFlagRule().check([reference("newCheckout")], registry: try registry(flags), today: date("2026-09-12"), settings: tenDays)
        #expect(findings.first?.flag == "new-checkout")
        #expect(findings.first?.message == "flag `new-checkout` (as `newCheckout`) fully rolled out on 2026-09-01 (11 days ago, limit 10): remove it and its dead branch")
    }

    @Test func expiredFlags() throws {
        let r = try registry(flags)
        #expect(StaleFlagRule().check([reference("promo")], registry: r, today: date("2026-10-31")).isEmpty)
        let findings = StaleFlagRule().check([reference("promo")], registry: r, today: date("2026-11-01"))
        #expect(findings.first?.message == "flag `promo` expired on 2026-10-31 (1 day ago): remove it and its dead branch")
    }

    @Test func neverForPermanentRemovedUnknownOrDynamic() throws {
        let refs = [reference("kill-payments"), reference("legacy"), reference("fresh"), reference("nope"), reference(nil, expression: "key")]
        #expect(StaleFlagRule().check(refs, registry: try registry(flags), today: date("2030-01-01")).isEmpty)
    }
}

@Suite struct RemovedUnknownUnusedTests {
    let flags = """
        flags:
          new-checkout: { aliases: [newCheckout] }
          legacy-search: { removed: 2026-10-01 }
          old-banner: { owner: growth }
          gone: { removed: true }
        """

    @Test func removedFlags() throws {
        let findings = RemovedFlagRule().check([reference("legacy-search"), reference("gone"), reference("new-checkout")],
                                               registry: try registry(flags))
        #expect(findings.map(\.message) == [
            "flag `legacy-search` was removed on 2026-10-01: every evaluation returns the fallback; delete the check and keep the fallback branch",
            "flag `gone` was removed: every evaluation returns the fallback; delete the check and keep the fallback branch",
        ])
        #expect(findings.allSatisfy { $0.severity == .error && $0.rule == "removed-flag" })
    }

    @Test func removedFromAVendorSaysHow() throws {
        let r = try Registry(records: try FlagdRegistry.load(text: try testdataText("registry/flagd.json"), path: "flagd.json"))
        let findings = RemovedFlagRule().check([reference("legacy-search")], registry: r)
        #expect(findings.first?.message.hasPrefix("flag `legacy-search` was removed (`state: DISABLED` in flagd): ") == true)
    }

    @Test func unknownFlagsWithSuggestions() throws {
        let refs = [reference("new-chekout"), reference("newCheckout"), reference("totally-different"), reference(nil, expression: "name")]
        let findings = UnknownFlagRule().check(refs, registry: try registry(flags))
        #expect(findings.map(\.message) == [
            "flag `new-chekout` is not in the registry; did you mean `new-checkout`?",
            "flag `totally-different` is not in the registry",
        ])
        #expect(findings.map(\.flag) == ["new-chekout", "totally-different"])
    }

    @Test func unusedFlagsAtTheirRegistryEntry() throws {
        let findings = UnusedFlagRule().check([reference("newCheckout"), reference("legacy-search")], registry: try registry(flags))
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.rule == "unused-flag")
        #expect(f.severity == .warning)
        #expect((f.path, f.line, f.column, f.endColumn) == ("flags.yml", 4, 3, 13))
        #expect(f.flag == "old-banner")
        #expect(f.lineText == "  old-banner: { owner: growth }")
    }
}

@Suite struct ManifestDefaultMismatchTests {
    func manifest() throws -> Registry {
        try Registry(records: try OpenFeatureManifest.load(text: try testdataText("registry/openfeature-manifest.json"), path: "m.json"))
    }

    @Test func comparesBooleansByTruth() throws {
        let refs = [
            reference("darkMode", default: .literal(.bool(true), expression: "true")),
            reference("darkMode", default: .literal(.integer(0), expression: "0"), language: .c),
            reference("darkMode", default: .literal(.bool(false), expression: "NO"), language: .objc),
            reference("darkMode", default: .absent, fallback: .false),
            reference("darkMode", default: .unresolved(expression: "x")),
            reference("darkMode", default: .literal(.bool(false), expression: "false"), polarity: .negative),
        ]
        let findings = ManifestDefaultMismatchRule().check(refs, registry: try manifest())
        #expect(findings.count == 2)
        #expect(findings.first?.message == "code default `true` of flag `darkMode` differs from the manifest's defaultValue `false` (m.json:4:5)")
    }

    @Test func comparesNumbersAndStrings() throws {
        let refs = [
            reference("maxItems", default: .literal(.integer(50), expression: "50")),
            reference("maxItems", default: .literal(.integer(20), expression: "20")),
            reference("themeName", default: .literal(.string("dark"), expression: "\"dark\"")),
            reference("themeName", default: .literal(.string("light"), expression: "\"light\"")),
        ]
        #expect(ManifestDefaultMismatchRule().check(refs, registry: try manifest()).map(\.line) == [1, 1])
        #expect(ManifestDefaultMismatchRule().check(refs, registry: try manifest()).map { $0.message.contains("`20`") || $0.message.contains("`\"dark\"`") } == [true, true])
    }
}

@Suite struct FlagInventoryTests {
    let flags = """
        flags:
          new-checkout: { owner: payments, rolled_out: 2026-09-01, aliases: [newCheckout] }
          kill-payments: { rolled_out: 2020-01-01, permanent: true }
          gift-wrap: { rolled_out: 2026-11-20 }
          search-v2: { created: 2026-10-01 }
          legacy-search: { removed: 2026-10-01 }
          old-banner: { owner: growth }
        """

    func inventory() throws -> FlagInventory {
        let refs = [
            reference("new-checkout", line: 8, path: "Sources/App/Checkout.swift"),
            reference("newCheckout", line: 3, path: "Sources/App/Cart.swift", default: .absent, fallback: .false),
            reference("kill-payments", path: "app/pay.py", language: .python),
            reference("gift-wrap"),
            reference("search-v2", default: .literal(.bool(true), expression: "true")),
            reference("legacy-search", default: .unresolved(expression: "Defaults.search")),
            reference("mystery"),
            reference(nil, expression: "flagName(for: user)"),
        ]
        return FlagInventory(references: refs, registry: try registry(flags), today: date("2026-11-25"))
    }

    @Test func statesOnToday() throws {
        let states = Dictionary(uniqueKeysWithValues: try inventory().flags.map { ($0.displayName, $0.state) })
        #expect(states == [
            "new-checkout": .stale, "kill-payments": .permanent, "gift-wrap": .rolledOut, "search-v2": .active,
            "legacy-search": .removed, "old-banner": .active, "mystery": .unknown, "flagName(for: user)": .unknown,
        ])
    }

    @Test func aliasReferencesJoinTheirFlag() throws {
        let checkout = try #require(try inventory().flags.first { $0.key == "new-checkout" })
        #expect(checkout.references.map(\.path) == ["Sources/App/Cart.swift", "Sources/App/Checkout.swift"])
        #expect(checkout.references.map(\.default) == ["implicit-false", "false"])
        #expect(checkout.references.first?.expression == "\"newCheckout\"")
        #expect(checkout.daysSinceRollout == 85)
        #expect(checkout.owner == "payments")
    }

    @Test func withoutARegistryEverythingIsUnknown() {
        let inv = FlagInventory(references: [reference("a")], registry: nil, today: date("2026-11-25"))
        #expect(inv.flags.map(\.state) == [.unknown])
        #expect(!inv.hasRegistry)
    }

    @Test func dynamicKeysComeLastAndAreGroupedByExpression() throws {
        let inv = try inventory()
        #expect(inv.flags.last?.key == nil)
        #expect(inv.flags.last?.expression == "flagName(for: user)")
    }

    @Test func markdownReadsLikeACleanupTicket() throws {
        let markdown = MarkdownFlagsReporter().render(try inventory())
        let expected = """
            # Feature flags

            8 flags · 1 stale · 1 removed · 2 unknown · 1 rolled-out · 2 active · 1 permanent · 1 unused — as of 2026-11-25, stale after 30 days

            | Flag | State | Rolled out | Days since | Owner | References |
            |---|---|---|--:|---|--:|
            | `legacy-search` | **removed** |  |  |  | 1 |
            | `new-checkout` | **stale** | 2026-09-01 | 85 | payments | 2 |
            | `mystery` | unknown |  |  |  | 1 |
            | `flagName(for: user)` | unknown |  |  |  | 1 |
            | `gift-wrap` | rolled-out | 2026-11-20 | 5 |  | 1 |
            | `old-banner` | active (unused) |  |  | growth | 0 |
            | `search-v2` | active |  |  |  | 1 |
            | `kill-payments` | permanent | 2020-01-01 | 2520 |  | 1 |

            ## References

            ### `legacy-search` — removed on 2026-10-01

            - [ ] `App.swift:1:5` swift, launchdarkly, default `Defaults.search`

            ### `new-checkout` — stale, rolled out 2026-09-01 (85 days ago), owner payments

            - [ ] `Sources/App/Cart.swift:3:5` swift, launchdarkly, default `implicit-false`, as `"newCheckout"`
            - [ ] `Sources/App/Checkout.swift:8:5` swift, launchdarkly, default `false`

            ### `mystery` — unknown

            - `App.swift:1:5` swift, launchdarkly, default `false`

            ### `flagName(for: user)` — unknown

            - `App.swift:1:5` swift, launchdarkly, default `false`

            ### `gift-wrap` — rolled-out, rolled out 2026-11-20 (5 days ago)

            - `App.swift:1:5` swift, launchdarkly, default `false`

            ### `search-v2` — active

            - `App.swift:1:5` swift, launchdarkly, default `true`

            ### `kill-payments` — permanent, rolled out 2020-01-01 (2520 days ago)

            - `app/pay.py:1:5` python, launchdarkly, default `false`

            """
        #expect(markdown == expected)
    }

    @Test func markdownEscapesPipesAndBackticks() {
        let r = MarkdownFlagsReporter()
        #expect(r.code("a|b") == "`a\\|b`")
        #expect(r.code("`x`") == "`` `x` ``")
    }
}
