import FlaglintSyntax
import FlaglintFrontends

/// A flag check that decides whether an evaluation runs.
public struct Controller: Sendable, Equatable, Codable {
    /// Index into the file's evaluations of the controlling evaluation.
    public var evaluation: Int
    /// Token index where the control is visible: the evaluation's anchor, or the alias name
    /// used in a condition.
    public var position: Int
}

/// Computes, for every evaluation of a file, the evaluations that control it (docs/semantics.md, Nesting).
/// Language-neutral: works on the control tree's regions, conditions and assignments.
public enum ControlAnalysis {
    /// `controllers[i]` lists the checks controlling evaluation `i` (several per flag possible).
    public static func controllers(of evaluations: [Evaluation], in model: FileModel) -> [[Controller]] {
        guard !evaluations.isEmpty else { return [] }
        let tokens = model.tokens
        let tree = model.control.withClassControls(evaluations)
        // Evaluations sorted by anchor (the matcher returns them so; keep it robust).
        let order = evaluations.indices.sorted { evaluations[$0].anchor < evaluations[$1].anchor }
        let anchors = order.map { evaluations[$0].anchor }

        // (e) Aliases: a local assigned directly from one evaluation, optionally negated.
        let prefixes = FrontendRegistry.syntax(for: model.language).conditionPrefixes
        var aliasesByName: [String: [(eval: Int, visible: Range<Int>, nameToken: Int)]] = [:]
        for a in tree.assignments {
            if let e = soleEvaluation(a.value, evaluations: evaluations, order: order, anchors: anchors, tokens: tokens, partners: model.partners,
                                      prefixes: prefixes) {
                aliasesByName[a.name, default: []].append((e, a.visible, a.nameToken))
            }
        }

        // Items: controlling checks located inside conditions, sorted by position.
        var items: [Controller] = []
        items.reserveCapacity(evaluations.count)
        var coverage = [Int32](repeating: 0, count: tokens.count + 1)
        for c in tree.conditions where !c.isEmpty && c.upperBound <= tokens.count {
            coverage[c.lowerBound] += 1
            coverage[c.upperBound] -= 1
        }
        var running: Int32 = 0
        var inCondition = [Bool](repeating: false, count: tokens.count)
        for i in tokens.indices {
            running += coverage[i]
            inCondition[i] = running > 0
        }
        for (k, i) in order.enumerated() where anchors[k] < tokens.count && inCondition[anchors[k]] {
            items.append(Controller(evaluation: i, position: anchors[k]))
        }
        if !aliasesByName.isEmpty {
            for i in tokens.indices where inCondition[i] && tokens[i].kind == .identifier {
                guard let candidates = aliasesByName[tokens[i].text] else { continue }
                // The nearest visible assignment before the use.
                if let a = candidates.filter({ $0.visible.contains(i) && $0.nameToken != i }).max(by: { $0.nameToken < $1.nameToken }) {
                    // `on.foo` or `on(...)` is not the alias's value itself.
                    if i + 1 < tokens.count, tokens[i + 1].kind == .punctuation, [".", "(", "[", "="].contains(tokens[i + 1].text) { continue }
                    if i > 0, tokens[i - 1].kind == .punctuation, [".", "->", "::"].contains(tokens[i - 1].text) { continue }
                    items.append(Controller(evaluation: a.eval, position: i))
                }
            }
        }
        items.sort { $0.position < $1.position }
        let itemPositions = items.map(\.position)

        // Each region with checks in its conditions is an interval of positions. Sweep over the
        // positions; per flag, keep the active checks in a max-heap by position (lazy deletion),
        // so every evaluation reads the nearest check of each controlling flag in O(flags).
        var intervals: [(body: Range<Int>, checks: [Controller])] = []
        for region in tree.regions {
            var controlling: [Controller] = []
            for c in region.conditions where !c.isEmpty {
                var k = lowerBound(itemPositions, c.lowerBound)
                while k < items.count && items[k].position < c.upperBound {
                    controlling.append(items[k])
                    k += 1
                }
            }
            guard !controlling.isEmpty, lowerBound(anchors, region.body.lowerBound) < lowerBound(anchors, region.body.upperBound) else { continue }
            // One check per flag is enough: the nearest (last) one.
            var seen = Set<String>()
            controlling = controlling.reversed().filter { seen.insert(evaluations[$0.evaluation].key.identity).inserted }
            intervals.append((region.body, controlling))
        }
        var result = [[Controller]](repeating: [], count: evaluations.count)
        guard !intervals.isEmpty else { return result }
        let starts = intervals.indices.sorted { intervals[$0].body.lowerBound < intervals[$1].body.lowerBound }
        let ends = intervals.indices.sorted { intervals[$0].body.upperBound < intervals[$1].body.upperBound }
        var live = [Bool](repeating: false, count: intervals.count)
        var heaps: [String: Heap] = [:]
        var nextStart = 0, nextEnd = 0
        for (k, anchor) in anchors.enumerated() {
            while nextEnd < ends.count && intervals[ends[nextEnd]].body.upperBound <= anchor {
                live[ends[nextEnd]] = false
                nextEnd += 1
            }
            while nextStart < starts.count && intervals[starts[nextStart]].body.lowerBound <= anchor {
                let r = starts[nextStart]
                nextStart += 1
                guard intervals[r].body.upperBound > anchor else { continue }
                live[r] = true
                for c in intervals[r].checks {
                    heaps[evaluations[c.evaluation].key.identity, default: Heap()].push(.init(position: evaluations[c.evaluation].anchor, region: r, check: c))
                }
            }
            let e = order[k]
            var empty: [String] = []
            for (flag, var heap) in heaps {
                while let top = heap.top, !live[top.region] { heap.pop() }
                if let top = heap.top { result[e].append(top.check) } else { empty.append(flag) }
                heaps[flag] = heap
            }
            for flag in empty { heaps[flag] = nil }
        }
        return result
    }

