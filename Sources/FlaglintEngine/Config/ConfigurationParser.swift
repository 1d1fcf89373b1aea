import Yams
import FlaglintSupport
import FlaglintSyntax
import FlaglintAnalysis
import FlaglintRules

extension Configuration {
    /// The top-level keys of `.lint.yml`, in documentation order.
    public static let keys = [
        "version", "include", "exclude", "sdks", "evaluators", "rules", "registry", "flags",
        "compile_commands", "defines", "include_dirs", "languages",
    ]

    /// Reads and validates a configuration file. `file` must be absolute; `displayPath` is how
    /// messages name it (default: `file` relative to the current directory).
    public static func load(file: String, displayPath: String? = nil) throws(ConfigError) -> Configuration {
        let shown = displayPath ?? PathName.display(file, currentDirectory: FileSystem.currentDirectory())
        let bytes: [UInt8]
        switch FileSystem.readFile(file) {
        case let .success(read): bytes = read
        case let .failure(failure):
            throw ConfigError(path: shown, line: 0, column: 0, message: "cannot read the configuration: \(failure)")
        }
        let text = try ConfigText.decode(bytes, path: shown)
        return try parse(text, file: file, displayPath: shown)
    }

    /// Validates configuration text as if read from `file` (absolute; its directory anchors
    /// relative paths). Pure: touches no file.
    public static func parse(_ text: String, file: String, displayPath: String) throws(ConfigError) -> Configuration {
        let reader = ConfigReader(path: displayPath, source: text)
        var configuration = Configuration(defaultsIn: PathName.parent(file))
        configuration.file = file
        configuration.displayPath = displayPath
        guard let root = try reader.compose() else { return configuration }
        if reader.isNull(root) { return configuration }
        try reader.rejectDuplicateKeys(root)
        let entries = try reader.entries(root, what: "the configuration")
        for entry in entries {
            guard Configuration.keys.contains(entry.key) else {
                throw reader.unknownKey(entry, allowed: Configuration.keys, kind: "key")
            }
        }
        for entry in entries where !reader.isNull(entry.value) {
            try configuration.apply(entry, reader: reader)
        }
        return configuration
    }

    private mutating func apply(_ entry: ConfigReader.Entry, reader: ConfigReader) throws(ConfigError) {
        let value = entry.value
        switch entry.key {
        case "version":
            let number = try reader.integer(value, what: "`version`")
            guard number == 1 else {
                throw reader.error(value, "unsupported configuration version \(number); this flaglint reads version 1")
            }
            version = number
        case "include":
            include = try reader.strings(value, what: "`include`").map { item throws(ConfigError) in try reader.glob(item) }
        case "exclude":
            exclude = try reader.strings(value, what: "`exclude`").map { item throws(ConfigError) in try reader.glob(item) }
        case "sdks":
            sdks = try reader.strings(value, what: "`sdks`").map { Located($0.value, at: reader.location($0.node)) }
        case "evaluators":
            evaluators = try reader.sequence(value, what: "`evaluators`").map { item throws(ConfigError) in
                try reader.evaluator(item)
            }
        case "rules":
            for rule in try reader.entries(value, what: "`rules`") {
                rules[rule.key] = try reader.ruleSettings(rule)
            }
        case "registry":
            registry = try reader.sequence(value, what: "`registry`").map { item throws(ConfigError) in
                try reader.registrySource(item, directory: directory)
            }
        case "flags":
            guard value.mapping != nil else {
                throw reader.error(value, "`flags` must be a mapping from flag key to its record, found \(reader.describe(value))")
            }
            inlineFlags = InlineFlags(path: displayPath, location: reader.location(entry.keyNode), source: reader.source)
        case "compile_commands":
            let path = try reader.string(value, what: "`compile_commands`")
            compileCommands = Located(PathName.absolute(path, relativeTo: directory), at: reader.location(value))
        case "defines":
            defines = try reader.strings(value, what: "`defines`").map { item throws(ConfigError) in
                if item.value.hasPrefix("-D") {
                    throw reader.error(item.node, "write the macro without `-D`: `\(item.value.dropFirst(2))`")
                }
                return item.value
            }
        case "include_dirs":
            includeDirectories = try reader.strings(value, what: "`include_dirs`").map { PathName.absolute($0.value, relativeTo: directory) }
        case "languages":
            for mapping in try reader.entries(value, what: "`languages`") {
                var ext = mapping.key
                if ext.hasPrefix(".") { ext.removeFirst() }
                guard !ext.isEmpty, !ext.contains("/") else {
                    throw reader.error(mapping.keyNode, "`\(mapping.key)` is not a file extension (write it like `.h`)")
                }
                let name = try reader.string(mapping.value, what: "the language of `\(mapping.key)`")
                guard let parsed = Language.parseList(name), parsed.count == 1 else {
                    throw reader.error(mapping.value, "`\(name)` is not one language; expected one of "
                        + Language.allCases.map(\.rawValue).joined(separator: ", "))
                }
                languages[ext.lowercased()] = parsed[0]
            }
        default:
            break
        }
    }
}

