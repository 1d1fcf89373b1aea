#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A file to lint: where to read it, how to show it, which language it is.
public struct LintInput: Sendable {
    /// The path shown in output.
    public var displayPath: String
    /// The path to read, or nil when `contents` is given (stdin).
    public var readPath: String?
    public var language: Language
    public var contents: [UInt8]?
    /// A `.h` file: C unless its content shows C++ or Objective-C (SPEC §6.3).
    public var detectHeaderLanguage: Bool

    public init(displayPath: String, readPath: String?, language: Language, contents: [UInt8]? = nil, detectHeaderLanguage: Bool = false) {
        self.displayPath = displayPath
        self.readPath = readPath
        self.language = language
        self.contents = contents
        self.detectHeaderLanguage = detectHeaderLanguage
    }
}

/// One evaluation as the inventory (`flaglint flags`) and the lifecycle rules see it.
public struct EvaluationRecord: Sendable, Equatable {
    public var path: String
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    public var language: Language
    public var key: FlagKey
    public var sdk: String
    /// `"false"`, `"true"`, `"missing"`, `"implicit-false"` or the expression text (SPEC §8).
    public var defaultDescription: String
    public var lineText: String
    /// The evaluation itself: lifecycle rules compare its default with the registry's (polarity, fallback).
    public var evaluation: Evaluation
}

/// The outcome of linting one file.
public struct FileResult: Sendable {
    public var path: String
    public var findings: [Finding] = []
    public var evaluations: [EvaluationRecord] = []
    /// Problems with the file itself, rendered `path:line:col: warning: message`.
    public var diagnostics: [String] = []
    /// Set when the file could not be linted at all (unreadable, frontend unavailable).
    public var failure: String?
    /// Whether the frontend ran (the prefilter found a name).
    public var parsed = false
    /// Names of constants a key or default refers to that this file does not define: a
    /// whole-project run looks for them in the other files.
    public var unresolvedNames: Set<String> = []
    public var model: FileModel?
    /// The file's `flaglint:` comments, applied by `FindingFilters` once project rules have run.
    public var suppressions: InSourceSuppressions?
}

/// Everything that stays the same across the files of one run.
public struct LintSettings: Sendable {
    public var evaluators: [EvaluatorDefinition]
    public var rules: [String: RuleSettings]
    public var frontendContext: FrontendContext
    /// Findings of these rules only (`--select`), none of these (`--ignore`).
    public var select: Set<String>?
    public var ignore: Set<String>
    public var flagName: @Sendable (FlagKey) -> String

    public init(evaluators: [EvaluatorDefinition], rules: [String: RuleSettings] = RuleRegistry.defaultSettings,
                frontendContext: FrontendContext = FrontendContext(), select: Set<String>? = nil, ignore: Set<String> = [],
                flagName: @escaping @Sendable (FlagKey) -> String = { $0.displayName }) {
        self.evaluators = evaluators
        self.rules = rules
        self.frontendContext = frontendContext
        self.select = select
        self.ignore = ignore
        self.flagName = flagName
    }

    public func isEnabled(_ rule: String) -> Bool {
        if let select, !select.contains(rule) { return false }
        if ignore.contains(rule) { return false }
        return rules[rule]?.severity != nil
    }
}

/// The per-file pipeline: read → prefilter → frontend → match → analyse → rules.
public struct Linter: Sendable {
    public let settings: LintSettings
    /// Per language: the names one of whose presence makes a file worth parsing.
    private let prefilters: [Language: Prefilter]
    private let byLanguage: [Language: [EvaluatorDefinition]]
    public var keepModels = false
    private static let directiveFilter = Prefilter(names: ["flaglint:"])
    /// `FLAGLINT_NO_PREFILTER=1`: parse every file (the C-family benchmark measures the
    /// frontend on real trees with it; findings are the same, only slower).
    static let prefilterDisabled = ProcessInfo.processInfo.environment["FLAGLINT_NO_PREFILTER"] == "1"

    public init(settings: LintSettings) {
        self.settings = settings
        var by: [Language: [EvaluatorDefinition]] = [:]
        for e in settings.evaluators { for l in e.languages { by[l, default: []].append(e) } }
        self.byLanguage = by
        self.prefilters = by.mapValues { Prefilter(names: $0.compactMap(\.pattern.prefilterName)) }
    }

