public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case warning, error

    public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
}

/// A location a finding points to besides its own (for nested-flag: the controlling checks).
public struct RelatedLocation: Sendable, Equatable, Codable {
    public var path: String
    public var line: Int
    public var column: Int
    public var flag: String?
    public var message: String?

    public init(path: String, line: Int, column: Int, flag: String? = nil, message: String? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.flag = flag
        self.message = message
    }
}

/// One problem reported by a rule.
public struct Finding: Sendable, Equatable {
    public var rule: String
    public var severity: Severity
    public var path: String
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// The flag concerned (registry key, literal key or dynamic expression).
    public var flag: String?
    public var message: String
    public var related: [RelatedLocation]
    /// The source line the finding starts on (for baselines and fingerprints).
    public var lineText: String
    /// Set when a suppression comment or the baseline covers the finding.
    public var suppression: Suppression?

    public struct Suppression: Sendable, Equatable {
        public enum Kind: String, Sendable { case inSource, external }
        public var kind: Kind
        public var justification: String?
        public init(kind: Kind, justification: String? = nil) {
            self.kind = kind
            self.justification = justification
        }
    }

    public init(rule: String, severity: Severity, path: String, line: Int, column: Int, endLine: Int, endColumn: Int,
                flag: String? = nil, message: String, related: [RelatedLocation] = [], lineText: String = "",
                suppression: Suppression? = nil) {
        self.rule = rule
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.flag = flag
        self.message = message
        self.related = related
        self.lineText = lineText
        self.suppression = suppression
    }

    /// SPEC §1: by path, line, column, rule.
    public static func ordered(_ a: Finding, _ b: Finding) -> Bool {
        if a.path != b.path { return a.path < b.path }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message < b.message
    }
}
