import Foundation
import FlaglintSyntax
import FlaglintFrontends
import FlaglintAnalysis
import FlaglintReporters

/// What `flaglint init --detect` learns from a project: which built-in SDKs it imports, how
/// often their evaluators appear, and the in-house wrappers around them with their call sites.
public struct ProjectSurvey: Sendable {
    public struct SDKUse: Sendable, Equatable {
        public var id: String
        /// Files importing/including one of the SDK's modules or headers.
        public var importingFiles: Int
        /// The distinct import spellings, sorted (`LaunchDarkly`, `ldclient`).
        public var imports: [String]
        /// Evaluations of the SDK's evaluators found in the files.
        public var evaluations: Int
    }

    /// Files scanned.
    public var files: Int
    /// SDKs imported or evaluated somewhere, by id.
    public var sdks: [SDKUse]
    public var wrappers: [WrapperSuggestion]
    /// Files that could not be read or parsed (libclang missing), one message each.
    public var problems: [String]

    /// The SDKs to enable: those the project imports; when it imports none that flaglint knows,
    /// those whose evaluators appear anyway (nil: none of either, keep the default of all).
    public var enabledSDKs: [String]? {
        let imported = sdks.filter { $0.importingFiles > 0 }.map(\.id)
        if !imported.isEmpty { return imported }
        let evaluated = sdks.filter { $0.evaluations > 0 }.map(\.id)
        return evaluated.isEmpty ? nil : evaluated
    }

    /// Scans `inputs` (as discovery found them) with the catalogue's evaluators.
    public static func scan(_ inputs: [LintInput], catalogue: [SDKCatalogue] = BuiltinCatalogue.all,
                            context: FrontendContext = FrontendContext(), jobs: Int,
                            progress: ProgressReporter? = nil) -> ProjectSurvey {
        let scanner = FileScanner(catalogue: catalogue, context: context)
        progress?.start(phase: "scanning", total: inputs.count)
        let perFile = ParallelMap.map(inputs, jobs: jobs) { input -> FileScanner.Result in
            defer { progress?.advance() }
            return scanner.scan(input)
        }
        var sdks: [String: SDKUse] = [:]
        var wrappers: [WrapperSuggestion] = []
        var problems: [String] = []
        for r in perFile {
            if let p = r.problem { problems.append(p) }
            for c in catalogue {
                let owned = Set(r.imports.filter(c.owns(import:)))
                let evaluations = r.evaluations[c.id] ?? 0
                guard !owned.isEmpty || evaluations > 0 else { continue }
                var use = sdks[c.id] ?? SDKUse(id: c.id, importingFiles: 0, imports: [], evaluations: 0)
                if !owned.isEmpty { use.importingFiles += 1 }
                // `from waffle import flag_is_active` shows as `waffle`, not also `waffle.flag_is_active`.
                let all = Set(use.imports).union(owned)
                use.imports = all.filter { name in !all.contains { name.hasPrefix($0 + ".") } }.sorted()
                use.evaluations += evaluations
                sdks[c.id] = use
            }
            for w in r.wrappers where !wrappers.contains(where: { $0.patterns == w.patterns && $0.language == w.language }) {
                wrappers.append(w)
            }
        }
        wrappers = countCallSites(wrappers, in: inputs, context: context, jobs: jobs, progress: progress)
        progress?.finish()
        // Most used first; ties in file order.
        let ordered = wrappers.enumerated().sorted { a, b in
            let (x, y) = (a.element.callSites.reduce(0, +), b.element.callSites.reduce(0, +))
            return x != y ? x > y : (a.element.path, a.element.line) < (b.element.path, b.element.line)
        }.map(\.element)
        return ProjectSurvey(files: inputs.count, sdks: sdks.values.sorted { $0.id < $1.id }, wrappers: ordered,
                             problems: Array(Set(problems)).sorted())
    }

    /// How many times each suggested pattern matches in the project: the number `flaglint
    /// flags` would show once the pattern is accepted.
    static func countCallSites(_ wrappers: [WrapperSuggestion], in inputs: [LintInput], context: FrontendContext,
                               jobs: Int, progress: ProgressReporter?) -> [WrapperSuggestion] {
        var found: [(wrapper: Int, pattern: Int, definition: EvaluatorDefinition)] = []
        for (w, s) in wrappers.enumerated() {
            let languages = Set(Language.parseList(s.language) ?? [])
            for (p, text) in s.patterns.enumerated() {
                guard let pattern = try? Pattern.parse(text) else { continue }
                let info = EvaluatorInfo(sdk: "custom", pattern: text, fallback: s.fallback)
                found.append((w, p, EvaluatorDefinition(info: info, languages: languages, pattern: pattern, origin: "init --detect")))
            }
        }
        guard !found.isEmpty else { return wrappers }
        let definitions = found
        let filter = Prefilter(names: definitions.compactMap(\.definition.pattern.prefilterName))
        progress?.start(phase: "counting wrapper calls", total: inputs.count)
        let counts = ParallelMap.map(inputs, jobs: jobs) { input -> [Int] in
            defer { progress?.advance() }
            guard case let .text(bytes, language) = FileScanner.read(input), filter.matches(bytes),
                  definitions.contains(where: { $0.definition.languages.contains(language) }),
                  case let .success(model) = FileScanner.parse(input, bytes, language, context) else { return [] }
            var matcher = PatternMatcher(model: model, resolver: ValueResolver())
            return definitions.map { matcher.evaluations(of: [$0.definition]).count }
        }
        var out = wrappers
        for perFile in counts where !perFile.isEmpty {
            for (k, d) in definitions.enumerated() { out[d.wrapper].callSites[d.pattern] += perFile[k] }
        }
        return out
    }
}