/// Typed, located access to a composed `.lint.yml`. Every failure is a `ConfigError` pointing
/// at the offending node.
struct ConfigReader {
    package struct Entry {
        package var key: String
        package var keyNode: Node
        package var value: Node
    }

    package let path: String
    package let source: String

    /// Nodes the duplicate-key scan may visit: far beyond any real configuration, small enough
    /// that alias bombs ("billion laughs") fail fast instead of hanging.
    package static let nodeBudget = YAMLNesting.nodeBudget

    package func compose() throws(ConfigError) -> Node? {
        if let deep = YAMLNesting.firstTooDeepLine(in: source) {
            throw ConfigError(path: path, line: deep, column: 1,
                              message: "malformed YAML: nesting deeper than \(YAMLNesting.limit) levels")
        }
        do {
            return try Yams.compose(yaml: source)
        } catch let error as YamlError {
            throw convert(error)
        } catch {
            throw ConfigError(path: path, line: 0, column: 0, message: "malformed YAML: \(error)")
        }
    }

    private func convert(_ error: YamlError) -> ConfigError {
        func context(_ context: YamlError.Context?) -> String {
            guard let context else { return "" }
            return " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
        }
        switch error {
        case let .scanner(ctx, problem, mark, _), let .parser(ctx, problem, mark, _), let .composer(ctx, problem, mark, _):
            return ConfigError(path: path, line: mark.line, column: mark.column, message: "malformed YAML: \(problem)\(context(ctx))")
        case let .reader(problem, offset, _, _):
            let (line, column) = offset.map { ConfigText.lineAndColumn(ofCharacter: $0, in: source) } ?? (0, 0)
            return ConfigError(path: path, line: line, column: column, message: "malformed YAML: \(problem)")
        default:
            return ConfigError(path: path, line: 0, column: 0, message: "malformed YAML: \(error)")
        }
    }

    // MARK: Locations and messages

