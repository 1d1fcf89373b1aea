import FlaglintAnalysis
import FlaglintEngine
import FlaglintFrontends
import FlaglintReporters
import FlaglintRules
import FlaglintSupport
import FlaglintSyntax
/// What the editor asks about flags: hover (the flag's registry facts and how many places
/// evaluate it), references (every evaluation of a key across the project) and the flag list
/// (`workspace/symbol`). All answers come from the project's facts with the open buffers'
/// unsaved facts in place of their files.
struct FlagNavigation {
    package let project: ProjectFacts
    package let inventory: FlagInventory

    package init(project: ProjectFacts) {
        self.project = project
        inventory = project.inventory
    }

    /// What sits at `offset` in a buffer: an evaluation (the innermost whose match covers it),
    /// else a word that is a flag key or alias (a constant's value, a registry entry) or the
    /// name of a constant an evaluation's key resolved through.
    struct Target {
        package var flag: FlagInventory.Flag
        package var evaluation: EvaluationFact?
        package var bytes: Range<Int>
    }

    package func target(at offset: Int, facts: FileFacts?, bytes: [UInt8]) -> Target? {
        let covering = (facts?.evaluations ?? []).filter { $0.evaluation.startOffset <= offset && offset <= $0.evaluation.endOffset }
        if let e = covering.min(by: { $0.evaluation.endOffset - $0.evaluation.startOffset < $1.evaluation.endOffset - $1.evaluation.startOffset }) {
            guard let flag = flag(for: e.key) else { return nil }
            return Target(flag: flag, evaluation: e, bytes: e.evaluation.startOffset..<e.evaluation.endOffset)
        }
        let word = Self.word(at: offset, in: bytes)
        guard !word.isEmpty else { return nil }
        let text = String(decoding: bytes[word], as: UTF8.self)
        let key = project.registry?.lookup(codeKey: text)?.key ?? text
        // A key, an alias, or the name of a constant some evaluation's key resolved through.
        let name = String(text.split(separator: ".").last ?? "")
        guard let flag = inventory.flags.first(where: { $0.key == key })
            ?? inventory.flags.first(where: { $0.references.contains { $0.constant?.name == name } }) else { return nil }
        return Target(flag: flag, evaluation: nil, bytes: word)
    }

    package func flag(for key: FlagKey) -> FlagInventory.Flag? {
        if let code = key.value {
            let name = project.registry?.lookup(codeKey: code)?.key ?? code
            return inventory.flags.first { $0.key == name }
        }
        return inventory.flags.first { $0.key == nil && $0.expression == key.expression }
    }

    /// The characters a key or identifier is made of, around `offset`.
    package static func word(at offset: Int, in bytes: [UInt8]) -> Range<Int> {
        func isKeyByte(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2D || b == 0x2E || b >= 0x80
        }
        var lo = min(max(0, offset), bytes.count), hi = lo
        while lo > 0 && isKeyByte(bytes[lo - 1]) { lo -= 1 }
        while hi < bytes.count && isKeyByte(bytes[hi]) { hi += 1 }
        return lo..<hi
    }

    /// Markdown: key, aliases, SDK and default (of the evaluation hovered), registry state with
    /// dates and the days until the flag turns stale, and how many places evaluate it.
    package func hover(_ target: Target) -> String {
        let flag = target.flag
        var lines = ["**flag `\(flag.displayName)`**"]
        let record = flag.key.flatMap { project.registry?.records[$0] }
        if let e = target.evaluation {
            var line = "SDK: \(e.evaluation.evaluator.sdk) · default: `\(FlagInventory.defaultText(e.evaluation))`"
            if let value = e.key.value, value != flag.key { line += " · written as `\(value)`" }
            lines.append(line)
        }
        if let aliases = record?.aliases, !aliases.isEmpty {
            lines.append("aliases: " + aliases.map { "`\($0)`" }.joined(separator: ", "))
        }
        if project.registry == nil {
            lines.append("registry: none configured")
        } else if let record {
            lines.append("registry: " + state(record, flag))
            if let owner = record.owner { lines.append("owner: \(owner)") }
        } else {
            lines.append("registry: not in the registry")
        }
        let files = Set(flag.references.map(\.path)).count
        let n = flag.references.count
        lines.append("evaluated in \(n) place\(n == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")")
        return lines.joined(separator: "  \n")
    }

