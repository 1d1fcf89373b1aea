import Foundation
import FlaglintSupport
import FlaglintSyntax
import FlaglintRules

/// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers.
///
/// Choices GitHub depends on: one run; every known rule in `tool.driver.rules` (so a fixed
/// alert can be closed); repo-relative `uri`s under `%SRCROOT%`; full regions in Unicode code
/// points; `partialFingerprints.primaryLocationLineHash` computed like `upload-sarif` does;
/// suppressed findings kept with `suppressions` (`inSource` for comments, `external` for the
/// baseline) and unsuppressed ones without the property, as CodeQL writes them.
/// Members are written in a fixed order (`JSONValue`) so the output is byte-stable.
public struct SARIFReporter: Reporter {
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    public static let informationURI = Flaglint.repositoryURL

    /// Returns the bytes of a linted file by absolute path, for fingerprints; `nil` leaves the
    /// fingerprint out (GitHub then computes it on upload from the checkout).
    public var readSource: @Sendable (_ absolutePath: String) -> [UInt8]?

    public init(readSource: @escaping @Sendable (_ absolutePath: String) -> [UInt8]? = SARIFReporter.readFromDisk) {
        self.readSource = readSource
    }

    public static let readFromDisk: @Sendable (String) -> [UInt8]? = { path in
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    public func render(_ report: LintReport) -> String {
        var rules = report.rules
        let known = Set(rules.map(\.id))
        // A finding of a rule the report does not describe still needs a valid `ruleIndex`.
        for id in Set(report.findings.map(\.rule)).subtracting(known).sorted() {
            rules.append(RuleDescription(id: id, summary: id, defaultSeverity: .warning, whatItDoes: "", whyIsThisBad: "",
                                         example: "", useInstead: ""))
        }
        var ruleIndex: [String: Int] = [:]
        for (i, rule) in rules.enumerated() where ruleIndex[rule.id] == nil { ruleIndex[rule.id] = i }

        var hashesByPath: [String: [String]] = [:]
        var results: [JSONValue] = []
        for finding in report.findings {
            if hashesByPath[finding.path] == nil {
                let absolute = Self.absolutePath(finding.path, root: report.rootDirectory)
                hashesByPath[finding.path] = readSource(absolute).map { SARIFLineHash.hashes(of: String(decoding: $0, as: UTF8.self)) } ?? []
            }
            results.append(result(finding, ruleIndex: ruleIndex[finding.rule] ?? 0, hashes: hashesByPath[finding.path] ?? []))
        }

        let driver: JSONValue = .object([
            ("name", .string("flaglint")),
            ("version", .string(report.toolVersion)),
            ("semanticVersion", .string(report.toolVersion)),
            ("informationUri", .string(Self.informationURI)),
            ("rules", .array(rules.map(Self.descriptor))),
        ])
        let run: JSONValue = .object([
            ("tool", .object([("driver", driver)])),
            ("originalUriBaseIds", .object([
                ("%SRCROOT%", .object([("uri", .string(Self.directoryURI(report.rootDirectory)))])),
            ])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ])
        return JSONValue.object([
            ("$schema", .string(Self.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ]).rendered() + "\n"
    }

    private func result(_ f: Finding, ruleIndex: Int, hashes: [String]) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("ruleId", .string(f.rule)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(f.severity == .error ? "error" : "warning")),
            ("message", .object([("text", .string(Self.messageText(f)))])),
            ("locations", .array([.object([("physicalLocation", Self.physicalLocation(
                path: f.path, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn))])])),
        ]
        if f.line >= 1 && f.line <= hashes.count {
            members.append(("partialFingerprints", .object([("primaryLocationLineHash", .string(hashes[f.line - 1]))])))
        }
        if !f.related.isEmpty {
            members.append(("relatedLocations", .array(f.related.enumerated().map { i, r in
                .object([
                    ("id", .int(i + 1)),
                    ("physicalLocation", Self.physicalLocation(path: r.path, line: r.line, column: r.column, endLine: nil, endColumn: nil)),
                    ("message", .object([("text", .string(r.message ?? r.flag.map { "flag `\($0)` checked here" } ?? "related location"))])),
                ])
            })))
        }
        if let s = f.suppression {
            var suppression: [(String, JSONValue)] = [("kind", .string(s.kind == .inSource ? "inSource" : "external"))]
            if let why = s.justification, !why.isEmpty { suppression.append(("justification", .string(why))) }
            members.append(("suppressions", .array([.object(suppression)])))
        }
        if let flag = f.flag {
            members.append(("properties", .object([("flag", .string(flag))])))
        }
        return .object(members)
    }

    private static func physicalLocation(path: String, line: Int, column: Int, endLine: Int?, endColumn: Int?) -> JSONValue {
        let startLine = max(1, line), startColumn = max(1, column)
        var region: [(String, JSONValue)] = [("startLine", .int(startLine)), ("startColumn", .int(startColumn))]
        if let endLine, let endColumn {
            // Regions must not end before they start; a rule's empty range becomes one character.
            let el = max(startLine, endLine)
            let ec = el == startLine ? max(startColumn, endColumn) : max(1, endColumn)
            region += [("endLine", .int(el)), ("endColumn", .int(ec))]
        }
        return .object([("artifactLocation", artifactLocation(path)), ("region", .object(region))])
    }

    private static func artifactLocation(_ path: String) -> JSONValue {
        if path.hasPrefix("/") {
            return .object([("uri", .string("file://" + percentEncodedPath(path)))])
        }
        var relative = path
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        return .object([("uri", .string(percentEncodedPath(relative))), ("uriBaseId", .string("%SRCROOT%"))])
    }

    package static func descriptor(_ rule: RuleDescription) -> JSONValue {
        let level: String = switch rule.defaultSeverity {
        case .error: "error"
        case .warning: "warning"
        case nil: "none"
        }
        var configuration: [(String, JSONValue)] = [("level", .string(level))]
        if rule.defaultSeverity == nil { configuration.append(("enabled", .bool(false))) }
        return .object([
            ("id", .string(rule.id)),
            ("name", .string(pascalCase(rule.id))),
            ("shortDescription", .object([("text", .string(rule.summary))])),
            ("fullDescription", .object([("text", .string(rule.whatItDoes.isEmpty ? rule.summary : rule.whatItDoes))])),
            ("help", .object([("text", .string(helpText(rule))), ("markdown", .string(helpMarkdown(rule)))])),
            ("helpUri", .string(rule.helpURI)),
            ("defaultConfiguration", .object(configuration)),
            ("properties", .object([("tags", .array([.string("feature-flags")]))])),
        ])
    }

    private static func sections(_ rule: RuleDescription) -> [(String, String, isCode: Bool)] {
        var out: [(String, String, isCode: Bool)] = []
        if !rule.whatItDoes.isEmpty { out.append(("What it does", rule.whatItDoes, false)) }
        if !rule.whyIsThisBad.isEmpty { out.append(("Why is this bad?", rule.whyIsThisBad, false)) }
        if !rule.example.isEmpty { out.append(("Example", rule.example, true)) }
        if !rule.useInstead.isEmpty { out.append(("Use instead", rule.useInstead, true)) }
        return out
    }

    static func helpText(_ rule: RuleDescription) -> String {
        var parts = sections(rule).map { "\($0.0)\n\($0.1)" }
        if !rule.options.isEmpty {
            parts.append("Options\n" + rule.options.map { "- \($0.name): \($0.meaning)" }.joined(separator: "\n"))
        }
        return parts.isEmpty ? rule.summary : parts.joined(separator: "\n\n")
    }

    static func helpMarkdown(_ rule: RuleDescription) -> String {
        var parts = sections(rule).map { title, body, isCode in
            isCode ? "## \(title)\n\n```\n\(body)\n```" : "## \(title)\n\n\(body)"
        }
        if !rule.options.isEmpty {
            parts.append("## Options\n\n" + rule.options.map { "- `\($0.name)`: \($0.meaning)" }.joined(separator: "\n"))
        }
        return parts.isEmpty ? rule.summary : parts.joined(separator: "\n\n")
    }

    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { $0 == "-" || $0 == "_" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    package static func absolutePath(_ path: String, root: String) -> String {
        if path.hasPrefix("/") { return path }
        return root.hasSuffix("/") ? root + path : root + "/" + path
    }

    static func directoryURI(_ directory: String) -> String {
        let encoded = percentEncodedPath(directory.hasPrefix("/") ? directory : "/" + directory)
        return "file://" + (encoded.hasSuffix("/") ? encoded : encoded + "/")
    }

    /// RFC 3986 path encoding: unreserved characters and `/` stay, every other byte of the
    /// UTF-8 encoding becomes `%XX` (spaces, `#`, `?`, `%` and non-ASCII names all survive).
    public static func percentEncodedPath(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}

extension SARIFReporter {
    /// GitHub shows a related location only when the message links to it (`[text](id)`).
    static func messageText(_ f: Finding) -> String {
        guard !f.related.isEmpty else { return f.message }
        let links = f.related.enumerated().map { i, r in "[\(r.flag.map { "`\($0)`" } ?? "here")](\(i + 1))" }
        return f.message + ". Controlled by " + links.joined(separator: ", ") + "."
    }
}
