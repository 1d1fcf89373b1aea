import FlaglintSupport
import FlaglintSyntax
import FlaglintRules

/// Everything a reporter needs to render one `lint` run.
public struct LintReport: Sendable {
    /// Sorted with `Finding.ordered`; suppressed findings are included, marked by `suppression`.
    public var findings: [Finding]
    /// Every rule flaglint knows, in id order (SARIF `tool.driver.rules`).
    public var rules: [RuleDescription]
    /// Number of files linted and evaluations found.
    public var files: Int
    public var evaluations: Int
    /// Absolute path of the directory paths in findings are relative to (SARIF `%SRCROOT%`).
    public var rootDirectory: String
    public var toolVersion: String

    public init(findings: [Finding], rules: [RuleDescription], files: Int, evaluations: Int, rootDirectory: String, toolVersion: String = Flaglint.version) {
        self.findings = findings
        self.rules = rules
        self.files = files
        self.evaluations = evaluations
        self.rootDirectory = rootDirectory
        self.toolVersion = toolVersion
    }

    public var unsuppressed: [Finding] { findings.filter { $0.suppression == nil } }
}

/// Renders a lint report as one document (machine formats) or as lines (text).
public protocol Reporter: Sendable {
    func render(_ report: LintReport) -> String
}
