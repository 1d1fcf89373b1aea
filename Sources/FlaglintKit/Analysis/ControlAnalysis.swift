/// A flag check that decides whether an evaluation runs.
public struct Controller: Sendable, Equatable {
    /// Index into the file's evaluations of the controlling evaluation.
    public var evaluation: Int
    /// Token index where the control is visible: the evaluation's anchor, or the alias name
    /// used in a condition.
    public var position: Int
}

/// Computes, for every evaluation of a file, the evaluations that control it (SPEC §4 a–e).
/// Language-neutral: works on the control tree's regions, conditions and assignments.
public enum ControlAnalysis {
    /// `controllers[i]` lists the checks controlling evaluation `i` (several per flag possible).
    public static func controllers(of evaluations: [Evaluation], in model: FileModel) -> [[Controller]] {
        guard !evaluations.isEmpty else { return [] }
        let tokens = model.tokens
        let tree = model.control
        // Evaluations sorted by anchor (the matcher returns them so; keep it robust).
        let order = evaluations.indices.sorted { evaluations[$0].anchor < evaluations[$1].anchor }
        let anchors = order.map { evaluations[$0].anchor }

        // (e) Aliases: a local assigned directly from one evaluation, optionally negated.
        var aliasesByName: [String: [(eval: Int, visible: Range<Int>, nameToken: Int)]] = [:]
        for a in tree.assignments {
            if let e = soleEvaluation(a.value, evaluations: evaluations, order: order, anchors: anchors, tokens: tokens, partners: model.partners) {
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

        var result = [[Controller]](repeating: [], count: evaluations.count)
        for region in tree.regions {
            // The checks inside this region's conditions.
            var controlling: [Controller] = []
            for c in region.conditions where !c.isEmpty {
                var k = lowerBound(itemPositions, c.lowerBound)
                while k < items.count && items[k].position < c.upperBound {
                    controlling.append(items[k])
                    k += 1
                }
            }
            guard !controlling.isEmpty else { continue }
            // The evaluations inside its body.
            var k = lowerBound(anchors, region.body.lowerBound)
            while k < anchors.count && anchors[k] < region.body.upperBound {
                let e = order[k]
                result[e].append(contentsOf: controlling.filter { $0.evaluation != e })
                k += 1
            }
        }
        return result
    }

    /// The evaluation that `value` consists of (after an optional `!`/`not`), if exactly one.
    private static func soleEvaluation(_ value: Range<Int>, evaluations: [Evaluation], order: [Int], anchors: [Int],
                                       tokens: [Token], partners: [Int32]) -> Int? {
        var r = value
        while r.count > 1, tokens[r.upperBound - 1].kind == .punctuation || tokens[r.upperBound - 1].kind == .layout,
              [";", "\n"].contains(tokens[r.upperBound - 1].text) {
            r = r.lowerBound..<r.upperBound - 1
        }
        while !r.isEmpty, ["!", "not", "try", "await", "try?", "try!"].contains(tokens[r.lowerBound].text) && tokens[r.lowerBound].kind != .string {
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

    static func lowerBound(_ a: [Int], _ x: Int) -> Int {
        var lo = 0, hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// A file after matching and analysis: what the rules see.
public struct AnalyzedFile: Sendable {
    public let model: FileModel
    public let evaluations: [Evaluation]
    /// Per evaluation, the checks controlling it (see `ControlAnalysis`).
    public let controllers: [[Controller]]

    public init(model: FileModel, evaluations: [Evaluation]) {
        self.model = model
        self.evaluations = evaluations
        self.controllers = ControlAnalysis.controllers(of: evaluations, in: model)
    }

    public var path: String { model.path }

    public func location(of evaluation: Evaluation) -> (start: SourceLocation, end: SourceLocation) {
        (model.source.location(at: evaluation.startOffset), model.source.location(at: evaluation.endOffset))
    }
}
