import FlaglintSyntax
import FlaglintFrontends

/// Named constants visible to key and default expressions: the file's own, and in
/// other files' top-level constants, read from their facts (docs/semantics.md).
public struct ConstantTable: Sendable {
    public struct Entry: Sendable, Equatable {
        public var definition: ConstantDefinition
        public var path: String
        public var line: Int
        /// The defining file's name without extension (Python `module.CONSTANT`).
        public var module: String
    }

    private var byName: [String: [Entry]] = [:]

    public init() {}

    public init(model: FileModel) {
        add(model.constants, from: model.source)
        for c in model.includedConstants {
            byName[c.definition.name, default: []].append(Entry(definition: c.definition, path: c.path, line: c.line, module: Self.module(of: c.path)))
        }
    }

    /// The file name without directory and extension: Python's `module` in `module.CONSTANT`.
    package static func module(of path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.split(separator: ".").first.map(String.init) ?? file
    }

    /// Adds another file's top-level constants, as its facts record them.
    public mutating func add(_ constants: [ConstantFact], fromPath path: String) {
        let module = Self.module(of: path)
        for c in constants where c.definition.scope == nil {
            byName[c.definition.name, default: []].append(Entry(definition: c.definition, path: path, line: c.line, module: module))
        }
    }

    /// Adds constants of `source`; local (scoped) constants are only meaningful in their own file.
    public mutating func add(_ constants: [ConstantDefinition], from source: SourceFile, topLevelOnly: Bool = false) {
        let module = Self.module(of: source.path)
        for c in constants where !(topLevelOnly && c.scope != nil) {
            byName[c.name, default: []].append(Entry(definition: c, path: source.path, line: source.line(at: c.offset), module: module))
        }
    }

    public var isEmpty: Bool { byName.isEmpty }

    /// Every definition of `name`.
    public func entries(named name: String) -> [Entry] { byName[name] ?? [] }

    /// Resolves `qualifiers.name` used at token `use` of file `path`. `implicitMember` is Swift's
    /// `.name` (an enum case or static member of the inferred type). Returns nil when unknown or
    /// ambiguous (several candidates with different values).
    public func lookup(name: String, qualifiers: [String], implicitMember: Bool, use: Int, path: String,
                       visible files: Set<String>? = nil) -> Entry? {
        guard let all = byName[name] else { return nil }
        let visible = all.filter { e in
            if let files, e.definition.isMacro, !files.contains(e.path) { return false }
            guard let scope = e.definition.scope else { return true }
            return e.path == path && scope.contains(use)
        }
        var candidates: [Entry]
        if implicitMember {
            candidates = visible.filter { !$0.definition.qualifiers.isEmpty }
        } else if qualifiers.isEmpty {
            candidates = visible
        } else {
            candidates = visible.filter { $0.definition.qualifiers.suffix(qualifiers.count).elementsEqual(qualifiers) }
            if candidates.isEmpty {
                candidates = visible.filter { $0.definition.qualifiers.isEmpty && $0.module == qualifiers.last }
            }
        }
        guard !candidates.isEmpty else { return nil }
        // Prefer the narrowest scope, then the using file, then unqualified definitions.
        let tiers: [(Entry) -> Bool] = [
            { $0.definition.scope != nil },
            { $0.path == path && $0.definition.qualifiers.isEmpty == qualifiers.isEmpty },
            { $0.path == path },
            { _ in true },
        ]
        for tier in tiers {
            var chosen = candidates.filter(tier)
            if chosen.count > 1, chosen.contains(where: { $0.definition.scope != nil }) {
                // Innermost local scope wins.
                let minSize = chosen.compactMap { $0.definition.scope?.count }.min() ?? 0
                chosen = chosen.filter { $0.definition.scope?.count == minSize }
            }
            guard let first = chosen.first else { continue }
            return chosen.allSatisfy({ $0.definition.value == first.definition.value }) ? first : nil
        }
        return nil
    }
}

/// Turns the tokens bound to `$KEY` and `$DEFAULT` into flag keys and default values through
/// the file's own constants; names it does not define are left as `NameReference`s for the
/// session to resolve across files.
public struct ValueResolver: Sendable {
    /// The file's own constants, built once by `bound(to:)` for a file's many evaluations.
    private var file: (path: String, table: ConstantTable)?

    public init() {}

