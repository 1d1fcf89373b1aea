import Foundation
import Testing
@testable import FlaglintSupport
@testable import FlaglintFrontends
@testable import FlaglintEngine

@Suite struct ConfigurationResolverTests {
    @Test func nearestWinsWalkingUp() throws {
        let tree = try TemporaryTree([".lint.yml": "", "a/b/c/file.py": "", "a/.lint.yml": "version: 1\n", "x/y.py": ""])
        defer { tree.remove() }
        let resolver = try ConfigurationResolver(currentDirectory: tree.root)
        #expect(resolver.nearestFile(for: "a/b/c/file.py") == tree.root + "/a/.lint.yml")
        #expect(resolver.nearestFile(for: "a/b/c") == tree.root + "/a/.lint.yml")
        #expect(resolver.nearestFile(for: "a") == tree.root + "/a/.lint.yml")
        #expect(resolver.nearestFile(for: "x/y.py") == tree.root + "/.lint.yml")
        // A --stdin-filename that does not exist still finds its configuration.
        #expect(resolver.nearestFile(for: "a/new/unsaved.swift") == tree.root + "/a/.lint.yml")
        #expect(resolver.nearest(for: URL(fileURLWithPath: tree.root + "/a/b/c/file.py"))?.path == tree.root + "/a/.lint.yml")
        let configuration = try resolver.configuration(for: "a/b/c/file.py")
        #expect(configuration.displayPath == "a/.lint.yml")
        #expect(configuration.directory == tree.root + "/a")
    }

    @Test func lookupsAreCached() throws {
        let tree = try TemporaryTree(["src/a.py": ""])
        defer { tree.remove() }
        let resolver = try ConfigurationResolver(currentDirectory: tree.root)
        #expect(resolver.nearestFile(for: "src/a.py") == nil)
        // Created after the first lookup: the cached answer stands for the rest of the run.
        try tree.add(".lint.yml", "")
        #expect(resolver.nearestFile(for: "src/b.py") == nil)
        #expect(try resolver.configuration(for: "src/a.py").file == nil)
    }

    @Test func concurrentLookupsAgree() async throws {
        let tree = try TemporaryTree([".lint.yml": "", "d/e/f.py": ""])
        defer { tree.remove() }
        let resolver = try ConfigurationResolver(currentDirectory: tree.root)
        let found = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<32 { group.addTask { resolver.nearestFile(for: "d/e/f.py") } }
            return await group.reduce(into: [String?]()) { $0.append($1) }
        }
        #expect(Set(found) == [tree.root + "/.lint.yml"])
    }

    @Test func overrideAppliesEverywhereAndMustBeValid() throws {
        let tree = try TemporaryTree(["a/.lint.yml": "", "custom.yml": "defines: [X]\n", "bad.yml": "version: 3\n"])
        defer { tree.remove() }
        let resolver = try ConfigurationResolver(overrideFile: "custom.yml", currentDirectory: tree.root)
        #expect(try resolver.configuration(for: "a/x.py").defines == ["X"])
        #expect(throws: ConfigError(path: "bad.yml", line: 1, column: 10,
                                    message: "unsupported configuration version 3; this flaglint reads version 1")) {
            _ = try ConfigurationResolver(overrideFile: "bad.yml", currentDirectory: tree.root)
        }
        #expect(throws: ConfigError(path: "missing.yml", line: 0, column: 0,
                                    message: "cannot read the configuration: No such file or directory")) {
            _ = try ConfigurationResolver(overrideFile: "missing.yml", currentDirectory: tree.root)
        }
    }
}
