/// JUnit XML for CI systems that show test reports (GitLab `artifacts:reports:junit`, Jenkins,
/// Azure Pipelines). One test suite; one failed test case per unsuppressed finding, named by
/// rule and location, so each finding is its own line in the CI's test view. A clean run has
/// one passing test case so the report is never empty (some CIs treat that as an error).
public struct JUnitReporter: Reporter {
    public init() {}

    public func render(_ report: LintReport) -> String {
        let findings = report.unsuppressed
        let tests = max(1, findings.count)
        var out = CheckstyleXML.declaration
        out += "<testsuites name=\"flaglint\" tests=\"\(tests)\" failures=\"\(findings.count)\" errors=\"0\">\n"
        out += "  <testsuite name=\"flaglint\" tests=\"\(tests)\" failures=\"\(findings.count)\" errors=\"0\" skipped=\"0\">\n"
        if findings.isEmpty {
            out += "    <testcase name=\"flaglint\" classname=\"flaglint\"/>\n"
        }
        for f in findings {
            let location = "\(f.path):\(f.line):\(f.column)"
            let name = CheckstyleXML.escape("\(f.rule) at \(location)")
            let classname = CheckstyleXML.escape(f.path)
            out += "    <testcase name=\"\(name)\" classname=\"\(classname)\" file=\"\(classname)\" line=\"\(f.line)\">\n"
            out += "      <failure message=\"\(CheckstyleXML.escape(f.message))\" type=\"\(CheckstyleXML.escape(f.rule))\">"
            out += CheckstyleXML.escape("\(location): \(f.severity.rawValue): \(f.message) [\(f.rule)]")
            out += "</failure>\n"
            out += "    </testcase>\n"
        }
        return out + "  </testsuite>\n</testsuites>\n"
    }
}
