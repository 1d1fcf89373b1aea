import FlaglintSyntax
import FlaglintFrontends

/// A function, method or computed property as `flaglint init --detect` needs to know it: its
/// name, parameters and the type it belongs to. Found from the tokens of a `FileModel`, one
/// per evaluation, by walking outward from the evaluation through enclosing blocks.
struct CallableDeclaration: Equatable {
    struct Parameter: Equatable {
        /// The name inside the body; nil when the declaration names none (`bool f(const char *)`).
        package var name: String?
        /// Swift argument label (nil for `_`); Python and C never write one at the call.
        package var label: String?
        /// The text of its default value (`false`), when it has one.
        package var defaultValue: String?
        /// Python keyword-only (after `*` or `*args`): never positional at a call.
        var keywordOnly = false
    }

    package var name: String
    package var nameToken: Int
    /// nil for a computed property.
    package var parameters: [Parameter]?
    /// The enclosing type (class, struct, enum, extension, C++ class, `Class::` qualifier).
    var typeName: String?
    var typeIsEnum = false
    var isStatic = false
    /// A Python `@property` is called like a property.
    var isProperty: Bool { parameters == nil }
}

/// Finds the declaration enclosing a token. Iterative and bounded: one pass over the tokens
/// to know each token's innermost block, then a few steps outward per query.
struct DeclarationFinder {
    private let model: FileModel
    private let tokens: [Token]
    private let partners: [Int32]
    /// Brace languages: the innermost `{` around each token. Python: the innermost `def` or
    /// `class` keyword whose block holds the token. -1: none.
    private let enclosing: [Int32]

    package init(model: FileModel) {
        self.model = model
        self.tokens = model.tokens
        self.partners = model.partners
        self.enclosing = model.language == .python ? Self.pythonBlocks(model.tokens, model.partners) : Self.braces(model.tokens, model.partners)
    }

    /// The declaration whose body holds token `index` (through nested statements and closures).
    package func declaration(containing index: Int) -> CallableDeclaration? {
        guard index >= 0 && index < tokens.count else { return nil }
        var block = Int(enclosing[index])
        // Steps outward through `if`/`guard`/closure blocks; a bound keeps a query cheap.
        for _ in 0..<64 where block >= 0 {
            switch classify(block) {
            case let .declaration(d): return d
            case .statement: block = Int(enclosing[block])
            case .other: return nil
            }
        }
        return nil
    }

    private enum Block { case declaration(CallableDeclaration), statement, other }

    private func classify(_ block: Int) -> Block {
        switch model.language {
        case .python: return pythonBlock(block)
        case .swift: return swiftBlock(block)
        default: return cBlock(block)
        }
    }

    // MARK: Block structure

    static func braces(_ tokens: [Token], _ partners: [Int32]) -> [Int32] {
        var out = [Int32](repeating: -1, count: tokens.count)
        var stack: [Int] = []
        for i in tokens.indices {
            let t = tokens[i]
            if t.kind == .punctuation && t.text == "}", let top = stack.last, Int(partners[i]) == top { stack.removeLast() }
            out[i] = Int32(stack.last ?? -1)
            if t.kind == .punctuation && t.text == "{", Int(partners[i]) > i { stack.append(i) }
        }
        return out
    }

