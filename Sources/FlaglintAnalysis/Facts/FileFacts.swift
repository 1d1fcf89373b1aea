import FlaglintSyntax

/// What analysing one file produces, as one serializable value: everything a reporter, the
/// project index, a shard merge or the language server needs without parsing the file again
/// (go/analysis calls these facts). A session computes one per file, resolves names across
/// files over the facts alone, then runs the rules on them.
public struct FileFacts: Sendable, Equatable, Codable {
    /// Bumped whenever the encoding or the meaning of a field changes: cached facts of another
    /// schema are never read.
    public static let currentSchema = 1

    public var schema: Int
    /// The path as output shows it.
    public var path: String
    /// The language the file was read as (a `.h` file's after content detection).
    public var language: Language
    /// Whether the frontend ran: the prefilter found an evaluator name or a `flaglint:` comment,
    /// or another file needed its constants.
    public var parsed: Bool
    public var evaluations: [EvaluationFact]
    /// Constants other files may use: file-, type- and namespace-level definitions with literal values.
    public var constants: [ConstantFact]
    /// The file's `flaglint:` comments.
    public var suppressions: InSourceSuppressions?
    /// Problems with the file itself: unreadable, binary, unterminated literals, libclang missing.
    public var problems: [Problem]
    /// The file rules' findings, after cross-file resolution; suppressions, baseline and diff
    /// are applied later, over the whole run.
    public var findings: [Finding]
    /// The analysis read other files too (C-family includes through a compilation database):
    /// the facts are not reusable on this file's content alone.
    public var followsIncludes = false
    /// C family: the project files its `#include "..."` lines name (display paths): with the
    /// file itself, the translation unit its macros and constants may come from.
    public var includes: [String] = []

    public init(path: String, language: Language, parsed: Bool = false, evaluations: [EvaluationFact] = [],
                constants: [ConstantFact] = [], suppressions: InSourceSuppressions? = nil, problems: [Problem] = [],
                findings: [Finding] = []) {
        self.schema = Self.currentSchema
        self.path = path
        self.language = language
        self.parsed = parsed
        self.evaluations = evaluations
        self.constants = constants
        self.suppressions = suppressions
        self.problems = problems
        self.findings = findings
    }

    /// Last names of the constants a key or default refers to that the file does not define:
    /// where the project's other files must be asked.
    public var unresolvedNames: Set<String> {
        var out = Set<String>()
        for e in evaluations {
            if let n = e.evaluation.keyReference?.names.last { out.insert(n) }
            if let n = e.evaluation.defaultReference?.names.last { out.insert(n) }
        }
        return out
    }

    /// Why the file could not be analysed at all (unreadable, frontend unavailable), rendered.
    public var failure: String? { problems.first { $0.kind == .failure }?.rendered }
    public var hasFailure: Bool { failure != nil }
}

/// One evaluation with everything rules and reporters read about it.
public struct EvaluationFact: Sendable, Equatable, Codable {
    public var evaluation: Evaluation
    /// Where it is reported (the anchor) and where the match ends, in lines and code-point columns.
    public var start: SourceLocation
    public var end: SourceLocation
    /// The (length-capped) text of the line it starts on: baselines and fingerprints use it.
    public var lineText: String
    /// The checks that decide whether it runs (indices into the file's evaluations).
    public var controllers: [Controller]
    /// Why a key stayed unresolved, when flaglint can say more than "dynamic" (an implicit
    /// member that is a case of several enums).
    public var keyNote: String?

    public init(evaluation: Evaluation, start: SourceLocation, end: SourceLocation, lineText: String, controllers: [Controller] = []) {
        self.evaluation = evaluation
        self.start = start
        self.end = end
        self.lineText = lineText
        self.controllers = controllers
    }

    public var key: FlagKey { evaluation.key }
    public var line: Int { start.line }
    public var column: Int { start.column }
}

/// A constant as other files see it.
public struct ConstantFact: Sendable, Equatable, Codable {
    public var definition: ConstantDefinition
    /// The 1-based line of its name in the defining file.
    public var line: Int

    public init(definition: ConstantDefinition, line: Int) {
        self.definition = definition
        self.line = line
    }
}

/// A problem with a file as a value: reporters decide how to show it.
public struct Problem: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// The file was still linted as far as possible (a frontend diagnostic, a binary file skipped).
        case warning
        /// A frontend error inside the file (it was still linted as far as possible).
        case error
        /// The file could not be linted at all: the run stops, exit 2.
        case failure
        /// The file's frontend cannot run here (libclang missing for a C-family file): the other
        /// files are still linted and reported, and the run exits 2.
        case unavailable
    }
    public var kind: Kind
    public var path: String
    /// `nil` for problems with the whole file.
    public var location: SourceLocation?
    public var message: String

    public init(_ kind: Kind, path: String, at location: SourceLocation? = nil, _ message: String) {
        self.kind = kind
        self.path = path
        self.location = location
        self.message = message
    }

    /// `path:line:col: warning: message`, or `path: error: message` for a whole-file failure.
    public var rendered: String {
        let severity = kind == .warning ? "warning" : "error"
        if kind == .unavailable { return "\(path):1:1: error: not linted: \(message)" }
        guard let location else { return "\(path): \(severity): \(message)" }
        return "\(path):\(location.line):\(location.column): \(severity): \(message)"
    }
}
