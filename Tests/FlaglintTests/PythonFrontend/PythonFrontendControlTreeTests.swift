import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintRules

/// Parses `source` with the Python frontend.
func pyModel(_ source: String) -> FileModel {
    // The frontend never throws for Python: problems are diagnostics.
    (try? PythonFrontend().parse(SourceFile(path: "t.py", language: .python, text: source), context: FrontendContext()))!
}

/// Identifier texts named in the conditions of every region whose body holds the `occurrence`-th
/// token spelled `marker`: the names that decide whether that token runs.
func pyControllers(of marker: String, occurrence: Int = 0, in source: String) -> Set<String> {
    let model = pyModel(source)
    let hits = model.tokens.indices.filter { model.tokens[$0].text == marker && model.tokens[$0].kind == .identifier }
    guard occurrence < hits.count else { return ["<marker not found>"] }
    let index = hits[occurrence]
    var names: Set<String> = []
    for region in model.control.regions where region.body.contains(index) {
        for c in region.conditions {
            for k in c where model.tokens[k].kind == .identifier { names.insert(model.tokens[k].text) }
        }
    }
    return names
}

@Suite struct PythonFrontendControlTreeTests {
    // (a) statements
    @Test func nestedIfs() {
        let src = "if a():\n    if b():\n        E()\n    F()\nG()\n"
        #expect(pyControllers(of: "E", in: src) == ["a", "b"])
        #expect(pyControllers(of: "F", in: src) == ["a"])
        #expect(pyControllers(of: "G", in: src) == [])
    }

    @Test func elifChainIsOneDecision() {
        let src = "if a():\n    A()\nelif b():\n    B()\nelif c(): C()\nelse:\n    D()\n"
        #expect(pyControllers(of: "A", in: src) == ["a"])
        #expect(pyControllers(of: "B", in: src) == ["b"])
        #expect(pyControllers(of: "b", in: src) == [])
        #expect(pyControllers(of: "C", in: src) == ["c"])
        #expect(pyControllers(of: "D", in: src) == ["a", "b", "c"])
    }

    @Test func whileLoopsAndElse() {
        let src = "while a():\n    E()\nelse:\n    F()\nfor x in b():\n    G()\nelse:\n    H()\n"
        #expect(pyControllers(of: "E", in: src) == ["a"])
        #expect(pyControllers(of: "F", in: src) == ["a"])
        #expect(pyControllers(of: "G", in: src) == [])
        #expect(pyControllers(of: "H", in: src) == [])
    }

    @Test func matchCasesAndGuards() {
        let src = "match s():\n    case 1 if g():\n        E()\n    case _:\n        F()\nmatch = 3\n"
        #expect(pyControllers(of: "E", in: src) == ["s", "g"])
        #expect(pyControllers(of: "F", in: src) == ["s"])
        #expect(pyControllers(of: "match", occurrence: 1, in: src) == [])
    }