    /// Lints `inputs` on `jobs` threads; results come back in input order.
    public func lint(_ inputs: [LintInput], jobs: Int, resolver: ValueResolver = ValueResolver()) -> [FileResult] {
        let results = ResultSlots(count: inputs.count)
        let workers = max(1, min(jobs, inputs.count))
        let next = AtomicCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let i = next.increment()
                guard i < inputs.count else { return }
                results.set(i, lintOne(inputs[i], resolver: resolver))
            }
        }
        return results.values()
    }

    public func lintOne(_ input: LintInput, resolver: ValueResolver = ValueResolver()) -> FileResult {
        var result = FileResult(path: input.displayPath)
        let bytes: [UInt8]
        if let c = input.contents {
            bytes = c
        } else if let p = input.readPath {
            switch FileReader.load(p) {
            case let .success(b): bytes = b
            case let .failure(why):
                result.failure = "\(input.displayPath): error: cannot read file: \(why)"
                return result
            }
        } else {
            return result
        }
        if bytes.prefix(8000).contains(0) {
            result.diagnostics.append("\(input.displayPath):1:1: warning: binary file (contains NUL bytes); skipped")
            return result
        }
        let language = input.detectHeaderLanguage ? HeaderLanguage.detect(bytes) : input.language
        let evaluators = byLanguage[language] ?? []
        // A file with no evaluator name is not parsed, unless a `flaglint:` comment in it needs
        // checking for unused-suppression.
        guard Self.prefilterDisabled || (!evaluators.isEmpty && prefilters[language]?.matches(bytes) == true)
            || (settings.isEnabled(UnusedSuppressionRule.description.id) && Self.directiveFilter.matches(bytes)) else { return result }
        guard let frontend = FrontendRegistry.frontend(for: language) else { return result }
        let source = SourceFile(path: input.displayPath, language: language, bytes: bytes)
        let model: FileModel
        do {
            model = try frontend.parse(source, context: settings.frontendContext)
        } catch let e as FrontendUnavailable {
            result.failure = "\(input.displayPath): error: \(e.message)"
            return result
        } catch {
            result.failure = "\(input.displayPath): error: \(error)"
            return result
        }
        result.parsed = true
        for d in model.diagnostics {
            let loc = source.location(at: d.offset)
            result.diagnostics.append("\(input.displayPath):\(loc.line):\(loc.column): \(d.severity.rawValue): \(d.message)")
        }
        var matcher = PatternMatcher(model: model, resolver: resolver)
        let evaluations = matcher.evaluations(of: evaluators)
        let file = AnalyzedFile(model: model, evaluations: evaluations)
        result.evaluations = evaluations.map { record($0, in: file) }
        result.unresolvedNames = Self.unresolvedNames(evaluations)
        for rule in RuleRegistry.fileRules {
            let id = rule.description.id
            guard settings.isEnabled(id), let s = settings.rules[id] else { continue }
            result.findings += rule.init().check(file, RuleContext(settings: s, flagName: settings.flagName))
        }
        result.findings.sort(by: Finding.ordered)
        let suppressions = InSourceSuppressions(comments: model.comments, source: source)
        if !suppressions.isEmpty { result.suppressions = suppressions }
        if keepModels { result.model = model }
        return result
    }

    /// The last name of every key/default written as a plain (qualified) name that did not resolve.
    static func unresolvedNames(_ evaluations: [Evaluation]) -> Set<String> {
        var out = Set<String>()
        func add(_ expression: String) {
            let parts = expression.split(whereSeparator: { $0 == "." || $0 == ":" || $0 == ">" || $0 == "-" })
            guard let last = parts.last, parts.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }) else { return }
            out.insert(last == "rawValue" && parts.count > 1 ? String(parts[parts.count - 2]) : String(last))
        }
        for e in evaluations {
            if e.key.resolution == .dynamic { add(e.key.expression) }
            if case let .unresolved(x) = e.defaultValue { add(x) }
        }
        return out
    }

    /// Top-level constants of the files among `inputs` that mention one of `names`.
    public func constants(in inputs: [LintInput], naming names: Set<String>, jobs: Int) -> ConstantTable {
        let filter = Prefilter(names: names)
        let slots = ResultSlots(count: inputs.count)
        let next = AtomicCounter()
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, inputs.count))) { _ in
            while true {
                let i = next.increment()
                guard i < inputs.count else { return }
                let input = inputs[i]
                guard let bytes = input.contents ?? input.readPath.flatMap(FileReader.read), !bytes.prefix(8000).contains(0),
                      filter.matches(bytes) else { continue }
                let language = input.detectHeaderLanguage ? HeaderLanguage.detect(bytes) : input.language
                guard let frontend = FrontendRegistry.frontend(for: language) else { continue }
                let source = SourceFile(path: input.displayPath, language: language, bytes: bytes)
                guard let model = try? frontend.parse(source, context: settings.frontendContext) else { continue }
                var r = FileResult(path: input.displayPath)
                r.model = FileModel(source: source, tokens: [], comments: [], control: ControlTree(),
                                    constants: model.constants.filter { $0.scope == nil && names.contains($0.name) })
                slots.set(i, r)
            }
        }
        var table = ConstantTable()
        for r in slots.values() {
            if let m = r.model { table.add(m.constants, from: m.source, topLevelOnly: true) }
        }
        return table
    }

    private func record(_ e: Evaluation, in file: AnalyzedFile) -> EvaluationRecord {
        let (start, end) = file.location(of: e)
        let d: String
        switch e.defaultValue {
        case .absent: d = e.evaluator.fallback == .false ? "implicit-false" : "missing"
        case let .literal(v, expression):
            switch v.truth { case true?: d = "true"; case false?: d = "false"; case nil: d = expression }
        case let .unresolved(x), let .unverifiable(x): d = x
        }
        return EvaluationRecord(path: file.path, line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
                                language: file.model.language, key: e.key, sdk: e.evaluator.sdk, defaultDescription: d,
                                lineText: file.lineText(of: e), evaluation: e)
    }
}

/// Reads a source file: a regular file of at most `limit` bytes, never a FIFO or a device.
public enum FileReader {
    /// Far beyond any source file; small enough that a runaway file fails with a message.
    public static let limit = 1 << 30

    public static func read(_ path: String) -> [UInt8]? { try? load(path).get() }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The bytes, or why they cannot be read (`no such file`, `not a regular file (a FIFO)`).
    public static func load(_ path: String, limit: Int = FileReader.limit) -> Result<[UInt8], Failure> {
        FileSystem.readFile(path, limit: limit).mapError { Failure(description: $0.description) }
    }
}

/// Results written by worker threads into their own slots; read after all workers finish.
final class ResultSlots: @unchecked Sendable {
    private var slots: [FileResult?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: FileResult) { lock.lock(); slots[i] = r; lock.unlock() }
    func values() -> [FileResult] { lock.lock(); defer { lock.unlock() }; return slots.map { $0 ?? FileResult(path: "") } }
}

final class AtomicCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func increment() -> Int { lock.lock(); defer { value += 1; lock.unlock() }; return value }
}
