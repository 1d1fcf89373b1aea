import Foundation
import FlaglintRules

/// Asks git which lines changed since a revision: tracked changes from
/// `git diff --unified=0 REF` (working tree against REF, staged or not) and untracked,
/// not-ignored files as wholly changed.
public enum GitChangedLines {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func since(_ ref: String, workingDirectory: String) throws(Failure) -> ChangedLines {
        let root = try git(["rev-parse", "--show-toplevel"], in: workingDirectory)
            .trimmingCharacters(in: .newlines)
        guard !root.isEmpty else { throw Failure(description: "--diff: \(workingDirectory) is not inside a git repository") }
        // The revision is user text: verified as a commit first, and passed after
        // `--end-of-options` so that `--output=FILE` can never reach git as an option.
        let commit = try git(["rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"], in: root,
                             failure: "--diff: `\(ref)` is not a commit in this repository")
            .trimmingCharacters(in: .newlines)
        guard commit.count >= 40, commit.allSatisfy(\.isHexDigit) else {
            throw Failure(description: "--diff: `\(ref)` is not a commit in this repository")
        }
        // Pin every option a user's git config could change about the output's shape.
        let diff = try git(["-c", "core.quotePath=false", "diff", "--unified=0", "--no-color", "--no-ext-diff",
                            "--no-textconv", "--src-prefix=a/", "--dst-prefix=b/", "--end-of-options", commit, "--"], in: root)
        var changed = UnifiedDiffParser.parse(diff, repositoryRoot: root)
        let untracked = try git(["ls-files", "--others", "--exclude-standard", "-z"], in: root)
        for path in untracked.split(separator: "\0") {
            changed.files[PathArithmetic.absolute(String(path), from: root)] = .all
        }
        return changed
    }

    package static func git(_ arguments: [String], in directory: String, failure: String? = nil) throws(Failure) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        // stderr goes to a file: two pipes read one after the other can deadlock on a full buffer.
        let errorPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("flaglint-git-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))").path
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        let errorHandle = FileHandle(forWritingAtPath: errorPath)
        process.standardOutput = output
        process.standardError = errorHandle ?? FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(description: "--diff: cannot run git (\(error.localizedDescription))")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? errorHandle?.close()
        guard process.terminationStatus == 0 else {
            if let failure { throw Failure(description: failure) }
            let message = (FileManager.default.contents(atPath: errorPath).map { String(decoding: $0, as: UTF8.self) } ?? "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(description: "--diff: git \(arguments.first(where: { !$0.hasPrefix("-") && !$0.contains("=") }) ?? "") failed: \(message)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
