import Foundation
import Testing
@testable import FlaglintSupport

/// Discovery on several threads finds what one thread finds, in the same order, with the same
/// problems: nested ignore files and configurations, links to directories, symlink loops.
struct ParallelDiscoveryTests {
    static func tree() throws -> TemporaryTree {
        var entries: [String: String] = [
            ".gitignore": "build/\n*.gen.swift\n!keep.gen.swift\n",
            "app/.lint.yml": "version: 1\nexclude: [\"**/fixtures/**\"]\n",
            "app/.gitignore": "/local.py\n",
            "app/local.py": "", "app/keep.gen.swift": "", "app/x.gen.swift": "",
            "app/fixtures/f.py": "", "build/out.swift": "",
            "naïve/café.swift": "", "z-real/inside.py": "",
        ]
        for d in 0..<40 {
            for f in 0..<6 { entries["pkg\(d % 7)/m\(d)/sub\(f % 3)/file\(f).\(["swift", "py", "c", "m"][f % 4])"] = "" }
        }
        let tree = try TemporaryTree(entries)
        try FileManager.default.createDirectory(atPath: tree.root + "/.git", withIntermediateDirectories: true)
        try tree.link("a-link", to: "z-real")
        try tree.link("pkg1/loop", to: "..")
        try tree.link("pkg2/self.py", to: "self.py")
        try tree.link("pkg3/m3/up", to: "../../pkg4")
        return tree
    }

    @Test(arguments: [2, 4, 16])
    func manyThreadsFindWhatOneFinds(_ jobs: Int) throws {
        let tree = try Self.tree()
        defer { tree.remove() }
        let one = try tree.discover()
        #expect(one.files.count > 200)
        #expect(one.problems.map(\.description) == ["pkg2/self.py: warning: skipped: Too many levels of symbolic links"])
        let paths = one.files.map(\.displayPath)
        #expect(paths.contains("app/keep.gen.swift") && !paths.contains("app/x.gen.swift") && !paths.contains("app/local.py"))
        #expect(!paths.contains { $0.hasPrefix("build/") || $0.contains("fixtures/") })
        #expect(paths.contains("naïve/café.swift"))
        // A directory reached both directly and through a link is walked at its real path.
        #expect(paths.contains("z-real/inside.py") && !paths.contains("a-link/inside.py"))
        #expect(!paths.contains { $0.hasPrefix("pkg3/m3/up/") })
        for _ in 0..<5 {
            let many = try tree.discover(jobs: jobs)
            #expect(many.files.map(\.displayPath) == paths)
            #expect(many.files.map(\.path) == one.files.map(\.path))
            #expect(many.files.map { $0.configuration.file } == one.files.map { $0.configuration.file })
            #expect(many.problems == one.problems)
        }
    }

    @Test func aBadNestedConfigurationStopsTheWalkWhateverTheThreads() throws {
        let tree = try TemporaryTree(["a/b.py": "", "m/.lint.yml": "version: 1\nbogus: 1\n", "z/.lint.yml": "version: [\n", "m/x.py": ""])
        defer { tree.remove() }
        for jobs in [1, 4] {
            #expect(throws: ConfigError.self) { try tree.discover(jobs: jobs) }
            do { _ = try tree.discover(jobs: jobs) } catch {
                #expect("\(error)".contains("m/.lint.yml"), "jobs \(jobs): \(error)")
            }
        }
    }
}
