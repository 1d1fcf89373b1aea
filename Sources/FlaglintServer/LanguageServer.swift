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

/// `flaglint server`: a Language Server Protocol 3.17 server over stdio. One long-lived
/// `ServerWorkspace` (session, project index, configuration, registry, libclang) plus the
/// open buffers. Buffers are linted exactly as `flaglint lint --stdin-filename` lints them;
/// edits are debounced and an analysis a newer edit overtook is dropped unpublished.
///
/// Two serial queues: `state` owns the buffers and everything the protocol tracks (every
/// message is handled there, quickly); `analysis` owns the workspace and runs the lints and
/// project queries, then hands results back to `state`.
public final class LanguageServer: @unchecked Sendable {
    private let options: ServerOptions
    private let input: Int32
    private let writer: MessageWriter
    private let state = DispatchQueue(label: "flaglint.server.state")
    private let analysis = DispatchQueue(label: "flaglint.server.analysis")

    // Owned by `analysis`.
    private var workspace: ServerWorkspace?

    // Owned by `state`.
    private enum Phase { case uninitialized, running, shutDown }
    private var phase = Phase.uninitialized
    private var root = FileSystem.currentDirectory()
    private var documents: [String: OpenDocument] = [:]
    private var cancelled = Set<JSONRPC.ID>()
    /// The client pulls diagnostics (`textDocument/diagnostic`): nothing is pushed, or it would see them twice.
    private var clientPulls = false
    private var watchRegistration = false
    private var reportedFailures = Set<String>()

    /// One lint of a buffer, for the version `document` is at.
    private struct LintRecord: Sendable {
        var generation: Int
        var document: TextDocument
        var result: BufferLint
        var diagnostics: [JSONValue]
    }

    private struct Waiter {
        var id: JSONRPC.ID
        var run: (LintRecord) -> Void
    }

    private struct OpenDocument {
        var document: TextDocument
        /// Bumped by every edit: a lint made for an older generation is dropped.
        var generation = 0
        var lint: LintRecord?
        /// Requests waiting for the lint of the current generation.
        var waiting: [Waiter] = []
        var current: LintRecord? { lint.flatMap { $0.generation == generation ? $0 : nil } }
    }

    public init(options: ServerOptions, input: Int32 = 0, output: Int32 = 1) {
        self.options = options
        self.input = input
        writer = MessageWriter(descriptor: output)
    }

