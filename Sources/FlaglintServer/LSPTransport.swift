#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import FlaglintAnalysis
import FlaglintEngine
import FlaglintFrontends
import FlaglintReporters
import FlaglintRules
import FlaglintSupport
import FlaglintSyntax

/// The base protocol's framing (LSP 3.17, "Base Protocol"): a `Content-Length` header block,
/// a blank line, then that many bytes of JSON. Reads from a file descriptor; a frame it cannot
/// read (no length, a length beyond `maximumBody`) is reported and skipped, never fatal.
struct MessageReader {
    package enum Frame: Equatable {
        case message([UInt8])
        /// A header block without a usable `Content-Length`, or a body too large: answered
        /// with a parse error, and reading goes on after it.
        case malformed(String)
    }

    /// 64 MB: far beyond any buffer an editor sends; a longer body is skipped unread.
    static let maximumBody = 64 << 20
    /// A header block longer than this is not a header.
    static let maximumHeader = 64 << 10

    package let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var skipping = 0
    private var atEnd = false

    package init(descriptor: Int32) { self.descriptor = descriptor }

    /// The next frame; nil when the input is closed.
    package mutating func next() -> Frame? {
        while true {
            if skipping > 0 {
                let n = min(skipping, buffer.count - start)
                start += n
                skipping -= n
                if skipping > 0 {
                    guard fill() else { return nil }
                    continue
                }
            }
            if let frame = parse() { return frame }
            guard fill() else { return nil }
        }
    }

    /// One frame from the bytes buffered, or nil when more are needed.
    private mutating func parse() -> Frame? {
        let available = buffer.count - start
        guard available > 0 else { return nil }
        guard let headerEnd = Self.find([13, 10, 13, 10], in: buffer, from: start) else {
            if available > Self.maximumHeader {
                start = buffer.count
                return .malformed("a header block longer than \(Self.maximumHeader) bytes")
            }
            return nil
        }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        var length: Int?
        for line in header.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            if name == "content-length" { length = Int(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)) }
        }
        let bodyStart = headerEnd + 4
        guard let length, length >= 0 else {
            start = bodyStart
            return .malformed("a header without a valid Content-Length")
        }
        guard length <= Self.maximumBody else {
            start = bodyStart
            skipping = length
            return .malformed("a message of \(length) bytes (at most \(Self.maximumBody))")
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<bodyStart + length])
        start = bodyStart + length
        return .message(body)
    }

    /// Reads more input; false at the end of it.
    private mutating func fill() -> Bool {
        if atEnd { return false }
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if n > 0 {
                buffer += chunk[0..<n]
                return true
            }
            if n < 0 && errno == EINTR { continue }
            atEnd = true
            return false
        }
    }

    package static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var i = from
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0] && bytes[i + 1] == needle[1] && bytes[i + 2] == needle[2] && bytes[i + 3] == needle[3] { return i }
            i += 1
        }
        return nil
    }
}

/// Writes framed messages to a file descriptor, one at a time whatever thread sends them.
final class MessageWriter: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    private var broken = false

    package init(descriptor: Int32) { self.descriptor = descriptor }

    /// False once the client stopped reading (the server then exits).
    @discardableResult
    func send(_ message: JSONValue) -> Bool {
        let body = Array(message.rendered(pretty: false).utf8)
        let frame = Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        lock.lock()
        defer { lock.unlock() }
        if broken { return false }
        var offset = 0
        while offset < frame.count {
            let n = frame.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, frame.count - offset) }
            if n > 0 {
                offset += n
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                broken = true
                return false
            }
        }
        return true
    }
}
