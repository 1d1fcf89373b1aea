import Foundation
import Testing
@testable import FlaglintSupport
@testable import FlaglintFrontends
@testable import FlaglintEngine

private func paths(_ result: DiscoveryResult) -> [String] { result.files.map(\.displayPath) }

@Suite struct FileDiscoveryTests {
    @Test func findsSupportedFilesSortedAndSkipsDefaultExcludes() throws {
        let tree = try TemporaryTree([
            "b.swift": "", "a.py": "", "README.md": "", "lib/x.c": "", "lib/x.h": "", "lib/y.mm": "", "lib/z.hpp": "",
            ".build/gen.swift": "", "node_modules/m/i.py": "", ".venv/lib/s.py": "", "Pods/P/p.m": "",
            "sub/.hidden.swift": "", "dist/d.py": "", "build/keep.c": "",
        ])
        defer { tree.remove() }
        let result = try tree.discover()
        #expect(paths(result) == ["a.py", "b.swift", "build/keep.c", "lib/x.c", "lib/x.h", "lib/y.mm", "lib/z.hpp"])
        #expect(result.problems.isEmpty)
        #expect(result.files.map(\.language) == [.python, .swift, .c, .c, .c, .objcpp, .cpp])
        #expect(result.files.map(\.needsContentCheck) == [false, false, false, false, true, false, false])
        #expect(result.files.allSatisfy { !$0.isExplicit && $0.configuration.file == nil })
        #expect(result.files[0].path == tree.root + "/a.py")
    }

    @Test func honoursGitignoreRootNestedNegationAnchorsAndInfoExclude() throws {
        let tree = try TemporaryTree([
            ".git/info/exclude": "local.py\n",
            ".gitignore": "# generated\n*.gen.swift\n/top.py\nout/\n!keep.gen.swift\ndocs/**/old.py\n\\#hash.py\n",
            "top.py": "", "sub/top.py": "", "a.gen.swift": "", "keep.gen.swift": "", "local.py": "",
            "out/o.py": "", "sub/out": "", "sub/out.py": "", "docs/x/y/old.py": "", "docs/new.py": "", "#hash.py": "",
            "nested/.gitignore": "*.py\n!important.py\n", "nested/a.py": "", "nested/important.py": "", "nested/n.swift": "",
            "nested/deeper/b.py": "",
        ])
        defer { tree.remove() }
        let result = try tree.discover()
        #expect(paths(result) == ["docs/new.py", "keep.gen.swift", "nested/important.py", "nested/n.swift", "sub/out.py", "sub/top.py"])
    }

    @Test func gitignoreAboveANamedSubdirectoryApplies() throws {
        let tree = try TemporaryTree([".git/": "", ".gitignore": "gen/\n", "src/gen/a.py": "", "src/b.py": ""])
        defer { tree.remove() }
        #expect(try paths(tree.discover(["src"])) == ["src/b.py"])
        #expect(try paths(tree.discover(["."], from: "src")) == ["b.py"])
    }

    @Test func configurationIncludeAndExclude() throws {
        let tree = try TemporaryTree([
            ".lint.yml": "include: [\"Sources/**\", \"*.py\"]\nexclude: [\"**/Tests/**\", vendor, \"Sources/Gen?.swift\"]\n",
            "Sources/A.swift": "", "Sources/Gen1.swift": "", "Sources/Tests/T.swift": "", "Sources/vendor/v.swift": "",
            "Other/O.swift": "", "tools/t.py": "", "vendor/v.py": "",
        ])
        defer { tree.remove() }
        let result = try tree.discover()
        #expect(paths(result) == ["Sources/A.swift", "tools/t.py"])
        #expect(result.files.allSatisfy { $0.configuration.file == tree.root + "/.lint.yml" })
        // The configuration's directory anchors its globs wherever the run starts.
        #expect(try paths(tree.discover(["."], from: "Sources")) == ["A.swift"])
    }

