/// The top-level constants of a project's files, read from their facts: resolves the names a
/// file's keys and defaults refer to but the file itself does not define (docs/semantics.md,
/// "Keys and defaults"). Works on facts alone: no file is parsed again.
public struct ProjectConstants: Sendable {
    private var table = ConstantTable()

    /// The constants named in `names` that `files` define (all of them when `names` is nil).
    public init(_ files: [FileFacts], names: Set<String>? = nil) {
        for f in files where !f.constants.isEmpty {
            let wanted = names.map { n in f.constants.filter { n.contains($0.definition.name) } } ?? f.constants
            if !wanted.isEmpty { table.add(wanted, fromPath: f.path) }
        }
    }

    public var isEmpty: Bool { table.isEmpty }

    /// `facts` with every reference the project defines resolved; `nil` when nothing changed.
    public func resolve(_ facts: FileFacts) -> FileFacts? {
        var out = facts
        var changed = false
        for i in out.evaluations.indices {
            var e = out.evaluations[i].evaluation
            if let ref = e.keyReference, let entry = lookup(ref, from: facts.path) {
                if let key = ValueResolver.key(e.key.expression, through: entry) {
                    e.key = key
                    e.keyReference = nil
                }
                if e.defaultValue == .absent, let declared = ValueResolver.declaredDefault(of: entry) { e.defaultValue = declared }
            }
            if let ref = e.defaultReference, case let .unresolved(expression) = e.defaultValue, let entry = lookup(ref, from: facts.path) {
                e.defaultValue = ValueResolver.defaultValue(expression, through: entry, language: facts.language)
                e.defaultReference = nil
            }
            if e != out.evaluations[i].evaluation {
                out.evaluations[i].evaluation = e
                changed = true
            }
        }
        return changed ? out : nil
    }

    private func lookup(_ ref: NameReference, from path: String) -> ConstantTable.Entry? {
        guard let name = ref.names.last else { return nil }
        return table.lookup(name: name, qualifiers: Array(ref.names.dropLast()), implicitMember: ref.implicitMember, use: 0, path: path)
    }
}
