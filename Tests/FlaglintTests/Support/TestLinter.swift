import Foundation
@testable import FlaglintSupport
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintAnalysis
@testable import FlaglintRules
@testable import FlaglintEngine

/// Lints in-memory sources the way a session lints files: facts, then the file rules.
enum TestLinter {
    static let allEvaluators: [EvaluatorDefinition] = BuiltinCatalogue.all.flatMap(\.evaluators)

    static func lint(_ code: String, language: Language, path: String? = nil,
                     evaluators: [EvaluatorDefinition] = allEvaluators,
                     rules: [String: RuleSettings] = RuleRegistry.defaultSettings) -> FileFacts {
        let name = path ?? fileName(language)
        let settings = LintSettings(evaluators: evaluators, rules: rules)
        var facts = FileAnalyzer(settings: settings).analyze(LintInput(displayPath: name, readPath: nil, language: language, contents: Array(code.utf8)))
        if facts.parsed { facts.findings = FileRules.findings(facts, settings: settings) }
        return facts
    }

    /// `example.swift`, `example.py`, ...: a name discovery reads as `language`.
    static func fileName(_ language: Language) -> String {
        "example." + (language == .python ? "py" : language == .swift ? "swift" : language == .cpp ? "cpp" : language == .objc ? "m" : language == .objcpp ? "mm" : "c")
    }

    static var libclangAvailable: Bool {
        (try? FrontendRegistry.frontend(for: .c)?.parse(SourceFile(path: "x.c", language: .c, text: "int x;"), context: FrontendContext())) != nil
    }

    /// A session over `paths` as the CLI would start it in the current directory.
    static func session(jobs: Int = 2, config: String? = nil, today: CalendarDate = CalendarDate.todayUTC(),
                        select: Set<String>? = nil, ignore: Set<String> = [], cacheDirectory: String? = nil) throws -> Session {
        try Session(SessionSettings(currentDirectory: FileSystem.currentDirectory(), environment: ProcessInfo.processInfo.environment,
                                    configFile: config, jobs: jobs, today: today, select: select, ignore: ignore,
                                    useCache: cacheDirectory != nil, cacheDirectory: cacheDirectory))
    }
}