    /// This resolver with `model`'s own constant table built once (instead of once per
    /// non-literal key or default).
    public func bound(to model: FileModel) -> ValueResolver {
        var r = self
        r.file = (model.path, ConstantTable(model: model))
        return r
    }

    /// The source text of a token range, whitespace runs folded to one space.
    public func text(_ r: Range<Int>, in model: FileModel) -> String {
        guard !r.isEmpty, r.upperBound <= model.tokens.count else { return "" }
        let raw = model.source.text(from: model.tokens[r.lowerBound].start, to: model.tokens[r.upperBound - 1].end)
        var out = ""
        var lastSpace = false
        for ch in raw {
            if ch.isWhitespace {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            } else {
                out.append(ch)
                lastSpace = false
            }
        }
        return out
    }

    private func trimmed(_ r: Range<Int>, _ model: FileModel) -> Range<Int> {
        var r = r
        // Strip wrapping parentheses and Python layout tokens.
        while r.count >= 2, model.tokens[r.lowerBound].text == "(", Int(model.partners[r.lowerBound]) == r.upperBound - 1 {
            r = r.lowerBound + 1..<r.upperBound - 1
        }
        return r
    }

    /// A dotted/qualified name: `a`, `A.b`, `A::b`, Swift `.b`, with `.rawValue` dropped.
    private func path(_ r: Range<Int>, _ model: FileModel) -> (names: [String], implicit: Bool)? {
        var names: [String] = []
        var implicit = false
        var expectName = true
        var i = r.lowerBound
        if i < r.upperBound, model.tokens[i].kind == .punctuation, model.tokens[i].text == "::" { i += 1 }
        let syntax = FrontendRegistry.syntax(for: model.language)
        if i < r.upperBound, syntax.hasImplicitMembers, model.tokens[i].text == "." {
            implicit = true
            i += 1
        }
        while i < r.upperBound {
            let t = model.tokens[i]
            if expectName {
                guard t.kind == .identifier || (t.kind == .keyword && (t.text == "self" || t.text == "Self")) else { return nil }
                if t.text != "self" && t.text != "Self" { names.append(t.text) }
            } else {
                guard t.kind == .punctuation, [".", "::", "->"].contains(t.text) else { return nil }
            }
            expectName.toggle()
            i += 1
        }
        guard !expectName, !names.isEmpty else { return nil }
        if let raw = syntax.rawValueMember, names.count > 1, names.last == raw { names.removeLast() }
        return (names, implicit)
    }

    /// The name `r` is written as. With `keyType` (the evaluator's `key_type`), Swift's implicit
    /// member `.x` means `KeyType.x`: it resolves within that type only.
    private func name(_ r: Range<Int>, _ model: FileModel, keyType: String?) -> NameReference? {
        guard let (names, implicit) = path(r, model) else { return nil }
        if implicit, let keyType { return NameReference(names: keyType.split(separator: ".").map(String.init) + names, implicitMember: false) }
        return NameReference(names: names, implicitMember: implicit)
    }

    private func lookup(_ ref: NameReference, _ model: FileModel, at use: Int) -> ConstantTable.Entry? {
        guard let name = ref.names.last else { return nil }
        let table = file.flatMap { $0.path == model.path ? $0.table : nil } ?? ConstantTable(model: model)
        return table.lookup(name: name, qualifiers: Array(ref.names.dropLast()), implicitMember: ref.implicitMember, use: use, path: model.path)
    }

    /// The constant `r` names in this file, an alias (`on = NEW_CHECKOUT`) followed one level
    /// when its target is defined here too.
    private func constant(_ r: Range<Int>, _ model: FileModel, at use: Int, keyType: String? = nil) -> ConstantTable.Entry? {
        guard let ref = name(r, model, keyType: keyType), let entry = lookup(ref, model, at: use) else { return nil }
        if case let .alias(target) = entry.definition.value, let resolved = lookup(target, model, at: use) {
            if case .alias = resolved.definition.value { return nil }
            return resolved
        }
        return entry
    }

    /// The name a key or default is written as, when the file itself does not define it (or
    /// defines it as an alias of a name it does not define): the session looks it up among the
    /// project's constants (`ProjectConstants`).
    public func reference(_ range: Range<Int>, in model: FileModel, at use: Int, keyType: String? = nil) -> NameReference? {
        let r = trimmed(range, model)
        guard let ref = name(r, model, keyType: keyType) else { return nil }
        guard let entry = lookup(ref, model, at: use) else { return ref }
        if case let .alias(target) = entry.definition.value, lookup(target, model, at: use) == nil { return target }
        return nil
    }

