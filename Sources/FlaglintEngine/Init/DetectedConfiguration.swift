import Foundation

extension Configuration {
    /// What `flaglint init --detect` writes: the starter configuration with `sdks:` limited to
    /// what the project imports and one commented evaluator per wrapper found, so that the
    /// user accepts or deletes each. `registry` lists registry files found beside it.
    public static func detectedConfiguration(_ survey: ProjectSurvey, registry: [String]) -> String {
        var s = starterHeader.replacingOccurrences(
            of: "# flaglint configuration. Every key",
            with: "# flaglint configuration written by `flaglint init --detect` from \(plural(survey.files, "file")).\n# Every key")
        s += "\n" + sdkSection(survey)
        s += "\n" + evaluatorSection(survey.wrappers)
        s += starterRules
        s += "\n# Flag lifecycle data (rollout dates, removals), relative to this file.\n"
        if registry.isEmpty {
            s += "# registry:\n#   - flags.yml\n"
        } else {
            s += "registry:\n" + registry.map { "  - \($0)\n" }.joined()
        }
        return s
    }

    private static func sdkSection(_ survey: ProjectSurvey) -> String {
        guard let enabled = survey.enabledSDKs else {
            return "# Built-in SDK catalogues to enable (default: all; `flaglint sdks` lists them).\n"
                + "# No file imports a built-in SDK or calls one of its evaluators, so all stay enabled.\n"
                + "# sdks: [launchdarkly, openfeature, unleash]\n"
        }
        let imported = survey.sdks.contains { $0.importingFiles > 0 }
        var s = imported
            ? "# Built-in SDK catalogues the project imports (`flaglint sdks` lists them all):\n"
            : "# No file imports a built-in SDK; these catalogues' evaluators appear in the code:\n"
        let width = (survey.sdks.map(\.id.count).max() ?? 0) + 2
        for use in survey.sdks where enabled.contains(use.id) {
            var line = "#   " + use.id.padding(toLength: width, withPad: " ", startingAt: 0)
            if use.importingFiles > 0 {
                line += "\(plural(use.importingFiles, "file")) \(use.importingFiles == 1 ? "imports" : "import") "
                    + use.imports.prefix(4).joined(separator: ", ") + (use.imports.count > 4 ? ", ..." : "") + "; "
            }
            s += line + plural(use.evaluations, "evaluation") + "\n"
        }
        s += "sdks: [\(enabled.joined(separator: ", "))]\n"
        let others = survey.sdks.filter { !enabled.contains($0.id) && $0.evaluations > 0 }
        if !others.isEmpty {
            s += "# Evaluated but never imported (add them if these calls really are theirs): "
                + others.map { "\($0.id) (\(plural($0.evaluations, "evaluation")))" }.joined(separator: ", ") + "\n"
        }
        return s
    }

    private static func evaluatorSection(_ wrappers: [WrapperSuggestion]) -> String {
        guard !wrappers.isEmpty else {
            return """
                # In-house wrappers around a flag SDK. None found: no function, method or property
                # passes one of its parameters (or its own case) to an SDK evaluator as the key.
                # evaluators:
                #   - match: "FeatureFlags.isEnabled($KEY)"
                #     language: swift
                #     fallback: false          # what the wrapper returns for an unknown flag

                """
        }
        var s = """
            # In-house wrappers found around those SDKs: each evaluates a flag with one of its parameters
            # (or its own case) as the key. Keep the ones that are flag checks, delete the others.

            """
        // With nothing enabled below, the key still needs a value for the file to load.
        s += wrappers.contains { $0.chosenPatterns.contains { $0.callSites > 0 } } ? "evaluators:\n" : "evaluators: []    # to accept a suggestion below, drop the [] and uncomment it\n"
        for w in wrappers {
            var defaultText: String
            if let p = w.defaultParameter {
                defaultText = "parameter `\(p)` as the default"
            } else {
                switch w.fallback {
                case .false: defaultText = "`false` as the default"
                case .true: defaultText = "`true` as the default (missing-default-false will report its calls)"
                case .unknown: defaultText = "a default flaglint cannot resolve"
                }
            }
            let article = w.shape.first.map { "aeiou".contains($0) } == true ? "an" : "a"
            s += "  # \(w.name) (\(w.path):\(w.line)), \(article) \(w.shape): evaluates\n"
                + "  # \(w.sdk) `\(w.evaluatorCall)` with \(w.keySource) as the key and \(defaultText).\n"
            for (pattern, sites) in w.chosenPatterns {
                let entry = "- match: \(quoted(pattern))\n    language: \(w.language)\n    fallback: \(w.fallback.rawValue)\n"
                if sites > 0 {
                    s += "  # \(plural(sites, "call site")).\n  " + entry
                } else {
                    // Nothing calls it (a test helper, dead code): offered, not enabled.
                    s += "  # No call site found; uncomment it if it is a flag check.\n"
                    s += "  # - match: \(quoted(pattern))\n  #   language: \(w.language)\n  #   fallback: \(w.fallback.rawValue)\n"
                }
            }
        }
        return s
    }

    private static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    /// A YAML double-quoted scalar.
    private static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
