import Yams
import FlaglintSupport

/// A JSON or YAML value with the place it was written, so that every loader can point an
/// error at the exact line and column whichever syntax the file used.
public struct RegistryNode: Sendable {
    public enum Value: Sendable {
        case mapping([Entry])
        case sequence([RegistryNode])
        case string(String)
        /// The number as written.
        case number(String)
        case bool(Bool)
        case null
    }

    public struct Entry: Sendable {
        public var key: String
        public var keyLocation: RegistryLocation
        public var value: RegistryNode
    }

    public var value: Value
    public var location: RegistryLocation

    public init(_ value: Value, at location: RegistryLocation) {
        self.value = value
        self.location = location
    }

    /// Names for messages ("expected a date, found a list").
    public var kindName: String {
        switch value {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "true/false"
        case .null: return "null"
        }
    }

    public var isNull: Bool { if case .null = value { return true } else { return false } }

    public subscript(key: String) -> RegistryNode? {
        guard case let .mapping(entries) = value else { return nil }
        return entries.first { $0.key == key }?.value
    }

    package func error(_ message: String) -> RegistryError { RegistryError(at: location, message) }

    package func mapping(_ what: String) throws(RegistryError) -> [Entry] {
        if case let .mapping(entries) = value { return entries }
        throw error("\(what) must be a mapping, found \(kindName)")
    }

    package func sequence(_ what: String) throws(RegistryError) -> [RegistryNode] {
        if case let .sequence(items) = value { return items }
        throw error("\(what) must be a list, found \(kindName)")
    }

    package func string(_ what: String) throws(RegistryError) -> String {
        switch value {
        case let .string(s): return s
        case let .number(n): return n
        default: throw error("\(what) must be a string, found \(kindName)")
        }
    }

    /// Accepts the strings "true"/"false" too: flagd metadata and hand-written JSON use both.
    package func bool(_ what: String) throws(RegistryError) -> Bool {
        switch value {
        case let .bool(b): return b
        case let .string(s) where s.lowercased() == "true": return true
        case let .string(s) where s.lowercased() == "false": return false
        default: throw error("\(what) must be true or false, found \(kindName)")
        }
    }

    /// An ISO 8601 date or date-time, truncated to its UTC day.
    package func date(_ what: String) throws(RegistryError) -> CalendarDate {
        guard case let .string(text) = value else {
            if case .number = value {
                throw error("\(what) must be a date (YYYY-MM-DD), found a number")
            }
            throw error("\(what) must be a date (YYYY-MM-DD), found \(kindName)")
        }
        switch CalendarDate.parse(text) {
        case let .success(date): return date
        case let .failure(failure): throw error("\(what): \(failure.reason)")
        }
    }

    /// Unix milliseconds (LaunchDarkly), truncated to the UTC day.
    func unixMillisecondsDate(_ what: String) throws(RegistryError) -> CalendarDate {
        guard case let .number(text) = value else {
            throw error("\(what) must be Unix milliseconds, found \(kindName)")
        }
        if let ms = Int64(text) { return CalendarDate(unixMilliseconds: ms) }
        if let d = Double(text), d.isFinite, abs(d) < 9e15 { return CalendarDate(unixMilliseconds: Int64(d.rounded(.down))) }
        throw error("\(what) must be Unix milliseconds, found `\(text)`")
    }

    /// A string or a list of strings.
    package func strings(_ what: String) throws(RegistryError) -> [String] {
        switch value {
        case .null: return []
        case .string, .number: return [try string(what)]
        case let .sequence(items):
            var result: [String] = []
            for item in items { result.append(try item.string("each of \(what)")) }
            return result
        default: throw error("\(what) must be a string or a list of strings, found \(kindName)")
        }
    }