/// Reads, parses and matches one file for the survey.
private struct FileScanner: Sendable {
    struct Result: Sendable {
        var imports: [String] = []
        var evaluations: [String: Int] = [:]
        var wrappers: [WrapperSuggestion] = []
        var problem: String?
    }

    let byLanguage: [Language: [EvaluatorDefinition]]
    let prefilters: [Language: Prefilter]
    /// The catalogues' module names: a file without any can import no SDK.
    let importFilter: Prefilter
    let context: FrontendContext

    init(catalogue: [SDKCatalogue], context: FrontendContext) {
        var by: [Language: [EvaluatorDefinition]] = [:]
        for e in catalogue.flatMap(\.evaluators) { for l in e.languages { by[l, default: []].append(e) } }
        byLanguage = by
        prefilters = by.mapValues { Prefilter(names: $0.compactMap(\.pattern.prefilterName)) }
        // `firebase_admin.remote_config` is written `from firebase_admin import remote_config`.
        importFilter = Prefilter(names: catalogue.flatMap(\.imports).map { $0.contains("/") ? $0 : String($0.prefix { $0 != "." }) })
        self.context = context
    }

    enum Contents { case text([UInt8], Language), binary, unreadable }

    /// The file's bytes and language as the linter sees them (NUL bytes: binary, skipped).
    static func read(_ input: LintInput) -> Contents {
        guard let bytes = input.contents ?? input.readPath.flatMap(FileReader.read) else { return .unreadable }
        guard !bytes.prefix(8000).contains(0) else { return .binary }
        return .text(bytes, input.detectHeaderLanguage ? HeaderLanguage.detect(bytes) : input.language)
    }

    /// The frontend's model, or why there is none (libclang missing).
    static func parse(_ input: LintInput, _ bytes: [UInt8], _ language: Language, _ context: FrontendContext) -> Swift.Result<FileModel, FrontendUnavailable> {
        guard let frontend = FrontendRegistry.frontend(for: language) else { return .failure(FrontendUnavailable("no frontend for \(language.rawValue)")) }
        do {
            return .success(try frontend.parse(SourceFile(path: input.displayPath, language: language, bytes: bytes), context: context))
        } catch let e as FrontendUnavailable {
            return .failure(e)
        } catch {
            return .failure(FrontendUnavailable("\(error)"))
        }
    }

    func scan(_ input: LintInput) -> Result {
        var r = Result()
        let bytes: [UInt8], language: Language
        switch Self.read(input) {
        case let .text(b, l): (bytes, language) = (b, l)
        case .unreadable:
            r.problem = "\(input.displayPath): error: cannot read file"
            return r
        case .binary: return r
        }
        let evaluators = byLanguage[language] ?? []
        let mentionsEvaluator = !evaluators.isEmpty && prefilters[language]?.matches(bytes) == true
        // C-family includes are read from the text (no libclang needed); Swift and Python
        // imports from tokens, so such a file is parsed when it might import an SDK.
        if language.isCFamily {
            r.imports = SurveyImports.includes(in: bytes)
            guard mentionsEvaluator else { return r }
        } else {
            // Nothing to learn from a file that names neither an evaluator nor an SDK module.
            guard mentionsEvaluator || importFilter.matches(bytes) else { return r }
        }
        let model: FileModel
        switch Self.parse(input, bytes, language, context) {
        case let .success(m): model = m
        case let .failure(e):
            r.problem = "\(input.displayPath): warning: \(e.message); its wrappers are not detected"
            return r
        }
        if !language.isCFamily { r.imports = SurveyImports.imports(in: model) }
        guard mentionsEvaluator else { return r }
        var matcher = PatternMatcher(model: model, resolver: ValueResolver())
        let evaluations = matcher.evaluations(of: evaluators)
        for e in evaluations { r.evaluations[e.evaluator.sdk, default: 0] += 1 }
        r.wrappers = WrapperInference.suggestions(in: model, evaluations: evaluations)
        return r
    }
}
