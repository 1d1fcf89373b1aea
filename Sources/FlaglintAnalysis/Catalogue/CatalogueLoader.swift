import Yams
import FlaglintSyntax

/// Reads one SDK catalogue file (`rules/<id>.yml`, format in `rules/README.md`) strictly:
/// unknown keys, duplicate keys, wrong types, unknown languages, bad patterns and missing
/// fields are errors that point into the file.
public enum CatalogueLoader {
    /// Parses `yaml`, the text of the catalogue file named `file` in messages and origins
    /// (`rules/launchdarkly.yml`). When `file` ends in `.yml`/`.yaml`, `id` must equal its stem.
    public static func load(yaml: String, file: String) throws(CatalogueError) -> SDKCatalogue {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw CatalogueReader(file: file, yaml: yaml).error(from: error)
        } catch {
            throw CatalogueError(path: file, line: 1, column: 1, message: "invalid YAML: \(error)")
        }
        guard let root else {
            throw CatalogueError(path: file, line: 1, column: 1,
                                 message: "empty catalogue file: expected a mapping with id, name, docs, evaluators and examples")
        }
        return try CatalogueReader(file: file, yaml: yaml).catalogue(root)
    }
}

/// Turns composed YAML nodes into catalogue values, checking every field.
private struct CatalogueReader {
    let file: String
    let yaml: String

    static let rootKeys = ["id", "name", "docs", "imports", "evaluators", "examples"]
    static let evaluatorKeys = ["language", "match", "type", "fallback", "polarity", "note", "requires_import", "key_from_identifier", "controls"]
    static let exampleKeys = ["language", "evaluations", "code"]

    func catalogue(_ root: Node) throws(CatalogueError) -> SDKCatalogue {
        let fields = try mapping(root, what: "the catalogue file", allowed: Self.rootKeys,
                                 required: ["id", "name", "docs", "evaluators"])
        let idNode = fields["id"]!
        let id = try string(idNode, what: "id")
        guard Self.isValidID(id) else {
            throw error(at: idNode, "id \"\(id)\" must be lowercase letters, digits and single hyphens, starting with a letter (e.g. launchdarkly, firebase-remote-config)")
        }
        if let stem = Self.fileStem(file), stem != id {
            throw error(at: idNode, "id \"\(id)\" must match the file name \"\(stem).yml\"")
        }
        let name = try string(fields["name"]!, what: "name")
        let docsNode = fields["docs"]!
        let docs = try string(docsNode, what: "docs")
        guard docs.hasPrefix("https://") || docs.hasPrefix("http://") else {
            throw error(at: docsNode, "docs must be a URL (https://...), found \"\(docs)\"")
        }

        var imports: [String] = []
        if let importsNode = fields["imports"] {
            for node in try sequence(importsNode, what: "imports") {
                let name = try string(node, what: "an import")
                guard !name.isEmpty, !name.contains(where: \.isWhitespace) else {
                    throw error(at: node, "an import is a module name or a header path prefix without spaces, found \"\(name)\"")
                }
                imports.append(name)
            }
        }

        let evaluatorNodes = try sequence(fields["evaluators"]!, what: "evaluators")
        guard !evaluatorNodes.isEmpty else {
            throw error(at: fields["evaluators"]!, "evaluators must list at least one evaluator")
        }
        var evaluators: [EvaluatorDefinition] = []
        for node in evaluatorNodes {
            evaluators.append(try evaluator(node, sdk: id))
        }

        var examples: [CatalogueExample] = []
        if let examplesNode = fields["examples"] {
            for node in try sequence(examplesNode, what: "examples") {
                examples.append(try example(node))
            }
        }
        return SDKCatalogue(id: id, name: name, docs: docs, imports: imports, evaluators: evaluators, examples: examples, file: file)
    }

