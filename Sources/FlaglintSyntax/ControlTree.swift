/// The language-neutral control structure of one file: which token ranges run only
/// depending on which conditions. Frontends fill it through `ControlTreeBuilder`, which
/// holds the semantics of docs/semantics.md so that every language gets the same rules.
///
/// All ranges are token-index ranges into `FileModel.tokens`.
public struct ControlTree: Sendable {
    /// Code in `body` runs only depending on the evaluations in `conditions`.
    public struct Region: Sendable, Equatable {
        public enum Kind: String, Sendable { case branch, elseBranch, loop, switchCase, ternary, shortCircuit, comprehension, earlyExit, guardElse }
        public var kind: Kind
        public var body: Range<Int>
        public var conditions: [Range<Int>]
    }

    /// A local name assigned directly from an expression (`let on = client.boolVariation(...)`).
    /// If `value` is exactly one evaluation (optionally negated), naming `name` inside a
    /// condition between `visible.lowerBound` and `visible.upperBound` counts as that evaluation.
    public struct Assignment: Sendable, Equatable {
        public var name: String
        public var nameToken: Int
        public var value: Range<Int>
        public var visible: Range<Int>
    }

    public private(set) var regions: [Region] = []
    public private(set) var assignments: [Assignment] = []
    /// Every condition range (where an alias name counts as an evaluation of its flag).
    public private(set) var conditions: [Range<Int>] = []
    /// Token ranges that are declarations or definitions, not code (`func boolVariation(...)`,
    /// `def variation(...)`, an out-of-line C++ signature, a `#define` body): no evaluations there.
    public private(set) var declarations: [Range<Int>] = []
    /// Class bodies, for evaluators whose evaluation controls the class it is written in
    /// (`controls: class`: django-waffle's `waffle_flag = "x"` in a `WaffleFlagMixin` view).
    public private(set) var classBodies: [Range<Int>] = []

    public init() {}

    fileprivate mutating func add(_ region: Region) {
        guard !region.body.isEmpty, region.conditions.contains(where: { !$0.isEmpty }) else { return }
        regions.append(region)
    }
    fileprivate mutating func addCondition(_ r: Range<Int>) { if !r.isEmpty { conditions.append(r) } }
    fileprivate mutating func addAssignment(_ a: Assignment) { assignments.append(a) }
    fileprivate mutating func addDeclaration(_ r: Range<Int>) { if !r.isEmpty { declarations.append(r) } }
    fileprivate mutating func addClassBody(_ r: Range<Int>) { if !r.isEmpty { classBodies.append(r) } }

    /// The tree with `evaluations` of `controls: class` evaluators as conditions controlling
    /// the innermost class body around each (an unchanged tree when there are none).
    package func withClassControls(_ evaluations: [Evaluation]) -> ControlTree {
        var out = self
        for e in evaluations where e.evaluator.controlsClass {
            guard let body = classBodies.filter({ $0.contains(e.anchor) }).min(by: { $0.count < $1.count }) else { continue }
            out.addCondition(e.tokens)
            out.add(.init(kind: .branch, body: body, conditions: [e.tokens]))
        }
        return out
    }
}

/// What ends a branch body unconditionally.
public enum ExitKind: Sendable, Equatable {
    /// `return`, `fatalError(...)`, `abort()`, `exit(...)`: leaves the function.
    case function
    /// `throw`, `raise`: leaves the innermost enclosing `do`/`try` block that has a catch
    /// clause (docs/semantics.md), else the function.
    case thrown
    /// `break`: leaves the innermost loop, or the innermost `switch` when it is inside one.
    case loop
    /// `continue`: ends the iteration of the innermost loop; a `switch` around it does not
    /// stop it (in Swift and C, `continue` inside a `switch` applies to the enclosing loop).
    case continueLoop
}

/// One arm of an if / else-if / else chain (Python `if`/`elif`/`else`).
public struct DecisionArm: Sendable {
    /// `nil` for the final `else`.
    public var condition: Range<Int>?
    public var body: Range<Int>
    /// Set when the body's last statement is an exit (an exit nested deeper does not count).
    public var exit: ExitKind?
    public init(condition: Range<Int>?, body: Range<Int>, exit: ExitKind? = nil) {
        self.condition = condition
        self.body = body
        self.exit = exit
    }
}

