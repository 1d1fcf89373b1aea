import FlaglintSupport

/// gcc-style lines that vim, Emacs and VS Code problem matchers parse:
/// `path:line:col: error: message [rule-id]`, then `note:` lines for related locations.
public struct TextReporter: Reporter {
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    private func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    public func render(_ report: LintReport) -> String {
        var out = ""
        for f in report.unsuppressed {
            let level = f.severity == .error ? paint("error", "1;31") : paint("warning", "1;33")
            let e = TerminalText.escape
            out += "\(paint("\(e(f.path)):\(f.line):\(f.column):", "1")) \(level): \(e(f.message)) \(paint("[\(e(f.rule))]", "2"))\n"
            for r in f.related {
                out += "\(paint("\(e(r.path)):\(r.line):\(r.column):", "1")) \(paint("note", "1;36")): \(e(r.message ?? "related location"))\n"
            }
        }
        return out
    }

    /// The summary printed on stderr after the report, whatever the format: how many problems
    /// in how many files (a registry file with findings counts), then how much was linted.
    public static func summary(_ report: LintReport) -> String {
        let shown = report.unsuppressed
        let errors = shown.filter { $0.severity == .error }.count
        let warnings = shown.count - errors
        let suppressed = report.findings.count - shown.count
        let withFindings = Set(shown.map(\.path)).count
        func plural(_ n: Int, _ w: String) -> String { "\(n) \(w)\(n == 1 ? "" : "s")" }
        var s = shown.isEmpty ? "No problems found"
            : "Found \(plural(shown.count, "problem")) (\(plural(errors, "error")), \(plural(warnings, "warning"))) in \(plural(withFindings, "file"))"
        s += "; linted \(plural(report.files, "file")), \(plural(report.evaluations, "flag evaluation"))"
        if suppressed > 0 { s += "; \(suppressed) suppressed" }
        return s + "."
    }

    /// `--statistics`: findings per rule, most frequent first.
    public static func statistics(_ report: LintReport) -> String {
        var counts: [String: Int] = [:]
        for f in report.unsuppressed { counts[f.rule, default: 0] += 1 }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { "\(String($0.value).leftPad(6))  \($0.key)" }.joined(separator: "\n") + (counts.isEmpty ? "" : "\n")
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
