import FlaglintAnalysis
import FlaglintEngine
import FlaglintFrontends
import FlaglintReporters
import FlaglintRules
import FlaglintSupport
import FlaglintSyntax
/// JSON-RPC 2.0 as LSP uses it: requests (with an id), notifications (without), and the
/// error codes both protocols define.
enum JSONRPC {
    /// A request id: a number or a string, echoed back as the client wrote it.
    package enum ID: Hashable, Sendable {
        case number(Int)
        case string(String)

        package var json: JSONValue {
            switch self {
            case let .number(n): return .int(n)
            case let .string(s): return .string(s)
            }
        }

        package init?(_ node: RegistryNode?) {
            switch node?.value {
            case let .number(n)?: guard let i = Int(n) else { return nil }; self = .number(i)
            case let .string(s)?: self = .string(s)
            default: return nil
            }
        }
    }

    enum ErrorCode: Int {
        case parseError = -32700
        case invalidRequest = -32600
        case methodNotFound = -32601
        case invalidParams = -32602
        case internalError = -32603
        case serverNotInitialized = -32002
        case requestFailed = -32803
        case serverCancelled = -32802
        case requestCancelled = -32800
    }

    package struct Failure: Error, Sendable {
        package var code: ErrorCode
        package var message: String
        package init(_ code: ErrorCode, _ message: String) {
            self.code = code
            self.message = message
        }
    }

    /// One incoming message.
    enum Incoming: Sendable {
        case request(ID, method: String, params: RegistryNode?)
        case notification(method: String, params: RegistryNode?)
        /// A response to a request the server sent (`client/registerCapability`): nothing waits for it.
        case response
    }

    /// Reads one message body; a failure is answered with `id: null`.
    package static func parse(_ body: [UInt8]) -> Result<Incoming, Failure> {
        let root: RegistryNode
        do {
            root = try JSONDocument.parse(String(decoding: body, as: UTF8.self), path: "message")
        } catch {
            return .failure(Failure(.parseError, error.description))
        }
        guard case .mapping = root.value else { return .failure(Failure(.invalidRequest, "a message must be a JSON object")) }
        guard let method = root["method"]?.stringValue else {
            if root["result"] != nil || root["error"] != nil { return .success(.response) }
            return .failure(Failure(.invalidRequest, "a message without `method`"))
        }
        let params = root["params"]
        if let idNode = root["id"], !idNode.isNull {
            guard let id = ID(idNode) else { return .failure(Failure(.invalidRequest, "`id` must be an integer or a string")) }
            return .success(.request(id, method: method, params: params))
        }
        return .success(.notification(method: method, params: params))
    }

    static func response(_ id: ID?, result: JSONValue) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("id", id?.json ?? .null), ("result", result)])
    }

    static func response(_ id: ID?, error: Failure, data: JSONValue? = nil) -> JSONValue {
        var body: [(String, JSONValue)] = [("code", .int(error.code.rawValue)), ("message", .string(error.message))]
        if let data { body.append(("data", data)) }
        return .object([("jsonrpc", .string("2.0")), ("id", id?.json ?? .null), ("error", .object(body))])
    }

    static func notification(_ method: String, _ params: JSONValue) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)])
    }

    package static func request(_ id: ID, _ method: String, _ params: JSONValue) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("id", id.json), ("method", .string(method)), ("params", params)])
    }
}

/// Reading LSP parameters out of a parsed message.
extension RegistryNode {
    package var stringValue: String? { if case let .string(s) = value { return s } else { return nil } }
    package var intValue: Int? {
        if case let .number(n) = value { return Int(n) ?? Double(n).flatMap { $0.isFinite && abs($0) < 1e15 ? Int($0) : nil } }
        return nil
    }
    package var boolValue: Bool? { if case let .bool(b) = value { return b } else { return nil } }
    var arrayValue: [RegistryNode]? { if case let .sequence(items) = value { return items } else { return nil } }

    /// `params[a][b]...`, nil when any step is missing.
    package func at(_ path: String...) -> RegistryNode? {
        var node: RegistryNode? = self
        for key in path { node = node?[key] }
        return node
    }
}
