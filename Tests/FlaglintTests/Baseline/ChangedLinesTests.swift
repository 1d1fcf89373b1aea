import Foundation
import Testing
@testable import FlaglintSupport
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintRules
@testable import FlaglintEngine
@testable import FlaglintKit

@Suite struct ChangedLinesTests {
    static let diff = """
        diff --git a/Sources/App.swift b/Sources/App.swift
        index 1111111..2222222 100644
        --- a/Sources/App.swift
        +++ b/Sources/App.swift
        @@ -3,0 +4,2 @@ func a() {
        +    if x {
        +    }
        @@ -10 +12 @@ func b() {
        -old
        +new
        @@ -20,3 +23,0 @@
        -gone
        -gone
        -gone
        diff --git a/dir with space/é.py b/dir with space/é.py
        new file mode 100644
        --- /dev/null
        +++ b/dir with space/é.py\t
        @@ -0,0 +1,3 @@
        +a
        +b
        +c
        diff --git "a/q\\"uote\\303\\251.c" "b/q\\"uote\\303\\251.c"
        --- "a/q\\"uote\\303\\251.c"
        +++ "b/q\\"uote\\303\\251.c"
        @@ -1 +1 @@
        -x
        +y
        diff --git a/deleted.swift b/deleted.swift
        deleted file mode 100644
        --- a/deleted.swift
        +++ /dev/null
        @@ -1,2 +0,0 @@
        -a
        -b
        """

    @Test func parsesHunksPerFile() {
        let changed = UnifiedDiffParser.parse(Self.diff, repositoryRoot: "/repo")
        #expect(changed.files["/repo/Sources/App.swift"] == .some([4, 5, 12]))
        #expect(changed.files["/repo/dir with space/é.py"] == .some([1, 2, 3]))
        #expect(changed.files["/repo/q\"uoteé.c"] == .some([1]))
        #expect(changed.files.count == 3)
    }

    @Test func filtersFindingsByStartLine() {
        let changed = UnifiedDiffParser.parse(Self.diff, repositoryRoot: "/repo")
        func f(_ path: String, _ line: Int) -> Finding {
            Finding(rule: "nested-flag", severity: .error, path: path, line: line, column: 1, endLine: line + 5, endColumn: 1, message: "m")
        }
        let kept = changed.filter([f("App.swift", 4), f("App.swift", 6), f("App.swift", 12), f("../other.swift", 1)],
                                  rootDirectory: "/repo/Sources")
        #expect(kept.map(\.line) == [4, 12])
    }

    @Test(.enabled(if: Tools.requireAll || Tools.git, "needs git"))
    func readsARealRepository() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("flaglint-diff-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/sub dir", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func git(_ args: String...) throws {
            let r = try Subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"] + args, in: dir)
            #expect(r.status == 0, "git \(args): \(r.stderr)")
        }
        try git("init", "-q")
        try "a\nb\nc\n".write(toFile: dir + "/sub dir/tracked.swift", atomically: true, encoding: .utf8)
        try git("add", ".")
        try git("commit", "-qm", "init")
        try "a\nB\nc\nd\n".write(toFile: dir + "/sub dir/tracked.swift", atomically: true, encoding: .utf8)
        try "new\n".write(toFile: dir + "/sub dir/new.py", atomically: true, encoding: .utf8)
        let changed = try GitChangedLines.since("HEAD", workingDirectory: dir + "/sub dir")
        let root = try Subprocess.run(["git", "rev-parse", "--show-toplevel"], in: dir).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(changed.files[root + "/sub dir/tracked.swift"] == .some([2, 4]))
        #expect(changed.files[root + "/sub dir/new.py"] == .all)
        #expect(throws: GitChangedLines.Failure.self) { try GitChangedLines.since("no-such-ref", workingDirectory: dir) }
    }
}
