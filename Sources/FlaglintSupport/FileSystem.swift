#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX calls discovery needs. POSIX rather than FileManager because directory
/// listings must say each entry's type without a `stat` per entry, and errors must carry
/// `strerror` text a user can act on.
public enum FileSystem {
    package enum Kind: Sendable, Equatable { case file, directory, symlink, other }

    package struct Status: Sendable, Equatable {
        package var kind: Kind
        /// Device and inode: a directory's identity however it is reached (symlink loops).
        package var identity: DirectoryIdentity
    }

    package struct Entry: Sendable {
        package var name: String
        /// `nil` when the file system does not say (`DT_UNKNOWN`); callers `lstat` then.
        package var kind: Kind?
    }

    package struct Failure: Error, Sendable, CustomStringConvertible {
        package var code: Int32
        /// Set when the problem is not an `errno` (a FIFO, a device, a file over the size cap).
        package var reason: String?
        package init(code: Int32, reason: String? = nil) {
            self.code = code
            self.reason = reason
        }
        package var description: String { reason ?? String(cString: strerror(code)) }
        package var isSymlinkLoop: Bool { code == ELOOP }
    }

    package static func status(_ path: String, followingSymlinks: Bool) -> Result<Status, Failure> {
        var info = stat()
        let rc = followingSymlinks ? stat(path, &info) : lstat(path, &info)
        guard rc == 0 else { return .failure(Failure(code: errno)) }
        let kind: Kind
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .file
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symlink
        default: kind = .other
        }
        return .success(Status(kind: kind, identity: DirectoryIdentity(device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino))))
    }

    package static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func isRegularFile(_ path: String) -> Bool {
        if case let .success(status) = status(path, followingSymlinks: true) { return status.kind == .file }
        return false
    }

    /// Entries except `.` and `..`; names that are not valid UTF-8 are returned separately so
    /// the caller can warn about them instead of silently mangling the path.
    package static func list(_ path: String) -> Result<(entries: [Entry], undecodable: Int), Failure> {
        guard let dir = opendir(path) else { return .failure(Failure(code: errno)) }
        defer { closedir(dir) }
        var entries: [Entry] = []
        var undecodable = 0
        while true {
            errno = 0
            guard let raw = readdir(dir) else {
                if errno != 0 { return .failure(Failure(code: errno)) }
                break
            }
            let name: String? = withUnsafePointer(to: &raw.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) {
                    String(validatingCString: $0)
                }
            }
            guard let name else {
                undecodable += 1
                continue
            }
            if name == "." || name == ".." { continue }
            let kind: Kind?
            switch Int32(raw.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_LNK): kind = .symlink
            case Int32(DT_UNKNOWN): kind = nil
            default: kind = .other
            }
            entries.append(Entry(name: name, kind: kind))
        }
        return .success((entries, undecodable))
    }

    /// Reads a whole regular file, bounded by `limit` bytes. Anything else (a directory, a
    /// FIFO that would block forever, `/dev/zero` that never ends) is refused before a byte is
    /// read: `O_NONBLOCK` keeps the open of a FIFO without a writer from blocking.
    package static func readFile(_ path: String, limit: Int = 64 << 20) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(Failure(code: errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(Failure(code: errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .failure(Failure(code: EINVAL, reason: "not a regular file (\(kindName(info.st_mode)))"))
        }
        let tooLarge = Failure(code: EFBIG, reason: "larger than \(limit >> 20) MB")
        guard Int(info.st_size) <= limit else { return .failure(tooLarge) }
        // One `read` into an array of the file's size (plus a byte, to see the end without
        // another buffer); a file that grows while read, or a /proc file that says size 0,
        // continues in chunks, still bounded.
        let expected = Int(info.st_size)
        var failure: Failure?
        var bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, initialized in
            while initialized < buffer.count {
                let n = read(fd, buffer.baseAddress! + initialized, buffer.count - initialized)
                if n < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    failure = Failure(code: errno)
                    return
                }
                if n == 0 { return }
                initialized += n
            }
        }
        if let failure { return .failure(failure) }
        guard bytes.count > expected else { return .success(bytes) }
        if bytes.count > limit { return .failure(tooLarge) }
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .failure(Failure(code: errno))
            }
            if n == 0 { break }
            if bytes.count + n > limit { return .failure(tooLarge) }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return .success(bytes)
    }

    /// How a message names a file that is not a regular file.
    package static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }

    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    package static var isRoot: Bool { geteuid() == 0 }
}

/// A directory's (device, inode) pair.
package struct DirectoryIdentity: Sendable, Hashable {
    package var device: UInt64
    package var inode: UInt64
}
