import Foundation
import Testing
@testable import FlaglintFrontends
@testable import FlaglintAnalysis

/// Real editors running README's recipes against `flaglint server`: the diagnostics the
/// editor holds for a buffer are `flaglint lint`'s findings for it.
@Suite(.serialized, .enabled(if: CLI.binary != nil, CLI.skipReason))
struct EditorServerTests {
    static let nvim = Subprocess.succeeds(["nvim", "--version"])
    /// Emacs' eglot: built in from Emacs 29, Debian's `elpa-eglot` package before.
    static let loadEglot = #"(progn (dolist (d (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*")) (add-to-list 'load-path d)) (require 'eglot))"#
    static let eglot = Subprocess.succeeds(["emacs", "--batch", "-Q", "--eval", loadEglot])

    /// Run inside Neovim: waits for diagnostics, edits the buffer, waits for the new ones,
    /// writes both lists (`open|edited LINE:COL RULE MESSAGE`) and quits.
    static let check = """
        local function code(d) return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "" end
        local function dump(tag, into)
          for _, d in ipairs(vim.diagnostic.get(0)) do
            table.insert(into, string.format("%s %d:%d %s %s", tag, d.lnum + 1, d.col + 1, code(d), d.message))
          end
        end
        local result = {}
        if not vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 20) then table.insert(result, "timeout: no diagnostics") end
        dump("open", result)
        local n = vim.fn.search("defaultValue: true")
        vim.fn.setline(n, (vim.fn.getline(n):gsub("defaultValue: true", "defaultValue: false")))
        local edited = vim.wait(60000, function()
          for _, d in ipairs(vim.diagnostic.get(0)) do if code(d) == "missing-default-false" then return false end end
          return true
        end, 20)
        if not edited then table.insert(result, "timeout: the edit was not linted") end
        dump("edited", result)
        vim.fn.writefile(vim.fn.getline(1, "$"), "edited.swift")
        vim.fn.writefile(result, "diagnostics.txt")
        vim.cmd("qa!")
        """

    static func rows(_ tag: String, lint path: String, stdin: String, in root: String) throws -> [String] {
        let result = try CLI.run(["lint", "--format", "json", "--stdin-filename", path, "-"], in: root, stdin: Data(stdin.utf8))
        let json = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
        return (json?["findings"] as? [[String: Any]] ?? []).map { f in
            "\(tag) \(f.int("line")!):\(f.int("column")!) \(f["rule"] as! String) \(f["message"] as! String)"
        }
    }

    /// The PATH and scratch locations an editor runs `flaglint server` with.
    static func environment(_ project: Project) throws -> [String: String] {
        let binDirectory = URL(fileURLWithPath: try #require(CLI.binary)).deletingLastPathComponent().path
        return ["PATH": binDirectory + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                "FLAGLINT_CACHE_DIR": NSTemporaryDirectory() + "/flaglint-test-cache-editors",
                "HOME": project.path("home"), "XDG_CONFIG_HOME": project.path("config"), "XDG_DATA_HOME": project.path("data"),
                "XDG_STATE_HOME": project.path("state")]
    }

    /// Neovim 0.7 (`vim.lsp.start_client`): diagnostics before and after an unsaved edit, which
    /// Neovim sends as an incremental change.
    @Test(.enabled(if: Tools.requireAll || nvim, "needs Neovim 0.7 or later (apt-get install neovim)"))
    func neovimShowsWhatLintReportsAsYouType() throws {
        let project = try Project.copy(of: "testdata/demo")
        let recipe = try Readme.block("neovim-lsp")
        try project.write("init.lua", recipe)
        try project.write("check.lua", Self.check)
        let file = "Sources/Shop/CheckoutController.swift"
        var command = ["nvim", "--headless", "-u", "init.lua", "-c", "luafile check.lua", file]
        if Tools.timeout { command = ["timeout", "300"] + command }
        let result = try Subprocess.run(command, in: project.root, environment: try Self.environment(project))
        #expect(result.status == 0, "nvim: \(result.stderr)")
        let seen = try String(contentsOfFile: project.path("diagnostics.txt"), encoding: .utf8).split(separator: "\n").map(String.init)
        let original = try String(contentsOfFile: project.path(file), encoding: .utf8)
        let edited = try String(contentsOfFile: project.path("edited.swift"), encoding: .utf8)
        #expect(edited != original)
        let expected = try Self.rows("open", lint: file, stdin: original, in: project.root).sorted()
            + Self.rows("edited", lint: file, stdin: edited, in: project.root).sorted()
        #expect(expected.contains { $0.hasPrefix("open ") && $0.contains(" missing-default-false ") })
        #expect(!expected.contains { $0.hasPrefix("edited ") && $0.contains(" missing-default-false ") })
        #expect(seen.filter { $0.hasPrefix("open ") }.sorted() + seen.filter { !$0.hasPrefix("open ") }.sorted() == expected)
    }

    /// Emacs with eglot and README's `eglot-server-programs` entry: `M-x eglot` in a Python
    /// buffer, then Flymake's diagnostics.
    @Test(.enabled(if: Tools.requireAll || eglot, "needs Emacs with eglot (apt-get install emacs-nox elpa-eglot)"))
    func emacsEglotShowsWhatLintReports() throws {
        let project = try Project.copy(of: "testdata/demo")
        try project.write("recipe.el", try Readme.block("emacs-eglot"))
        // eglot asks project.el for the project: a git repository is one.
        _ = try Subprocess.run(["git", "init", "-q", "."], in: project.root)
        let file = "services/recommendations.py"
        try project.write("check.el", """
            \(Self.loadEglot)
            (load-file "recipe.el")
            (setq root default-directory)
            (find-file "\(file)")
            (call-interactively #'eglot)
            (let ((deadline (+ (float-time) 120)))
              (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
                (accept-process-output nil 0.05)))
            (let ((lines (mapcar (lambda (d)
                                   (format "%d:%d %s\\n" (line-number-at-pos (flymake-diagnostic-beg d))
                                           (save-excursion (goto-char (flymake-diagnostic-beg d)) (1+ (current-column)))
                                           (flymake-diagnostic-text d)))
                                 (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))))
              (write-region (apply #'concat lines) nil (expand-file-name "diagnostics.txt" root)))
            (kill-emacs 0)
            """)
        var command = ["emacs", "--batch", "-Q", "-l", "check.el"]
        if Tools.timeout { command = ["timeout", "300"] + command }
        let result = try Subprocess.run(command, in: project.root, environment: try Self.environment(project))
        #expect(result.status == 0, "emacs: \(result.stderr)")
        let seen = try String(contentsOfFile: project.path("diagnostics.txt"), encoding: .utf8).split(separator: "\n").map(String.init)
        let lint = try CLI.run(["lint", "--format", "json", file], in: project.root)
        let json = try JSONSerialization.jsonObject(with: lint.stdoutData) as? [String: Any]
        let expected = (json?["findings"] as? [[String: Any]] ?? []).map { f in
            "\(f.int("line")!):\(f.int("column")!) flaglint [\(f["rule"] as! String)]: \(f["message"] as! String)"
        }
        #expect(!expected.isEmpty)
        #expect(seen == expected)
    }
}
