import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintRules

@Suite struct SwiftConstantsTests {
    private func constants(_ source: String) -> [ConstantDefinition] { SwiftParsed(source).model.constants }

    @Test func fileAndTypeLevel() {
        let c = constants("""
            let kCheckout = "new-checkout"
            private let kTyped: String = "typed"
            var notConstant = "v"
            let interpolated = "a\\(b)"
            struct Flags {
                static let giftWrap = "gift-wrap"
                let on = true, count: Int = 1_000, neg = -2, hex = 0x1F
                struct Nested { public static let deep = "deep" }
            }
            """)
        #expect(c.map(\.name) == ["kCheckout", "kTyped", "giftWrap", "on", "count", "neg", "hex", "deep"])
        #expect(c[0].value == .string("new-checkout") && c[0].qualifiers == [] && c[0].scope == nil)
        #expect(c[1].value == .string("typed"))
        #expect(c[2].qualifiers == ["Flags"] && c[2].value == .string("gift-wrap"))
        #expect(c[3].value == .bool(true))
        #expect(c[4].value == .integer(1000))
        #expect(c[5].value == .integer(-2))
        #expect(c[6].value == .integer(31))
        #expect(c[7].qualifiers == ["Flags", "Nested"])
        #expect(c.allSatisfy { !$0.isEnumCase })
        #expect(c[0].offset == 4)
    }

    @Test func enumRawValues() {
        let c = constants("""
            enum Flag: String, CaseIterable {
                case checkout = "new-checkout", giftWrap
                case `default`
                indirect case search
                func key() -> String { rawValue }
            }
            enum Plain { case a, b }
            enum Numbers: Int { case one = 1, two }
            """)
        #expect(c.map(\.name) == ["checkout", "giftWrap", "default", "search", "one"])
        #expect(c.allSatisfy { $0.isEnumCase })
        #expect(c[0].value == .string("new-checkout"))
        #expect(c[1].value == .string("giftWrap"))
        #expect(c[2].value == .string("default"))
        #expect(c[0].qualifiers == ["Flag"])
        #expect(c[4].value == .integer(1) && c[4].qualifiers == ["Numbers"])
    }

    @Test func extensionsQualify() {
        let c = constants("extension FeatureFlags.Keys { static let y = \"why\" }")
        #expect(c.first?.name == "y")
        #expect(c.first?.qualifiers == ["FeatureFlags", "Keys"])
    }

    @Test func functionLocalsHaveScope() {
        let p = SwiftParsed("func f() {\n let local = \"l\"\n run { let inner = false }\n}")
        let c = p.model.constants
        #expect(c.map(\.name) == ["local", "inner"])
        let body = p.index("{", 0) + 1..<p.index("}", 1)
        #expect(c[0].scope == body)
        #expect(c[1].scope == p.index("{", 1) + 1..<p.index("}", 0))
    }
}