    private func state(_ record: FlagRecord, _ flag: FlagInventory.Flag) -> String {
        let today = project.today
        func ago(_ date: CalendarDate) -> String {
            let d = today.days(since: date)
            return d >= 0 ? "\(d) day\(d == 1 ? "" : "s") ago" : "in \(-d) day\(d == -1 ? "" : "s")"
        }
        if let removal = record.removed {
            return "removed" + (removal.date.map { " on \($0) (\(ago($0)))" } ?? "")
        }
        if record.isPermanent { return "permanent" }
        var parts: [String] = [flag.state.rawValue]
        if let r = record.rolledOut { parts.append("rolled out \(r) (\(ago(r)))") }
        if let x = record.expires { parts.append("expires \(x) (\(ago(x)))") }
        // Stale the day after `rolled_out + days` or after `expires` (docs/semantics.md, Lifecycle).
        let staleDays = [record.rolledOut.map { $0.adding(days: project.staleDays + 1) }, record.expires.map { $0.adding(days: 1) }]
            .compactMap { $0 }
        if let staleOn = staleDays.min() {
            let d = staleOn.days(since: today)
            parts.append(d > 0 ? "stale in \(d) day\(d == 1 ? "" : "s") (on \(staleOn))" : "stale since \(staleOn)")
        } else {
            parts.append("no rollout date: never turns stale")
        }
        return parts.joined(separator: " · ")
    }

    /// Every evaluation of `flag`, and its registry entry when `includeDeclaration`.
    func references(_ flag: FlagInventory.Flag, includeDeclaration: Bool, texts: inout SourceTexts) -> [JSONValue] {
        var out: [JSONValue] = []
        if includeDeclaration, let entry = registryEntry(flag, texts: &texts) { out.append(entry) }
        let byPlace = Dictionary(project.references.map { ("\($0.path):\($0.line):\($0.column)", $0) }, uniquingKeysWith: { a, _ in a })
        for r in flag.references {
            let full = byPlace["\(r.path):\(r.line):\(r.column)"]
            out.append(texts.location(PathName.absolute(r.path, relativeTo: project.currentDirectory), line: r.line, column: r.column,
                                      endLine: full?.endLine, endColumn: full?.endColumn))
        }
        return out
    }

    /// `workspace/symbol`: one symbol per flag whose key contains `query`'s characters in order
    /// (case-insensitive), at its registry entry, else its first evaluation.
    func symbols(matching query: String, texts: inout SourceTexts) -> [JSONValue] {
        let q = Array(query.lowercased())
        return inventory.flags.compactMap { flag -> JSONValue? in
            guard let key = flag.key, Self.isSubsequence(q, of: Array(key.lowercased())) else { return nil }
            let location: JSONValue
            if let entry = registryEntry(flag, texts: &texts) {
                location = entry
            } else if let first = flag.references.first {
                location = texts.location(PathName.absolute(first.path, relativeTo: project.currentDirectory), line: first.line, column: first.column)
            } else {
                return nil
            }
            var container = flag.state.rawValue
            if let owner = flag.owner { container += ", owner \(owner)" }
            container += ", \(flag.references.count) evaluation\(flag.references.count == 1 ? "" : "s")"
            return .object([("name", .string(key)), ("kind", .int(20)), ("location", location), ("containerName", .string(container))])
        }
    }

    /// The flag's key in its registry file.
    private func registryEntry(_ flag: FlagInventory.Flag, texts: inout SourceTexts) -> JSONValue? {
        guard let r = flag.registryLocation, let key = flag.key else { return nil }
        return texts.location(PathName.absolute(r.path, relativeTo: project.currentDirectory), line: r.line, column: r.column,
                              endColumn: r.column + key.unicodeScalars.count)
    }

    static func isSubsequence(_ needle: [Character], of haystack: [Character]) -> Bool {
        var i = 0
        for c in haystack where i < needle.count && c == needle[i] { i += 1 }
        return i == needle.count
    }
}