    func evaluator(_ node: Node, sdk: String) throws(CatalogueError) -> EvaluatorDefinition {
        let fields = try mapping(node, what: "an evaluator", allowed: Self.evaluatorKeys,
                                 required: ["language", "match"])
        let languages = try languageList(fields["language"]!)

        let matchNode = fields["match"]!
        let match = try string(matchNode, what: "match")
        let pattern: Pattern
        do {
            pattern = try Pattern.parse(match)
        } catch let failure as PatternError {
            throw patternError(failure, in: matchNode, text: match)
        } catch {
            throw self.error(at: matchNode, "invalid pattern: \(error)")
        }

        var info = EvaluatorInfo(sdk: sdk, pattern: match)
        if let typeNode = fields["type"] {
            info.type = try choice(typeNode, what: "type", EvaluatorInfo.ValueType.init(rawValue:), ["bool", "any", "maybe-bool"])
        }
        if let fallbackNode = fields["fallback"] {
            info.fallback = try choice(fallbackNode, what: "fallback", EvaluatorInfo.Fallback.init(rawValue:),
                                       ["false", "true", "unknown"])
        }
        if let polarityNode = fields["polarity"] {
            info.polarity = try choice(polarityNode, what: "polarity", EvaluatorInfo.Polarity.init(rawValue:),
                                       ["positive", "negative"])
        }
        if let noteNode = fields["note"] {
            info.note = try string(noteNode, what: "note")
        }
        if let controlsNode = fields["controls"] {
            info.controlsClass = try choice(controlsNode, what: "controls", { $0 == "class" ? true : nil }, ["class"])
        }
        var required: [String] = []
        if let importNode = fields["requires_import"] {
            let items: [Node]
            if case .sequence = importNode { items = try sequence(importNode, what: "requires_import") } else { items = [importNode] }
            for item in items { required.append(try string(item, what: "each item of requires_import")) }
            if required.isEmpty { throw error(at: importNode, "requires_import must name at least one module or header") }
        }
        var template: KeyTemplate?
        if let templateNode = fields["key_from_identifier"] {
            let text = try string(templateNode, what: "key_from_identifier")
            do {
                template = try KeyTemplate(parsing: text)
            } catch {
                throw self.error(at: templateNode, "invalid key_from_identifier: \(error.message)")
            }
        }
        return EvaluatorDefinition(info: info, languages: languages, pattern: pattern, origin: location(of: node),
                                   requiredImports: required, keyFromIdentifier: template)
    }

    func example(_ node: Node) throws(CatalogueError) -> CatalogueExample {
        let fields = try mapping(node, what: "an example", allowed: Self.exampleKeys,
                                 required: ["language", "evaluations", "code"])
        let languageNode = fields["language"]!
        let languages = try languageList(languageNode)
        guard languages.count == 1, let language = languages.first else {
            throw error(at: languageNode, "an example is written in exactly one language (swift, python, c, cpp, objc or objcpp)")
        }

        let countNode = fields["evaluations"]!
        guard case let .scalar(countScalar) = countNode, countScalar.style == .plain,
              let count = Int(countScalar.string), count >= 0 else {
            throw error(at: countNode, "evaluations must be a whole number (0 or more), found \(describe(countNode))")
        }

        let codeNode = fields["code"]!
        let code = try string(codeNode, what: "code")
        var codeLine = codeNode.mark?.line ?? 1
        if case let .scalar(scalar) = codeNode, scalar.style == .literal || scalar.style == .folded {
            codeLine += 1
        }
        return CatalogueExample(language: language, evaluations: count, code: code,
                                origin: location(of: node), codeLine: codeLine)
    }

    // MARK: Field readers

