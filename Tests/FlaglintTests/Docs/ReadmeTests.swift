import Foundation
import Testing
@testable import FlaglintSupport
@testable import FlaglintFrontends
@testable import FlaglintEngine
@testable import FlaglintKit

/// README.md's snippets, run as written: each block marked `<!-- readme-test: NAME -->` is
/// either a command run here (with the built `flaglint` on PATH) or a sample output compared
/// with a real run. A README that drifts from the tool fails here.
enum Readme {
    static let text: String = (try? String(contentsOfFile: PackagePaths.path("README.md"), encoding: .utf8)) ?? ""

    /// The contents of the first fenced block after the marker `<!-- readme-test: NAME`.
    static func block(_ name: String) throws -> String {
        let parts = text.components(separatedBy: "<!-- readme-test: \(name) ")
        guard parts.count == 2 else { throw CLI.Failure("README.md has \(parts.count - 1) `readme-test: \(name)` markers, expected 1") }
        let afterFence = parts[1].components(separatedBy: "\n```")
        guard afterFence.count >= 3 else { throw CLI.Failure("no code block after readme-test: \(name)") }
        // afterFence[1] is "lang\ncontents"; drop the info string line.
        let body = afterFence[1]
        return String(body[body.index(after: body.firstIndex(of: "\n") ?? body.startIndex)...]) + "\n"
    }

    /// Shell commands of a `sh` block (comments and blank lines dropped, trailing `# ...` removed).
    static func commands(_ name: String) throws -> [String] {
        try block(name).split(separator: "\n").compactMap { line in
            let code = line.components(separatedBy: "   #")[0].components(separatedBy: "  # ")[0].trimmingCharacters(in: .whitespaces)
            return code.isEmpty || code.hasPrefix("#") ? nil : code
        }
    }

    static let binDirectory: String? = CLI.binary.map { PathName.parent($0) }

    /// Runs a shell command line as a user would, with flaglint on PATH.
    static func sh(_ command: String, in directory: String, environment: [String: String] = [:]) throws -> Subprocess.Result {
        let path = (binDirectory.map { $0 + ":" } ?? "") + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return try Subprocess.run(["sh", "-c", command], in: directory, environment: environment.merging(["PATH": path, "NO_COLOR": "1"]) { $1 })
    }
}

