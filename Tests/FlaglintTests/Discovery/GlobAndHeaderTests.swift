import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintEngine

@Suite struct GlobTests {
    @Test(arguments: [
        ("*.py", "a.py", true), ("*.py", "x/y/a.py", true), ("*.py", "a.pyc", false),
        ("vendor", "vendor", true), ("vendor", "x/vendor", true), ("/vendor", "x/vendor", false),
        ("src/*.c", "src/a.c", true), ("src/*.c", "src/x/a.c", false), ("src/*.c", "x/src/a.c", false),
        ("**/Tests/**", "Tests/a.swift", true), ("**/Tests/**", "a/b/Tests/c/d.swift", true),
        ("a/**/b", "a/b", true), ("a/**/b", "a/x/y/b", true), ("a/**/b", "a/x/y/c", false),
        ("file?.[ch]", "file1.c", true), ("file?.[ch]", "file12.c", false), ("[!a-c]x", "dx", true), ("[!a-c]x", "bx", false),
        ("\\*lit", "*lit", true), ("\\*lit", "alit", false), ("[]]", "]", true), ("a**b", "axxb", true),
        ("ä*", "äpfel.py", true), ("*", ".hidden", true),
    ])
    func matching(pattern: String, path: String, expected: Bool) throws {
        #expect(try Glob(pattern).matches(path, isDirectory: false) == expected)
    }

    @Test func directoryOnlyAndAncestors() throws {
        let glob = try Glob("build/")
        #expect(glob.matches("build", isDirectory: true))
        #expect(!glob.matches("build", isDirectory: false))
        #expect(glob.matchesSelfOrAncestor("x/build/y.c", isDirectory: false))
        #expect(try Glob("Sources").matchesSelfOrAncestor("Sources/A/b.swift", isDirectory: false))
        #expect(try !Glob("Sources").matchesSelfOrAncestor("Other/b.swift", isDirectory: false))
    }

    @Test func syntaxErrors() {
        #expect(throws: Glob.SyntaxError(message: "unterminated `[`", column: 3)) { try Glob("ab[c") }
        #expect(throws: Glob.SyntaxError(message: "empty pattern", column: 1)) { try Glob("/") }
        #expect(throws: Glob.SyntaxError(message: "trailing `\\` escapes nothing", column: 2)) { try Glob("a\\") }
    }

    @Test func hostilePatternsStayFast() throws {
        let glob = try Glob(String(repeating: "*a", count: 200) + "b")
        let name = String(repeating: "a", count: 5_000)
        #expect(!glob.matches(name, isDirectory: false))
        let deep = try Glob(String(repeating: "**/a/", count: 100) + "b")
        #expect(!deep.matches(Array(repeating: "a", count: 2_000).joined(separator: "/"), isDirectory: false))
    }
}

@Suite struct HeaderLanguageTests {
    @Test(arguments: [
        ("int f(void);\n", Language.c),
        ("class Widget { };\n", .cpp),
        ("namespace app {}\n", .cpp),
        ("template <typename T> T id(T);\n", .cpp),
        ("int x = std::max(1, 2);\n", .cpp),
        ("#include <vector>\n", .cpp),
        ("#include <stdio.h>\nstruct s { int class; };\n", .c),
        ("@interface Foo : NSObject\n@property int x;\n@end\n", .objc),
        ("#import <Foundation/Foundation.h>\n", .objc),
        ("#import <Foundation/Foundation.h>\nclass A {};\n", .objcpp),
        ("// class Foo in a comment\n/* namespace x { */\nconst char *s = \"a::b @interface\";\n", .c),
        ("#ifdef __cplusplus\nextern \"C\" {\nnamespace x {}\n#endif\nint f(void);\n#ifdef __cplusplus\n}\n#endif\n", .c),
        ("#if defined(__cplusplus)\ntemplate <class T> struct W;\n#else\nstruct W;\n#endif\n", .c),
        ("#ifdef __cplusplus\n#endif\nclass After {};\n", .cpp),
        ("\"unterminated\nclass Y {};\n", .cpp),
    ])
    func detects(source: String, expected: Language) {
        #expect(HeaderLanguage.detect(Array(source.utf8)) == expected)
    }

    @Test func toleratesBinaryAndEmptyInput() {
        #expect(HeaderLanguage.detect([]) == .c)
        #expect(HeaderLanguage.detect([0, 0xFF, 0xFE, 0x2F, 0x2A]) == .c)
        #expect(HeaderLanguage.detect(Array(repeating: UInt8(ascii: "{"), count: 100_000)) == .c)
    }
}