    /// The mapping's values by key, after rejecting non-mappings, unknown and duplicate keys
    /// and missing required keys.
    func mapping(_ node: Node, what: String, allowed: [String], required: [String]) throws(CatalogueError) -> [String: Node] {
        guard case let .mapping(mapping) = node else {
            throw error(at: node, "\(what) must be a mapping, found \(describe(node))")
        }
        var fields: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard case let .scalar(key) = keyNode else {
                throw error(at: keyNode, "keys must be plain names, found \(describe(keyNode))")
            }
            guard allowed.contains(key.string) else {
                throw error(at: keyNode, "unknown key \"\(key.string)\" in \(what) (expected \(Self.list(allowed)))")
            }
            guard fields[key.string] == nil else {
                throw error(at: keyNode, "duplicate key \"\(key.string)\" in \(what)")
            }
            fields[key.string] = value
        }
        for key in required where fields[key] == nil {
            throw error(at: node, "\(what) is missing \"\(key)\"")
        }
        return fields
    }

    func sequence(_ node: Node, what: String) throws(CatalogueError) -> [Node] {
        guard case let .sequence(sequence) = node else {
            throw error(at: node, "\(what) must be a list, found \(describe(node))")
        }
        return Array(sequence)
    }

    /// A non-empty string scalar (a quoted empty string is still empty).
    func string(_ node: Node, what: String) throws(CatalogueError) -> String {
        guard case let .scalar(scalar) = node, !Self.isNull(scalar) else {
            throw error(at: node, "\(what) must be a string, found \(describe(node))")
        }
        guard !scalar.string.allSatisfy(\.isWhitespace) else {
            throw error(at: node, "\(what) must not be empty")
        }
        return scalar.string
    }

    func choice<T>(_ node: Node, what: String, _ make: (String) -> T?, _ names: [String]) throws(CatalogueError) -> T {
        guard case let .scalar(scalar) = node, !Self.isNull(scalar) else {
            throw error(at: node, "\(what) must be one of \(Self.list(names)), found \(describe(node))")
        }
        guard let value = make(scalar.string) else {
            throw error(at: node, "\(what) must be one of \(Self.list(names)), found \"\(scalar.string)\"")
        }
        return value
    }

    /// `language: swift`, `language: [c, cpp]`, `language: cfamily`.
    func languageList(_ node: Node) throws(CatalogueError) -> Set<Language> {
        let items: [Node]
        switch node {
        case .scalar: items = [node]
        case let .sequence(sequence): items = Array(sequence)
        case .mapping:
            throw error(at: node, "language must be a language name or a list of them, found a mapping")
        }
        guard !items.isEmpty else {
            throw error(at: node, "language must name at least one language")
        }
        var languages = Set<Language>()
        for item in items {
            let name = try string(item, what: "language")
            guard let parsed = Language.parseList(name) else {
                throw error(at: item, "unknown language \"\(name)\" (expected swift, python, c, cpp, objc, objcpp or cfamily)")
            }
            languages.formUnion(parsed)
        }
        return languages
    }

    // MARK: Locations and errors

    func location(of node: Node) -> String {
        let mark = node.mark
        return "\(file):\(mark?.line ?? 1):\(mark?.column ?? 1)"
    }

    func error(at node: Node, _ message: String) -> CatalogueError {
        CatalogueError(path: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: message)
    }

    /// Points at the offending character of a single-line `match` when the YAML spells the
    /// pattern verbatim (plain or quoted without escapes before it), else at the value.
    func patternError(_ failure: PatternError, in node: Node, text: String) -> CatalogueError {
        var located = error(at: node, "invalid pattern: \(failure.message) (column \(failure.column) of the pattern)")
        guard case let .scalar(scalar) = node, let mark = scalar.mark, !text.contains("\n") else { return located }
        let start: Int
        switch scalar.style {
        case .plain: start = mark.column
        case .singleQuoted, .doubleQuoted: start = mark.column + 1
        default: return located
        }
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return located }
        let lineScalars = Array(lines[mark.line - 1].unicodeScalars)
        let offset = min(max(failure.column, 1), text.unicodeScalars.count + 1) - 1
        let expected = Array(text.unicodeScalars.prefix(offset))
        let sourceStart = start - 1
        guard sourceStart >= 0, sourceStart + expected.count <= lineScalars.count,
              Array(lineScalars[sourceStart..<(sourceStart + expected.count)]) == expected else { return located }
        located.column = start + offset
        located.message = "invalid pattern: \(failure.message)"
        return located
    }

    func error(from yamlError: YamlError) -> CatalogueError {
        switch yamlError {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = context.map { "\($0.text): " } ?? ""
            return CatalogueError(path: file, line: mark.line, column: mark.column, message: "invalid YAML: \(detail)\(problem)")
        case let .reader(problem, offset, _, _):
            let (line, column) = offset.map(Self.lineAndColumn(in: yaml)) ?? (1, 1)
            return CatalogueError(path: file, line: line, column: column, message: "invalid YAML: \(problem)")
        default:
            return CatalogueError(path: file, line: 1, column: 1, message: "invalid YAML: \(yamlError)")
        }
    }

    // MARK: Helpers

    func describe(_ node: Node) -> String {
        switch node {
        case let .scalar(scalar): return Self.isNull(scalar) ? "nothing" : "\"\(scalar.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    static func list(_ names: [String]) -> String {
        guard let last = names.last else { return "" }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " or " + last
    }

    static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first),
              !id.hasSuffix("-"), !id.contains("--") else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// `rules/launchdarkly.yml` → `launchdarkly`; nil for names without a YAML extension.
    static func fileStem(_ path: String) -> String? {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        for ext in [".yml", ".yaml"] where name.hasSuffix(ext) && name.count > ext.count {
            return String(name.dropLast(ext.count))
        }
        return nil
    }

    /// 1-based line and column (in Unicode scalars) of a UTF-8 byte offset.
    static func lineAndColumn(in text: String) -> (Int) -> (Int, Int) {
        { offset in
            var line = 1, column = 1, consumed = 0
            for scalar in text.unicodeScalars {
                if consumed >= offset { break }
                consumed += String(scalar).utf8.count
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            return (line, column)
        }
    }
}


extension CatalogueLoader {
    /// The error `load` reports when `Pattern.parse` rejects the evaluator whose `match` is
    /// `match` with `failure`; lets tests check the column mapping independently of which
    /// patterns the parser rejects.
    static func locatePatternError(_ failure: PatternError, yaml: String, file: String, match: String) -> CatalogueError {
        let reader = CatalogueReader(file: file, yaml: yaml)
        guard let root = try? Yams.compose(yaml: yaml), let node = Self.firstScalar(in: root, equalTo: match) else {
            return CatalogueError(path: file, line: 1, column: 1, message: "no match \"\(match)\" in the YAML")
        }
        return reader.patternError(failure, in: node, text: match)
    }

    private static func firstScalar(in node: Node, equalTo text: String) -> Node? {
        switch node {
        case let .scalar(scalar): return scalar.string == text ? node : nil
        case let .mapping(mapping):
            for (_, value) in mapping { if let found = firstScalar(in: value, equalTo: text) { return found } }
            return nil
        case let .sequence(sequence):
            for item in sequence { if let found = firstScalar(in: item, equalTo: text) { return found } }
            return nil
        }
    }
}