@Suite(.enabled(if: CLI.binary != nil, CLI.skipReason))
struct ReadmeTests {
    @Test func demoOutputIsARealRun() throws {
        let expected = try Readme.block("demo-output")
        // `swift run flaglint testdata/demo`, from the checkout, on the README's date.
        let r = try CLI.run(["testdata/demo", "--today", "2026-11-25", "--color", "never", "--no-cache"], in: PackagePaths.root)
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout + r.stderr == expected, "README demo output differs from a real run:\n\(r.stdout)\(r.stderr)")
    }

    @Test func initDetectWalkthrough() throws {
        let demo = try Project.copy(of: "testdata/demo")
        defer { demo.remove() }
        let config = try demo.read(".lint.yml")
        try demo.write(".lint.yml", config.replacingOccurrences(of: #"(?s)evaluators:\n.*?(?=rules:)"#, with: "", options: .regularExpression))
        let r = try demo.run(["init", "--detect", "--force"])
        let said = try Readme.block("init-detect-stderr")
        #expect(r.status == 0 && r.stderr == said, "\(r)")
        let written = try demo.read(".lint.yml")
        #expect(written.contains(try Readme.block("init-detect-config")), "README's excerpt is not in the written file:\n\(written)")
        let flags = try demo.run(["flags", "--today", "2026-11-25"])
        #expect(flags.status == 0, "\(flags)")
        #expect(flags.stdout.contains(try Readme.block("init-detect-flags")), "\(flags)")
    }

    /// The pre-commit example files: text output and GitHub annotations as the README shows them.
    @Test func preCommitExampleOutput() throws {
        let p = try Project([".lint.yml": try Readme.block("pre-commit-config"), "app/checkout.py": try Readme.block("pre-commit-source")])
        defer { p.remove() }
        let text = try p.run(["--force-exclude", "app/checkout.py", "--color", "never"])
        let shown = try Readme.block("pre-commit-output")
        #expect(text.status == 1 && text.stdout == shown, "\(text)")
        let command = try #require(try Readme.block("github-annotations").components(separatedBy: "run: ").last?.trimmingCharacters(in: .whitespacesAndNewlines))
        let github = try Readme.sh(command, in: p.root)
        let annotations = try Readme.block("github-annotations-output")
        #expect(github.status == 1 && github.stdout == annotations, "\(github.stdout)\(github.stderr)")
    }

    @Test(.enabled(if: Tools.requireAll || (Tools.preCommit && Tools.git), "needs pre-commit (pip install pre-commit) and git"))
    func preCommitLocalRecipe() throws {
        let p = try Project([".pre-commit-config.yaml": try Readme.block("pre-commit-local"), ".lint.yml": try Readme.block("pre-commit-config"),
                             "app/checkout.py": try Readme.block("pre-commit-source")])
        defer { p.remove() }
        let env = ["PRE_COMMIT_HOME": p.path(".pre-commit-home"), "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_AUTHOR_NAME": "t",
                   "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"]
        for step in ["git init -q", "git add .pre-commit-config.yaml .lint.yml app/checkout.py"] {
            let r = try Readme.sh(step, in: p.root, environment: env)
            #expect(r.status == 0, "\(step): \(r.stdout)\(r.stderr)")
        }
        let failing = try Readme.sh("pre-commit run", in: p.root, environment: env)
        #expect(failing.status == 1, "\(failing.stdout)\(failing.stderr)")
        let shown = try Readme.block("pre-commit-output")
        #expect(failing.stdout.contains(shown), "\(failing.stdout)\(failing.stderr)")
        try p.write("app/checkout.py", try Readme.block("pre-commit-source").replacingOccurrences(of: "features.has(\"gift-note\")", with: "True"))
        let passing = try Readme.sh("git add app/checkout.py && pre-commit run", in: p.root, environment: env)
        #expect(passing.status == 0, "\(passing.stdout)\(passing.stderr)")
    }

    @Test func remotePreCommitRecipePinsWhatExists() throws {
        let yaml = try Readme.block("pre-commit-remote")
        #expect(yaml.contains("  - repo: https://github.com/flaglint/flaglint\n"))
        let rev = try #require(yaml.split(separator: "\n").first { $0.contains("rev:") }?.split(separator: " ").dropFirst().first)
        // There are no release tags: the recipe names the default branch, which exists.
        #expect(rev == "main", "rev \(rev)")
        let hooks = try String(contentsOfFile: PackagePaths.path(".pre-commit-hooks.yaml"), encoding: .utf8)
        #expect(hooks.contains("- id: flaglint\n") && yaml.contains("- id: flaglint\n"))
        #expect(!Readme.text.contains("v0.1.0"), "README names a tag that does not exist")
    }

    /// The workflow's install step (clone + checkout of the pinned revision; the release build is
    /// what `PreCommitTests` does), then its lint step and the annotation step on the demo.
    @Test(.enabled(if: Tools.requireAll || Tools.git, "needs git"))
    func gitHubWorkflowSteps() throws {
        let workflow = try Readme.block("github-workflow")
        let lines = workflow.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let install = lines.drop { !$0.contains("- name: Install flaglint") }.drop { !$0.hasSuffix("run: |") }.dropFirst()
            .prefix { $0.hasPrefix("          ") }.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(install.count == 4, "\(install)")
        #expect(install.last == #"echo "$RUNNER_TEMP/flaglint/.build/release" >> "$GITHUB_PATH""#)
        #expect(install.contains(#"swift build -c release --package-path "$RUNNER_TEMP/flaglint""#))
        #expect(workflow.contains("FLAGLINT_REV: main "))
        let scratch = try Project()
        defer { scratch.remove() }
        // Clone this checkout instead of GitHub, at its HEAD (the pinned-SHA form).
        let head = try Readme.sh("git rev-parse HEAD", in: PackagePaths.root).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let cloneAndCheckout = install.filter { $0.hasPrefix("git ") }
            .map { $0.replacingOccurrences(of: "https://github.com/flaglint/flaglint", with: "'\(PackagePaths.root)'") }
        #expect(cloneAndCheckout.count == 2)
        let cloned = try Readme.sh(cloneAndCheckout.joined(separator: " && "), in: scratch.root,
                                   environment: ["RUNNER_TEMP": scratch.root, "FLAGLINT_REV": head])
        #expect(cloned.status == 0 && scratch.exists("flaglint/Package.swift"), "\(cloned.stdout)\(cloned.stderr)")

        let demo = try Project.copy(of: "testdata/demo")
        defer { demo.remove() }
        let lint = try #require(lines.first { $0.contains("run: flaglint --format sarif") }?.components(separatedBy: "run: ").last)
        let sarif = try Readme.sh(lint, in: demo.root)
        #expect(sarif.status == 0, "--fail-on never: \(sarif.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: demo.path("flaglint.sarif")))) as? [String: Any]
        #expect(document?["version"] as? String == "2.1.0")
    }

    @Test func gitLabJob() throws {
        let job = try Readme.block("gitlab")
        let command = try #require(job.split(separator: "\n").first { $0.contains("- flaglint ") }?.components(separatedBy: "- ").last)
        let demo = try Project.copy(of: "testdata/demo")
        defer { demo.remove() }
        let r = try Readme.sh(command, in: demo.root)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(try demo.read("flaglint-junit.xml").contains("<testsuites"))
    }

    /// The VS Code problem matcher's regexp parses every line flaglint prints.
    @Test func vsCodeProblemMatcher() throws {
        let task = try JSONSerialization.jsonObject(with: Data(try Readme.block("vscode").utf8)) as? [String: Any]
        let matcher = (task?["tasks"] as? [[String: Any]])?.first?["problemMatcher"] as? [String: Any]
        let pattern = try #require((matcher?["pattern"] as? [String: Any])?["regexp"] as? String)
        let regex = try NSRegularExpression(pattern: pattern)
        let r = try CLI.run(["testdata/demo", "--quiet", "--color", "never", "--today", "2026-11-25", "--no-cache"], in: PackagePaths.root)
        #expect(r.stdoutLines.count == 13)
        for line in r.stdoutLines {
            let match = regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line))
            #expect(match != nil, "\(line)")
        }
    }

    @Test func baselineCommands() throws {
        let demo = try Project.copy(of: "testdata/demo")
        defer { demo.remove() }
        let commands = try Readme.commands("baseline")
        #expect(commands.count == 3)
        for command in commands {
            let r = try Readme.sh(command, in: demo.root)
            #expect(r.status == 0, "\(command): \(r.stdout)\(r.stderr)")
        }
        #expect(demo.exists(".flaglint-baseline.json"))
    }

    @Test(.enabled(if: Tools.requireAll || Tools.git, "needs git"))
    func diffCommand() throws {
        let demo = try Project.copy(of: "testdata/demo")
        defer { demo.remove() }
        let env = ["GIT_CONFIG_GLOBAL": "/dev/null", "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                   "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"]
        let setup = try Readme.sh("git init -q && git add -A && git commit -qm base && git update-ref refs/remotes/origin/main HEAD", in: demo.root, environment: env)
        #expect(setup.status == 0, "\(setup.stderr)")
        let command = try #require(try Readme.commands("diff").first)
        let unchanged = try Readme.sh(command, in: demo.root, environment: env)
        #expect(unchanged.status == 0 && unchanged.stdout.isEmpty, "\(unchanged.stdout)\(unchanged.stderr)")
        let source = try demo.read("services/recommendations.py")
        try demo.write("services/recommendations.py", source + "\n\ndef more(client, user):\n    return client.variation(\"extra\", user, True)\n")
        let changed = try Readme.sh(command, in: demo.root, environment: env)
        #expect(changed.status == 1 && changed.stdout.hasPrefix("services/recommendations.py:20:19: error: flag `extra` falls back to `True`"), "\(changed.stdout)\(changed.stderr)")
        #expect(changed.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("services/recommendations.py:20:") }, "only the changed line: \(changed.stdout)")
    }

    @Test func configurationExampleLoads() throws {
        let yaml = try Readme.block("configuration")
        #expect(throws: Never.self) { try Configuration.parse(yaml, file: "/project/.lint.yml", displayPath: ".lint.yml") }
    }
}
