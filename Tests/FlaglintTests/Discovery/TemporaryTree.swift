import Foundation
@testable import FlaglintSupport
@testable import FlaglintEngine

/// A directory tree under the system temporary directory, removed on `remove()`.
/// Keys ending in `/` are directories; other keys are files with the given content.
struct TemporaryTree {
    let root: String

    init(_ entries: [String: String]) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("flaglint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        // Resolved, so that display paths match on systems where /tmp is a symlink.
        root = base.resolvingSymlinksInPath().path
        for (path, content) in entries.sorted(by: { $0.key < $1.key }) {
            try add(path, content)
        }
    }

    func add(_ path: String, _ content: String = "") throws {
        let full = root + "/" + path
        if path.hasSuffix("/") {
            try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        } else {
            try FileManager.default.createDirectory(atPath: PathName.parent(full), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: URL(fileURLWithPath: full))
        }
    }

    func link(_ path: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: root + "/" + path, withDestinationPath: destination)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Discovery as if run from `directory` (relative to the root) with `paths`.
    func discover(_ paths: [String] = [], from directory: String = "", config: String? = nil,
                  forceExclude: Bool = false, jobs: Int = 1) throws -> DiscoveryResult {
        let cwd = directory.isEmpty ? root : root + "/" + directory
        let resolver = try ConfigurationResolver(overrideFile: config, currentDirectory: cwd)
        return try FileDiscovery(resolver: resolver, forceExclude: forceExclude, jobs: jobs).discover(paths)
    }
}
