import FlaglintSupport
import FlaglintSyntax

/// GitHub Actions workflow commands (`::error file=...::message`) that become annotations on
/// the pull request. Suppressed findings are left out: an annotation cannot be dismissed.
public struct GitHubReporter: Reporter {
    public init() {}

    public func render(_ report: LintReport) -> String {
        report.unsuppressed.map(Self.command).joined()
    }

    package static func command(_ f: Finding) -> String {
        var properties = [("file", f.path), ("line", String(f.line))]
        // GitHub ignores columns on annotations spanning lines, and rejects them in some runners.
        let singleLine = f.endLine <= f.line
        if singleLine { properties.append(("col", String(f.column))) }
        properties.append(("endLine", String(max(f.line, f.endLine))))
        if singleLine { properties.append(("endColumn", String(max(f.column, f.endColumn)))) }
        properties.append(("title", "flaglint: \(f.rule)"))
        let level = f.severity == .error ? "error" : "warning"
        let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(level) \(list)::\(escapeData(f.message))\n"
    }

    /// Data ends at the line end, so `%` and line breaks are percent-escaped; other control
    /// characters (ESC, C1) are written as visible escapes, as in text output.
    public static func escapeData(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case _ where TerminalText.needsEscape(scalar): out += TerminalText.escape(String(scalar))
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Properties are also delimited by `,` and ended by `::`.
    public static func escapeProperty(_ s: String) -> String {
        var out = ""
        for scalar in escapeData(s).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