    @Test func nestedConfigurationsGovernTheirSubtrees() throws {
        let tree = try TemporaryTree([
            ".lint.yml": "exclude: [\"*.py\"]\n",
            "a.py": "", "a.swift": "",
            "service/.lint.yml": "exclude: [\"*.swift\"]\nlanguages: { \".h\": objc }\n",
            "service/s.py": "", "service/s.swift": "", "service/s.h": "",
        ])
        defer { tree.remove() }
        let result = try tree.discover()
        #expect(paths(result) == ["a.swift", "service/s.h", "service/s.py"])
        #expect(result.files.map { $0.configuration.displayPath } == [".lint.yml", "service/.lint.yml", "service/.lint.yml"])
        #expect(result.files[1].language == .objc)
        #expect(!result.files[1].needsContentCheck)
        // --config replaces every nested file.
        let overridden = try tree.discover(config: ".lint.yml")
        #expect(paths(overridden) == ["a.swift", "service/s.h", "service/s.swift"])
    }

    @Test func invalidNestedConfigurationStopsDiscovery() throws {
        let tree = try TemporaryTree(["a.py": "", "sub/.lint.yml": "exclud: []\n", "sub/b.py": ""])
        defer { tree.remove() }
        let expected = ConfigError(path: "sub/.lint.yml", line: 1, column: 1, message: "unknown key `exclud`; did you mean `exclude`? "
            + "(allowed: version, include, exclude, sdks, evaluators, rules, registry, flags, compile_commands, defines, include_dirs, languages)")
        #expect(throws: expected) {
            _ = try tree.discover()
        }
    }

    @Test func explicitFilesAndForceExclude() throws {
        let tree = try TemporaryTree([
            ".git/": "", ".gitignore": "ignored.py\n", ".lint.yml": "exclude: [vendor/]\ninclude: [\"src/**\", vendor]\n",
            "vendor/v.py": "", "ignored.py": "", "notes.txt": "", "src/a.py": "", ".github/s.py": "", "other.py": "",
        ])
        defer { tree.remove() }
        let named = ["vendor/v.py", "ignored.py", "src/a.py", ".github/s.py", "other.py"]
        let linted = try tree.discover(named)
        #expect(paths(linted) == [".github/s.py", "ignored.py", "other.py", "src/a.py", "vendor/v.py"])
        #expect(linted.files.allSatisfy { $0.isExplicit })
        #expect(try paths(tree.discover(named, forceExclude: true)) == ["src/a.py"])
        #expect(try paths(tree.discover(["vendor"], forceExclude: true)).isEmpty)
        #expect(try paths(tree.discover(["vendor"])) == ["vendor/v.py"])

        let unsupported = try tree.discover(["notes.txt"])
        #expect(unsupported.files.isEmpty)
        #expect(unsupported.problems.map(\.severity) == [.warning])
        #expect(unsupported.problems.first?.description.hasPrefix("notes.txt: warning: skipped: not a Swift, Python") == true)
        #expect(!unsupported.hasErrors)
        #expect(try tree.discover(["notes.txt"], forceExclude: true).problems.isEmpty)
    }

    @Test func missingNamedPathIsAnError() throws {
        let tree = try TemporaryTree(["a.py": ""])
        defer { tree.remove() }
        let result = try tree.discover(["a.py", "missing.py", "gone/"])
        #expect(paths(result) == ["a.py"])
        #expect(result.hasErrors)
        #expect(result.problems.map(\.description) == ["missing.py: error: No such file or directory", "gone/: error: No such file or directory"])
    }

    @Test func symlinkLoopsTerminateAndFilesAppearOnce() throws {
        let tree = try TemporaryTree(["a/x.py": "", "b/y.swift": ""])
        defer { tree.remove() }
        try tree.link("a/loop", to: "..")
        try tree.link("a/self", to: ".")
        try tree.link("b/to-a", to: "../a")
        try tree.link("dangling.py", to: "nowhere.py")
        try tree.link("c", to: "c")
        let result = try tree.discover()
        #expect(paths(result) == ["a/x.py", "b/y.swift"])
        #expect(result.problems.isEmpty)
        // Overlapping arguments do not duplicate files either.
        #expect(try paths(tree.discover([".", "a", "a/x.py"])) == ["a/x.py", "b/y.swift"])
    }

    @Test func spacesAndNonASCIINames() throws {
        let tree = try TemporaryTree(["my dir/naïve café.swift": "", "日本/フラグ.py": "", "my dir/sub dir/x.c": ""])
        defer { tree.remove() }
        #expect(try paths(tree.discover()) == ["my dir/naïve café.swift", "my dir/sub dir/x.c", "日本/フラグ.py"])
        #expect(try paths(tree.discover(["my dir/naïve café.swift"])) == ["my dir/naïve café.swift"])
    }

    @Test func displayPathsAreRelativeToTheCurrentDirectory() throws {
        let tree = try TemporaryTree(["app/a.py": "", "lib/b.py": ""])
        defer { tree.remove() }
        #expect(try paths(tree.discover(["../lib", "."], from: "app")) == ["\(tree.root)/lib/b.py", "a.py"])
        #expect(try paths(tree.discover(["./app/../app/a.py"])) == ["app/a.py"])
    }

    @Test(.disabled(if: geteuid() == 0, "root reads directories whatever their mode"))
    func unreadableDirectoryIsAWarning() throws {
        let tree = try TemporaryTree(["a.py": "", "locked/b.py": ""])
        defer {
            chmod(tree.root + "/locked", 0o755)
            tree.remove()
        }
        chmod(tree.root + "/locked", 0)
        let result = try tree.discover()
        #expect(paths(result) == ["a.py"])
        #expect(result.problems.map(\.severity) == [.warning])
        #expect(!result.hasErrors)
        #expect(try tree.discover(["locked"]).hasErrors)
    }

    @Test func deepTreesDoNotRecurse() throws {
        let depth = 200
        let deep = (0..<depth).map { "d\($0 % 10)" }.joined(separator: "/")
        let tree = try TemporaryTree([deep + "/leaf.py": ""])
        defer { tree.remove() }
        #expect(try paths(tree.discover()) == [deep + "/leaf.py"])
    }

    @Test func headersResolveTheirLanguageFromContentOrConfiguration() throws {
        let tree = try TemporaryTree(["a.h": "", "more.inc": ""])
        defer { tree.remove() }
        let file = try #require(try tree.discover().files.first)
        #expect(file.needsContentCheck)
        #expect(file.language(forContents: Array("namespace app { }".utf8)) == .cpp)
        #expect(file.language(forContents: Array("int f(void);".utf8)) == .c)
        try tree.add(".lint.yml", "languages: { \".h\": cpp, \".inc\": c }\n")
        let configured = try tree.discover()
        #expect(configured.files.map(\.language) == [.cpp, .c])
        #expect(configured.files.map { $0.language(forContents: Array("@interface X\n@end".utf8)) } == [.cpp, .c])
    }

    @Test func stdinFilenamesNeedNotExist() throws {
        let tree = try TemporaryTree([".lint.yml": "exclude: [gen/]\n", "gen/": ""])
        defer { tree.remove() }
        let resolver = try ConfigurationResolver(currentDirectory: tree.root)
        let discovery = FileDiscovery(resolver: resolver)
        guard case let .lint(file) = try discovery.stdinFile("gen/new.swift") else {
            Issue.record("expected a file to lint")
            return
        }
        #expect(file.displayPath == "gen/new.swift")
        #expect(file.language == .swift)
        #expect(file.configuration.file == tree.root + "/.lint.yml")
        guard case .excluded = try FileDiscovery(resolver: resolver, forceExclude: true).stdinFile("gen/new.swift") else {
            Issue.record("expected excluded")
            return
        }
        guard case .unsupported = try discovery.stdinFile("notes.txt") else {
            Issue.record("expected unsupported")
            return
        }
    }
}
