import Foundation
import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends

/// Every test runs once per libclang found (Debian's 14 and the Swift toolchain's 21 here).
@Suite(.enabled(if: TestLibclang.available, TestLibclang.reason))
struct CFamilyTokenTests {
    @Test(arguments: TestLibclang.all.indices)
    func literalsSplicesDigraphsAndObjC(_ n: Int) throws {
        let clang = TestLibclang.all[n]
        let m = try FileModel.cfamily(#"""
        auto a = R"x(raw "quoted" \n)x"; auto b = "esc\t\"q\"\x41\101";
        int c<:2:> = <%1, 2%>; p->f(); ns::g();
        in\
        t d = 1; // tail
        """#, .objcpp, clang: clang)
        let raw = try #require(m.tokens.first { $0.text.hasPrefix("R\"") })
        #expect(raw.kind == .string && raw.stringValue == #"raw "quoted" \n"#)
        let esc = try #require(m.tokens.first { $0.text.hasPrefix("\"esc") })
        #expect(esc.stringValue == "esc\t\"q\"AA")
        #expect(m.tokens.map(\.text).contains("["))
        #expect(m.tokens.filter { $0.text == "{" || $0.text == "}" }.count == 2)
        #expect(m.tokens.contains { $0.text == "->" } && m.tokens.contains { $0.text == "::" })
        // A line splice inside an identifier is not part of its spelling.
        let int = try #require(m.tokens.first { $0.text == "int" && $0.flags.contains(.lineStart) && $0.start > esc.end + 40 })
        #expect(m.source.text(from: int.start, to: int.end) == "in\\\nt")
        #expect(m.comments.map(\.text) == ["// tail"])

        let o = try FileModel.cfamily(#"NSString *s = @"objc"; id y = @YES; id n = @NO; id i = @1; NSArray *a = @[@"x"];"#, .objc, clang: clang)
        let objc = try #require(o.tokens.first { $0.text == #"@"objc""# })
        #expect(objc.kind == .string && objc.stringValue == "objc")
        #expect(o.tokens.contains { $0.text == "@YES" } && o.tokens.contains { $0.text == "@NO" } && o.tokens.contains { $0.text == "@1" })
        #expect(o.tokens.contains { $0.text == #"@"x""# })
    }

    @Test(arguments: TestLibclang.all.indices)
    func offsetsAndFlags(_ n: Int) throws {
        let m = try FileModel.cfamily("int  x=1;\n  y(2);", .c, clang: TestLibclang.all[n])
        for t in m.tokens { #expect(m.source.text(from: t.start, to: t.end) == t.text) }
        let x = try #require(m.tokens.first { $0.text == "x" })
        #expect(x.flags.contains(.spaceBefore) && !x.flags.contains(.spaceAfter) && !x.flags.contains(.lineStart))
        #expect(try #require(m.tokens.first { $0.text == "y" }).flags.contains(.lineStart))
    }

    @Test(arguments: TestLibclang.all.indices)
    func skippedRangesAndDirectivesAreNotTokens(_ n: Int) throws {
        let m = try FileModel.cfamily("""
        #include <a.h>
        #if 0
        dead0();
        #elif defined(LIVE)
        dead1();
        #else
        live0();
        #endif
        #define BODY(x) in_macro(x) \\
            in_macro_too(x)
        #ifdef ON
        on();
        #endif
        live1();
        """, .c, clang: TestLibclang.all[n], context: FrontendContext(defines: ["ON"]))
        let names = Set(m.tokens.filter { $0.kind == .identifier }.map(\.text))
        #expect(names == ["live0", "on", "live1"])
        #expect(!m.tokens.contains { $0.text == "#" || $0.text == "include" })
    }

    @Test(arguments: TestLibclang.all.indices)
    func constants(_ n: Int) throws {
        let m = try FileModel.cfamily(#"""
        #define K1 "one"
        #define K2 @"two"
        #define K3 ("three")
        #define FN(x) "no"
        #define KB YES
        namespace outer { namespace inner {
        const char *const k4 = "four";
        static const char k5[] = "five";
        constexpr char k6[] = "six";
        constexpr std::string_view k7 = "seven";
        constexpr const char* k8 = "eight";
        extern const char kExtern[];
        char *notConst = "mutable";
        class Holder { static constexpr char kMember[] = "member"; };
        }}
        const char Holder::kOut[] = "out";
        NSString *const k9 = @"nine";
        static NSString *const k10 = @"ten";
        BASE_FEATURE(kFeature, "FeatureName", base::FEATURE_ENABLED_BY_DEFAULT);
        BASE_FEATURE(kShort, base::FEATURE_DISABLED_BY_DEFAULT);
        void f() { constexpr char kLocal[] = "local"; }
        """#, .objcpp, clang: TestLibclang.all[n])
        var byName: [String: ConstantDefinition] = [:]
        for c in m.constants { byName[c.name] = c }
        let strings = byName.compactMapValues { c -> String? in if case let .string(s) = c.value { return s }; return nil }
        #expect(strings == ["K1": "one", "K2": "two", "K3": "three", "k4": "four", "k5": "five", "k6": "six", "k7": "seven",
                            "k8": "eight", "kMember": "member", "kOut": "out", "k9": "nine", "k10": "ten",
                            "kFeature": "FeatureName", "kShort": "Short", "kLocal": "local"])
        #expect(byName["KB"]?.value == .bool(true))
        #expect(byName["k4"]?.qualifiers == ["outer", "inner"])
        #expect(byName["kMember"]?.qualifiers == ["outer", "inner", "Holder"])
        #expect(byName["kOut"]?.qualifiers == ["Holder"])
        #expect(byName["kLocal"]?.scope != nil && byName["k4"]?.scope == nil)
    }
}

@Suite(.enabled(if: TestLibclang.available, TestLibclang.reason))
struct CFamilyControlTreeTests {
    /// `f`'s argument at its `occurrence`-th call names the flag; returns its controllers.
    private func controllers(_ m: FileModel, _ flag: String) throws -> Set<String> {
        let i = try #require(m.tokens.firstIndex { $0.text == flag })
        return m.controllingNames(of: i)
    }

    @Test(arguments: TestLibclang.all.indices)
    func branchesLoopsSwitch(_ n: Int) throws {
        let m = try FileModel.cfamily("""
        void Page::f() {
            if (A()) { x(a1); } else if (B()) { x(b1); } else { x(c1); }
            if (C()) x(d1); else x(d2);
            while (W()) x(w1);
            do { x(dw1); } while (DW());
            for (int i = 0; F(); i++) { x(f1); }
            for (auto& v : R()) { x(r1); }
            switch (S()) { case 1: x(s1); break; default: x(s2); }
            if constexpr (CE()) { x(ce1); }
            if (auto v = I(); C17(v)) { x(i1); }
        }
        """, clang: TestLibclang.all[n])
        #expect(try controllers(m, "a1") == ["A"])
        #expect(try controllers(m, "b1") == ["B"])
        #expect(try controllers(m, "c1") == ["A", "B"])
        #expect(try controllers(m, "d2") == ["C"])
        #expect(try controllers(m, "w1") == ["W"])
        #expect(try controllers(m, "dw1") == [])
        #expect(try controllers(m, "f1") == ["F"])
        #expect(try controllers(m, "r1") == [])
        #expect(try controllers(m, "s1") == ["S"] && controllers(m, "s2") == ["S"])
        #expect(try controllers(m, "ce1") == ["CE"])
        #expect(try controllers(m, "i1") == ["C17", "v"])
        let sig = try #require(m.tokens.firstIndex { $0.text == "Page" })
        #expect(m.isDeclaration(sig))
    }

    @Test(arguments: TestLibclang.all.indices)
    func expressionsExitsLambdasBlocksAliases(_ n: Int) throws {
        let m = try FileModel.cfamily("""
        void f() {
            bool t = T() ? x(t1) : x(t2);
            bool s = SC() && x(sc1);
            if (!E()) return;
            x(after_e);
            auto l = [&](int q) { x(in_lambda); };
            dispatch(^{ x(in_block); });
            const bool on = AL();
            if (on) { x(alias1); }
        }
        void g() { x(other_function); }
        - (void)m { if (M()) { [self n:x(in_method)]; } }
        """, .objcpp, clang: TestLibclang.all[n])
        #expect(try controllers(m, "t1") == ["T"] && controllers(m, "t2") == ["T"])
        #expect(try controllers(m, "sc1") == ["SC"])
        #expect(try controllers(m, "after_e") == ["E"])
        #expect(try controllers(m, "in_lambda") == ["E"])
        #expect(try controllers(m, "in_block") == ["E"])
        #expect(try controllers(m, "alias1").contains("on"))
        #expect(try controllers(m, "other_function") == [])
        #expect(try controllers(m, "in_method") == ["M"])
        let alias = try #require(m.control.assignments.first { $0.name == "on" })
        #expect(alias.name == "on")
        let pattern = try #require(m.tokens.firstIndex { $0.text == "AL" })
        #expect(alias.value.contains(pattern))
    }

    @Test(arguments: TestLibclang.all.indices)
    func deepNestingAndBrokenCode(_ n: Int) throws {
        let depth = 5000
        let code = "void f() {" + String(repeating: "if (a) {", count: depth) + "x(deep);" + String(repeating: "}", count: depth) + "}"
        let m = try FileModel.cfamily(code, clang: TestLibclang.all[n])
        let i = try #require(m.tokens.firstIndex { $0.text == "deep" })
        #expect(m.control.regions.filter { $0.body.contains(i) }.count == depth)
        // Half-written code: unclosed bodies, stray closers, a missing condition.
        for broken in ["void f() { if (a) { x(", "} } ) ]; void g() { if }", "if (", "void f() { for (;;", "@implementation X - (void)m {"] {
            _ = try FileModel.cfamily(broken, .objcpp, clang: TestLibclang.all[n])
        }
    }
}

@Suite(.enabled(if: TestLibclang.available, TestLibclang.reason))
struct CFamilyRobustnessTests {
    @Test func aParsePastItsDeadlineIsReportedAndSkipped() {
        let big = Array(String(repeating: "int a = f(1) + g(2);\n", count: 100_000).utf8)
        let (invocation, _) = CFamilyFrontend.invocation(for: "/tmp/flaglint-deadline.c", language: .c, context: FrontendContext())
        let r = ClangLexer.lex(big, invocation: invocation, clang: TestLibclang.any, timeout: 0.001)
        #expect(r.tokens.isEmpty)
        // A failure of the run (exit 2), not a diagnostic beside "No problems found".
        #expect(r.failure?.contains("did not finish") == true)
    }

    @Test func hostileBytesNeverCrash() throws {
        let inputs: [[UInt8]] = [
            [0xEF, 0xBB, 0xBF] + Array("int x; // bom\r\nif (a) {}\r\n".utf8),
            [0xFF, 0xFE, 0x00, 0x41, 0x22, 0x27, 0x5C],
            Array("\"unterminated\n'x\n/* open comment".utf8),
            Array(repeating: UInt8(ascii: "("), count: 20_000),
            Array(repeating: UInt8(ascii: "}"), count: 20_000),
        ]
        for bytes in inputs {
            let source = SourceFile(path: "/tmp/flaglint-hostile.cpp", language: .cpp, bytes: bytes)
            let m = try CFamilyFrontend(libclang: TestLibclang.any).parse(source, context: FrontendContext())
            for t in m.tokens { #expect(t.start <= t.end && t.end <= bytes.count) }
        }
        // Past the nesting limit a file is refused before libclang sees it (issue 16: libclang
        // recursed once per level and took the whole run down near 90,000 levels).
        let deep = SourceFile(path: "/tmp/flaglint-deep.c", language: .c,
                              bytes: Array(repeating: UInt8(ascii: "{"), count: CFamilyFrontend.nestingLimit + 1))
        #expect(throws: CFamilyFailure.self) { try CFamilyFrontend(libclang: TestLibclang.any).parse(deep, context: FrontendContext()) }
        // Comments and literals do not count.
        let quoted = Array(("/* " + String(repeating: "{", count: 50_000) + " */ char *s = \"" + String(repeating: "(", count: 50_000) + "\";").utf8)
        #expect(CFamilyFrontend.lineBeyondNestingLimit(quoted) == nil)
    }
}

@Suite struct LibclangLoaderTests {
    @Test func missingLibclangNamesTheFix() {
        let r = Libclang.load(environment: ["FLAGLINT_LIBCLANG": "/nonexistent/libclang.so", "PATH": ""])
        guard case let .failure(e) = r else { Issue.record("loaded a nonexistent libclang"); return }
        #expect(e.message.contains("libclang-dev") && e.message.contains("FLAGLINT_LIBCLANG=/path/to/libclang.so"))
        #expect(e.message.contains("/nonexistent/libclang.so"))
    }

    @Test func candidatesComeFromTheEnvironment() {
        let c = Libclang.candidates(environment: ["PATH": ""])
        #expect(c.allSatisfy { FileManager.default.fileExists(atPath: $0) })
    }

    @Test func compileCommandArguments() {
        let argv = CompilationDatabase.splitCommand(#"/usr/bin/c++ -DNAME=\"x\" -I inc -Isrc -o a.o -c ../a.cpp -std=c++17"#)
        #expect(argv == ["/usr/bin/c++", "-DNAME=\"x\"", "-I", "inc", "-Isrc", "-o", "a.o", "-c", "../a.cpp", "-std=c++17"])
        let clean = CompilationDatabase.clean(argv, source: "../a.cpp", directory: "/w/build")
        #expect(clean == ["-DNAME=\"x\"", "-I", "/w/build/inc", "-I/w/build/src", "-std=c++17"])
    }
}
