import FlaglintSyntax
import FlaglintAnalysis

/// nested-flag: an evaluation decided by more than `max_depth` other flags (docs/semantics.md, Nesting).
public struct NestedFlagRule: FileRule {
    public static let maxDepthOption = RuleOption.count("max_depth", default: 1, "how many other flags may control an evaluation (default 1)")

    public static let description = RuleDescription(
        id: "nested-flag",
        summary: "A flag check sits inside more than `max_depth` other flags' checks.",
        defaultSeverity: .error,
        whatItDoes: """
            Reports a flag evaluation whose execution depends on more than `max_depth` other flags: \
            it is inside their branches, loop bodies (of `while G`, `for ... where G`, `for (;G;)`) or \
            switch cases, right of a short-circuit or in a ternary or comprehension branch on them, after \
            an early exit taken on them, or behind a local variable assigned from them. An else-if chain \
            is one decision; the same flag checked again inside itself adds no depth. The body of \
            `repeat { } while G` / `do { } while (G)` is not controlled by G: it runs once regardless. \
            A `throw`/`raise` caught by an enclosing `do`/`try` (one with a `catch`/`except` clause) \
            controls only the rest of that block, not what follows the `try` statement.
            """,
        whyIsThisBad: """
            Every flag doubles the paths through the code. Three nested flags are eight combinations, \
            most of which nobody tests, and removing one flag later means untangling the others.
            """,
        example: """
            if client.boolVariation(forKey: "new-checkout", defaultValue: false) {
                if client.boolVariation(forKey: "gift-wrap", defaultValue: false) {
                    if client.boolVariation(forKey: "express", defaultValue: false) { ship() }
                }
            }
            """,
        useInstead: """
            let giftWrap = client.boolVariation(forKey: "gift-wrap", defaultValue: false)
            if client.boolVariation(forKey: "new-checkout", defaultValue: false) {
                checkout(giftWrap: giftWrap)   // decide the inner behaviour from configuration, not a third flag
            }
            """,
        options: [maxDepthOption],
        triggering: [
            RuleExample(.swift, """
                if client.boolVariation(forKey: "a", defaultValue: false) {
                    if client.boolVariation(forKey: "b", defaultValue: false) {
                        if client.1️⃣boolVariation(forKey: "c", defaultValue: false) {}
                    }
                }
                """),
            RuleExample(.swift, """
                func f() {
                    guard client.boolVariation(forKey: "a", defaultValue: false) else { return }
                    let on = client.boolVariation(forKey: "b", defaultValue: false)
                    if on {
                        show(client.1️⃣boolVariation(forKey: "c", defaultValue: false))
                    }
                }
                """),
            RuleExample(.swift, """
                let x = client.boolVariation(forKey: "a", defaultValue: false) && client.boolVariation(forKey: "b", defaultValue: false)
                    ? client.1️⃣boolVariation(forKey: "c", defaultValue: false) : false
                """),
        ],
        nonTriggering: [
            RuleExample(.swift, """
                if client.boolVariation(forKey: "a", defaultValue: false) {
                    if client.boolVariation(forKey: "b", defaultValue: false) {}
                }
                """),
            RuleExample(.swift, """
                if client.boolVariation(forKey: "a", defaultValue: false) {
                } else if client.boolVariation(forKey: "b", defaultValue: false) {
                } else if client.boolVariation(forKey: "c", defaultValue: false) {
                }
                """),
            RuleExample(.swift, """
                if client.boolVariation(forKey: "a", defaultValue: false) {
                    if client.boolVariation(forKey: "b", defaultValue: false) {
                        if client.boolVariation(forKey: "a", defaultValue: false) {}
                    }
                }
                """),
            RuleExample(.swift, """
                repeat {
                    if client.boolVariation(forKey: "b", defaultValue: false) {
                        if client.boolVariation(forKey: "c", defaultValue: false) {}
                    }
                } while client.boolVariation(forKey: "a", defaultValue: false)
                """),
            RuleExample(.swift, """
                func f() throws {
                    do {
                        if !client.boolVariation(forKey: "a", defaultValue: false) { throw E.off }
                    } catch {}
                    if client.boolVariation(forKey: "b", defaultValue: false) {
                        if client.boolVariation(forKey: "c", defaultValue: false) {}
                    }
                }
                """),
        ])

    /// Controlling flags named (message and related locations) per finding.
    static let listedControllers = 20

    public init() {}

    public func check(_ file: FileFacts, _ context: RuleContext) -> [Finding] {
        guard let severity = context.settings.severity else { return [] }
        let evaluations = file.evaluations
        let nesting = Nesting(file, context)
        var findings: [Finding] = []
        for i in evaluations.indices {
            let e = evaluations[i]
            let (depth, listed) = nesting.controlling[i]
            guard depth > context.settings.maxDepth else { continue }
            let own = nesting.name(i)
            // Output stays linear in the file: past `listedControllers` the finding names the
            // count of the rest instead of each (exact depth, bounded text).
            let related = listed.map { c -> RelatedLocation in
                let loc = evaluations[c].start
                let name = nesting.name(c)
                return RelatedLocation(path: file.path, line: loc.line, column: loc.column, flag: name, message: "controlled by flag `\(name)`")
            }
            var names = listed.map { "`\(nesting.name($0))`" }.joined(separator: ", ")
            if depth > listed.count { names += ", and \(depth - listed.count) more not listed" }
            let message = "flag `\(own)` is nested inside \(depth) other flags (\(names)); at most \(context.settings.maxDepth) allowed"
            findings.append(finding(file, e, severity: severity, flag: own, message: message, related: related))
        }
        return findings
    }

