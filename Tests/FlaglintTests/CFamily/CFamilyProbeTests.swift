import Testing
@testable import FlaglintKit

@Test(.enabled(if: TestLibclang.available, TestLibclang.reason))
func probe() throws {
    for clang in TestLibclang.all {
        print("== \(clang.version) \(clang.path)")
        let m = try FileModel.cfamily("""
        #include <foo.h>
        #define K "x" // c
        #if 0
        if (IsEnabled("dead")) {}
        #endif
        #ifdef UNDEFINED_MACRO
        int a = 1;
        #else
        int b = 2;
        #endif
        auto s = R"abc(raw " str)abc"; int d<:2:> = <%1%>;
        NSString *k = @"objc";
        /* block */ int x = 1; \\
        int y;
        """)
        print(m.tokens.map { "\($0.kind):\($0.text)\($0.flags.contains(.lineStart) ? "^" : "")" }.joined(separator: " "))
        print(m.comments.map(\.text), m.constants)
    }
}
