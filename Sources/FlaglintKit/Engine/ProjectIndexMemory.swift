import Foundation

/// Project indexes kept open between the runs of one long-lived process (the language
/// server): a run reuses the index the previous run left in memory instead of decoding it
/// from disk again, and writes it only when it changed.
public final class ProjectIndexMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var indexes: [String: ProjectIndex] = [:]

    public init() {}

    /// The index kept for `file` if it was opened with `key`, else a newly opened one.
    func index(file: String, key: String) -> ProjectIndex {
        lock.lock()
        defer { lock.unlock() }
        if let kept = indexes[file], kept.key == key { return kept }
        let opened = ProjectIndex(file: file, key: key)
        indexes[file] = opened
        return opened
    }
}
