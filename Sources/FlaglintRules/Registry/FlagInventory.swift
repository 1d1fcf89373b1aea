import FlaglintSupport
import FlaglintSyntax

/// What `flaglint flags` reports: every flag the code evaluates or the registry lists, its
/// lifecycle state on `today`, and every reference. JSON and Markdown render this same model.
public struct FlagInventory: Sendable, Equatable {
    public enum State: String, Sendable, Codable, CaseIterable {
        case active
        case rolledOut = "rolled-out"
        case stale
        case permanent
        case removed
        /// Not in the registry, no registry configured, or a dynamic key.
        case unknown
    }

    public struct Reference: Sendable, Equatable, Codable {
        public var path: String
        public var line: Int
        public var column: Int
        public var language: Language
        public var sdk: String
        /// `"false"`, `"true"`, `"missing"`, `"implicit-false"` or the default's expression text (README, Output formats).
        public var `default`: String
        /// The key as code writes it (an alias, a constant's name, a dynamic expression).
        public var expression: String
        /// When the key came through a constant: which one and where it is defined.
        public var constant: Constant?
        /// When the key was named after its identifier (`key_from_identifier`) because its
        /// declaration was not found.
        public var fromIdentifier: FromIdentifier?

        public struct FromIdentifier: Sendable, Equatable, Codable {
            public var identifier: String
            public var template: String
        }

        public struct Constant: Sendable, Equatable, Codable {
            public var name: String
            public var path: String
            public var line: Int
        }
    }

    public struct Flag: Sendable, Equatable {
        /// The registry key (or the code's key when unknown); `nil` for a dynamic key.
        public var key: String?
        /// For a dynamic key: its expression text.
        public var expression: String?
        public var state: State
        public var owner: String?
        public var created: CalendarDate?
        public var rolledOut: CalendarDate?
        /// Days from `rolledOut` to `today`.
        public var daysSinceRollout: Int?
        public var expires: CalendarDate?
        public var removed: CalendarDate?
        public var permanent: Bool
        /// The flag's registry entry.
        public var registryLocation: RegistryLocation?
        /// Sorted by path, line, column.
        public var references: [Reference]

        public var displayName: String { key ?? expression ?? "" }
    }

    public var today: CalendarDate
    public var staleDays: Int
    public var hasRegistry: Bool
    /// Keyed flags by key, then dynamic keys by expression.
    public var flags: [Flag]

    /// `registry`: `nil` when none is configured. Registry flags nobody references are listed
    /// too, with no references: they are what a cleanup ticket removes from the flag service.
    public init(references: [FlagReference], registry: Registry?, today: CalendarDate, staleDays: Int = Lifecycle.defaultStaleDays) {
        self.today = today
        self.staleDays = staleDays
        self.hasRegistry = registry != nil

        var keyed: [String: [FlagReference]] = [:]
        var dynamic: [String: [FlagReference]] = [:]
        for reference in references {
            if let code = reference.key.value {
                keyed[registry?.lookup(codeKey: code)?.key ?? code, default: []].append(reference)
            } else {
                dynamic[reference.key.expression, default: []].append(reference)
            }
        }
        var keys = Set(keyed.keys)
        for record in registry?.records.values ?? [:].values { keys.insert(record.key) }

        var flags: [Flag] = []
        for key in keys.sorted() {
            let refs = FlagInventory.references(keyed[key] ?? [])
            guard let record = registry?.records[key] else {
                flags.append(Flag(key: key, state: .unknown, permanent: false, references: refs))
                continue
            }
            let state: State
            if record.isRemoved {
                state = .removed
            } else if record.isPermanent {
                state = .permanent
            } else if Lifecycle.staleness(of: record, today: today, days: staleDays) != nil {
                state = .stale
            } else if record.rolledOut.map({ $0 <= today }) ?? false {
                state = .rolledOut
            } else {
                state = .active
            }
            flags.append(Flag(key: key, state: state, owner: record.owner, created: record.created,
                              rolledOut: record.rolledOut, daysSinceRollout: record.rolledOut.map { today.days(since: $0) },
                              expires: record.expires, removed: record.removed?.date, permanent: record.isPermanent,
                              registryLocation: record.location, references: refs))
        }
        for expression in dynamic.keys.sorted() {
            flags.append(Flag(key: nil, expression: expression, state: .unknown, permanent: false,
                              references: FlagInventory.references(dynamic[expression]!)))
        }
        self.flags = flags
    }

    package static func references(_ list: [FlagReference]) -> [Reference] {
        list.map { r in
            Reference(path: r.path, line: r.line, column: r.column, language: r.language, sdk: r.evaluation.evaluator.sdk,
                      default: defaultText(r.evaluation), expression: r.key.expression, constant: constant(r.key),
                      fromIdentifier: fromIdentifier(r.key))
        }
        .sorted { ($0.path, $0.line, $0.column) < ($1.path, $1.line, $1.column) }
    }

    package static func constant(_ key: FlagKey) -> Reference.Constant? {
        if case let .constant(name, path, line) = key.resolution { return .init(name: name, path: path, line: line) }
        return nil
    }

    package static func fromIdentifier(_ key: FlagKey) -> Reference.FromIdentifier? {
        if case let .fromIdentifier(identifier, template) = key.resolution { return .init(identifier: identifier, template: template) }
        return nil
    }

    /// README, Output formats's `default` strings.
    public static func defaultText(_ evaluation: Evaluation) -> String {
        switch evaluation.defaultValue {
        case .absent:
            return evaluation.evaluator.fallback == .false ? "implicit-false" : "missing"
        case let .literal(value, expression):
            switch value {
            case let .bool(b): return b ? "true" : "false"
            case .integer where evaluation.evaluator.type == .bool: return value.truth == true ? "true" : "false"
            default: return expression
            }
        case let .unresolved(expression), let .unverifiable(expression):
            return expression
        case let .declared(value, _, _, _):
            return value ? "true" : "false"
        }
    }

    /// Flags whose state asks for work, most urgent first: what a cleanup ticket lists.
    public var needingCleanup: [Flag] {
        flags.filter { [.removed, .stale].contains($0.state) || ($0.references.isEmpty && $0.state != .removed) }
    }
}
