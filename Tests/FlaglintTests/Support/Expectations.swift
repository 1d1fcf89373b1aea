import Foundation
@testable import FlaglintSyntax

/// Inline expectations (`// expect: nested-flag, missing-default-false`, `# expect: ...`):
/// the rule ids each line must report, as a multiset per line.
enum Expectations {
    static func parse(_ text: String) -> [Int: [String]] {
        var out: [Int: [String]] = [:]
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let r = line.range(of: "expect:") else { continue }
            let before = line[..<r.lowerBound]
            guard before.contains("//") || before.contains("#") || before.contains("/*") else { continue }
            var rest = line[r.upperBound...]
            if let end = rest.range(of: "*/") { rest = rest[..<end.lowerBound] }
            let ids = rest.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            out[n + 1, default: []] += ids
        }
        return out.mapValues { $0.sorted() }
    }

    /// Differences between expected and actual findings, one readable line each.
    static func compare(expected: [Int: [String]], findings: [Finding], path: String) -> [String] {
        var actual: [Int: [String]] = [:]
        for f in findings where f.suppression == nil { actual[f.line, default: []].append(f.rule) }
        var problems: [String] = []
        for line in Set(expected.keys).union(actual.keys).sorted() {
            let e = expected[line] ?? [], a = (actual[line] ?? []).sorted()
            if e != a {
                let messages = findings.filter { $0.line == line }.map { "\($0.rule) @\($0.column): \($0.message)" }
                problems.append("\(path):\(line): expected \(e), got \(a) \(messages)")
            }
        }
        return problems
    }
}

/// Numbered markers `1️⃣`, `2️⃣` ... in rule examples: stripped from the code, with the
/// (line, column) they stood at.
enum Markers {
    static let all: [Character] = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    static func strip(_ code: String) -> (code: String, locations: [(line: Int, column: Int)]) {
        var out = ""
        var locations: [(Int, Int)] = []
        var line = 1, column = 1
        for ch in code {
            if all.contains(ch) {
                locations.append((line, column))
                continue
            }
            out.append(ch)
            if ch == "\n" { line += 1; column = 1 } else { column += ch.unicodeScalars.count }
        }
        return (out, locations)
    }
}
