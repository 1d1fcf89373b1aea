import Foundation
import FlaglintSupport
import FlaglintReporters
import FlaglintEngine

/// `flaglint init --detect`: discovery as for `lint`, then the project survey, then a
/// `.lint.yml` that fits the project (SDKs it imports, wrappers it calls flags through).
extension Runner {
    public func initDetected(paths: [String], force: Bool, jobs: Int?, progress: ProgressReporter.Mode) -> Int32 {
        let path = ".lint.yml"
        if !force && FileManager.default.fileExists(atPath: path) {
            return fail("flaglint: \(path) already exists; use --force to overwrite it")
        }
        let files: [DiscoveredFile]
        do {
            let discovery = FileDiscovery(resolver: try ConfigurationResolver(overrideFile: nil), forceExclude: false)
            let result = try discovery.discover(paths.isEmpty ? ["."] : paths)
            for p in result.problems { stderr.write(p.description + "\n") }
            if result.hasErrors { return 2 }
            files = result.files
        } catch {
            return fail(error.description)
        }
        let inputs = files.map {
            LintInput(displayPath: $0.displayPath, readPath: $0.path, language: $0.language, detectHeaderLanguage: $0.needsContentCheck)
        }
        let survey = ProjectSurvey.scan(inputs, jobs: max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount),
                                        progress: ProgressReporter.make(progress, output: stderr, machineFormat: false))
        for p in survey.problems { stderr.write(p + "\n") }
        let registry = ["flags.yml", "flags.yaml", "flags.json"].filter { FileSystem.exists($0) }
        let text = Configuration.detectedConfiguration(survey, registry: registry)
        // What is written must load: a pattern the parser rejects would make every later run exit 2.
        do {
            _ = try Configuration.parse(text, file: FileManager.default.currentDirectoryPath + "/" + path, displayPath: path)
        } catch {
            return fail("flaglint: internal error: the detected configuration does not load: \(error.description)")
        }
        do {
            try AtomicWriter.write(text, to: path)
        } catch {
            return fail("flaglint: \(error)")
        }
        let sdks = survey.enabledSDKs.map { "SDKs \($0.joined(separator: ", "))" } ?? "all SDKs (none imported)"
        let wrappers = survey.wrappers.flatMap(\.chosenPatterns)
        let wrapperText = wrappers.isEmpty ? "no wrappers found"
            : "\(wrappers.count) suggested wrapper\(wrappers.count == 1 ? "" : "s") ("
                + wrappers.map { "\($0.pattern): \($0.callSites) call site\($0.callSites == 1 ? "" : "s")" }.joined(separator: "; ") + ")"
        stderr.write("Wrote \(path) from \(survey.files) file\(survey.files == 1 ? "" : "s"): \(sdks); \(wrapperText). Review it, then run `flaglint`.\n")
        return 0
    }
}
