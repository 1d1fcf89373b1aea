#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import FlaglintSupport
import FlaglintSyntax
import FlaglintFrontends
import FlaglintAnalysis
import FlaglintRules

/// A file to lint: where to read it, how to show it, which language it is.
public struct LintInput: Sendable {
    /// The path shown in output.
    public var displayPath: String
    /// The path to read, or nil when `contents` is given (stdin).
    public var readPath: String?
    /// The file's absolute path (for stdin, the path it is linted as): its identity in the project.
    public var sourcePath: String?
    public var language: Language
    public var contents: [UInt8]?
    /// A `.h` file: C unless its content shows C++ or Objective-C (docs/semantics.md, C family).
    public var detectHeaderLanguage: Bool

    public init(displayPath: String, readPath: String?, language: Language, contents: [UInt8]? = nil, detectHeaderLanguage: Bool = false,
                sourcePath: String? = nil) {
        self.displayPath = displayPath
        self.readPath = readPath
        self.language = language
        self.contents = contents
        self.detectHeaderLanguage = detectHeaderLanguage
        self.sourcePath = sourcePath ?? readPath
    }
}

/// The per-file pipeline up to facts: read → prefilter → frontend → match → control analysis.
/// Rules run later (`FileRules`), once names other files define are resolved.
public struct FileAnalyzer: Sendable {
    public let settings: LintSettings
    /// Per language: a file holding every name of one of the language's evaluators is worth parsing.
    private let prefilters: [Language: Prefilter]
    private let byLanguage: [Language: [EvaluatorDefinition]]
    private static let directiveFilter = Prefilter(names: ["flaglint:"])

    public init(settings: LintSettings) {
        self.settings = settings
        var by: [Language: [EvaluatorDefinition]] = [:]
        for e in settings.evaluators { for l in e.languages { by[l, default: []].append(e) } }
        self.byLanguage = by
        self.prefilters = by.mapValues { Prefilter(requirements: $0.map(\.pattern.requiredNames)) }
    }

    /// Analyses `inputs` on `jobs` threads; facts come back in input order.
    public func analyze(_ inputs: [LintInput], jobs: Int) -> [FileFacts] {
        ParallelMap.map(inputs, jobs: jobs) { analyze($0) }
    }

    /// One file's facts, without findings. A file whose bytes name no evaluator (and hold no
    /// `flaglint:` comment) is not parsed: its facts say so and hold nothing else.
    public func analyze(_ input: LintInput) -> FileFacts {
        analyze(input, constantsNamed: nil)
    }

    /// `constantsNamed`: a file the prefilter passed over is still parsed, for its constants
    /// only, when it mentions one of these names (another file needs it to resolve a key).
    public func analyze(_ input: LintInput, constantsNamed names: Prefilter?) -> FileFacts {
        var facts = FileFacts(path: input.displayPath, language: input.language)
        let bytes: [UInt8]
        if let c = input.contents {
            bytes = c
        } else if let p = input.readPath {
            switch FileReader.load(p) {
            case let .success(b): bytes = b
            case let .failure(why):
                facts.problems.append(Problem(.failure, path: input.displayPath, "cannot read file: \(why)"))
                return facts
            }
        } else {
            return facts
        }
        if Self.isBinary(bytes) {
            facts.problems.append(Problem(.warning, path: input.displayPath, at: SourceLocation(line: 1, column: 1, offset: 0),
                                          "binary file (contains NUL bytes); skipped"))
            return facts
        }
        let language = input.detectHeaderLanguage ? HeaderLanguage.detect(bytes) : input.language
        facts.language = language
        if FrontendRegistry.syntax(for: language).hasTranslationUnits, let source = input.sourcePath {
            facts.includes = CIncludes.resolve(SurveyImports.includes(in: bytes), from: source, searching: settings.frontendContext.includeDirectories,
                                               currentDirectory: settings.frontendContext.currentDirectory)
        }
        let evaluators = byLanguage[language] ?? []
        // A file with no evaluator name is not parsed, unless it has a `flaglint:` comment
        // (unused-suppression checks them). Whether that rule runs does not change the facts.
        let wanted = settings.prefilterDisabled || (!evaluators.isEmpty && prefilters[language]?.matches(bytes) == true)
            || Self.directiveFilter.matches(bytes)
        let constantsOnly = !wanted && names?.matches(bytes) == true
        guard wanted || constantsOnly, let frontend = FrontendRegistry.frontend(for: language) else { return facts }
        let source = SourceFile(path: input.displayPath, language: language, bytes: bytes)
        let model: FileModel
        do {
            model = try frontend.parse(source, context: settings.frontendContext)
        } catch let e as FrontendUnavailable {
            facts.problems.append(Problem(.unavailable, path: input.displayPath, e.message))
            return facts
        } catch {
            facts.problems.append(Problem(.failure, path: input.displayPath, "\(error)"))
            return facts
        }
        facts.constants = model.constants.filter { $0.scope == nil }.map { ConstantFact(definition: $0, line: source.line(at: $0.offset)) }
        facts.followsIncludes = model.followsIncludes
        if constantsOnly { return facts }
        facts.parsed = true
        for d in model.diagnostics {
            facts.problems.append(Problem(d.severity == .error ? .error : .warning, path: input.displayPath,
                                          at: source.location(at: d.offset), d.message))
        }
        var matcher = PatternMatcher(model: model, resolver: ValueResolver())
        let evaluations = matcher.evaluations(of: evaluators)
        let file = AnalyzedFile(model: model, evaluations: evaluations)
        facts.evaluations = evaluations.indices.map { i in
            let e = evaluations[i]
            let (start, end) = file.location(of: e)
            return EvaluationFact(evaluation: e, start: start, end: end, lineText: file.lineText(of: e), controlChain: file.chains.heads[i])
        }
        facts.controlLinks = file.chains.links
        let suppressions = InSourceSuppressions(comments: model.comments, source: source)
        if !suppressions.isEmpty { facts.suppressions = suppressions }
        return facts
    }
}