    /// One pass with a stack of open `def`/`class` blocks: a block opens at the INDENT after
    /// its header and closes at the DEDENT back to its level; a one-line body (`def f(x): return x`)
    /// runs to the end of the line.
    static func pythonBlocks(_ tokens: [Token], _ partners: [Int32]) -> [Int32] {
        var out = [Int32](repeating: -1, count: tokens.count)
        var stack: [(header: Int, depth: Int)] = []
        var depth = 0
        var pending: Int?         // a header whose `:` has not been reached
        var awaitingBody: Int?    // a header whose `:` was reached: its body comes next
        var inline: Int?          // a one-line body in progress
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if t.kind == .layout {
                if t.text == "<indent>" {
                    depth += 1
                    if let h = awaitingBody { stack.append((h, depth)) }
                    awaitingBody = nil
                } else if t.text == "<dedent>" {
                    while let top = stack.last, top.depth >= depth { stack.removeLast() }
                    depth -= 1
                } else {
                    inline = nil
                }
                out[i] = Int32(inline ?? stack.last?.header ?? -1)
                i += 1
                continue
            }
            out[i] = Int32(inline ?? stack.last?.header ?? -1)
            if let h = awaitingBody {
                // Code right after the `:` on the header's line: a one-line body.
                awaitingBody = nil
                inline = h
                out[i] = Int32(h)
            }
            if t.kind == .keyword && (t.text == "def" || t.text == "class") && pending == nil {
                pending = i
            } else if let h = pending, t.kind == .punctuation {
                if t.isOpenBracket, Int(partners[i]) > i {
                    // Parameters, bases, annotations: skip to the partner, the `:` is after it.
                    for k in i...Int(partners[i]) { out[k] = Int32(inline ?? stack.last?.header ?? -1) }
                    i = Int(partners[i]) + 1
                    continue
                }
                if t.text == ":" {
                    pending = nil
                    awaitingBody = h
                }
            }
            i += 1
        }
        return out
    }

    // MARK: Swift

    private static let swiftStatementWords: Set<String> = ["if", "guard", "while", "for", "switch", "repeat", "do", "catch", "else", "defer", "get"]
    private static let swiftTypeWords: Set<String> = ["enum", "struct", "class", "extension", "actor", "protocol"]

    private func swiftBlock(_ brace: Int) -> Block {
        var k = brace - 1
        var steps = 0
        while k >= 0 && steps < 400 {
            steps += 1
            let t = tokens[k]
            if t.isCloseBracket {
                let p = Int(partners[k])
                guard p >= 0 && p < k else { return .other }
                k = p - 1
                continue
            }
            if t.kind == .punctuation && (t.text == "{" || t.text == ";") { return .statement }
            guard t.kind == .keyword else { k -= 1; continue }
            if t.text == "func" { return swiftFunction(at: k, brace: brace).map(Block.declaration) ?? .statement }
            if t.text == "var" { return swiftProperty(at: k, brace: brace).map(Block.declaration) ?? .statement }
            if Self.swiftStatementWords.contains(t.text) { return .statement }
            if Self.swiftTypeWords.contains(t.text) || ["init", "deinit", "subscript", "set", "willSet", "didSet"].contains(t.text) { return .other }
            k -= 1
        }
        return .other
    }

    private func swiftFunction(at k: Int, brace: Int) -> CallableDeclaration? {
        guard k + 1 < brace, tokens[k + 1].kind == .identifier else { return nil }
        guard let open = (k + 2..<brace).first(where: { tokens[$0].is("(") }), Int(partners[open]) > open, Int(partners[open]) < brace else { return nil }
        let close = Int(partners[open])
        guard !(close + 1..<brace).contains(where: { tokens[$0].is("=") }) else { return nil }
        var d = CallableDeclaration(name: tokens[k + 1].text, nameToken: k + 1, parameters: swiftParameters(open, close))
        swiftContext(&d, introducer: k)
        return d
    }

    private func swiftProperty(at k: Int, brace: Int) -> CallableDeclaration? {
        guard k + 2 < brace, tokens[k + 1].kind == .identifier, tokens[k + 2].is(":"),
              !(k + 2..<brace).contains(where: { tokens[$0].is("=") }) else { return nil }
        var d = CallableDeclaration(name: tokens[k + 1].text, nameToken: k + 1, parameters: nil)
        swiftContext(&d, introducer: k)
        return d
    }

    /// Modifiers before the introducer (`static`, `class`) and the enclosing type.
    private func swiftContext(_ d: inout CallableDeclaration, introducer k: Int) {
        var j = k - 1
        while j >= 0, tokens[j].kind != .string, SwiftKeywords.modifiers.contains(tokens[j].text) {
            if tokens[j].text == "static" || tokens[j].text == "class" { d.isStatic = true }
            if tokens[j].flags.contains(.lineStart) { break }
            j -= 1
        }
        let typeBrace = Int(enclosing[k])
        guard typeBrace >= 0 else { return }
        var m = typeBrace - 1
        while m >= 0 && typeBrace - m < 200 {
            let t = tokens[m]
            if t.isCloseBracket, Int(partners[m]) >= 0, Int(partners[m]) < m { m = Int(partners[m]) - 1; continue }
            if t.kind == .punctuation && (t.text == "{" || t.text == "}" || t.text == ";") { return }
            if t.kind == .keyword && Self.swiftTypeWords.contains(t.text) && !(t.text == "class" && m + 1 < typeBrace && tokens[m + 1].kind == .keyword) {
                var name: [String] = []
                var n = m + 1
                while n < typeBrace, tokens[n].kind == .identifier {
                    name.append(tokens[n].text)
                    guard n + 2 < typeBrace, tokens[n + 1].is(".") else { break }
                    n += 2
                }
                if !name.isEmpty {
                    d.typeName = name.joined(separator: ".")
                    d.typeIsEnum = t.text == "enum"
                }
                return
            }
            if t.kind == .keyword && ["func", "var", "let", "if", "guard", "while", "for", "switch"].contains(t.text) { return }
            m -= 1
        }
    }

    private func swiftParameters(_ open: Int, _ close: Int) -> [CallableDeclaration.Parameter] {
        arguments(open, close).map { r in
            let colon = r.first { tokens[$0].is(":") } ?? r.upperBound
            let names = (r.lowerBound..<colon).filter { tokens[$0].kind == .identifier || tokens[$0].kind == .keyword }.map { tokens[$0].text }
            var p = CallableDeclaration.Parameter()
            if names.count >= 2 {
                p.label = names[0] == "_" ? nil : names[0]
                p.name = names[1]
            } else if let only = names.first {
                p.label = only == "_" ? nil : only
                p.name = only
            }
            p.defaultValue = defaultText(in: r)
            return p
        }
    }

    // MARK: C family

    private static let cStatementWords: Set<String> = ["if", "while", "for", "switch", "catch", "do", "else", "try", "sizeof", "return",
                                                        "alignof", "decltype", "defined", "__attribute__", "__declspec"]

    private func cBlock(_ brace: Int) -> Block {
        var k = brace - 1
        while k >= 0, ["const", "override", "final", "noexcept", "volatile", "&", "&&", "mutable"].contains(tokens[k].text), tokens[k].kind != .string { k -= 1 }
        guard k >= 0 else { return .other }
        if ["else", "do", "try"].contains(tokens[k].text) { return .statement }
        if tokens[k].is("=") || tokens[k].is(",") || tokens[k].is("(") || tokens[k].is("return") { return .statement } // an initializer list
        guard tokens[k].is(")"), tokens[k].kind == .punctuation else { return typeOrNamespace(brace) ? .other : .statement }
        let open = Int(partners[k])
        guard open > 0 else { return .other }
        let nameIndex = open - 1
        let name = tokens[nameIndex]
        guard name.kind == .identifier || name.kind == .keyword else { return .statement } // a lambda `](...) {`
        if Self.cStatementWords.contains(name.text) { return .statement }
        var d = CallableDeclaration(name: name.text, nameToken: nameIndex, parameters: cParameters(open, k))
        var before = nameIndex - 1
        if before >= 0, tokens[before].is("~") { return .other }
        if before >= 1, tokens[before].is("::"), tokens[before - 1].kind == .identifier {
            d.typeName = tokens[before - 1].text
            before -= 2
            while before >= 1, tokens[before].is("::") { before -= 2 }
        }
        // A definition has a return type before its name; a call (`FOREACH(x) {`) does not.
        guard before >= 0 else { return .statement }
        let b = tokens[before]
        let typeLike = b.kind == .identifier || b.kind == .keyword || b.is("*") || b.is("&") || b.is(">")
        guard typeLike, !Self.cStatementWords.contains(b.text), !["return", "case", "else", "new", "delete", "throw"].contains(b.text) else { return .statement }
        // Inline in a class body: the class names the type; `static` makes it a static member.
        if d.typeName == nil, let cls = cClassName(around: nameIndex) { d.typeName = cls }
        var s = before
        while s >= 0, !tokens[s].is(";"), !tokens[s].is("{"), !tokens[s].is("}"), !tokens[s].is(":") {
            if tokens[s].is("static") { d.isStatic = true }
            s -= 1
        }
        if d.typeName == nil { d.isStatic = false }
        return .declaration(d)
    }

    /// `class X ... {` / `struct X ... {` / `namespace` / `extern "C"` headers: not code.
    private func typeOrNamespace(_ brace: Int) -> Bool {
        className(ofBrace: brace) != nil || (max(0, brace - 8)..<brace).contains { tokens[$0].is("namespace") || tokens[$0].is("extern") || tokens[$0].is("enum") }
    }

    private func cClassName(around index: Int) -> String? {
        let brace = Int(enclosing[index])
        return brace >= 0 ? className(ofBrace: brace) : nil
    }

    private func className(ofBrace brace: Int) -> String? {
        var m = brace - 1
        while m >= 0 && brace - m < 100 {
            let t = tokens[m]
            if t.kind == .punctuation && (t.text == "{" || t.text == "}" || t.text == ";" || t.text == ")") { return nil }
            if (t.is("class") || t.is("struct")) && m + 1 < brace && tokens[m + 1].kind == .identifier { return tokens[m + 1].text }
            m -= 1
        }
        return nil
    }

    private func cParameters(_ open: Int, _ close: Int) -> [CallableDeclaration.Parameter] {
        let ranges = arguments(open, close)
        if ranges.count == 1, ranges[0].count == 1, tokens[ranges[0].lowerBound].is("void") { return [] }
        return ranges.map { r in
            let end = r.first { tokens[$0].is("=") } ?? r.upperBound
            var p = CallableDeclaration.Parameter()
            var j = end - 1
            if j >= r.lowerBound, tokens[j].is("]"), Int(partners[j]) >= r.lowerBound { j = Int(partners[j]) - 1 }
            // The last identifier is the name, unless the parameter is only a type (`const char *`).
            if j > r.lowerBound, tokens[j].kind == .identifier { p.name = tokens[j].text }
            p.defaultValue = defaultText(in: r)
            return p
        }
    }

    // MARK: Python

    private func pythonBlock(_ header: Int) -> Block {
        guard tokens[header].is("def"), header + 2 < tokens.count, tokens[header + 1].kind == .identifier, tokens[header + 2].is("("),
              Int(partners[header + 2]) > header + 2 else { return .other }
        var params = pythonParameters(header + 2, Int(partners[header + 2]))
        let decorators = pythonDecorators(before: header)
        var d = CallableDeclaration(name: tokens[header + 1].text, nameToken: header + 1, parameters: nil)
        let owner = Int(enclosing[header])
        if owner >= 0, tokens[owner].is("class"), owner + 1 < tokens.count {
            d.typeName = tokens[owner + 1].text
            if owner + 2 < tokens.count, tokens[owner + 2].is("("), Int(partners[owner + 2]) > owner + 2 {
                d.typeIsEnum = (owner + 3..<Int(partners[owner + 2])).contains { tokens[$0].text.hasSuffix("Enum") }
            }
            d.isStatic = decorators.contains("staticmethod") || decorators.contains("classmethod")
            if !decorators.contains("staticmethod"), !params.isEmpty { params.removeFirst() } // self / cls
        }
        let isProperty = decorators.contains { $0 == "property" || $0.hasSuffix("cached_property") }
        d.parameters = isProperty ? nil : params
        return .declaration(d)
    }

    private func pythonParameters(_ open: Int, _ close: Int) -> [CallableDeclaration.Parameter] {
        var keywordOnly = false
        var out: [CallableDeclaration.Parameter] = []
        for r in arguments(open, close) {
            let first = tokens[r.lowerBound]
            if first.is("*") || first.is("**") {
                keywordOnly = true
                continue
            }
            if first.is("/") { continue }
            var p = CallableDeclaration.Parameter(name: first.kind == .identifier ? first.text : nil)
            p.defaultValue = defaultText(in: r)
            p.keywordOnly = keywordOnly
            out.append(p)
        }
        return out
    }

    /// Decorator names on the lines right above a `def` (`property`, `functools.cached_property`).
    private func pythonDecorators(before header: Int) -> [String] {
        var out: [String] = []
        var j = header - 1
        if j >= 0, tokens[j].is("async") { j -= 1 }
        while j >= 0, tokens[j].kind == .layout, tokens[j].text == "\n" {
            var s = j - 1
            while s >= 0, tokens[s].kind != .layout { s -= 1 }
            let lineStart = s + 1
            guard lineStart < j, tokens[lineStart].is("@") else { break }
            var name: [String] = []
            var n = lineStart + 1
            while n < j, tokens[n].kind == .identifier || tokens[n].is(".") { name.append(tokens[n].text); n += 1 }
            out.append(name.joined())
            j = s
        }
        return out
    }

    // MARK: Shared

    /// Top-level comma-separated ranges between `open` and `close` (exclusive), empty ones dropped.
    private func arguments(_ open: Int, _ close: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = open + 1
        var i = open + 1
        while i < close {
            if tokens[i].isOpenBracket, Int(partners[i]) > i, Int(partners[i]) < close {
                i = Int(partners[i]) + 1
                continue
            }
            if tokens[i].is(",") {
                if i > start { out.append(start..<i) }
                start = i + 1
            }
            i += 1
        }
        if close > start { out.append(start..<close) }
        return out
    }

    private func defaultText(in r: Range<Int>) -> String? {
        guard let eq = r.first(where: { tokens[$0].is("=") }), eq + 1 < r.upperBound else { return nil }
        return (eq + 1..<r.upperBound).map { tokens[$0].text }.joined(separator: " ")
    }
}