    /// Per evaluation: how many other flags control it (by name, as output shows them), and the
    /// first `listedControllers` of them by position, each the flag's nearest check.
    ///
    /// One walk over the file's control chains (a forest: links share their outer part), with
    /// each name's nearest check on the current path marked in a Fenwick tree over the checks'
    /// positions: O((links + evaluations) log evaluations), however deep the nesting.
    struct Nesting {
        private(set) var controlling: [(depth: Int, listed: [Int])]
        private var names: [String]

        init(_ file: FileFacts, _ context: RuleContext) {
            let evaluations = file.evaluations
            let links = file.controlLinks
            let n = evaluations.count
            names = evaluations.map { context.flagName($0.key) }
            controlling = Array(repeating: (0, []), count: n)
            guard !links.isEmpty else { return }
            var nameIDs: [String: Int] = [:]
            let nameID = names.map { name -> Int in
                if let id = nameIDs[name] { return id }
                nameIDs[name] = nameIDs.count
                return nameIDs.count - 1
            }
            // Positions: evaluations by anchor; a check's rank is its evaluation's.
            let byAnchor = evaluations.indices.sorted { (evaluations[$0].evaluation.anchor, $0) < (evaluations[$1].evaluation.anchor, $1) }
            var rank = [Int](repeating: 0, count: n)
            for (r, i) in byAnchor.enumerated() { rank[i] = r }

            // The forest: children and evaluations of each link, as linked lists.
            var firstChild = [Int](repeating: -1, count: links.count)
            var nextSibling = [Int](repeating: -1, count: links.count)
            var roots: [Int] = []
            for k in links.indices.reversed() {
                let p = links[k].parent
                if p >= 0 {
                    nextSibling[k] = firstChild[p]
                    firstChild[p] = k
                } else {
                    roots.append(k)
                }
            }
            var firstEvaluation = [Int](repeating: -1, count: links.count)
            var nextEvaluation = [Int](repeating: -1, count: n)
            for i in evaluations.indices.reversed() where evaluations[i].controlChain >= 0 {
                let h = evaluations[i].controlChain
                nextEvaluation[i] = firstEvaluation[h]
                firstEvaluation[h] = i
            }

            var marks = Fenwick(count: n)
            var nearest = [Int](repeating: -1, count: nameIDs.count)   // per name: rank of its nearest check on the path
            var distinct = 0
            var undo: [Int] = []
            var stack: [Int] = roots   // a link to enter, or ~link to leave
            while let x = stack.popLast() {
                if x < 0 {
                    let c = links[~x].controller.evaluation
                    let id = nameID[c], old = undo.removeLast()
                    if nearest[id] != old {
                        marks.add(nearest[id], -1)
                        if old >= 0 { marks.add(old, 1) } else { distinct -= 1 }
                        nearest[id] = old
                    }
                    continue
                }
                let c = links[x].controller.evaluation
                let id = nameID[c], r = rank[c], old = nearest[id]
                undo.append(old)
                if r > old {
                    if old >= 0 { marks.add(old, -1) } else { distinct += 1 }
                    marks.add(r, 1)
                    nearest[id] = r
                }
                stack.append(~x)
                var child = firstChild[x]
                while child >= 0 {
                    stack.append(child)
                    child = nextSibling[child]
                }
                var i = firstEvaluation[x]
                while i >= 0 {
                    let own = nearest[nameID[i]]
                    let depth = distinct - (own >= 0 ? 1 : 0)
                    var listed: [Int] = []
                    if depth > context.settings.maxDepth {
                        var k = 1
                        while listed.count < NestedFlagRule.listedControllers && k <= distinct {
                            let r = marks.position(ofNth: k)
                            k += 1
                            if r != own { listed.append(byAnchor[r]) }
                        }
                    }
                    controlling[i] = (depth, listed)
                    i = nextEvaluation[i]
                }
            }
        }

        func name(_ i: Int) -> String { names[i] }
    }

    /// Counts over positions `0..<count`: add, and find the position of the n-th mark.
    struct Fenwick {
        private var tree: [Int]
        private let top: Int

        init(count: Int) {
            tree = [Int](repeating: 0, count: count + 1)
            var t = 1
            while t * 2 <= count { t *= 2 }
            top = t
        }

        mutating func add(_ position: Int, _ delta: Int) {
            var i = position + 1
            while i < tree.count {
                tree[i] += delta
                i += i & -i
            }
        }

        /// The position of the `nth` mark (1-based), in position order.
        func position(ofNth nth: Int) -> Int {
            var pos = 0, rest = nth, step = top
            while step > 0 {
                if pos + step < tree.count && tree[pos + step] < rest {
                    pos += step
                    rest -= tree[pos]
                }
                step >>= 1
            }
            return pos
        }
    }
}

extension RuleSettings {
    /// nested-flag: how many other flags may control an evaluation.
    public var maxDepth: Int {
        get { integer(NestedFlagRule.maxDepthOption) }
        set { set(NestedFlagRule.maxDepthOption, newValue) }
    }
}
