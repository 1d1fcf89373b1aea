import Foundation
import FlaglintSupport

/// Finds the `.lint.yml` that governs each path (the nearest one walking up, like ruff) and
/// loads each file once. `--config FILE` replaces the search for every path.
///
/// Shared by discovery and the driver; a lock guards the caches, so lookups from parallel
/// workers are safe (`@unchecked` because `NSLock` is the portable lock on macOS 13).
public final class ConfigurationResolver: @unchecked Sendable {
    public static let fileName = ".lint.yml"

    /// The directory the run started in: the base for relative paths and display paths, and
    /// where the defaults apply when no `.lint.yml` is found.
    public let currentDirectory: String
    private let override: Configuration?
    private let lock = NSLock()
    /// Directory → nearest configuration file (`nil`: none up to the root). Every directory a
    /// walk passes is recorded, so sibling files never repeat it.
    private var nearestByDirectory: [String: String?] = [:]
    private var loaded: [String: Configuration] = [:]

    /// `overrideFile` is `--config FILE` (relative to `currentDirectory`); it is loaded now so
    /// that an invalid one stops the run before anything is linted.
    public init(overrideFile: String? = nil, currentDirectory: String? = nil) throws(ConfigError) {
        let cwd = currentDirectory.map(PathName.normalize) ?? FileSystem.currentDirectory()
        self.currentDirectory = cwd
        if let overrideFile {
            let file = PathName.absolute(overrideFile, relativeTo: cwd)
            override = try Configuration.load(file: file, displayPath: PathName.display(file, currentDirectory: cwd))
        } else {
            override = nil
        }
    }

    /// Whether `--config` replaced the search.
    public var isOverridden: Bool { override != nil }

    /// The defaults, anchored at the current directory.
    public var defaults: Configuration { Configuration(defaultsIn: currentDirectory) }

    /// The nearest `.lint.yml` at or above `path` (a file, a directory, or a path that does
    /// not exist, such as a `--stdin-filename`). Ignores `--config`.
    public func nearest(for path: URL) -> URL? {
        nearestFile(for: path.path).map { URL(fileURLWithPath: $0) }
    }

    /// String form of `nearest(for:)`; `path` may be relative to `currentDirectory`.
    public func nearestFile(for path: String) -> String? {
        let absolute = PathName.absolute(path, relativeTo: currentDirectory)
        let isDirectory = (try? FileSystem.status(absolute, followingSymlinks: true).get())?.kind == .directory
        return nearestFile(inDirectory: isDirectory ? absolute : PathName.parent(absolute))
    }

    func nearestFile(inDirectory directory: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        var pending: [String] = []
        var found: String?
        for candidate in PathName.selfAndAncestors(directory) {
            if let cached = nearestByDirectory[candidate] {
                found = cached
                break
            }
            pending.append(candidate)
            let file = PathName.join(candidate, Self.fileName)
            // A `.lint.yml` that is a directory, a FIFO or a dangling link is found too: loading
            // it fails with a message naming it, rather than the run silently using defaults.
            if FileSystem.exists(file) {
                found = file
                break
            }
        }
        for directory in pending { nearestByDirectory[directory] = found }
        return found
    }

    /// The configuration governing `path`: `--config`, else the nearest file, else the defaults.
    public func configuration(for path: String) throws(ConfigError) -> Configuration {
        if let override { return override }
        guard let file = nearestFile(for: path) else { return defaults }
        return try configuration(file: file)
    }

    package func configuration(forDirectory directory: String) throws(ConfigError) -> Configuration {
        if let override { return override }
        guard let file = nearestFile(inDirectory: directory) else { return defaults }
        return try configuration(file: file)
    }

    /// Loads (once) the configuration file at absolute path `file`.
    public func configuration(file: String) throws(ConfigError) -> Configuration {
        lock.lock()
        if let cached = loaded[file] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let configuration = try Configuration.load(file: file, displayPath: PathName.display(file, currentDirectory: currentDirectory))
        lock.lock()
        loaded[file] = configuration
        lock.unlock()
        return configuration
    }
}
