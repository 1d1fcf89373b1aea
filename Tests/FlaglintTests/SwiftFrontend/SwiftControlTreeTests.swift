import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintRules

/// A parsed Swift snippet and questions about which conditions control a token.
struct SwiftParsed {
    let model: FileModel

    init(_ source: String) {
        model = SwiftFrontend().parse(SourceFile(path: "t.swift", language: .swift, text: source), context: FrontendContext())
    }

    /// Index of the `occurrence`-th token spelled `text`.
    func index(_ text: String, _ occurrence: Int = 0) -> Int {
        let hits = model.tokens.indices.filter { model.tokens[$0].text == text }
        return occurrence < hits.count ? hits[occurrence] : -1
    }

    /// Identifier texts in the conditions of every region whose body contains token `i`.
    func controllers(_ i: Int) -> Set<String> {
        var out: Set<String> = []
        for r in model.control.regions where r.body.contains(i) {
            for c in r.conditions {
                for j in c where model.tokens[j].kind == .identifier { out.insert(model.tokens[j].text) }
            }
        }
        return out
    }

    func controllers(of text: String, _ occurrence: Int = 0) -> Set<String> { controllers(index(text, occurrence)) }
}

@Suite struct SwiftControlTreeTests {
    @Test func nestedBranches() {
        let p = SwiftParsed("if a { if b { c() } }\nd()")
        #expect(p.controllers(of: "c") == ["a", "b"])
        #expect(p.controllers(of: "d") == [])
    }

    @Test func elseIfChainIsOneDecision() {
        let p = SwiftParsed("if a { x() } else if b { y() } else if c { z() } else { w() }")
        #expect(p.controllers(of: "x") == ["a"])
        #expect(p.controllers(of: "y") == ["b"])
        #expect(p.controllers(of: "z") == ["c"])
        #expect(p.controllers(of: "w") == ["a", "b", "c"])
        // Conditions of one chain do not control each other.
        #expect(p.controllers(of: "b") == [])
        #expect(p.controllers(of: "c") == [])
    }

    @Test func allmanElse() {
        let p = SwiftParsed("if a\n{\n  x()\n}\nelse\n{\n  y()\n}\nz()")
        #expect(p.controllers(of: "x") == ["a"])
        #expect(p.controllers(of: "y") == ["a"])
        #expect(p.controllers(of: "z") == [])
    }

    @Test func guardControlsRestOfFunctionOnly() {
        let p = SwiftParsed("""
            func f() {
                guard a else { return }
                g()
                run { h() }
            }
            k()
            """)
        #expect(p.controllers(of: "g") == ["a"])
        #expect(p.controllers(of: "h") == ["a"])
        #expect(p.controllers(of: "k") == [])
    }

    @Test func earlyExitBothPolarities() {
        let p = SwiftParsed("""
            func f() {
                if !a { return }
                g()
                if b {
                    log()
                    throw E.x
                }
                h()
                if c { fatalError("no") }
                i()
            }
            j()
            """)
        #expect(p.controllers(of: "g") == ["a"])
        #expect(p.controllers(of: "h") == ["a", "b"])
        #expect(p.controllers(of: "i") == ["a", "b", "c"])
        #expect(p.controllers(of: "j") == [])
    }

    @Test func exitNestedDeeperDoesNotCountForOuterArm() {
        let p = SwiftParsed("func f() {\n if a {\n if b { return }\n }\n g()\n}")
        #expect(!p.controllers(of: "g").contains("a"))
        #expect(p.controllers(of: "g").contains("b"))
        let q = SwiftParsed("func f() {\n if a {\n return\n log()\n }\n g()\n}")
        #expect(q.controllers(of: "g") == [])
    }

    @Test func elseExitControlsRest() {
        let p = SwiftParsed("func f() {\n if a { g() } else { return }\n h()\n}")
        #expect(p.controllers(of: "h") == ["a"])
    }

    @Test func continueAndBreakEndAtLoop() {
        let p = SwiftParsed("""
            func f() {
                for x in xs {
                    if a { continue }
                    g()
                }
                h()
                while b {
                    if c { break }
                    i()
                }
                j()
            }
            """)
        #expect(p.controllers(of: "g") == ["a"])
        #expect(p.controllers(of: "h") == [])
        #expect(p.controllers(of: "i") == ["b", "c"])
        #expect(p.controllers(of: "j") == [])
    }

