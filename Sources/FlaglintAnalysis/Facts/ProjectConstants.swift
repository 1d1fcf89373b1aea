import FlaglintSyntax
import FlaglintFrontends

/// The top-level constants of a project's files, read from their facts: resolves the names a
/// file's keys and defaults refer to but the file itself does not define (docs/semantics.md,
/// "Keys and defaults"). Works on facts alone: no file is parsed again.
public struct ProjectConstants: Sendable {
    /// Names resolve within a language family (`LanguageSyntax.constantFamily`): a Python key
    /// never takes a Swift constant's value.
    private var tables: [String: ConstantTable] = [:]
    /// C family: what each file includes, for translation-unit scoping.
    private var includes: [String: [String]] = [:]

    /// The constants named in `names` that `files` define (all of them when `names` is nil).
    public init(_ files: [FileFacts], names: Set<String>? = nil) {
        let names = names.map { Self.withAliasTargets($0, in: files) }
        for f in files where !f.includes.isEmpty { includes[f.path] = f.includes }
        for f in files where !f.constants.isEmpty {
            let wanted = names.map { n in f.constants.filter { n.contains($0.definition.name) } } ?? f.constants
            if !wanted.isEmpty { tables[FrontendRegistry.syntax(for: f.language).constantFamily, default: ConstantTable()].add(wanted, fromPath: f.path) }
        }
    }

    /// `names` and the names their aliases (`FLAG = OTHER`) stand for.
    public static func withAliasTargets(_ names: Set<String>, in files: [FileFacts]) -> Set<String> {
        var out = names
        for f in files {
            for c in f.constants where names.contains(c.definition.name) {
                if case let .alias(target) = c.definition.value, let last = target.names.last { out.insert(last) }
            }
        }
        return out
    }

    public var isEmpty: Bool { tables.values.allSatisfy(\.isEmpty) }

    /// `facts` with every reference the project defines resolved; `nil` when nothing changed.
    public func resolve(_ facts: FileFacts) -> FileFacts? {
        var out = facts
        var changed = false
        for i in out.evaluations.indices {
            var e = out.evaluations[i].evaluation
            let syntax = FrontendRegistry.syntax(for: facts.language)
            let table = tables[syntax.constantFamily] ?? ConstantTable()
            let visible = syntax.hasTranslationUnits ? translationUnit(of: facts) : nil
            if let ref = e.keyReference, let entry = lookup(ref, in: table, from: facts.path, visible: visible) {
                if let key = ValueResolver.key(e.key.expression, through: entry) {
                    e.key = key
                    e.keyReference = nil
                }
                if e.defaultValue == .absent, let declared = ValueResolver.declaredDefault(of: entry) { e.defaultValue = declared }
            }
            if let ref = e.defaultReference, case let .unresolved(expression) = e.defaultValue, let entry = lookup(ref, in: table, from: facts.path, visible: visible) {
                e.defaultValue = ValueResolver.defaultValue(expression, through: entry, language: facts.language)
                e.defaultReference = nil
            }
            if let ref = e.keyReference, ref.implicitMember, let note = Self.ambiguity(ref, in: table), out.evaluations[i].keyNote != note {
                out.evaluations[i].keyNote = note
                changed = true
            }
            if e != out.evaluations[i].evaluation {
                out.evaluations[i].evaluation = e
                changed = true
            }
        }
        return changed ? out : nil
    }

    /// "`.newOnboarding` is a case of 3 types: A, B, C; ..." when the implicit member names
    /// cases or static members of several types.
    static func ambiguity(_ ref: NameReference, in table: ConstantTable) -> String? {
        guard let name = ref.names.last else { return nil }
        let types = Set(table.entries(named: name).compactMap { $0.definition.qualifiers.isEmpty ? nil : $0.definition.qualifiers.joined(separator: ".") })
        guard types.count > 1 else { return nil }
        return "`.\(name)` is a member of \(types.count) types: \(types.sorted().joined(separator: ", ")); set `key_type` on the evaluator"
    }

    /// The constant `ref` names, a module-level alias in another file followed one level.
    /// A C-family file and everything it includes, transitively: the only files whose macros
    /// reach it (C++ constants, `extern` ones included, resolve across the project).
    func translationUnit(of facts: FileFacts) -> Set<String> {
        var seen: Set<String> = [facts.path]
        var work = facts.includes
        while let next = work.popLast() {
            guard seen.insert(next).inserted else { continue }
            work += includes[next] ?? []
        }
        return seen
    }

    private func lookup(_ ref: NameReference, in table: ConstantTable, from path: String, visible: Set<String>? = nil,
                        followingAlias: Bool = true) -> ConstantTable.Entry? {
        guard let name = ref.names.last,
              let entry = table.lookup(name: name, qualifiers: Array(ref.names.dropLast()), implicitMember: ref.implicitMember, use: 0,
                                       path: path, visible: visible)
        else { return nil }
        if case let .alias(target) = entry.definition.value {
            return followingAlias ? lookup(target, in: table, from: entry.path, visible: visible, followingAlias: false) : nil
        }
        return entry
    }
}