    /// Compact JSON-ish text for messages and `RegistryValue.other`.
    var compactText: String {
        switch value {
        case let .mapping(entries):
            return "{" + entries.map { "\"\($0.key)\": \($0.value.compactText)" }.joined(separator: ", ") + "}"
        case let .sequence(items): return "[" + items.map(\.compactText).joined(separator: ", ") + "]"
        case let .string(s): return "\"\(s)\""
        case let .number(n): return n
        case let .bool(b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    var registryValue: RegistryValue {
        switch value {
        case let .bool(b): return .bool(b)
        case let .number(n): return .number(n)
        case let .string(s): return .string(s)
        default: return .other(compactText)
        }
    }
}

// MARK: - YAML

extension RegistryNode {
    /// Parses a YAML document; `nil` for an empty one.
    public static func parseYAML(_ text: String, path: String) throws(RegistryError) -> RegistryNode? {
        if let deep = YAMLNesting.firstTooDeepLine(in: text) {
            throw RegistryError(path: path, line: deep, column: 1, message: "invalid YAML: nesting deeper than \(YAMLNesting.limit) levels")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw RegistryError.fromYams(error, path: path)
        } catch {
            throw RegistryError(path: path, line: 1, column: 1, message: "invalid YAML: \(error)")
        }
        guard let root else { return nil }
        return try RegistryNode(yaml: root, path: path)
    }

    /// Converts a Yams node (for instance the `flags:` value of `.lint.yml`).
    public init(yaml node: Node, path: String) throws(RegistryError) {
        var budget = YAMLNesting.nodeBudget
        self = try RegistryNode.convert(node, path: path, depth: 0, budget: &budget)
    }

    private static func location(_ node: Node, _ path: String) -> RegistryLocation {
        RegistryLocation(path: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// `budget` counts nodes after alias expansion, as for `.lint.yml`: a few hundred bytes of
    /// nested aliases ("billion laughs") would otherwise expand to gigabytes.
    private static func convert(_ node: Node, path: String, depth: Int, budget: inout Int) throws(RegistryError) -> RegistryNode {
        let here = location(node, path)
        guard depth < 256 else { throw RegistryError(at: here, "nested too deeply") }
        budget -= 1
        guard budget >= 0 else {
            throw RegistryError(at: here, "the document is too large (more than \(YAMLNesting.nodeBudget) YAML nodes after expanding aliases)")
        }
        switch node {
        case let .scalar(scalar):
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
                || scalar.style == .literal || scalar.style == .folded
            if quoted { return RegistryNode(.string(scalar.string), at: here) }
            switch Resolver.default.resolveTag(of: node) {
            case .null: return RegistryNode(.null, at: here)
            case .bool: return RegistryNode(node.bool.map { .bool($0) } ?? .string(scalar.string), at: here)
            case .int, .float: return RegistryNode(.number(scalar.string), at: here)
            default: return RegistryNode(.string(scalar.string), at: here)
            }
        case let .sequence(sequence):
            var items: [RegistryNode] = []
            for item in sequence { items.append(try convert(item, path: path, depth: depth + 1, budget: &budget)) }
            return RegistryNode(.sequence(items), at: here)
        case let .mapping(mapping):
            var entries: [Entry] = []
            var seen: [String: RegistryLocation] = [:]
            for (key, value) in mapping {
                let keyLocation = location(key, path)
                guard let name = key.scalar?.string else {
                    throw RegistryError(at: keyLocation, "mapping keys must be strings")
                }
                if let first = seen[name] {
                    throw RegistryError(at: keyLocation, "duplicate key `\(name)` (first at line \(first.line))")
                }
                seen[name] = keyLocation
                entries.append(Entry(key: name, keyLocation: keyLocation, value: try convert(value, path: path, depth: depth + 1, budget: &budget)))
            }
            return RegistryNode(.mapping(entries), at: here)
        }
    }
}

extension RegistryError {
    static func fromYams(_ error: YamlError, path: String) -> RegistryError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let prefix = context.map { "\($0.text): " } ?? ""
            return RegistryError(path: path, line: mark.line, column: mark.column, message: "invalid YAML: \(prefix)\(problem)")
        case let .reader(problem, _, _, _):
            return RegistryError(path: path, line: 1, column: 1, message: "invalid YAML: \(problem)")
        default:
            return RegistryError(path: path, line: 1, column: 1, message: "invalid YAML: \(error)")
        }
    }
}
