import FlaglintSupport
import FlaglintSyntax
import FlaglintAnalysis

/// One evaluation with its place in a file: what the lifecycle rules and the `flags`
/// inventory consume (docs/semantics.md: a reference is an evaluation, never a constant's definition).
public struct FlagReference: Sendable, Equatable {
    public var path: String
    public var language: Language
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    public var lineText: String
    public var evaluation: Evaluation

    public init(path: String, language: Language, line: Int, column: Int, endLine: Int, endColumn: Int,
                lineText: String, evaluation: Evaluation) {
        self.path = path
        self.language = language
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.lineText = lineText
        self.evaluation = evaluation
    }

    /// An evaluation of `file`, located where its facts say.
    public init(_ fact: EvaluationFact, in file: FileFacts) {
        self.init(path: file.path, language: file.language, line: fact.start.line, column: fact.start.column,
                  endLine: fact.end.line, endColumn: fact.end.column, lineText: fact.lineText, evaluation: fact.evaluation)
    }

    public var key: FlagKey { evaluation.key }

    /// A finding at this reference.
    package func finding(rule: String, severity: Severity, flag: String?, message: String) -> Finding {
        Finding(rule: rule, severity: severity, path: path, line: line, column: column, endLine: endLine,
                endColumn: endColumn, flag: flag, message: message, lineText: lineText)
    }

    /// "`new-checkout`", or "`new-checkout` (as `newCheckout`)" when code spells it through an alias.
    func quotedName(_ record: FlagRecord) -> String {
        if let value = key.value, value != record.key { return "`\(record.key)` (as `\(value)`)" }
        return "`\(record.key)`"
    }
}

/// Lifecycle state computations shared by the rules and the inventory.
public enum Lifecycle {
    public static let defaultStaleDays = 30

    /// Why a flag is stale on `today`, or `nil`. Permanent and removed flags are never stale
    /// (a removed flag is `removed-flag`'s).
    public enum Staleness: Sendable, Equatable {
        case rolledOut(on: CalendarDate, daysAgo: Int)
        case expired(on: CalendarDate, daysAgo: Int)
    }

    public static func staleness(of record: FlagRecord, today: CalendarDate, days: Int) -> Staleness? {
        if record.isPermanent || record.isRemoved { return nil }
        if let rolledOut = record.rolledOut, today.days(since: rolledOut) > days {
            return .rolledOut(on: rolledOut, daysAgo: today.days(since: rolledOut))
        }
        if let expires = record.expires, today > expires {
            return .expired(on: expires, daysAgo: today.days(since: expires))
        }
        return nil
    }

    static func daysAgo(_ n: Int) -> String { n == 1 ? "1 day ago" : "\(n) days ago" }
}
