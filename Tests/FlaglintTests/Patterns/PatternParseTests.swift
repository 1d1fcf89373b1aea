import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintAnalysis
@testable import FlaglintRules
@testable import FlaglintEngine

@Suite struct PatternParseTests {
    @Test func receiverCallWithLabels() throws {
        let p = try Pattern.parse("$CLIENT.boolVariation(forKey: $KEY, defaultValue: $DEFAULT)")
        #expect(p.hasReceiver)
        #expect(p.elements.first == .name("boolVariation"))
        guard case let .arguments("(", args) = p.elements.last else { Issue.record("no arguments"); return }
        #expect(args.map(\.label) == ["forKey", "defaultValue"])
        #expect(args[1].value == .meta("DEFAULT", optional: false))
        #expect(p.requiredNames == ["boolVariation"])
    }

    @Test func pythonKeywordsOptionalAndEllipsis() throws {
        let p = try Pattern.parse("$C.variation(key=$KEY, context=$CTX, default=$DEFAULT?, ...)")
        guard case let .arguments(_, args) = p.elements.last else { Issue.record("no arguments"); return }
        #expect(args.map(\.label) == ["key", "context", "default", nil])
        #expect(args[2].value == .meta("DEFAULT", optional: true))
        #expect(args[3].value == .ellipsis)
    }

    @Test func keyInsideIdentifierAndPath() throws {
        let a = try Pattern.parse("Feature_$KEY::IsEnabled()")
        #expect(a.elements.first == .namePart(prefix: "Feature_", meta: "KEY", suffix: ""))
        #expect(a.requiredNames == ["Feature_", "IsEnabled"])
        let b = try Pattern.parse("FeatureFlag.$KEY.enabled")
        #expect(b.elements == [.name("FeatureFlag"), .access, .pathMeta("KEY"), .access, .name("enabled")])
        #expect(!b.hasReceiver)
    }

    /// `$KEY` followed by a camel-case or snake-case suffix is `$KEY`, not `$KEYE` (a new user's
    /// first pattern for gRPC's `grpc_core::IsTcpReadChunksEnabled()`).
    @Test func keyFollowedByIdentifierSuffix() throws {
        #expect(try Pattern.parse("Is$KEYEnabled()").elements.first == .namePart(prefix: "Is", meta: "KEY", suffix: "Enabled"))
        #expect(try Pattern.parse("Feature_$KEY_Enabled()").elements.first == .namePart(prefix: "Feature_", meta: "KEY", suffix: "_Enabled"))
        #expect(try Pattern.parse("k$KEY_ON").elements.first == .namePart(prefix: "k", meta: "KEY", suffix: "_ON"))
        #expect(try Pattern.parse("kFlag$KEYlower()").elements.first == .namePart(prefix: "kFlag", meta: "KEY", suffix: "lower"))
    }

    /// A receiver then the key as the next member (`self.flags.newCheckout.isEnabled`).
    @Test func receiverThenKeyMember() throws {
        let p = try Pattern.parse("$R.$KEY.isEnabled")
        #expect(p.hasReceiver)
        #expect(p.elements == [.pathMeta("KEY"), .access, .name("isEnabled")])
    }

    /// A key fragment after a qualified prefix, fixed or a metavariable (Chromium's
    /// `features::kFoo`).
    @Test func qualifiedKeyFragmentArgument() throws {
        let a = try Pattern.parse("base::FeatureList::IsEnabled(features::k$KEY)")
        guard case let .arguments(_, args) = a.elements.last else { Issue.record("no arguments"); return }
        #expect(args[0].value == .path([.name("features"), .namePart(prefix: "k", meta: "KEY", suffix: "")]))
        let b = try Pattern.parse("FeatureList::IsEnabled($NS::k$KEY)")
        guard case let .arguments(_, bargs) = b.elements.last else { Issue.record("no arguments"); return }
        #expect(bargs[0].value == .path([.qualifier("NS"), .namePart(prefix: "k", meta: "KEY", suffix: "")]))
        #expect(b.metavariables == ["NS", "KEY"])
        let c = try Pattern.parse("Flags.isOn(Feature.$KEY, $DEFAULT)")
        guard case let .arguments(_, cargs) = c.elements.last else { Issue.record("no arguments"); return }
        #expect(cargs[0].value == .path([.name("Feature"), .namePart(prefix: "", meta: "KEY", suffix: "")]))
        #expect(cargs[1].value == .meta("DEFAULT", optional: false))
    }

    @Test func objectiveCMessage() throws {
        let p = try Pattern.parse("[$R boolVariationForKey: $KEY defaultValue: $DEFAULT]")
        #expect(p.elements == [.message(receiver: "R", pieces: [
            .init(name: "boolVariationForKey", value: .meta("KEY", optional: false)),
            .init(name: "defaultValue", value: .meta("DEFAULT", optional: false)),
        ])])
        #expect(p.requiredNames == ["boolVariationForKey", "defaultValue"])
    }

    @Test(arguments: [
        ("", "empty pattern"),
        ("$C.isEnabled(name: $NAME)", "$KEY"),
        ("$C.f($KEY, $KEY)", "twice"),
        ("$C.f($KEY", "unclosed"),
        ("$C.f($KEY, ..., ...)", "at most one"),
        ("$C.f($KEY) %", "unexpected character"),
        ("$A.$KEY", "fixed name"),
        ("foo $KEY", "`$KEY` follows the name `foo`"),
        ("$KEY(x)", "starts with `$KEY`"),
        ("f(x + $KEY)", "unexpected character `+`"),
        ("f($A x, $KEY)", "`$A` is followed by the name `x`"),
        ("f(x k$KEY)", "`k$KEY` is part of a larger argument"),
        ("f($key)", "upper case"),
        ("f(k$key)", "in `k$key`"),
        ("f($NS::kFoo)", "it has only `$NS`"),
        ("f(name)", "no metavariable at all"),
        ("$R.x.$KEY?", "allowed only as an argument"),
    ])
    func rejectsBadPatterns(text: String, fragment: String) {
        do {
            _ = try Pattern.parse(text)
            Issue.record("accepted \(text)")
        } catch let e as PatternError {
            #expect(e.message.contains(fragment), "\(e.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

@Suite struct PrefilterTests {
    @Test func findsAnyNameAnywhere() {
        let p = Prefilter(names: ["boolVariation", "isEnabled", "variation"])
        #expect(p.matches(Array("x = c.isEnabled(name: \"a\")".utf8)))
        #expect(p.matches(Array("…ü variation".utf8)))
        #expect(!p.matches(Array("nothing here: isEnable boolVariatio".utf8)))
        #expect(!Prefilter(names: []).matches(Array("variation".utf8)))
    }
}

/// Issue 16: a pattern means exactly what it says, or is rejected.
@Suite struct PatternStrictnessTests {
    @Test(arguments: ["f($KEY)) x ]", "f($KEY) x", "f($KEY)]", "f($KEY)}"])
    func trailingGarbageIsRejected(_ text: String) {
        #expect(throws: PatternError.self) { try Pattern.parse(text) }
    }

    @Test func pythonArgumentsAfterAnEllipsisBindFromTheEnd() throws {
        let pattern = try Pattern.parse("f($A, ..., $KEY)")
        let evaluator = EvaluatorDefinition(info: EvaluatorInfo(sdk: "custom", pattern: pattern.text), languages: [.python],
                                            pattern: pattern, origin: "test")
        let r = TestLinter.lint("f(a, b, \"k\")\nf(\"only\")\n", language: .python, evaluators: [evaluator])
        #expect(r.evaluations.map(\.key.expression) == ["\"k\""])
    }
}