    /// A max-heap of checks by position.
    struct Heap {
        package struct Entry { var position: Int; var region: Int; var check: Controller }
        private var items: [Entry] = []
        package var top: Entry? { items.first }
        mutating func push(_ e: Entry) {
            items.append(e)
            var i = items.count - 1
            while i > 0 {
                let p = (i - 1) / 2
                guard items[p].position < items[i].position else { break }
                items.swapAt(p, i)
                i = p
            }
        }
        mutating func pop() {
            guard !items.isEmpty else { return }
            items.swapAt(0, items.count - 1)
            items.removeLast()
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count && items[l].position > items[m].position { m = l }
                if r < items.count && items[r].position > items[m].position { m = r }
                if m == i { break }
                items.swapAt(m, i)
                i = m
            }
        }
    }

    /// The evaluation that `value` consists of (after an optional `!`/`not`), if exactly one.
    private static func soleEvaluation(_ value: Range<Int>, evaluations: [Evaluation], order: [Int], anchors: [Int],
                                       tokens: [Token], partners: [Int32], prefixes: Set<String>) -> Int? {
        var r = value
        while r.count > 1, tokens[r.upperBound - 1].kind == .punctuation || tokens[r.upperBound - 1].kind == .layout,
              [";", "\n"].contains(tokens[r.upperBound - 1].text) {
            r = r.lowerBound..<r.upperBound - 1
        }
        while !r.isEmpty, prefixes.contains(tokens[r.lowerBound].text) && tokens[r.lowerBound].kind != .string {
            r = r.lowerBound + 1..<r.upperBound
        }
        while r.count >= 2, tokens[r.lowerBound].text == "(", Int(partners[r.lowerBound]) == r.upperBound - 1 {
            r = r.lowerBound + 1..<r.upperBound - 1
        }
        guard !r.isEmpty else { return nil }
        var k = lowerBound(anchors, r.lowerBound)
        while k < anchors.count && anchors[k] < r.upperBound {
            if evaluations[order[k]].tokens == r { return order[k] }
            k += 1
        }
        return nil
    }

    package static func lowerBound(_ a: [Int], _ x: Int) -> Int { SortedSearch.lowerBound(a, x) }
}

/// A file after matching and analysis: what the rules see.
public struct AnalyzedFile: Sendable {
    public let model: FileModel
    public let evaluations: [Evaluation]
    /// Per evaluation, the checks controlling it (see `ControlAnalysis`).
    public let controllers: [[Controller]]

    /// Every evaluation's start and end location, computed in one sweep.
    private let locations: [Int: SourceLocation]
    private let lineTexts: [Int: String]

    public init(model: FileModel, evaluations: [Evaluation]) {
        self.model = model
        self.evaluations = evaluations
        self.controllers = ControlAnalysis.controllers(of: evaluations, in: model)
        let locations = model.source.locations(at: evaluations.flatMap { [$0.startOffset, $0.endOffset] })
        self.locations = locations
        var texts: [Int: String] = [:]
        for e in evaluations {
            let line = locations[e.startOffset]?.line ?? 1
            if texts[line] == nil { texts[line] = model.source.lineText(line, limit: SourceFile.maxLineText) }
        }
        self.lineTexts = texts
    }

    public var path: String { model.path }

    public func location(of evaluation: Evaluation) -> (start: SourceLocation, end: SourceLocation) {
        (locations[evaluation.startOffset] ?? model.source.location(at: evaluation.startOffset),
         locations[evaluation.endOffset] ?? model.source.location(at: evaluation.endOffset))
    }

    /// The (length-capped) text of the line an evaluation starts on.
    public func lineText(of evaluation: Evaluation) -> String {
        let (start, _) = location(of: evaluation)
        return lineTexts[start.line] ?? model.source.lineText(start.line, limit: SourceFile.maxLineText)
    }
}