    @Test func tryAndWithAreTransparent() {
        let src = "if a():\n    try:\n        with b() as c:\n            E()\n    except X:\n        F()\n    finally:\n        G()\n"
        for m in ["E", "F", "G"] { #expect(pyControllers(of: m, in: src) == ["a"]) }
    }

    // (b) expressions
    @Test func conditionalExpressionsAndShortCircuits() {
        #expect(pyControllers(of: "E", in: "x = E() if a() else F()\n") == ["a"])
        #expect(pyControllers(of: "F", in: "x = E() if a() else F()\n") == ["a"])
        #expect(pyControllers(of: "E", in: "if a() and E():\n    pass\n") == ["a"])
        #expect(pyControllers(of: "E", in: "return a() or b() or E()\n").isSuperset(of: ["a", "b"]))
        #expect(pyControllers(of: "E", in: "f(a() and E())\n") == ["a"])
    }

    @Test func fStringFieldsTakePart() {
        #expect(pyControllers(of: "E", in: "x = f\"{E() if a() else 1}\"\n") == ["a"])
        #expect(pyControllers(of: "E", in: "if a():\n    log(f'{E()}')\n") == ["a"])
    }

    // (c) early exits
    @Test func earlyReturnControlsTheRestOfTheFunction() {
        let src = "def f():\n    if not a(): return\n    E()\n    if b():\n        F()\ndef g():\n    G()\n"
        #expect(pyControllers(of: "E", in: src) == ["a"])
        #expect(pyControllers(of: "F", in: src) == ["a", "b"])
        #expect(pyControllers(of: "G", in: src) == [])
    }

    @Test func blockExitsAndExitCalls() {
        let src = "def f():\n    if not a():\n        log()\n        raise X()\n    E()\n    if b():\n        sys.exit(1)\n    F()\n"
        #expect(pyControllers(of: "E", in: src) == ["a"])
        #expect(pyControllers(of: "F", in: src) == ["a", "b"])
    }

    @Test func exitNestedDeeperDoesNotCountForTheOuterBranch() {
        let src = "def f():\n    if a():\n        if b():\n            return\n        x()\n    E()\n"
        #expect(pyControllers(of: "E", in: src) == ["b"])
        #expect(pyControllers(of: "x", in: src) == ["a", "b"])
    }

    @Test func continueControlsOnlyTheLoop() {
        let src = "for x in y:\n    if a():\n        continue\n    E()\nF()\n"
        #expect(pyControllers(of: "E", in: src) == ["a"])
        #expect(pyControllers(of: "F", in: src) == [])
    }

    @Test func elseArmExitControlsWithAllConditions() {
        let src = "def f():\n    if a():\n        x()\n    else:\n        return\n    E()\n"
        #expect(pyControllers(of: "E", in: src) == ["a"])
    }

    // (d) comprehensions
    @Test func comprehensionIfClauses() {
        #expect(pyControllers(of: "E", in: "xs = [E(x) for x in y if a(x)]\n") == ["a", "x"])
        #expect(pyControllers(of: "E", in: "xs = (v for v in y if a() for z in E())\n") == ["a"])
        // Tuple targets and dict comprehensions keep their clauses.
        #expect(pyControllers(of: "E", in: "xs = {k: E() for k, v in y if a()}\n") == ["a"])
        #expect(pyControllers(of: "E", in: "xs = [E() for k, v in y if a()]\n") == ["a"])
    }

    // (e) aliases
    @Test func aliasesAreAssignments() {
        let model = pyModel("def f():\n    on = c.is_enabled('x')\n    flag: bool = c.is_on('y')\n    if on:\n        E()\n")
        #expect(model.control.assignments.map(\.name) == ["on", "flag"])
        let on = model.control.assignments[0]
        #expect(model.tokens[on.value].map(\.text) == ["c", ".", "is_enabled", "(", "'x'", ")"])
        #expect(model.tokens[on.visible.lowerBound].text == "flag")
        #expect(on.visible.upperBound == model.tokens.count - 1)
        #expect(pyControllers(of: "E", in: "on = c.is_enabled('x')\nif on:\n    E()\n") == ["on"])
    }

    @Test func walrusIsAnAlias() {
        let model = pyModel("def f():\n    if (on := c.is_enabled('x')) and other:\n        E()\n    g(on)\n")
        #expect(model.control.assignments.map(\.name) == ["on"])
        let a = model.control.assignments[0]
        #expect(model.tokens[a.value].map(\.text) == ["c", ".", "is_enabled", "(", "'x'", ")"])
        #expect(model.tokens[a.visible.lowerBound].text == ")")
        #expect(pyControllers(of: "E", in: "if (on := c.is_enabled('x')):\n    E()\n") == ["on", "c", "is_enabled"])
    }

    // Closures and lambdas
    @Test func closuresAreControlledByTheirBranch() {
        #expect(pyControllers(of: "E", in: "if a():\n    cb = lambda: E()\n    def g():\n        F()\n") == ["a"])
        #expect(pyControllers(of: "F", in: "if a():\n    cb = lambda: E()\n    def g():\n        F()\n") == ["a"])
    }

    @Test func lambdaBodiesAreFunctionBoundaries() {
        let model = pyModel("cb = sorted(xs, key=lambda x: x.k, reverse=True)\n")
        let functionish = model.tokens.indices.filter { model.tokens[$0].text == "k" }
        #expect(functionish.count == 1)
        // An early exit in the enclosing function still reaches into the lambda.
        #expect(pyControllers(of: "E", in: "def f():\n    if not a(): return\n    g = lambda: E()\n") == ["a"])
    }

    // Declarations
    @Test func definitionHeadersAreDeclarations() {
        let model = pyModel("class C(Base):\n    def variation(self, key, context, default):\n        pass\n    def f(x=c.is_on('k')):\n        pass\n")
        func declared(_ text: String) -> Bool {
            let i = model.tokens.firstIndex { $0.text == text }!
            return model.control.declarations.contains { $0.contains(i) }
        }
        #expect(declared("variation"))
        #expect(declared("default"))
        #expect(declared("C"))
        #expect(!declared("is_on"))
        #expect(declared("x"))
        #expect(!declared("pass"))
    }

    // Constants
    @Test func constants() {
        let src = """
            KEY = "new-checkout"
            ON: Final = True
            LIMIT: Final[int] = -1_000
            JOINED = ("a-"
                      "b")
            TWICE = "x"
            TWICE = "y"
            DYNAMIC = make()
            class Flags:
                NEW = 'new'
                class Inner:
                    HEX = 0x1F
            def f():
                local = "loc"
                return local

            """
        let constants = pyModel(src).constants
        func find(_ name: String) -> ConstantDefinition? { constants.first { $0.name == name } }
        #expect(find("KEY")?.value == .string("new-checkout"))
        #expect(find("KEY")?.scope == nil && find("KEY")?.qualifiers == [])
        #expect(find("ON")?.value == .bool(true))
        #expect(find("LIMIT")?.value == .integer(-1000))
        #expect(find("JOINED")?.value == .string("a-b"))
        #expect(find("TWICE") == nil)
        #expect(find("DYNAMIC") == nil)
        #expect(find("NEW")?.qualifiers == ["Flags"])
        #expect(find("HEX")?.qualifiers == ["Flags", "Inner"] && find("HEX")?.value == .integer(31))
        #expect(find("local")?.scope != nil)
        #expect(find("KEY")?.offset == 0)
    }
}