extension FileAnalyzer {
    /// A NUL byte in the first 8,000 (git's test), found with `memchr`.
    static func isBinary(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { b in
            guard let base = b.baseAddress else { return false }
            return memchr(base, 0, min(8000, b.count)) != nil
        }
    }
}

/// Reads a source file: a regular file of at most `limit` bytes, never a FIFO or a device.
public enum FileReader {
    /// Far beyond any source file; small enough that a runaway file fails with a message.
    public static let limit = 1 << 30

    public static func read(_ path: String) -> [UInt8]? { try? load(path).get() }

    /// A regular file of at most `limit` bytes; nil for anything else.
    public static func readRegular(_ path: String, limit: Int) -> [UInt8]? { try? load(path, limit: limit).get() }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The bytes, or why they cannot be read (`no such file`, `not a regular file (a FIFO)`).
    public static func load(_ path: String, limit: Int = FileReader.limit) -> Result<[UInt8], Failure> {
        FileSystem.readFile(path, limit: limit).mapError { Failure(description: $0.description) }
    }
}

/// Runs `transform` over `items` on `jobs` threads; results come back in input order.
public enum ParallelMap {
    public static func map<T: Sendable, R: Sendable>(_ items: [T], jobs: Int, _ transform: @Sendable (T) -> R) -> [R] {
        guard !items.isEmpty else { return [] }
        let slots = Slots<R>(count: items.count)
        let next = AtomicCounter()
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, items.count))) { _ in
            while true {
                let i = next.increment()
                guard i < items.count else { return }
                slots.set(i, transform(items[i]))
            }
        }
        return slots.values()
    }
}

/// Results written by worker threads into their own slots; read after all workers finish.
final class Slots<R>: @unchecked Sendable {
    private var slots: [R?]
    private let lock = NSLock()
    package init(count: Int) { slots = Array(repeating: nil, count: count) }
    package func set(_ i: Int, _ r: R) { lock.lock(); slots[i] = r; lock.unlock() }
    package func values() -> [R] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }
}

final class AtomicCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func increment() -> Int { lock.lock(); defer { value += 1; lock.unlock() }; return value }
}

/// The project files a C-family file's `#include`/`#import` lines name (read by
/// `SurveyImports.includes`): how its translation unit is known without a compilation database.
enum CIncludes {
    /// Each name found beside the including file, else in `directories`, as a display path.
    package static func resolve(_ names: [String], from source: String, searching directories: [String], currentDirectory: String) -> [String] {
        guard !names.isEmpty else { return [] }
        let own = PathName.parent(source)
        var out: [String] = []
        for name in names {
            for dir in [own] + directories {
                let candidate = PathName.normalize(name.hasPrefix("/") ? name : dir + "/" + name)
                if FileStatus.of(candidate) != nil {
                    out.append(PathName.display(candidate, currentDirectory: currentDirectory))
                    break
                }
            }
        }
        return out
    }
}