/// One `case` of a switch / match statement.
public struct SwitchCase: Sendable {
    /// `case ... where G` (Swift), `case ... if G` (Python): controls the body.
    public var guardCondition: Range<Int>?
    public var body: Range<Int>
    public init(guardCondition: Range<Int>?, body: Range<Int>) {
        self.guardCondition = guardCondition
        self.body = body
    }
}

/// Frontends describe the structure they recognise; the builder turns it into regions.
///
/// Early exits need to know where the enclosing function or loop ends, so frontends declare
/// those boundaries (`function`, `loop`) and the builder resolves exits in `finish()`, in
/// any order: a frontend may report the boundary before or after the exits inside it.
public struct ControlTreeBuilder: Sendable {
    private var tree = ControlTree()
    private struct PendingExit { var conditions: [Range<Int>]; var after: Int; var kind: ExitKind }
    private var exits: [PendingExit] = []
    private var functionBodies: [Range<Int>] = []
    private var loopBodies: [Range<Int>] = []
    private var switchBodies: [Range<Int>] = []
    private var catchingBodies: [Range<Int>] = []
    /// The case bodies of each switch / match statement.
    private var switchCases: [[Range<Int>]] = []
    private let tokenCount: Int

    public init(tokenCount: Int) { self.tokenCount = tokenCount }

    // MARK: Boundaries

    /// A function, method, closure, lambda or block body: `return`/`throw` exits end here.
    public mutating func function(body: Range<Int>) { functionBodies.append(body) }

    /// A loop body: `break`/`continue` exits end here.
    public mutating func loopBoundary(body: Range<Int>) { loopBodies.append(body) }

    /// A switch body that `break` leaves (Swift, C; not a Python `match`). The case bodies
    /// come with `switchStatement`; `continue` goes on past the switch to its loop.
    public mutating func switchBoundary(body: Range<Int>) { switchBodies.append(body) }

    /// The body of a `do`/`try` block with a catch clause (any `catch` in Swift and C++, any
    /// `except` in Python): a `throw`/`raise` inside it exits only this block.
    public mutating func catchingBlock(body: Range<Int>) { catchingBodies.append(body) }

    /// A class body (see `ControlTree.classBodies`).
    public mutating func classBody(_ range: Range<Int>) { tree.addClassBody(range) }

    /// A declaration or definition header that is not code (see `ControlTree.declarations`).
    public mutating func declaration(_ range: Range<Int>) { tree.addDeclaration(range) }

    // MARK: Statements

    /// An if / else-if / else chain: one decision. Each body is controlled by its own
    /// condition, the final `else` by all conditions; conditions do not control each other.
    /// The statement ends at token `statementEnd` (exclusive): an arm that exits controls
    /// everything after it up to the end of the function (or loop).
    public mutating func decision(_ arms: [DecisionArm], statementEnd: Int) {
        let all = arms.compactMap(\.condition)
        for c in all { tree.addCondition(c) }
        for arm in arms {
            let controls = arm.condition.map { [$0] } ?? all
            tree.add(.init(kind: arm.condition == nil ? .elseBranch : .branch, body: arm.body, conditions: controls))
            if let exit = arm.exit {
                exits.append(PendingExit(conditions: controls, after: statementEnd, kind: exit))
            }
        }
    }

    /// Swift `guard G else { ... }`: the else body runs on G; when it exits (it must, in
    /// valid Swift) everything after the guard is controlled by G.
    public mutating func guardStatement(condition: Range<Int>, elseBody: Range<Int>, exit: ExitKind?, statementEnd: Int) {
        tree.addCondition(condition)
        tree.add(.init(kind: .guardElse, body: elseBody, conditions: [condition]))
        if let exit {
            exits.append(PendingExit(conditions: [condition], after: statementEnd, kind: exit))
        }
    }

    /// A loop. `while G`, `for ... where G`, C `for (;G;)` control the body; the body of
    /// `repeat {} while G` / `do {} while (G)` is not controlled (pass `controlsBody: false`).
    public mutating func loop(header: Range<Int>?, body: Range<Int>, controlsBody: Bool) {
        loopBoundary(body: body)
        if let header {
            tree.addCondition(header)
            if controlsBody { tree.add(.init(kind: .loop, body: body, conditions: [header])) }
        }
    }