    /// Serves until the client sends `exit` or closes stdin; returns the exit status (0 after
    /// `shutdown`, else 1, as LSP asks).
    public func run() -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        var reader = MessageReader(descriptor: input)
        while let frame = reader.next() {
            switch frame {
            case let .malformed(why):
                writer.send(JSONRPC.response(nil, error: JSONRPC.Failure(.parseError, "unreadable message: \(why)")))
            case let .message(body):
                switch JSONRPC.parse(body) {
                case let .failure(f): writer.send(JSONRPC.response(nil, error: f))
                case let .success(incoming): state.async { self.handle(incoming) }
                }
            }
        }
        return state.sync { phase == .shutDown ? 0 : 1 }
    }

    // MARK: - Dispatch (on `state`)

    private func handle(_ incoming: JSONRPC.Incoming) {
        switch incoming {
        case .response: return
        case let .notification(method, params): notification(method, params)
        case let .request(id, method, params):
            if phase == .uninitialized && method != "initialize" {
                return respond(id, .failure(JSONRPC.Failure(.serverNotInitialized, "the server is not initialized")))
            }
            if phase == .shutDown {
                return respond(id, .failure(JSONRPC.Failure(.invalidRequest, "the server is shut down")))
            }
            do {
                try request(id, method, params)
            } catch {
                respond(id, .failure(error))
            }
        }
    }

    private func request(_ id: JSONRPC.ID, _ method: String, _ params: RegistryNode?) throws(JSONRPC.Failure) {
        switch method {
        case "initialize": respond(id, .success(initialize(params)))
        case "shutdown":
            phase = .shutDown
            respond(id, .success(.null))
        case "textDocument/diagnostic": try pullDiagnostics(id, params)
        case "textDocument/hover":
            let (uri, position) = try Self.textPosition(params)
            try withLint(id, uri) { record in
                let offset = record.document.lines.offset(of: position)
                self.projectQuery(id) { nav, _ in
                    guard let target = nav.target(at: offset, facts: record.result.facts, bytes: record.document.bytes) else { return .null }
                    return .object([("contents", .object([("kind", .string("markdown")), ("value", .string(nav.hover(target)))])),
                                    ("range", record.document.lines.range(target.bytes).json)])
                }
            }
        case "textDocument/references":
            let (uri, position) = try Self.textPosition(params)
            let includeDeclaration = params?.at("context", "includeDeclaration")?.boolValue ?? false
            try withLint(id, uri) { record in
                let offset = record.document.lines.offset(of: position)
                self.projectQuery(id) { nav, texts in
                    guard let target = nav.target(at: offset, facts: record.result.facts, bytes: record.document.bytes) else { return .null }
                    return .array(nav.references(target.flag, includeDeclaration: includeDeclaration, texts: &texts))
                }
            }
        case "textDocument/codeAction":
            guard let uri = params?.at("textDocument", "uri")?.stringValue, let range = LSPRange(params?["range"]) else {
                throw JSONRPC.Failure(.invalidParams, "codeAction needs `textDocument.uri` and `range`")
            }
            let only = params?.at("context", "only")?.arrayValue?.compactMap(\.stringValue)
            try withLint(id, uri) { record in
                self.respond(id, .success(.array(LSPDiagnostics.codeActions(record.result, document: record.document, range: range, only: only))))
            }
        case "workspace/symbol":
            let query = params?["query"]?.stringValue ?? ""
            projectQuery(id) { nav, texts in .array(nav.symbols(matching: query, texts: &texts)) }
        default:
            throw JSONRPC.Failure(.methodNotFound, "unknown method `\(method)`")
        }
    }

    private func notification(_ method: String, _ params: RegistryNode?) {
        if method == "exit" { exit(phase == .shutDown ? 0 : 1) }
        guard phase == .running else { return }
        switch method {
        case "initialized": registerWatchers()
        case "textDocument/didOpen":
            guard let item = params?["textDocument"], let uri = item["uri"]?.stringValue, let text = item["text"]?.stringValue else {
                return log("didOpen without `textDocument.uri` and `text`")
            }
            let path = filePath(fromURI: uri)
            documents[uri] = OpenDocument(document: TextDocument(uri: uri, path: path, version: item["version"]?.intValue ?? 0, text: text))
            if let path, !isInside(path) { return log("\(path) is outside the workspace root \(root): not linted") }
            scheduleLint(uri, delay: 0)
        case "textDocument/didChange":
            guard let uri = params?.at("textDocument", "uri")?.stringValue, var open = documents[uri] else { return }
            do {
                try open.document.apply(params?["contentChanges"]?.arrayValue ?? [])
            } catch {
                log("didChange for \(uri): \(error.message)")
            }
            if let version = params?.at("textDocument", "version")?.intValue { open.document.version = version }
            open.generation += 1
            documents[uri] = open
            scheduleLint(uri, delay: options.debounceMilliseconds)
        case "textDocument/didSave":
            // Another buffer's keys may be defined in the saved file: everything is linted again.
            analysis.async { self.workspace?.filesChanged() }
            relintAll()
        case "textDocument/didClose":
            guard let uri = params?.at("textDocument", "uri")?.stringValue, let open = documents.removeValue(forKey: uri) else { return }
            for w in open.waiting { respond(w.id, .failure(JSONRPC.Failure(.requestCancelled, "the document was closed"))) }
            if !clientPulls { send("textDocument/publishDiagnostics", .object([("uri", .string(uri)), ("diagnostics", .array([]))])) }
        case "workspace/didChangeWatchedFiles":
            // Configuration, registries and compilation databases are read again; for source
            // files added, changed or deleted, the project is walked again.
            let names = (params?["changes"]?.arrayValue ?? []).compactMap { $0["uri"]?.stringValue.flatMap(filePath(fromURI:)) }
            let sources = !names.isEmpty && names.allSatisfy { ServerWorkspace.sourceExtensions.contains(PathName.fileExtension($0).lowercased()) }
            analysis.async { if sources { self.workspace?.filesChanged() } else { self.workspace?.reload() } }
            relintAll()
        case "$/cancelRequest":
            guard let id = JSONRPC.ID(params?["id"]) else { return }
            for (uri, open) in documents {
                if let i = open.waiting.firstIndex(where: { $0.id == id }) {
                    documents[uri]!.waiting.remove(at: i)
                    return respond(id, .failure(JSONRPC.Failure(.requestCancelled, "cancelled")))
                }
            }
            if cancelled.count > 4096 { cancelled.removeAll() }
            cancelled.insert(id)
        default:
            return // `$/` notifications may be ignored; so may any other notification.
        }
    }

    private func initialize(_ params: RegistryNode?) -> JSONValue {
        let rootURI = params?["rootUri"]?.stringValue ?? params?["workspaceFolders"]?.arrayValue?.first?["uri"]?.stringValue
        if let path = rootURI.flatMap(filePath(fromURI:)) ?? params?["rootPath"]?.stringValue.map(PathName.normalize) {
            root = path
        }
        clientPulls = params?.at("capabilities", "textDocument", "diagnostic") != nil
        watchRegistration = params?.at("capabilities", "workspace", "didChangeWatchedFiles", "dynamicRegistration")?.boolValue ?? false
        phase = .running
        let root = self.root, options = self.options
        analysis.async { self.workspace = ServerWorkspace(root: root, options: options) }
        let capabilities: JSONValue = .object([
            ("textDocumentSync", .object([("openClose", .bool(true)), ("change", .int(2)), ("save", .object([("includeText", .bool(false))]))])),
            ("hoverProvider", .bool(true)),
            ("codeActionProvider", .object([("codeActionKinds", .array([.string("quickfix")]))])),
            ("referencesProvider", .bool(true)),
            ("workspaceSymbolProvider", .bool(true)),
            ("diagnosticProvider", .object([("identifier", .string("flaglint")), ("interFileDependencies", .bool(true)),
                                            ("workspaceDiagnostics", .bool(false))])),
        ])
        return .object([("capabilities", capabilities),
                        ("serverInfo", .object([("name", .string("flaglint")), ("version", .string(Flaglint.version))]))])
    }

    /// Asks the client to report changes to the files the configuration comes from.
    private func registerWatchers() {
        guard watchRegistration else { return }
        let globs = ["**/.lint.yml", "**/compile_commands.json", "**/*.yml", "**/*.yaml", "**/*.json",
                     "**/*.{" + ServerWorkspace.sourceExtensions.sorted().joined(separator: ",") + "}"]
        let registration = JSONValue.object([
            ("id", .string("flaglint-configuration")), ("method", .string("workspace/didChangeWatchedFiles")),
            ("registerOptions", .object([("watchers", .array(globs.map { .object([("globPattern", .string($0))]) }))])),
        ])
        writer.send(JSONRPC.request(.string("flaglint-watch"), "client/registerCapability", .object([("registrations", .array([registration]))])))
    }

    // MARK: - Linting buffers

    private func isInside(_ path: String) -> Bool { root == "/" || path == root || path.hasPrefix(root + "/") }

    private func relintAll() {
        for uri in documents.keys {
            documents[uri]!.generation += 1
            scheduleLint(uri, delay: 0)
        }
    }

    /// Lints the buffer after `delay` ms unless a newer edit came first; publishes the result
    /// unless a newer edit came while it ran.
    private func scheduleLint(_ uri: String, delay: Int) {
        guard let open = documents[uri], let path = open.document.path, isInside(path) else { return }
        let generation = open.generation
        analysis.asyncAfter(deadline: .now() + .milliseconds(delay)) {
            let snapshot: (TextDocument, [String: (uri: String, lines: EditorLines)])? = self.state.sync {
                guard let open = self.documents[uri], open.generation == generation else { return nil }
                return (open.document, self.bufferTexts())
            }
            guard let (document, buffers) = snapshot, let workspace = self.workspace else { return }
            let result = workspace.lint(path: path, bytes: document.bytes)
            var texts = SourceTexts(buffers: buffers)
            let diagnostics = LSPDiagnostics.diagnostics(result, lines: document.lines, texts: &texts)
            self.state.async {
                self.finished(uri, LintRecord(generation: generation, document: document, result: result, diagnostics: diagnostics))
            }
        }
    }

    private func finished(_ uri: String, _ record: LintRecord) {
        guard var open = documents[uri], open.generation == record.generation else { return }
        open.lint = record
        let waiting = open.waiting
        open.waiting = []
        documents[uri] = open
        if case let .failed(why) = record.result.outcome, reportedFailures.insert(why).inserted {
            send("window/showMessage", .object([("type", .int(1)), ("message", .string("flaglint: " + why))]))
        }
        if !clientPulls {
            send("textDocument/publishDiagnostics", .object([("uri", .string(uri)), ("version", .int(record.document.version)),
                                                             ("diagnostics", .array(record.diagnostics))]))
        }
        for w in waiting { w.run(record) }
    }

    /// Runs `body` with the buffer's lint for its current version, now or once it is made.
    private func withLint(_ id: JSONRPC.ID, _ uri: String, _ body: @escaping (LintRecord) -> Void) throws(JSONRPC.Failure) {
        guard let open = documents[uri] else { throw JSONRPC.Failure(.invalidParams, "\(uri) is not open") }
        guard let path = open.document.path else { throw JSONRPC.Failure(.invalidParams, "\(uri) is not a file: not linted") }
        guard isInside(path) else { throw JSONRPC.Failure(.invalidParams, "\(path) is outside the workspace root \(root): not linted") }
        if let record = open.current { return body(record) }
        documents[uri]!.waiting.append(Waiter(id: id, run: body))
    }

    private func pullDiagnostics(_ id: JSONRPC.ID, _ params: RegistryNode?) throws(JSONRPC.Failure) {
        guard let uri = params?.at("textDocument", "uri")?.stringValue else { throw JSONRPC.Failure(.invalidParams, "no `textDocument.uri`") }
        @Sendable func report(_ record: LintRecord) -> Result<JSONValue, JSONRPC.Failure> {
            if case let .failed(why) = record.result.outcome {
                return .failure(JSONRPC.Failure(.requestFailed, why))
            }
            return .success(.object([("kind", .string("full")), ("items", .array(record.diagnostics))]))
        }
        if documents[uri] != nil {
            return try withLint(id, uri) { self.respond(id, report($0)) }
        }
        // A saved file the editor did not open: linted as it is on disk.
        guard let path = filePath(fromURI: uri) else { return respond(id, .success(.object([("kind", .string("full")), ("items", .array([]))]))) }
        guard isInside(path) else { throw JSONRPC.Failure(.invalidParams, "\(path) is outside the workspace root \(root): not linted") }
        guard let bytes = FileReader.readRegular(path, limit: 64 << 20) else { throw JSONRPC.Failure(.invalidParams, "\(path) cannot be read") }
        let buffers = bufferTexts()
        analysis.async {
            guard let workspace = self.workspace else { return }
            let document = TextDocument(uri: uri, path: path, version: 0, text: String(decoding: bytes, as: UTF8.self))
            let result = workspace.lint(path: path, bytes: document.bytes)
            var texts = SourceTexts(buffers: buffers)
            let record = LintRecord(generation: 0, document: document, result: result,
                                    diagnostics: LSPDiagnostics.diagnostics(result, lines: document.lines, texts: &texts))
            self.state.async { self.respond(id, report(record)) }
        }
    }

    // MARK: - Project queries

    /// Runs `query` on the analysis queue over the project's facts with the open buffers'
    /// facts in place of their files, then answers `id` (unless it was cancelled meanwhile).
    private func projectQuery(_ id: JSONRPC.ID, _ query: @escaping @Sendable (FlagNavigation, inout SourceTexts) -> JSONValue) {
        let buffers = bufferTexts()
        var facts: [String: FileFacts] = [:]
        for open in documents.values {
            if let path = open.document.path, let f = open.lint?.result.facts { facts[path] = f }
        }
        let overlay = facts
        analysis.async {
            if self.state.sync(execute: { self.cancelled.contains(id) }) {
                return self.state.async { self.respond(id, .failure(JSONRPC.Failure(.requestCancelled, "cancelled"))) }
            }
            guard let workspace = self.workspace else { return }
            let answer = workspace.projectFacts().map { project -> JSONValue in
                var texts = SourceTexts(buffers: buffers)
                return query(FlagNavigation(project: project.overlaid(overlay)), &texts)
            }
            self.state.async { self.respond(id, answer) }
        }
    }

    private func bufferTexts() -> [String: (uri: String, lines: EditorLines)] {
        var out: [String: (uri: String, lines: EditorLines)] = [:]
        for open in documents.values { if let path = open.document.path { out[path] = (open.document.uri, open.document.lines) } }
        return out
    }

    private static func textPosition(_ params: RegistryNode?) throws(JSONRPC.Failure) -> (String, LSPPosition) {
        guard let uri = params?.at("textDocument", "uri")?.stringValue, let position = LSPPosition(params?["position"]) else {
            throw JSONRPC.Failure(.invalidParams, "needs `textDocument.uri` and `position`")
        }
        return (uri, position)
    }

    // MARK: - Output

    private func respond(_ id: JSONRPC.ID, _ result: Result<JSONValue, JSONRPC.Failure>) {
        if cancelled.remove(id) != nil {
            writer.send(JSONRPC.response(id, error: JSONRPC.Failure(.requestCancelled, "cancelled")))
            return
        }
        switch result {
        case let .success(value): writer.send(JSONRPC.response(id, result: value))
        case let .failure(f): writer.send(JSONRPC.response(id, error: f))
        }
    }

    private func send(_ method: String, _ params: JSONValue) { writer.send(JSONRPC.notification(method, params)) }

    private func log(_ message: String) {
        send("window/logMessage", .object([("type", .int(2)), ("message", .string("flaglint: " + message))]))
    }
}
