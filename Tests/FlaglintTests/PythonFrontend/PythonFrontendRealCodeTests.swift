import Foundation
import Testing
@testable import FlaglintFrontends
@testable import FlaglintAnalysis
@testable import FlaglintRules
@testable import FlaglintEngine

/// Opt-in: `FLAGLINT_PYTHON_CORPUS=/path/to/sources swift test --filter PythonFrontendRealCode`
/// lints every `.py` file below the path with the built-in catalogue and prints, per file, the
/// evaluations found, for comparison with a `grep` of the same names.
@Suite struct PythonFrontendRealCodeTests {
    static let corpus = ProcessInfo.processInfo.environment["FLAGLINT_PYTHON_CORPUS"]

    @Test(.enabled(if: corpus != nil, "opt-in: set FLAGLINT_PYTHON_CORPUS to a directory of real Python code"))
    func lintCorpus() throws {
        let root = try #require(Self.corpus)
        let linter = FileAnalyzer(settings: LintSettings(evaluators: try BuiltinCatalogue.load().flatMap(\.evaluators)))
        let files = (FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".py") }.sorted()
        var total = 0
        for file in files {
            let result = linter.analyze(LintInput(displayPath: file, readPath: root + "/" + file, language: .python))
            total += result.evaluations.count
            for e in result.evaluations { print("EVAL \(file):\(e.line):\(e.column) \(e.evaluation.evaluator.sdk) \(e.key.displayName)") }
            for d in result.problems { print("DIAG \(d.rendered)") }
            for f in result.findings { print("FINDING \(file):\(f.line):\(f.column) \(f.rule)") }
        }
        print("TOTAL files=\(files.count) evaluations=\(total)")
    }
}
