import Foundation
@testable import FlaglintKit

/// Lints in-memory sources the way the CLI lints files.
enum TestLinter {
    static let allEvaluators: [EvaluatorDefinition] = BuiltinCatalogue.all.flatMap(\.evaluators)

    static func lint(_ code: String, language: Language, path: String? = nil,
                     evaluators: [EvaluatorDefinition] = allEvaluators,
                     rules: [String: RuleSettings] = RuleRegistry.defaultSettings) -> FileResult {
        let name = path ?? "example." + (language == .python ? "py" : language == .swift ? "swift" : language == .cpp ? "cpp" : language == .objc ? "m" : language == .objcpp ? "mm" : "c")
        let linter = Linter(settings: LintSettings(evaluators: evaluators, rules: rules))
        return linter.lintOne(LintInput(displayPath: name, readPath: nil, language: language, contents: Array(code.utf8)))
    }

    static var libclangAvailable: Bool {
        (try? FrontendRegistry.frontend(for: .c)?.parse(SourceFile(path: "x.c", language: .c, text: "int x;"), context: FrontendContext())) != nil
    }
}
