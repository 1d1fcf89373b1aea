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

/// One link of a control chain: a check, and the link of the checks around it.
public struct ControlLink: Sendable, Equatable, Codable {
    public var controller: Controller
    /// Index of the next link outwards in the file's links; -1 after the outermost.
    public var parent: Int

    public init(controller: Controller, parent: Int) {
        self.controller = controller
        self.parent = parent
    }
}

/// The checks controlling each evaluation of a file, as chains that share their outer links:
/// evaluations nested `d` deep cost one link per check, not `d` entries each, so nesting
/// stays linear in memory and in the rules that read it (`NestedFlagRule`).
public struct ControlChains: Sendable, Equatable {
    /// A link's parent always comes before it.
    public var links: [ControlLink] = []
    /// Per evaluation: its innermost link, -1 for an evaluation no check controls.
    public var heads: [Int]

    public init(links: [ControlLink] = [], heads: [Int]) {
        self.links = links
        self.heads = heads
    }

    /// Every check controlling evaluation `i`, innermost first (a flag may appear several
    /// times: the nearest check of a flag is the one with the largest anchor).
    public func controllers(of i: Int) -> [Controller] {
        ControlChains.walk(links, from: heads[i])
    }

    /// The checks on the chain from link `head` outwards.
    public static func walk(_ links: [ControlLink], from head: Int) -> [Controller] {
        var out: [Controller] = []
        var k = head
        while k >= 0 {
            out.append(links[k].controller)
            k = links[k].parent
        }
        return out
    }
}

/// Computes, for every evaluation of a file, the evaluations that control it (docs/semantics.md, Nesting).
/// Language-neutral: works on the control tree's regions, conditions and assignments.
public enum ControlAnalysis {
    /// The chains of checks controlling each evaluation: every check of a region whose body
    /// holds the evaluation's anchor is on its chain (the nearest per flag at least once).
    /// `shareChains: false` gives each evaluation a chain of its own (the nearest check per
    /// flag): what bodies that do not nest get, and the reference the tests compare with.
    public static func chains(of evaluations: [Evaluation], in model: FileModel, shareChains: Bool = true) -> ControlChains {
        guard !evaluations.isEmpty else { return ControlChains(heads: []) }
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
        var chains = ControlChains(heads: [Int](repeating: -1, count: evaluations.count))
        guard !intervals.isEmpty else { return chains }
        guard shareChains else { return separateChains(evaluations: evaluations, order: order, anchors: anchors, intervals: intervals) }
        // Region bodies come from the syntax, so they nest: sweep the anchors with a stack of
        // the open bodies, each body's checks linked onto the chain of the body around it.
        let byStart = intervals.indices.sorted {
            (intervals[$0].body.lowerBound, intervals[$1].body.upperBound, $0) < (intervals[$1].body.lowerBound, intervals[$0].body.upperBound, $1)
        }
        var open: [(end: Int, link: Int)] = []
        var next = 0
        for (k, anchor) in anchors.enumerated() {
            while let top = open.last, top.end <= anchor { open.removeLast() }
            while next < byStart.count && intervals[byStart[next]].body.lowerBound <= anchor {
                let r = byStart[next]
                next += 1
                let body = intervals[r].body
                guard body.upperBound > anchor else { continue }
                // Bodies that overlap without nesting: no shared chain, each evaluation gets its own.
                if let top = open.last, top.end < body.upperBound {
                    return separateChains(evaluations: evaluations, order: order, anchors: anchors, intervals: intervals)
                }
                var link = open.last?.link ?? -1
                for c in intervals[r].checks.reversed() {
                    chains.links.append(ControlLink(controller: c, parent: link))
                    link = chains.links.count - 1
                }
                open.append((body.upperBound, link))
            }
            chains.heads[order[k]] = open.last?.link ?? -1
        }
        return chains
    }

    /// Chains for bodies that do not nest (no input the control trees build): per evaluation,
    /// the nearest active check of each flag, found with one max-heap per flag.
    private static func separateChains(evaluations: [Evaluation], order: [Int], anchors: [Int],
                                       intervals: [(body: Range<Int>, checks: [Controller])]) -> ControlChains {
        var chains = ControlChains(heads: [Int](repeating: -1, count: evaluations.count))
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
            var empty: [String] = []
            var link = -1
            for (flag, var heap) in heaps {
                while let top = heap.top, !live[top.region] { heap.pop() }
                if let top = heap.top {
                    chains.links.append(ControlLink(controller: top.check, parent: link))
                    link = chains.links.count - 1
                } else {
                    empty.append(flag)
                }
                heaps[flag] = heap
            }
            for flag in empty { heaps[flag] = nil }
            chains.heads[order[k]] = link
        }
        return chains
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
        while r.count >= 2, tokens[r.lowerBound].spells("("), Int(partners[r.lowerBound]) == r.upperBound - 1 {
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
    /// The checks controlling each evaluation (see `ControlAnalysis`).
    public let chains: ControlChains

    /// Every evaluation's start and end location, computed in one sweep.
    private let locations: [Int: SourceLocation]
    private let lineTexts: [Int: String]

    public init(model: FileModel, evaluations: [Evaluation]) {
        self.model = model
        self.evaluations = evaluations
        self.chains = ControlAnalysis.chains(of: evaluations, in: model)
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
