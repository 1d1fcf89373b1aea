import Foundation
import FlaglintSyntax

/// One `flaglint:` comment directive (docs/semantics.md, Suppressions), in any language's comment syntax.
///
/// ```
/// // flaglint:disable-next-line nested-flag,stale-flag -- migration tracked in JIRA-12
/// x = f()  # flaglint:disable-line missing-default-false
/// /* flaglint:disable stale-flag */ ... /* flaglint:enable stale-flag */
/// # flaglint:disable-file all
/// ```
public struct SuppressionDirective: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case disableNextLine = "disable-next-line"
        case disableLine = "disable-line"
        case disable
        case enable
        case disableFile = "disable-file"
    }

    public var kind: Kind
    /// Rule ids as written; `all` stands for every rule. Never empty: no list means `all`.
    public var rules: [String]
    /// The text after ` -- `, carried into SARIF as the suppression's justification.
    public var reason: String?
    /// Where the comment starts and ends (1-based line, code-point column).
    public var start: SourceLocation
    public var end: SourceLocation
    /// The source line the comment starts on, for `unused-suppression` findings and baselines.
    public var lineText: String

    public init(kind: Kind, rules: [String], reason: String? = nil, start: SourceLocation, end: SourceLocation, lineText: String = "") {
        self.kind = kind
        // A name written twice counts once (a comment may repeat one name 100,000 times).
        var seen = Set<String>()
        let distinct = rules.filter { seen.insert($0).inserted }
        self.rules = distinct.isEmpty ? ["all"] : distinct
        self.reason = reason
        self.start = start
        self.end = end
        self.lineText = lineText
    }

    /// Whether the directive names `rule`, directly or through `all`.
    public func covers(_ rule: String) -> Bool { rules.contains(rule) || rules.contains("all") }
}

/// A `flaglint:` comment that is not a directive (`flaglint:disabel x`), reported so a typo
/// does not silently leave findings unsuppressed.
public struct MalformedSuppression: Sendable, Equatable, Codable {
    public var text: String
    public var start: SourceLocation
    public var end: SourceLocation
    public var lineText: String
}

/// Reads directives out of a file's comments.
public enum SuppressionParser {
    static let marker = Array("flaglint:".utf8)

    public static func parse(_ comments: [Comment], in source: SourceFile) -> (directives: [SuppressionDirective], malformed: [MalformedSuppression]) {
        var directives: [SuppressionDirective] = []
        var malformed: [MalformedSuppression] = []
        for comment in comments where mentionsMarker(comment.text) {
            let start = source.location(at: comment.start), end = source.location(at: comment.end)
            let lineText = source.lineText(start.line, limit: SourceFile.maxLineText)
            // A block comment may hold one directive per line; `#`/`//` comments hold one line.
            for line in comment.text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
                guard let body = directiveText(in: String(line)) else { continue }
                if var directive = directive(from: body, start: start, end: end) {
                    directive.lineText = lineText
                    directives.append(directive)
                } else {
                    malformed.append(MalformedSuppression(text: "flaglint:" + body.prefix(while: { !$0.isWhitespace }),
                                                          start: start, end: end, lineText: lineText))
                }
            }
        }
        return (directives, malformed)
    }

    /// Whether `text` contains `flaglint:` at all: most comments do not, and then nothing
    /// else about them needs computing.
    static func mentionsMarker(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            let m = marker.count
            guard b.count >= m else { return false }
            var i = 0
            while i + m <= b.count {
                if b[i] == UInt8(ascii: "f") {
                    var k = 1
                    while k < m && b[i + k] == marker[k] { k += 1 }
                    if k == m { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// The text after `flaglint:` when the marker opens the comment (after its delimiter) or
    /// follows another comment delimiter (`# type: ignore  # flaglint:disable-line x`); prose
    /// that merely mentions `flaglint:disable` is not a directive.
    static func directiveText(in line: String) -> String? {
        let bytes = Array(line.utf8)
        guard bytes.count >= marker.count else { return nil }
        var i = 0
        while i + marker.count <= bytes.count {
            if bytes[i] == marker[0] && Array(bytes[i..<i + marker.count]) == marker {
                var j = i - 1
                while j >= 0 && (bytes[j] == 0x20 || bytes[j] == 0x09) { j -= 1 }
                let opensComment = j < 0 || [UInt8(ascii: "/"), UInt8(ascii: "*"), UInt8(ascii: "#"), UInt8(ascii: "!")].contains(bytes[j])
                if opensComment {
                    var rest = String(decoding: bytes[(i + marker.count)...], as: UTF8.self)
                    if let close = rest.range(of: "*/") { rest = String(rest[..<close.lowerBound]) }
                    return rest
                }
            }
            i += 1
        }
        return nil
    }

    package static func directive(from body: String, start: SourceLocation, end: SourceLocation) -> SuppressionDirective? {
        var text = Substring(body)
        let kindText = text.prefix(while: { $0.isLetter || $0 == "-" })
        guard let kind = SuppressionDirective.Kind(rawValue: String(kindText)) else { return nil }
        text = text.dropFirst(kindText.count)
        // The kind must end at a word boundary: `disable-lines` is a typo, not `disable`.
        if let next = text.first, !next.isWhitespace, next != "," { return nil }
        var reason: String?
        if let separator = text.range(of: "--") {
            let why = trimmed(text[separator.upperBound...])
            reason = why.isEmpty ? nil : why
            text = text[..<separator.lowerBound]
        }
        let rules = text.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        return SuppressionDirective(kind: kind, rules: rules, reason: reason, start: start, end: end)
    }

    package static func trimmed(_ s: Substring) -> String {
        String(s.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