    /// A `switch`/`match` statement: the subject controls every case; a case guard its body.
    public mutating func switchStatement(subject: Range<Int>, cases: [SwitchCase]) {
        tree.addCondition(subject)
        switchCases.append(cases.map(\.body))
        for c in cases {
            var controls = [subject]
            if let g = c.guardCondition {
                tree.addCondition(g)
                controls.append(g)
            }
            tree.add(.init(kind: .switchCase, body: c.body, conditions: controls))
        }
    }

    /// A local assignment `name = value` visible in `visible` (usually to the end of the block).
    public mutating func assignment(name: String, nameToken: Int, value: Range<Int>, visible: Range<Int>) {
        guard !value.isEmpty else { return }
        tree.addAssignment(.init(name: name, nameToken: nameToken, value: value, visible: visible))
    }

    // MARK: Expressions

    /// `c ? a : b`, Python `a if c else b`: both branches controlled by the condition.
    public mutating func ternary(condition: Range<Int>, branches: [Range<Int>]) {
        tree.addCondition(condition)
        for b in branches { tree.add(.init(kind: .ternary, body: b, conditions: [condition])) }
    }

    /// `lhs && rhs`, `lhs || rhs`, `lhs and rhs`, Swift condition lists `if lhs, rhs`.
    public mutating func shortCircuit(lhs: Range<Int>, rhs: Range<Int>) {
        tree.addCondition(lhs)
        tree.add(.init(kind: .shortCircuit, body: rhs, conditions: [lhs]))
    }

    /// A comprehension `if` clause controlling the element and later clauses.
    public mutating func comprehension(condition: Range<Int>, controlled: [Range<Int>]) {
        tree.addCondition(condition)
        for c in controlled { tree.add(.init(kind: .comprehension, body: c, conditions: [condition])) }
    }

    /// Mark a range as a condition without adding a region (e.g. a Python `if` whose body is empty).
    public mutating func condition(_ range: Range<Int>) { tree.addCondition(range) }

    // MARK: Finish

    /// Resolves early exits against the declared boundaries and returns the tree.
    ///
    /// An exit controls what follows it up to the end of its boundary (function, loop, or
    /// the switch a `break` leaves, the catching block a `throw` leaves), except the other cases of each switch it is inside: only
    /// one case runs, so those are not after it. `continue` thus controls the rest of its case
    /// and what follows the switch up to the end of the loop.
    public consuming func finish() -> ControlTree {
        /// The innermost of `bounds` that contains the exit point.
        func innermost(_ bounds: [Range<Int>], _ after: Int) -> Range<Int>? {
            var best: Range<Int>?
            for b in bounds where b.lowerBound < after && after <= b.upperBound && b.count < (best?.count ?? Int.max) {
                best = b
            }
            return best
        }
        let throwBoundaries = functionBodies + catchingBodies
        let switches = switchCases.compactMap { cases in cases.map(\.upperBound).max().map { (cases, $0) } }
        for exit in exits {
            let end: Int
            switch exit.kind {
            case .function:
                // File end for top-level code.
                end = innermost(functionBodies, exit.after)?.upperBound ?? tokenCount
            case .thrown:
                end = innermost(throwBoundaries, exit.after)?.upperBound ?? tokenCount
            case .loop:
                // Outside any known loop or switch: do not guess.
                guard let b = innermost(loopBodies + switchBodies, exit.after) else { continue }
                end = b.upperBound
            case .continueLoop:
                guard let b = innermost(loopBodies, exit.after) else { continue }
                end = b.upperBound
            }
            guard end > exit.after else { continue }
            var holes: [Range<Int>] = []
            for (cases, last) in switches where last > exit.after && cases[0].lowerBound < exit.after {
                for c in cases where c.lowerBound < exit.after && exit.after <= c.upperBound && c.upperBound < min(last, end) {
                    holes.append(c.upperBound..<min(last, end))
                }
            }
            var start = exit.after
            for h in holes.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                if h.lowerBound > start {
                    tree.add(.init(kind: .earlyExit, body: start..<h.lowerBound, conditions: exit.conditions))
                }
                start = max(start, h.upperBound)
            }
            if end > start {
                tree.add(.init(kind: .earlyExit, body: start..<end, conditions: exit.conditions))
            }
        }
        return tree
    }
}
