import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Drives the real `flaglint server` over stdio as an editor does: Content-Length frames in,
/// frames out, read on a background thread; tests wait for the message they expect.
final class LSPClient: @unchecked Sendable {
    typealias Message = [String: Any]

    let root: String
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let condition = NSCondition()
    private var inbox: [Message] = []
    private var closed = false
    private var nextID = 100

    /// Starts `flaglint server ARGUMENTS` in `root` and, unless `initialize` is false, performs
    /// the initialize handshake with `root` as the workspace.
    init(root: String, arguments: [String] = ["--today", "2026-11-25"], capabilities: Message = [:], initialize: Bool = true) throws {
        guard let binary = CLI.binary else { throw CLI.Failure("no flaglint binary") }
        self.root = root
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["server"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        var env = ProcessInfo.processInfo.environment
        env["FLAGLINT_CACHE_DIR"] = NSTemporaryDirectory() + "/flaglint-test-cache-\(getpid())"
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let handle = output.fileHandleForReading
        Thread.detachNewThread { [self] in
            var buffer = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                while let message = Self.frame(&buffer) {
                    condition.lock()
                    inbox.append(message)
                    condition.broadcast()
                    condition.unlock()
                }
            }
            condition.lock()
            closed = true
            condition.broadcast()
            condition.unlock()
        }
        if initialize {
            _ = try request("initialize", ["processId": NSNull(), "rootUri": Self.uri(root), "capabilities": capabilities])
            notify("initialized", [:])
        }
    }

    deinit { if process.isRunning { process.terminate() } }

    static func uri(_ path: String) -> String { URL(fileURLWithPath: path).absoluteString }

    private static func frame(_ buffer: inout Data) -> Message? {
        guard let end = buffer.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let header = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
        guard let line = header.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
              let length = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)),
              buffer.count - (end.upperBound - buffer.startIndex) >= length else { return nil }
        let body = buffer[end.upperBound..<end.upperBound + length]
        buffer = Data(buffer[(end.upperBound + length)...])
        return (try? JSONSerialization.jsonObject(with: body)) as? Message ?? ["unparsable": String(decoding: body, as: UTF8.self)]
    }

    func sendRaw(_ bytes: Data) { input.fileHandleForWriting.write(bytes) }

    func send(_ message: Message) {
        let body = try! JSONSerialization.data(withJSONObject: message)
        sendRaw(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }

    func notify(_ method: String, _ params: Message) { send(["jsonrpc": "2.0", "method": method, "params": params]) }

    /// Sends a request and returns its id without waiting.
    @discardableResult
    func start(_ method: String, _ params: Message) -> Int {
        condition.lock()
        nextID += 1
        let id = nextID
        condition.unlock()
        send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
        return id
    }

    /// The response to `id` (the whole message: `result` or `error`).
    func response(_ id: Int, timeout: TimeInterval = 60) throws -> Message {
        try wait(timeout: timeout, "the response to request \(id)") { ($0["id"] as? Int) == id && $0["method"] == nil }
    }

    func request(_ method: String, _ params: Message, timeout: TimeInterval = 60) throws -> Message {
        try response(start(method, params), timeout: timeout)
    }

    /// Removes and returns the first message matching `predicate`, waiting for it.
    func wait(timeout: TimeInterval = 60, _ what: String, _ predicate: (Message) -> Bool) throws -> Message {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let i = inbox.firstIndex(where: predicate) { return inbox.remove(at: i) }
            if closed { throw CLI.Failure("the server closed its output while waiting for \(what)") }
            if !condition.wait(until: deadline) { throw CLI.Failure("timed out waiting for \(what); received: \(inbox)") }
        }
    }

    /// Every message received and not yet taken.
    var received: [Message] {
        condition.lock()
        defer { condition.unlock() }
        return inbox
    }

    /// The next `publishDiagnostics` for `uri` (at `version`, when given).
    func diagnostics(_ uri: String, version: Int? = nil, timeout: TimeInterval = 60) throws -> [Message] {
        let m = try wait(timeout: timeout, "diagnostics for \(uri)") { m in
            guard m["method"] as? String == "textDocument/publishDiagnostics", let p = m["params"] as? Message,
                  p["uri"] as? String == uri else { return false }
            return version == nil || p["version"] as? Int == version
        }
        return ((m["params"] as? Message)?["diagnostics"] as? [Message]) ?? []
    }

    func open(_ path: String, text: String? = nil, version: Int = 1) throws -> String {
        let uri = Self.uri(path)
        let contents = try text ?? String(contentsOfFile: path, encoding: .utf8)
        notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "", "version": version, "text": contents]])
        return uri
    }

    func change(_ uri: String, version: Int, _ changes: [Message]) {
        notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": version], "contentChanges": changes])
    }

    /// Closes the server's stdin and waits for it to exit; its exit status.
    func closeInput(timeout: TimeInterval = 30) throws -> Int32 {
        try input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline { process.terminate(); throw CLI.Failure("the server did not exit when its stdin closed") }
            usleep(10_000)
        }
        return process.terminationStatus
    }

    /// shutdown, exit; the exit status.
    func shutDown() throws -> Int32 {
        let r = try request("shutdown", [:])
        #expect(r["error"] == nil)
        notify("exit", [:])
        return try closeInput()
    }
}

extension Dictionary where Key == String, Value == Any {
    /// `range.start.line` and such, for assertions.
    func int(_ path: String...) -> Int? {
        var node: Any? = self
        for k in path { node = (node as? [String: Any])?[k] }
        return node as? Int
    }

    func string(_ path: String...) -> String? {
        var node: Any? = self
        for k in path { node = (node as? [String: Any])?[k] }
        return node as? String
    }
}
