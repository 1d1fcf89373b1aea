#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the CLI writes: stdout for documents and findings, stderr for logs and summaries.
public struct FileHandleOutput: Sendable {
    private let fd: Int32
    public static let standardOutput = FileHandleOutput(fd: 1)
    public static let standardError = FileHandleOutput(fd: 2)

    public func write(_ s: String) {
        var bytes = Array(s.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc_write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { return }
            offset += n
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

/// Writes a file atomically: a temporary file in the same directory, then rename, so a
/// crash or a full disk never leaves a half-written report, baseline or config.
public enum AtomicWriter {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func write(_ contents: String, to path: String) throws {
        let dir = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let tmp = (dir.isEmpty ? "/" : dir) + "/.\(name).flaglint-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        guard let f = fopen(tmp, "wb") else {
            throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        let bytes = Array(contents.utf8)
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
        let flushed = fflush(f) == 0 && fsync(fileno(f)) == 0
        fclose(f)
        guard written == bytes.count, flushed else {
            unlink(tmp)
            throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        guard rename(tmp, path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(tmp)
            throw Failure(description: "cannot write \(path): \(message)")
        }
    }
}
