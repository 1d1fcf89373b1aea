import FlaglintSyntax
import FlaglintAnalysis

/// An in-house wrapper that `flaglint init --detect` suggests as an evaluator: a function,
/// method, computed property or enum accessor whose body evaluates a catalogue evaluator with
/// one of its parameters (or its own case) as the key.
public struct WrapperSuggestion: Sendable, Equatable {
    /// Evaluator patterns for the ways it is called, best first (`FeatureFlag.$KEY.enabled`;
    /// `is_on($KEY)` and `$M.is_on($KEY)` for a Python module function).
    public var patterns: [String]
    /// `.lint.yml` `language:` value: `swift`, `python` or `cfamily`.
    public var language: String
    /// `FeatureFlag.enabled`, `isFeatureOn`.
    public var name: String
    /// `enum accessor`, `computed property`, `method`, `static method`, `function`.
    public var shape: String
    public var path: String
    public var line: Int
    /// The catalogue the body evaluates (`launchdarkly`) and the call it makes (`boolVariation`).
    public var sdk: String
    public var evaluatorCall: String
    /// `its case` or `parameter \`name\``.
    public var keySource: String
    /// Whether a wrapper parameter is the fallback (`$DEFAULT` in the pattern).
    public var defaultParameter: String?
    /// What the wrapper returns when no default is passed (rules/README.md `fallback`).
    public var fallback: EvaluatorInfo.Fallback
    /// Call sites of each pattern in the scanned files (filled by `ProjectSurvey`).
    public var callSites: [Int]

    /// The patterns worth writing: those with call sites, else the first.
    public var chosenPatterns: [(pattern: String, callSites: Int)] {
        let found = zip(patterns, callSites).filter { $0.1 > 0 }.map { (pattern: $0.0, callSites: $0.1) }
        return found.isEmpty ? [(patterns[0], callSites.first ?? 0)] : found
    }

    public static func == (a: WrapperSuggestion, b: WrapperSuggestion) -> Bool {
        a.patterns == b.patterns && a.language == b.language && a.path == b.path && a.line == b.line && a.callSites == b.callSites
    }
}

/// One hop of inference from catalogue evaluations to the wrappers around them.
public enum WrapperInference {
    /// Wrappers defined in `model`, given the catalogue evaluations found in it.
    public static func suggestions(in model: FileModel, evaluations: [Evaluation]) -> [WrapperSuggestion] {
        let dynamic = evaluations.filter { $0.key.resolution == .dynamic }
        guard !dynamic.isEmpty else { return [] }
        let finder = DeclarationFinder(model: model)
        var out: [WrapperSuggestion] = []
        for e in dynamic {
            guard let d = finder.declaration(containing: e.anchor), let s = suggestion(d, e, model) else { continue }
            if !out.contains(where: { $0.patterns == s.patterns && $0.language == s.language }) { out.append(s) }
        }
        return out
    }

    private enum KeySource: Equatable { case parameter(Int), ownCase }

    /// Key expressions that name the wrapper's own case, and accessors of a parameter that
    /// still carry its value (`flag.rawValue`, `flag.value`, `name.c_str()`).
    private static let ownCaseForms: Set<String> = ["self", "rawValue", "self.rawValue", "self.value", "self.name"]
    private static let valueSuffixes = [".rawValue", ".value", ".name", ".c_str()", ".data()"]

    private static func keySource(_ expression: String, _ d: CallableDeclaration, _ language: Language) -> KeySource? {
        let x = expression.filter { !$0.isWhitespace }
        if ownCaseForms.contains(x) {
            guard d.typeName != nil, !d.isStatic else { return nil }
            // A Python object's attribute is per instance, not a case: only enums qualify.
            if language == .python && !d.typeIsEnum { return nil }
            return .ownCase
        }
        var base = x
        for suffix in valueSuffixes where base.hasSuffix(suffix) {
            base.removeLast(suffix.count)
            break
        }
        guard let params = d.parameters, let i = params.firstIndex(where: { $0.name == base }), !params[i].keywordOnly else { return nil }
        return .parameter(i)
    }

