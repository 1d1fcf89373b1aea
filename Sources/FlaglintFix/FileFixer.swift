import FlaglintSupport
import FlaglintSyntax
import FlaglintFrontends
import FlaglintAnalysis
import FlaglintRules
import FlaglintEngine

/// Rewrites one file as if some evaluations always returned a known value (`flaglint fix`).
///
/// Works in passes: parse with the file's own frontend, find the evaluations to fix, plan
/// edits for the decisions they sit in (innermost first; an edit overlapping one already
/// planned waits for the next pass), apply them, parse the result again and refuse it if its
/// structure got worse. Passes repeat until nothing changes, so nested checks and aliases
/// (whose uses go first, then the alias) resolve without the planner knowing about each other.
/// A second run finds nothing to do: the rewrite is idempotent by construction.
public struct FileFixer: Sendable {
    public struct NotFixed: Sendable, Equatable {
        public var offset: Int
        public var flag: String
        public var reason: String
    }

    public struct Outcome: Sendable {
        public var bytes: [UInt8]
        /// Evaluations of the targets at the start, and how many are left.
        public var targetCount: Int
        public var remaining: Int
        /// Evaluations left alone, with why; offsets are in the original file.
        public var notFixed: [NotFixed]
        public var changed: Bool
    }

    package let language: Language
    package let evaluators: [EvaluatorDefinition]
    package let context: FrontendContext
    package let targets: [FixSpec: FixValue]
    /// Passes before giving up (each removes at least one evaluation or alias).
    static let passLimit = 200

    public init(language: Language, evaluators: [EvaluatorDefinition], context: FrontendContext, targets: [FixSpec: FixValue]) {
        self.language = language
        self.evaluators = evaluators.filter { $0.languages.contains(language) }
        self.context = context
        self.targets = targets
    }

    package struct Parsed {
        package var model: FileModel
        package var evaluations: [Evaluation]
        var structuralProblems: Int
    }

    package func parse(_ bytes: [UInt8], path: String) -> Parsed? {
        guard let frontend = FrontendRegistry.frontend(for: language) else { return nil }
        let source = SourceFile(path: path, language: language, bytes: bytes)
        guard let model = try? frontend.parse(source, context: context) else { return nil }
        var matcher = PatternMatcher(model: model, resolver: ValueResolver())
        return Parsed(model: model, evaluations: matcher.evaluations(of: evaluators), structuralProblems: model.diagnostics.count)
    }

    public func fix(_ original: [UInt8], path: String) -> Outcome {
        var bytes = original
        var history: [[Edit]] = []
        var targetCount = 0
        var last: [NotFixed] = []
        var remaining = 0
        guard let first = parse(bytes, path: path) else {
            return Outcome(bytes: original, targetCount: 0, remaining: 0, notFixed: [], changed: false)
        }
        let baseline = first.structuralProblems
        var parsed = first
        for pass in 0..<Self.passLimit {
            let found = parsed.evaluations.compactMap { e in targets[FixSpec(e)].map { (e, $0) } }
            if pass == 0 { targetCount = found.count }
            remaining = found.count
            if found.isEmpty { last = []; break }
            var planner = FixPlanner(model: parsed.model, language: language, targets: found)
            let plan = planner.plan()
            last = plan.notFixed
            guard !plan.edits.isEmpty, let next = Edit.apply(plan.edits, to: bytes) else { break }
            guard let reparsed = parse(next, path: path), reparsed.structuralProblems <= baseline else {
                last = found.map { NotFixed(offset: parsed.model.tokens[$0.0.anchor].start, flag: $0.1.flag,
                                            reason: "the rewrite would leave the file's structure unbalanced; left unchanged") }
                break
            }
            history.append(plan.edits)
            bytes = next
            parsed = reparsed
        }
        // Offsets of what is left, back in the original file.
        let mapped = last.map { n -> NotFixed in
            var n = n
            for edits in history.reversed() { n.offset = Self.mapBack(n.offset, through: edits) }
            return n
        }
        return Outcome(bytes: bytes, targetCount: targetCount, remaining: remaining, notFixed: mapped, changed: bytes != original)
    }

    /// The offset before `edits` of a position after them (inside a replacement: its start).
    static func mapBack(_ offset: Int, through edits: [Edit]) -> Int {
        var shift = 0
        for e in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            let newStart = e.range.lowerBound + shift
            let newEnd = newStart + e.replacement.utf8.count
            if offset < newStart { break }
            if offset < newEnd { return e.range.lowerBound }
            shift += e.replacement.utf8.count - e.range.count
        }
        return offset - shift
    }
}
