/// Checkstyle XML (format 4.3), read by Jenkins warnings-ng, reviewdog, SonarQube and others.
/// Only files with unsuppressed findings are listed: flaglint does not know which other
/// files a consumer would want reported as clean.
public struct CheckstyleReporter: Reporter {
    public init() {}

    public func render(_ report: LintReport) -> String {
        var out = CheckstyleXML.declaration + "<checkstyle version=\"4.3\">\n"
        var currentPath: String?
        for f in report.unsuppressed {
            if f.path != currentPath {
                if currentPath != nil { out += "  </file>\n" }
                out += "  <file name=\"\(CheckstyleXML.escape(f.path))\">\n"
                currentPath = f.path
            }
            out += "    <error line=\"\(f.line)\" column=\"\(f.column)\" severity=\"\(f.severity.rawValue)\""
            out += " message=\"\(CheckstyleXML.escape(f.message))\" source=\"flaglint.\(CheckstyleXML.escape(f.rule))\"/>\n"
        }
        if currentPath != nil { out += "  </file>\n" }
        return out + "</checkstyle>\n"
    }
}