    private static func suggestion(_ d: CallableDeclaration, _ e: Evaluation, _ model: FileModel) -> WrapperSuggestion? {
        let language = model.language
        guard let source = keySource(e.key.expression, d, language) else { return nil }
        let params = d.parameters ?? []
        // The fallback: a parameter passed through as the default, or what the body passes.
        var defaultIndex: Int?
        var fallback = EvaluatorInfo.Fallback.unknown
        switch e.defaultValue {
        case let .unresolved(x), let .unverifiable(x):
            defaultIndex = params.firstIndex { $0.name == x.filter { !$0.isWhitespace } && !$0.keywordOnly }
        case let .literal(v, _):
            fallback = v.truth.map { $0 ? .true : .false } ?? .unknown
        case .absent:
            fallback = e.evaluator.fallback
        case let .declared(value, _, _, _):
            fallback = value ? .true : .false
        }
        if let i = defaultIndex {
            // Called without the argument, the wrapper falls back to the parameter's default value.
            switch params[i].defaultValue {
            case "false", "False", "NO", "0": fallback = .false
            case "true", "True", "YES", "1": fallback = .true
            default: fallback = .unknown
            }
        }
        let keyIndex: Int? = { if case let .parameter(i) = source { return i } else { return nil } }()
        var arguments: [String] = []
        let last = [keyIndex, defaultIndex].compactMap { $0 }.max() ?? -1
        for (i, p) in params.enumerated() where i <= last {
            // A parameter with a default value may be left out at the call.
            let value = (i == keyIndex ? "$KEY" : i == defaultIndex ? "$DEFAULT" : "$ARG\(i + 1)") + (p.defaultValue == nil || i == keyIndex ? "" : "?")
            // Swift labels must agree; a Python keyword makes `f(x)` and `f(name=x)` equivalent.
            switch language {
            case .swift: arguments.append(p.label.map { "\($0): " + value } ?? value)
            case .python: arguments.append(p.name.map { "\($0)=" + value } ?? value)
            default: arguments.append(value)
            }
        }
        if params.count > last + 1 { arguments.append("...") }
        let call = d.isProperty ? "" : "(" + arguments.joined(separator: ", ") + ")"

        var patterns: [String] = []
        var shape: String
        switch source {
        case .ownCase:
            guard let type = d.typeName else { return nil }
            patterns = ["\(type).$KEY.\(d.name)\(call)"]
            shape = d.typeIsEnum ? "enum accessor" : d.isProperty ? "computed property" : "method"
        case .parameter:
            guard !d.isProperty else { return nil }
            if let type = d.typeName {
                patterns = d.isStatic ? ["\(type).\(d.name)\(call)"] : ["$R.\(d.name)\(call)"]
                shape = d.isStatic ? "static method" : "method"
            } else {
                patterns = ["\(d.name)\(call)"]
                // A Python module function is also called through its module (`flags.is_on(...)`).
                if language == .python { patterns.append("$M.\(d.name)\(call)") }
                shape = "function"
            }
        }
        // Only suggest what the pattern language accepts.
        patterns = patterns.filter { (try? Pattern.parse($0)) != nil }
        guard !patterns.isEmpty else { return nil }
        let location = model.source.location(at: model.tokens[d.nameToken].start)
        let keySourceText: String
        switch source {
        case .ownCase: keySourceText = "its own case"
        case let .parameter(i): keySourceText = "parameter `\(params[i].name ?? "")`"
        }
        let callName = e.evaluator.pattern.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "$") })
            .first { !$0.hasPrefix("$") }.map(String.init) ?? e.evaluator.pattern
        return WrapperSuggestion(patterns: patterns, language: language.isCFamily ? "cfamily" : language.rawValue,
                                 name: (d.typeName.map { $0 + "." } ?? "") + d.name, shape: shape,
                                 path: model.path, line: location.line, sdk: e.evaluator.sdk, evaluatorCall: callName,
                                 keySource: keySourceText, defaultParameter: defaultIndex.flatMap { params[$0].name },
                                 fallback: fallback, callSites: Array(repeating: 0, count: patterns.count))
    }
}
