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
public struct Finding: Sendable, Equatable, Codable {
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
    /// Byte range in the file the finding points into (nil for registry findings made from
    /// line and column alone): what editors and `fix` convert to their own positions.
    public var byteRange: Range<Int>?
    /// Edits that resolve the finding, when they can be exact.
    public var fix: Fix?

    public struct Suppression: Sendable, Equatable, Codable {
        public enum Kind: String, Sendable, Codable { case inSource, external }
        public var kind: Kind
        public var justification: String?
        public init(kind: Kind, justification: String? = nil) {
            self.kind = kind
            self.justification = justification
        }
    }

    public init(rule: String, severity: Severity, path: String, line: Int, column: Int, endLine: Int, endColumn: Int,
                flag: String? = nil, message: String, related: [RelatedLocation] = [], lineText: String = "",
                suppression: Suppression? = nil, byteRange: Range<Int>? = nil, fix: Fix? = nil) {
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
        self.byteRange = byteRange
        self.fix = fix
    }

    /// README, Usage: by path, line, column, rule.
    public static func ordered(_ a: Finding, _ b: Finding) -> Bool {
        if a.path != b.path { return a.path < b.path }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message < b.message
    }
}

/// A change to one file that resolves a finding, as ruff has it: byte-range replacements with
/// an applicability. `safe` keeps the program's behaviour; `unsafe` changes it on purpose (a
/// fallback that becomes `false`) and is applied only when asked for.
public struct Fix: Sendable, Equatable, Codable {
    public enum Applicability: String, Sendable, Codable { case safe, unsafe }
    public var message: String
    public var applicability: Applicability
    /// Non-overlapping, in ascending order.
    public var edits: [Edit]

    public init(message: String, applicability: Applicability, edits: [Edit]) {
        self.message = message
        self.applicability = applicability
        self.edits = edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}

/// Replace the bytes in `range` with `replacement`.
public struct Edit: Sendable, Equatable, Codable {
    public var range: Range<Int>
    public var replacement: String

    public init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }

    /// `bytes` with `edits` (non-overlapping) applied; nil when one falls outside or they overlap.
    public static func apply(_ edits: [Edit], to bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var at = 0
        for e in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            guard e.range.lowerBound >= at, e.range.upperBound <= bytes.count else { return nil }
            out += bytes[at..<e.range.lowerBound]
            out += Array(e.replacement.utf8)
            at = e.range.upperBound
        }
        out += bytes[at...]
        return out
    }
}