    /// Adjacent string literals concatenate (Python, C); one literal is the common case.
    private func stringLiteral(_ r: Range<Int>, _ model: FileModel) -> String? {
        guard !r.isEmpty else { return nil }
        var s = ""
        for i in r {
            let t = model.tokens[i]
            guard t.kind == .string, let v = t.stringValue else { return nil }
            s += v
        }
        return s
    }

    public func key(_ range: Range<Int>, in model: FileModel, at use: Int, keyType: String? = nil) -> FlagKey {
        let r = trimmed(range, model)
        let expression = text(r, in: model)
        if let s = stringLiteral(r, model) {
            return FlagKey(value: s, expression: expression, resolution: .literal)
        }
        if let entry = constant(r, model, at: use, keyType: keyType), let key = Self.key(expression, through: entry) { return key }
        return FlagKey(value: nil, expression: expression, resolution: .dynamic)
    }

    /// The key a name resolves to through a constant holding a string.
    public static func key(_ expression: String, through entry: ConstantTable.Entry) -> FlagKey? {
        guard case let .string(s) = entry.definition.value else { return nil }
        let qualified = (entry.definition.qualifiers + [entry.definition.name]).joined(separator: ".")
        return FlagKey(value: s, expression: expression, resolution: .constant(name: qualified, path: entry.path, line: entry.line))
    }

    /// The default declared with the key's constant (`BASE_FEATURE(kX, ..., ENABLED_BY_DEFAULT)`),
    /// for evaluators whose calls take no default.
    public func declaredDefault(ofKey range: Range<Int>, in model: FileModel, at use: Int, keyType: String? = nil) -> DefaultValue? {
        constant(trimmed(range, model), model, at: use, keyType: keyType).flatMap(Self.declaredDefault)
    }

    public static func declaredDefault(of entry: ConstantTable.Entry) -> DefaultValue? {
        guard let d = entry.definition.declaredDefault else { return nil }
        return .declared(d.value, expression: d.expression, alternatives: d.alternatives, location: "\(entry.path):\(entry.line)")
    }

    public func defaultValue(_ range: Range<Int>, in model: FileModel, at use: Int) -> DefaultValue {
        let r = trimmed(range, model)
        let expression = text(r, in: model)
        if let lit = literal(r, model) { return .literal(lit, expression: expression) }
        if let entry = constant(r, model, at: use) { return Self.defaultValue(expression, through: entry, language: model.language) }
        return .unresolved(expression: expression)
    }

    /// The default a name resolves to through a constant.
    public static func defaultValue(_ expression: String, through entry: ConstantTable.Entry, language: Language) -> DefaultValue {
        let value: LiteralValue
        switch entry.definition.value {
        case let .bool(b): value = .bool(b)
        case let .integer(i): value = FrontendRegistry.syntax(for: language).integersAreBooleans ? .integer(i) : .other(String(i))
        case let .string(s): value = .string(s)
        case .alias: return .unresolved(expression: expression)
        }
        return .literal(value, expression: expression)
    }

    /// docs/semantics.md literals, by language.
    private func literal(_ r: Range<Int>, _ model: FileModel) -> LiteralValue? {
        let syntax = FrontendRegistry.syntax(for: model.language)
        let toks = r.map { model.tokens[$0] }
        var words = toks.map(\.text)
        if words.first == "@" && words.count == 2 && syntax.joinsAtPrefixedLiterals { words = ["@" + words[1]] }
        if toks.count == 1, toks[0].kind == .string, let v = toks[0].stringValue { return .string(v) }
        guard words.count == 1, let w = words.first else { return nil }
        if let b = syntax.booleanLiteral(w) { return .bool(b) }
        if syntax.integersAreBooleans, toks.first?.kind == .number, let i = Self.cInteger(w) { return .integer(i) }
        if toks.first?.kind == .number { return .other(w) }
        return nil
    }

    static func cInteger(_ w: String) -> Int? {
        var s = w.lowercased()
        while let last = s.last, last == "u" || last == "l" { s.removeLast() }
        if s.hasPrefix("0x") { return Int(s.dropFirst(2), radix: 16) }
        if s.hasPrefix("0b") { return Int(s.dropFirst(2), radix: 2) }
        if s.count > 1, s.hasPrefix("0") { return Int(s.dropFirst(), radix: 8) }
        return Int(s)
    }
}