    @Test func loops() {
        let p = SwiftParsed("""
            while a { g() }
            repeat { h() } while b
            for x in c where d { i() }
            for y in e { k() }
            """)
        #expect(p.controllers(of: "g") == ["a"])
        #expect(p.controllers(of: "h") == [])
        #expect(p.controllers(of: "i") == ["d"])
        #expect(p.controllers(of: "k") == [])
        #expect(p.model.control.conditions.contains { $0.contains(p.index("b")) })
    }

    @Test func switchCases() {
        let p = SwiftParsed("""
            switch a {
            case .x where b:
                g()
            case .y:
                if c { break }
                h()
            @unknown default:
                i()
            }
            j()
            """)
        #expect(p.controllers(of: "g") == ["a", "b"])
        #expect(p.controllers(of: "h") == ["a", "c"])
        #expect(p.controllers(of: "i") == ["a"])
        #expect(p.controllers(of: "j") == [])
    }

    @Test func ternaryAndShortCircuit() {
        let p = SwiftParsed("""
            let v = a ? g() : h()
            let w = b && i() || k()
            if c && l() { m() }
            """)
        #expect(p.controllers(of: "g") == ["a"])
        #expect(p.controllers(of: "h") == ["a"])
        #expect(p.controllers(of: "i") == ["b"])
        #expect(p.controllers(of: "k").contains("b"))
        #expect(p.controllers(of: "l") == ["c"])
        #expect(p.controllers(of: "m").contains("c"))
    }

    @Test func conditionListsAreAnd() {
        let p = SwiftParsed("if a, let x = g(), h() { k() }")
        #expect(p.controllers(of: "g") == ["a"])
        #expect(p.controllers(of: "h").isSuperset(of: ["a", "g"]))
        #expect(p.controllers(of: "k").isSuperset(of: ["a", "g", "h"]))
    }

    @Test func closuresInsideBranches() {
        let p = SwiftParsed("""
            if a {
                items.forEach { [weak self] x in
                    if b { g() }
                }
                load { h() } onError: { e in i() }
            }
            """)
        #expect(p.controllers(of: "g") == ["a", "b"])
        #expect(p.controllers(of: "h") == ["a"])
        #expect(p.controllers(of: "i") == ["a"])
    }

