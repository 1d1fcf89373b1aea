import Foundation

/// What a long-lived process (the language server) keeps between the runs of its sessions:
/// project indexes, reused instead of decoded from disk again (and written only when they
/// changed), and each project's file list, reused for `projectFilesLifetime` seconds instead
/// of walking the tree on every keystroke. Files on the list are still checked against the
/// disk on every run; only files added or deleted meanwhile wait until the owner calls
/// `forgetProjectFiles()` (on a save or a watched-file event) or the list expires.
public final class SessionMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var indexes: [String: ProjectIndex] = [:]
    private var projectFiles: [String: (inputs: [LintInput], walked: Date)] = [:]
    public let projectFilesLifetime: TimeInterval

    public init(projectFilesLifetime: TimeInterval = 10) {
        self.projectFilesLifetime = projectFilesLifetime
    }

    /// The index kept for `file` if it was opened with `key`, else a newly opened one.
    func index(file: String, key: String) -> ProjectIndex {
        lock.lock()
        defer { lock.unlock() }
        if let kept = indexes[file], kept.key == key { return kept }
        let opened = ProjectIndex(file: file, key: key)
        indexes[file] = opened
        return opened
    }

    /// The project's files under `key` (its root and configuration), walked again when the
    /// list is older than `projectFilesLifetime`.
    func projectInputs(_ key: String, walk: () -> [LintInput]) -> [LintInput] {
        lock.lock()
        if let kept = projectFiles[key], Date().timeIntervalSince(kept.walked) < projectFilesLifetime {
            lock.unlock()
            return kept.inputs
        }
        lock.unlock()
        let inputs = walk()
        lock.lock()
        projectFiles[key] = (inputs, Date())
        lock.unlock()
        return inputs
    }

    /// Files were added or removed: the next run walks the project again.
    public func forgetProjectFiles() {
        lock.lock()
        projectFiles = [:]
        lock.unlock()
    }
}
