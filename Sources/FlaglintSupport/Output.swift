#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Where the CLI writes: stdout for documents and findings, stderr for logs and summaries.
public struct FileHandleOutput: Sendable {
    private let fd: Int32
    public static let standardOutput = FileHandleOutput(descriptor: 1)
    public static let standardError = FileHandleOutput(descriptor: 2)

    public init(descriptor: Int32) { fd = descriptor }

    /// Writes all of `s`; false (with `errno` set) when the descriptor refuses it: a full
    /// disk (`/dev/full`), a closed descriptor.
    @discardableResult
    public func write(_ s: String) -> Bool {
        var bytes = Array(s.utf8)
        return bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc_write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }

    public var isTerminal: Bool { isatty(fd) != 0 }
}

@inline(__always)
private func Glibc_write(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, p, n)
    #else
    return Darwin.write(fd, p, n)
    #endif
}

/// Writes a report, baseline or configuration without destroying what is at the path:
/// - a regular file is replaced atomically (a temporary file beside it, then `rename`), keeping
///   its mode; a symlink is followed and its target replaced, the link kept;
/// - a regular file with several hard links is written in place (truncated and rewritten), so
///   every link keeps seeing the same file, as editors do (vim `backupcopy=auto`);
/// - a character device, a FIFO or a socket (`/dev/null`, `/dev/stdout`, a pipe) is written in
///   place, never replaced by a regular file;
/// - a directory or a block device is refused.
/// The temporary file is removed on failure and on SIGINT/SIGTERM.
public enum AtomicWriter {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func write(_ contents: String, to path: String) throws {
        func failure(_ why: String) -> Failure { Failure(description: "cannot write \(path): \(why)") }
        let target = try resolveSymlinks(path)
        var info = stat()
        if stat(target, &info) != 0 {
            guard errno == ENOENT else { throw failure(String(cString: strerror(errno))) }
            try replace(target, with: contents, mode: nil, shown: path)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG where info.st_nlink > 1 || isSpecialPath(path):
            try writeInPlace(path, contents, shown: path)
        case S_IFREG:
            try replace(target, with: contents, mode: info.st_mode & 0o7777, shown: path)
        case S_IFCHR, S_IFIFO, S_IFSOCK:
            try writeInPlace(path, contents, shown: path)
        default:
            throw failure("it is \(FileSystem.kindName(info.st_mode))")
        }
    }

    /// `/dev/stdout`, `/proc/self/fd/1`: names whose links lead to descriptors, not paths.
    private static func isSpecialPath(_ path: String) -> Bool {
        path.hasPrefix("/dev/") || path.hasPrefix("/proc/")
    }

    /// The path a chain of symlinks leads to (the path itself when it is no link); the last
    /// link may dangle: its target is where the file will be created.
    static func resolveSymlinks(_ path: String) throws -> String {
        var current = path
        if isSpecialPath(path) { return path }
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n > 0 else { return current }
            let destination = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = destination.hasPrefix("/") ? destination : PathName.join(PathName.parent(current), destination)
        }
        throw Failure(description: "cannot write \(path): \(String(cString: strerror(ELOOP)))")
    }

    private static func writeInPlace(_ path: String, _ contents: String, shown: String) throws {
        let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(description: "cannot write \(shown): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard FileHandleOutput(descriptor: fd).write(contents) else {
            throw Failure(description: "cannot write \(shown): \(String(cString: strerror(errno)))")
        }
    }

    private static func replace(_ path: String, with contents: String, mode: mode_t?, shown: String) throws {
        let dir = PathName.parent(path)
        let name = PathName.lastComponent(path)
        let tmp = (dir.isEmpty ? "." : dir) + "/.\(name).flaglint-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        func failure(_ code: Int32) -> Failure { Failure(description: "cannot write \(shown): \(String(cString: strerror(code)))") }
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw failure(errno) }
        TemporaryFileCleanup.register(tmp)
        defer { TemporaryFileCleanup.unregister() }
        var ok = true
        if let mode { ok = fchmod(fd, mode) == 0 }
        ok = ok && FileHandleOutput(descriptor: fd).write(contents) && fsync(fd) == 0
        let code = errno
        close(fd)
        guard ok else {
            unlink(tmp)
            throw failure(code)
        }
        guard rename(tmp, path) == 0 else {
            let code = errno
            unlink(tmp)
            throw failure(code)
        }
    }
}

/// Removes the temporary file of a write in progress when SIGINT or SIGTERM arrives, then lets
/// the signal do what it would have done. The path lives in memory the handler only reads.
enum TemporaryFileCleanup {
    private nonisolated(unsafe) static var pending: UnsafeMutablePointer<CChar>?
    private static let lock = NSLock()

    package static func register(_ path: String) {
        lock.lock()
        pending = strdup(path)
        installHandlers()
        lock.unlock()
    }

    static func unregister() {
        lock.lock()
        let old = pending
        pending = nil
        free(old)
        lock.unlock()
    }

    private nonisolated(unsafe) static var installed = false

    private static func installHandlers() {
        guard !installed else { return }
        installed = true
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { sig in
                if let p = TemporaryFileCleanup.pending { unlink(p) }
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }
}

/// Refuses an output path that would overwrite an input of the run: the configuration, a
/// registry, the baseline being read, a linted file. Compared by device and inode, so a
/// symlink, a hard link or another spelling of the same file is caught too.
public enum OutputGuard {
    /// The first input `output` is (as `what: path`), or nil when it is none of them.
    public static func clash(output: String, inputs: [(what: String, path: String)]) -> String? {
        guard let target = identity(output) else { return nil }
        for input in inputs where identity(input.path) == target {
            return "\(input.what) \(input.path)"
        }
        return nil
    }

    private static func identity(_ path: String) -> DirectoryIdentity? {
        guard case let .success(status) = FileSystem.status(path, followingSymlinks: true), status.kind == .file else { return nil }
        return status.identity
    }
}
