import FlaglintSupport

/// README, Output formats JSON for `lint`: one stable, versioned document.
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ report: LintReport) -> String {
        let shown = report.unsuppressed
        let findings: [JSONValue] = shown.map { f in
            var members: [(String, JSONValue)] = [
                ("rule", .string(f.rule)), ("severity", .string(f.severity.rawValue)), ("path", .string(f.path)),
                ("line", .int(f.line)), ("column", .int(f.column)), ("endLine", .int(f.endLine)), ("endColumn", .int(f.endColumn)),
                ("flag", f.flag.map(JSONValue.string) ?? .null), ("message", .string(f.message)),
            ]
            members.append(("related", .array(f.related.map { r in
                .object([("path", .string(r.path)), ("line", .int(r.line)), ("column", .int(r.column)),
                         ("flag", r.flag.map(JSONValue.string) ?? .null)])
            })))
            return .object(members)
        }
        let errors = shown.filter { $0.severity == .error }.count
        let doc: JSONValue = .object([
            ("tool", .string("flaglint")), ("version", .string(report.toolVersion)), ("schema", .int(1)),
            ("findings", .array(findings)),
            ("summary", .object([
                ("files", .int(report.files)), ("evaluations", .int(report.evaluations)), ("findings", .int(shown.count)),
                ("errors", .int(errors)), ("warnings", .int(shown.count - errors)),
                ("suppressed", .int(report.findings.count - shown.count)),
            ])),
        ])
        return doc.rendered() + "\n"
    }
}