    package func location(_ node: Node) -> ConfigLocation {
        let mark = node.mark
        return ConfigLocation(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    package func error(_ node: Node, _ message: String) -> ConfigError {
        location(node).error(message)
    }

    package func isNull(_ node: Node) -> Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return node.tag.description == Tag.Name.null.rawValue
    }

    package func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case let .scalar(scalar):
            if isNull(node) { return "nothing (null)" }
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            switch node.tag.description {
            case _ where quoted: return "a string"
            case Tag.Name.bool.rawValue: return "a boolean (`\(scalar.string)`)"
            case Tag.Name.int.rawValue: return "an integer (`\(scalar.string)`)"
            case Tag.Name.float.rawValue: return "a number (`\(scalar.string)`)"
            default: return "a string"
            }
        }
    }

    func unknownKey(_ entry: Entry, allowed: [String], kind: String, context: String = "") -> ConfigError {
        var message = "unknown \(kind) `\(entry.key)`\(context)"
        if let close = Suggestion.closest(to: entry.key, among: allowed) {
            message += "; did you mean `\(close)`?"
        }
        let noun = kind == "rule" ? "configurable rules" : "allowed"
        message += " (\(noun): \(allowed.joined(separator: ", ")))"
        return error(entry.keyNode, message)
    }

    // MARK: Shapes

    /// Rejects a key written twice in any mapping of the document, including `flags:`,
    /// before anything reads the values (Yams keeps both silently).
    func rejectDuplicateKeys(_ root: Node) throws(ConfigError) {
        var stack = [root]
        var visited = 0
        while let node = stack.popLast() {
            visited += 1
            if visited > Self.nodeBudget {
                throw error(root, "the configuration is too large (more than \(Self.nodeBudget) YAML nodes after expanding aliases)")
            }
            switch node {
            case .scalar:
                continue
            case let .sequence(sequence):
                stack.append(contentsOf: sequence.reversed())
            case let .mapping(mapping):
                var seen: [String: Node] = [:]
                for (key, value) in mapping {
                    if case let .scalar(scalar) = key {
                        if let first = seen[scalar.string] {
                            let line = first.mark.map { " (first written at line \($0.line))" } ?? ""
                            throw error(key, "duplicate key `\(scalar.string)`\(line)")
                        }
                        seen[scalar.string] = key
                    } else {
                        stack.append(key)
                    }
                    stack.append(value)
                }
            }
        }
    }

    package func entries(_ node: Node, what: String) throws(ConfigError) -> [Entry] {
        guard case let .mapping(mapping) = node else {
            throw error(node, "\(what) must be a mapping, found \(describe(node))")
        }
        var result: [Entry] = []
        for (key, value) in mapping {
            guard case let .scalar(scalar) = key, !isNull(key) else {
                throw error(key, "keys in \(what) must be names, found \(describe(key))")
            }
            result.append(Entry(key: scalar.string, keyNode: key, value: value))
        }
        return result
    }

    package func sequence(_ node: Node, what: String) throws(ConfigError) -> [Node] {
        guard case let .sequence(sequence) = node else {
            throw error(node, "\(what) must be a list, found \(describe(node))")
        }
        return Array(sequence)
    }

    package func string(_ node: Node, what: String) throws(ConfigError) -> String {
        guard case let .scalar(scalar) = node, !isNull(node) else {
            throw error(node, "\(what) must be a string, found \(describe(node))")
        }
        guard !scalar.string.isEmpty else { throw error(node, "\(what) must not be empty") }
        return scalar.string
    }

    package func strings(_ node: Node, what: String) throws(ConfigError) -> [(value: String, node: Node)] {
        guard case let .sequence(sequence) = node else {
            throw error(node, "\(what) must be a list of strings, found \(describe(node))")
        }
        var result: [(value: String, node: Node)] = []
        for item in sequence {
            result.append((try string(item, what: "each item of \(what)"), item))
        }
        return result
    }

    package func integer(_ node: Node, what: String) throws(ConfigError) -> Int {
        guard case let .scalar(scalar) = node, scalar.style == .plain || scalar.style == .any,
              node.tag.description == Tag.Name.int.rawValue, let value = Int(scalar.string) else {
            throw error(node, "\(what) must be an integer, found \(describe(node))")
        }
        return value
    }

    package func choice<Choice: RawRepresentable>(_ node: Node, what: String, among cases: [Choice]) throws(ConfigError) -> Choice
    where Choice.RawValue == String {
        let allowed = cases.map(\.rawValue)
        guard case let .scalar(scalar) = node, !isNull(node) else {
            throw error(node, "\(what) must be one of \(allowed.joined(separator: ", ")), found \(describe(node))")
        }
        guard let value = Choice(rawValue: scalar.string), cases.contains(where: { $0.rawValue == value.rawValue }) else {
            var message = "\(what) must be one of \(allowed.joined(separator: ", ")), found `\(scalar.string)`"
            if let close = Suggestion.closest(to: scalar.string, among: allowed) { message += "; did you mean `\(close)`?" }
            throw error(node, message)
        }
        return value
    }

    func glob(_ item: (value: String, node: Node)) throws(ConfigError) -> Glob {
        do {
            return try Glob(item.value)
        } catch {
            let location = self.location(inScalar: item.node, offset: error.column - 1)
            throw location.error("bad glob `\(item.value)`: \(error.message)")
        }
    }

    /// Where the scalar's `offset`-th character (unicode scalar) is in the file. Exact for
    /// one-line plain and quoted scalars (escapes counted); otherwise the scalar's start.
    package func location(inScalar node: Node, offset: Int) -> ConfigLocation {
        let start = location(node)
        guard case let .scalar(scalar) = node, let mark = scalar.mark, offset > 0 else { return start }
        var lineNumber = 1
        var lineText: Substring?
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if lineNumber == mark.line { lineText = line; break }
            lineNumber += 1
        }
        guard let lineText else { return start }
        let chars = Array(lineText.unicodeScalars)
        var i = mark.column - 1
        switch scalar.style {
        case .plain, .any:
            i += offset
        case .singleQuoted:
            i += 1
            for _ in 0..<offset {
                guard i < chars.count else { return start }
                i += chars[i] == "'" && i + 1 < chars.count && chars[i + 1] == "'" ? 2 : 1
            }
        case .doubleQuoted:
            i += 1
            for _ in 0..<offset {
                guard i < chars.count else { return start }
                if chars[i] == "\\", i + 1 < chars.count {
                    switch chars[i + 1] {
                    case "x": i += 4
                    case "u": i += 6
                    case "U": i += 10
                    default: i += 2
                    }
                } else {
                    i += 1
                }
            }
        default:
            return start
        }
        guard i <= chars.count else { return start }
        return ConfigLocation(path: path, line: mark.line, column: i + 1)
    }

    // MARK: Sections

    package static let evaluatorKeys = ["match", "language", "type", "fallback", "polarity", "note", "requires_import", "key_from_identifier", "controls", "key_type"]

    package func evaluator(_ node: Node) throws(ConfigError) -> EvaluatorDefinition {
        let entries = try entries(node, what: "an evaluator")
        for entry in entries where !Self.evaluatorKeys.contains(entry.key) {
            throw unknownKey(entry, allowed: Self.evaluatorKeys, kind: "key", context: " in an evaluator")
        }
        func value(_ key: String) -> Node? {
            entries.first { $0.key == key && !isNull($0.value) }?.value
        }
        guard let matchNode = value("match") else {
            throw error(node, "an evaluator needs `match`, the pattern of the call it recognises")
        }
        let text = try string(matchNode, what: "`match`")
        let pattern: Pattern
        do {
            pattern = try Pattern.parse(text)
        } catch let patternError as PatternError {
            throw location(inScalar: matchNode, offset: patternError.column - 1).error("bad pattern: \(patternError.message)")
        } catch {
            throw self.error(matchNode, "bad pattern: \(error)")
        }
        var languages = Set(Language.allCases)
        if let languageNode = value("language") {
            let names: [(value: String, node: Node)]
            if case .sequence = languageNode {
                names = try strings(languageNode, what: "`language`")
            } else {
                names = [(try string(languageNode, what: "`language`"), languageNode)]
            }
            languages = []
            for name in names {
                guard let parsed = Language.parseList(name.value) else {
                    throw error(name.node, "unknown language `\(name.value)`; expected one of "
                        + (Language.allCases.map(\.rawValue) + ["cfamily"]).joined(separator: ", "))
                }
                languages.formUnion(parsed)
            }
            if languages.isEmpty { throw error(languageNode, "`language` must name at least one language") }
        }
        var info = EvaluatorInfo(sdk: "custom", pattern: text)
        if let node = value("type") { info.type = try choice(node, what: "`type`", among: [EvaluatorInfo.ValueType.bool, .any, .maybeBool]) }
        if let node = value("fallback") { info.fallback = try choice(node, what: "`fallback`", among: [EvaluatorInfo.Fallback.false, .true, .unknown]) }
        if let node = value("polarity") { info.polarity = try choice(node, what: "`polarity`", among: [EvaluatorInfo.Polarity.positive, .negative]) }
        if let node = value("note") { info.note = try string(node, what: "`note`") }
        if let node = value("key_type") {
            let name = try string(node, what: "`key_type`")
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            guard !parts.isEmpty, parts.allSatisfy({ p in !p.isEmpty && p.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } && !p.first!.isNumber }) else {
                throw error(node, "`key_type` must name a type (`FeatureFlag`, `Flags.Keys`), not `\(name)`")
            }
            info.keyType = name
        }
        if let node = value("controls") { info.controlsClass = try choice(node, what: "`controls`", among: [ControlsScope.class]) == .class }
        var required: [String] = []
        if let node = value("requires_import") {
            if case .sequence = node {
                required = try strings(node, what: "`requires_import`").map(\.value)
            } else {
                required = [try string(node, what: "`requires_import`")]
            }
            if required.isEmpty { throw error(node, "`requires_import` must name at least one module or header") }
        }
        var template: KeyTemplate?
        if let node = value("key_from_identifier") {
            let text = try string(node, what: "`key_from_identifier`")
            do {
                template = try KeyTemplate(parsing: text)
            } catch {
                throw location(inScalar: node, offset: error.column - 1).error("bad `key_from_identifier`: \(error.message)")
            }
        }
        return EvaluatorDefinition(info: info, languages: languages, pattern: pattern, origin: location(node).description,
                                   requiredImports: required, keyFromIdentifier: template)
    }

    func ruleSettings(_ rule: Entry) throws(ConfigError) -> RuleConfiguration {
        guard let options = RuleRegistry.description(of: rule.key)?.configurableOptions else {
            throw unknownKey(rule, allowed: RuleRegistry.all.map(\.description.id), kind: "rule")
        }
        var settings = RuleConfiguration(severity: nil, location: location(rule.keyNode))
        // `unknown-flag: warning` is shorthand for `{ severity: warning }`.
        if case .scalar = rule.value {
            settings.severity = try choice(rule.value, what: "the severity of `\(rule.key)`", among: RuleSeverity.allCases)
            return settings
        }
        let allowed = ["severity"] + options.map(\.name)
        for option in try entries(rule.value, what: "the settings of `\(rule.key)`") where !isNull(option.value) {
            if option.key == "severity" {
                settings.severity = try choice(option.value, what: "`severity`", among: RuleSeverity.allCases)
                continue
            }
            guard let kind = options.first(where: { $0.name == option.key })?.kind else {
                throw unknownKey(option, allowed: allowed, kind: "option", context: " for rule `\(rule.key)`")
            }
            switch kind {
            case .count:
                let number = try integer(option.value, what: "`\(option.key)`")
                guard number >= 0 else { throw error(option.value, "`\(option.key)` must be \(kind.expectation), found \(number)") }
                settings.options[option.key] = .integer(number)
            case .severity:
                settings.options[option.key] = .severity(try choice(option.value, what: "`\(option.key)`", among: RuleSeverity.allCases))
            }
        }
        return settings
    }

    static let registryKeys = ["path", "format", "environment"]

    func registrySource(_ node: Node, directory: String) throws(ConfigError) -> RegistryEntry {
        if case .scalar = node {
            let path = try string(node, what: "a registry entry")
            return RegistryEntry(path: PathName.absolute(path, relativeTo: directory), format: .native, location: location(node))
        }
        guard case .mapping = node else {
            throw error(node, "a registry entry must be a path or a mapping with `path` and `format`, found \(describe(node))")
        }
        let entries = try entries(node, what: "a registry entry")
        for entry in entries where !Self.registryKeys.contains(entry.key) {
            throw unknownKey(entry, allowed: Self.registryKeys, kind: "key", context: " in a registry entry")
        }
        func value(_ key: String) -> Node? { entries.first { $0.key == key && !isNull($0.value) }?.value }
        guard let pathNode = value("path") else { throw error(node, "a registry entry needs `path`") }
        let path = try string(pathNode, what: "`path`")
        var source = RegistryEntry(path: PathName.absolute(path, relativeTo: directory), format: .native, location: location(node))
        if let formatNode = value("format") {
            source.format = try choice(formatNode, what: "`format`", among: RegistryEntry.Format.allCases)
        }
        if let environmentNode = value("environment") {
            guard source.format == .launchdarkly else {
                throw error(environmentNode, "`environment` applies only to `format: launchdarkly`")
            }
            source.environment = try string(environmentNode, what: "`environment`")
        }
        return source
    }
}

/// "Did you mean" for misspelt keys, rule ids and values.
enum Suggestion {
    static func closest(to word: String, among candidates: [String]) -> String? {
        func normalize(_ s: String) -> String { String(s.lowercased().map { $0 == "-" ? "_" : $0 }) }
        let normalized = normalize(word)
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(normalized, normalize(candidate))
            if distance <= max(2, word.count / 3), distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }

    package static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