    @Test func interpolationIsCode() {
        let p = SwiftParsed(#"let s = "x \(a ? g() : "n") \(list.map { b ? h() : 0 })""#)
        #expect(p.controllers(of: "g") == ["a"])
        #expect(p.controllers(of: "h") == ["b"])
    }

    @Test func ifAndSwitchExpressions() {
        let p = SwiftParsed("let v = if a { g() } else { h() }\nlet w = switch b { case .x: i() default: k() }")
        #expect(p.controllers(of: "g") == ["a"])
        #expect(p.controllers(of: "h") == ["a"])
        #expect(p.controllers(of: "i") == ["b"])
    }

    @Test func everyConditionalCompilationBranchIsCode() {
        let p = SwiftParsed("#if DEBUG\nif a { g() }\n#elseif os(iOS)\nif b { h() }\n#else\nif c { i() }\n#endif")
        #expect(p.controllers(of: "g") == ["a"])
        #expect(p.controllers(of: "h") == ["b"])
        #expect(p.controllers(of: "i") == ["c"])
    }

    @Test func alternativeBranchesMayOpenTheirOwnBraces() {
        // Each branch opens the same body its own way; the body is closed once, after #endif.
        let p = SwiftParsed("""
            #if os(iOS)
            final class Banner: UIView {
            #elseif os(macOS)
            final class Banner: NSView {
            #else
            final class Banner {
            #endif
                func show() { if a { g() } }
            }
            func later() { if b { h() } }
            """)
        #expect(p.model.diagnostics.isEmpty, "\(p.model.diagnostics.map(\.message))")
        #expect(p.controllers(of: "g") == ["a"])
        #expect(p.controllers(of: "h") == ["b"])
        let open = p.index("{", 0), close = p.index("}", 2)
        #expect(p.model.partners[open] == Int32(close))
        // A real mistake inside the first branch is still reported.
        let broken = SwiftParsed("#if DEBUG\nfunc f() {\n#endif\nif a { g() }")
        #expect(broken.model.diagnostics.contains { $0.message.contains("unclosed '{'") })
    }

    @Test func accessorsAndResultBuilders() {
        let p = SwiftParsed("""
            struct V: View {
                var isOn: Bool {
                    guard a else { return false }
                    return g()
                }
                var body: some View {
                    VStack {
                        if b { Text("x") }
                    }
                }
                var c: Int = 0 { didSet { if d { h() } } }
                var e: Bool { get { i() } set { if f { k() } } }
            }
            m()
            """)
        #expect(p.controllers(of: "g") == ["a"])
        #expect(p.controllers(of: "body") == [])
        #expect(p.controllers(of: "Text") == ["b"])
        #expect(p.controllers(of: "h") == ["d"])
        #expect(p.controllers(of: "i") == [])
        #expect(p.controllers(of: "k") == ["f"])
        #expect(p.controllers(of: "m") == [])
    }

    @Test func doCatchAndDefer() {
        let p = SwiftParsed("do { if a { g() } } catch { h() }\ndefer { if b { i() } }")
        #expect(p.controllers(of: "g") == ["a"])
        #expect(p.controllers(of: "h") == [])
        #expect(p.controllers(of: "i") == ["b"])
    }

    @Test func aliases() {
        let p = SwiftParsed("""
            func f() {
                let on = client.boolVariation(forKey: "k", defaultValue: false)
                var off: Bool = !x
                if on { g() }
            }
            """)
        let a = p.model.control.assignments
        #expect(a.map(\.name) == ["on", "off"])
        let on = a[0]
        #expect(on.nameToken == p.index("on"))
        #expect(p.model.tokens[on.value.lowerBound].text == "client" && p.model.tokens[on.value.upperBound - 1].text == ")")
        #expect(on.visible.contains(p.index("on", 1)))
        #expect(!on.visible.contains(p.index("on")))
        #expect(p.model.tokens[on.visible.upperBound].text == "}")
        #expect(p.controllers(of: "g") == ["on"])
        #expect(p.model.control.conditions.contains { $0.contains(p.index("on", 1)) })
    }

    @Test func storedPropertiesAreNotAliases() {
        let p = SwiftParsed("""
            final class Home {
                let tips = LDClient.get()!.boolVariation(forKey: "tips", defaultValue: false)
                static var shared = client.boolVariation(forKey: "s", defaultValue: false)
                func f() {
                    let on = client.boolVariation(forKey: "k", defaultValue: false)
                    if tips, on { g() }
                }
            }
            let topLevel = client.boolVariation(forKey: "t", defaultValue: false)
            """)
        #expect(Set(p.model.control.assignments.map(\.name)) == ["on", "topLevel"])
    }

    @Test func conditionListsGoOnAfterACommaAtLineStart() {
        let p = SwiftParsed("""
            func f() {
                guard let a = x,
                      let b = y,
                      case .on = z,
                      var c = w else { return }
                g()
                if let d = x,
                   case .some = y,
                   e {
                    h()
                }
                while let i = it.next(),
                      let j = i.child {
                    k()
                }
            }
            """)
        #expect(p.controllers(of: "g").isSuperset(of: ["a", "x", "b", "y", "z", "c", "w"]))
        #expect(p.controllers(of: "h").isSuperset(of: ["d", "x", "y", "e"]))
        #expect(p.controllers(of: "k").isSuperset(of: ["i", "it", "j"]))
    }

    @Test func declarationsAreNotCode() {
        let p = SwiftParsed("""
            protocol Flags {
                func boolVariation(forKey key: String, defaultValue: Bool) -> Bool
                init(x: Int)
            }
            final class Client {
                public func boolVariation(forKey key: String, defaultValue: Bool) -> Bool { return store[key] ?? defaultValue }
                subscript(key: String) -> Bool { get { true } }
            }
            """)
        let decls = p.model.control.declarations
        #expect(decls.filter { $0.contains(p.index("boolVariation", 0)) }.count == 1)
        #expect(decls.filter { $0.contains(p.index("boolVariation", 1)) }.count == 1)
        #expect(decls.contains { $0.contains(p.index("x")) })
        #expect(!decls.contains { $0.contains(p.index("store")) })
        #expect(decls.contains { $0.contains(p.index("subscript")) })
    }

    @Test func multiLineStatements() {
        let p = SwiftParsed("""
            func f() {
                if a
                    && g() {
                    h()
                }
                let v = b
                    ? i()
                    : k()
                client
                    .boolVariation(forKey: "x", defaultValue: false)
            }
            """)
        #expect(p.controllers(of: "g") == ["a"])
        #expect(p.controllers(of: "h").contains("a"))
        #expect(p.controllers(of: "i") == ["b"])
        #expect(p.controllers(of: "k") == ["b"])
    }

    @Test func unbalancedBracesDiagnostic() {
        let p = SwiftParsed("func f() {\n if a { g()\n}\n")
        #expect(p.model.diagnostics.count == 1)
        #expect(p.model.diagnostics.first?.offset == 9)
        #expect(p.controllers(of: "g") == ["a"])
        #expect(SwiftParsed("}}").model.diagnostics.count == 1)
    }
}
