import Foundation
import Testing

/// Runs scripts/test-pre-commit.sh: the hook installed from this repository's committed HEAD
/// (pre-commit clones it and builds it in release mode, minutes on a cold cache).
@Suite struct PreCommitTests {
    @Test(.enabled(if: Tools.requireAll || Tools.preCommit, "needs pre-commit (pip install pre-commit)"))
    func manifestIsValid() throws {
        let result = try Subprocess.run(["pre-commit", "validate-manifest", PackagePaths.root + "/.pre-commit-hooks.yaml"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test(.enabled(if: Tools.requireAll || (Tools.preCommit && Tools.git), "needs pre-commit (pip install pre-commit) and git"),
          .timeLimit(.minutes(30)))
    func hookFailsOnFindingsAndPassesCleanFiles() throws {
        // Cached beside the build: pre-commit rebuilds only when HEAD changes.
        let home = PackagePaths.root + "/.build/pre-commit-home"
        let result = try Subprocess.run(["bash", PackagePaths.root + "/scripts/test-pre-commit.sh", PackagePaths.root],
                                        environment: ["PRE_COMMIT_HOME": home])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
    }
}
