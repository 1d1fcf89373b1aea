#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import FlaglintSupport
import FlaglintSyntax
import FlaglintAnalysis

/// What a project's files produced, kept between runs (as ruff's and SwiftLint's caches are):
/// per file its analysis facts before cross-file resolution, checked against the file's size,
/// modification time and inode, and its content hash when those moved. One index per
/// configuration: the key covers flaglint's version, the facts schema and everything the
/// configuration changes about analysis. Unreadable, corrupt, foreign or unwritable indexes
/// never fail a run: it works without them and rebuilds.
public final class ProjectIndex: @unchecked Sendable {
    /// One file's entry. Encoded as a JSON array, and most files (never parsed: no evaluator
    /// name, no constant another file asked for) without their facts, which are then empty:
    /// a large project's index decodes in a fraction of the time.
    public struct Entry: Codable, Sendable {
        public var size: Int64
        public var modified: Int64
        public var inode: UInt64
        public var hash: UInt64
        /// The file's facts as analysis left them: references unresolved, no findings.
        public var facts: FileFacts
        /// Names known not to occur in the file (checked while it was not parsed): another
        /// file's unresolved key need not read it again for them.
        public var absentNames: Set<String>

        public init(size: Int64, modified: Int64, inode: UInt64, hash: UInt64, facts: FileFacts, absentNames: Set<String>) {
            self.size = size
            self.modified = modified
            self.inode = inode
            self.hash = hash
            self.facts = facts
            self.absentNames = absentNames
        }

        /// Facts with nothing in them but the path and language.
        var factsAreEmpty: Bool {
            !facts.parsed && facts.evaluations.isEmpty && facts.constants.isEmpty && facts.suppressions == nil
                && facts.problems.isEmpty && facts.findings.isEmpty && !facts.followsIncludes
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(size)
            try c.encode(modified)
            try c.encode(inode)
            try c.encode(hash)
            try c.encode(absentNames.sorted())
            try c.encode(facts.path)
            try c.encode(facts.language)
            if !factsAreEmpty { try c.encode(facts) }
        }

        public init(from decoder: any Decoder) throws {
            var c = try decoder.unkeyedContainer()
            size = try c.decode(Int64.self)
            modified = try c.decode(Int64.self)
            inode = try c.decode(UInt64.self)
            hash = try c.decode(UInt64.self)
            absentNames = Set(try c.decode([String].self))
            let path = try c.decode(String.self)
            let language = try c.decode(Language.self)
            facts = c.isAtEnd ? FileFacts(path: path, language: language) : try c.decode(FileFacts.self)
        }
    }

    struct Stored: Codable {
        package var key: String
        package var entries: [String: Entry]
    }

    /// The file the index lives in; nil when caching is off.
    public let file: String?
    public let key: String
    private let lock = NSLock()
    private var entries: [String: Entry]
    private var dirty = false

    /// Opens (or starts) the index at `file` for `key`; an index of another key or schema,
    /// or one that does not decode, is ignored.
    public init(file: String?, key: String) {
        self.file = file
        self.key = key
        var loaded: [String: Entry] = [:]
        if let file, let bytes = FileReader.readRegular(file, limit: 1 << 30),
           let stored = try? JSONDecoder().decode(Stored.self, from: Data(bytes)), stored.key == key {
            loaded = stored.entries
        }
        self.entries = loaded
    }

    /// Whether the index is kept at all (`--no-cache` turns it off).
    public var isEnabled: Bool { file != nil }

    /// The entry for `path` when the file on disk is the one it describes.
    public func entry(for path: String, status: FileStatus) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        guard let e = entries[path], e.size == status.size, e.modified == status.modified, e.inode == status.inode else { return nil }
        return e
    }

    /// The entry for `path` if its content hash is `hash` (the file was touched, not changed).
    public func entry(for path: String, hash: UInt64) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        guard let e = entries[path], e.hash == hash else { return nil }
        return e
    }

    public func store(_ entry: Entry, for path: String) {
        lock.lock()
        entries[path] = entry
        dirty = true
        lock.unlock()
    }

    /// Records that `names` do not occur in `path`.
    public func recordAbsent(_ names: Set<String>, in path: String) {
        lock.lock()
        if entries[path] != nil, !names.isSubset(of: entries[path]!.absentNames) {
            entries[path]!.absentNames.formUnion(names)
            dirty = true
        }
        lock.unlock()
    }

    /// Drops entries of files no longer in the project (deleted or renamed).
    public func retain(_ paths: Set<String>) {
        lock.lock()
        let before = entries.count
        entries = entries.filter { paths.contains($0.key) }
        if entries.count != before { dirty = true }
        lock.unlock()
    }

    /// Writes the index if it changed: to a temporary file renamed over the old one, so that
    /// concurrent runs each leave a whole index. Failures (read-only tree, full disk) are ignored.
    public func save() {
        lock.lock()
        defer { lock.unlock() }
        guard dirty, let file else { return }
        let directory = PathName.parent(file)
        guard Self.prepare(directory: directory) else { return }
        let encoder = JSONEncoder()
        guard let data = try? encoder.encode(Stored(key: key, entries: entries)) else { return }
        let tmp = directory + "/.index-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        guard FileManager.default.createFile(atPath: tmp, contents: data) else { return }
        if rename(tmp, file) != 0 { unlink(tmp) } else { dirty = false }
    }

    /// Creates the cache directory with its own `.gitignore` (`*`), as ruff does.
    package static func prepare(directory: String) -> Bool {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)) != nil else { return false }
        } else if !isDirectory.boolValue {
            return false
        }
        let ignore = directory + "/.gitignore"
        if !FileManager.default.fileExists(atPath: ignore) {
            _ = FileManager.default.createFile(atPath: ignore, contents: Data("# Created by flaglint: the project index is a cache.\n*\n".utf8))
        }
        return true
    }

    /// Content identity for cache entries (not a security boundary): eight bytes a step,
    /// multiply and rotate, then the tail and the length.
    public static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for i in 0..<words {
                let w = raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
                h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
                h = (h << 27) | (h >> 37)
            }
            for i in (words * 8)..<raw.count {
                h = (h ^ UInt64(raw[i])) &* 0x0000_0100_0000_01b3
            }
        }
        return h ^ (h >> 29)
    }

    public static func hash(_ text: String) -> String {
        String(hash(Array(text.utf8)), radix: 16)
    }
}

/// What the index compares to know a file is unchanged without reading it.
public struct FileStatus: Sendable, Equatable {
    public var size: Int64
    public var modified: Int64
    public var inode: UInt64

    /// A regular file's status (symlinks followed); nil for anything else or a missing file.
    public static func of(_ path: String) -> FileStatus? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        #if canImport(Darwin)
        let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
        return FileStatus(size: Int64(info.st_size), modified: modified, inode: UInt64(truncatingIfNeeded: info.st_ino))
    }
}
