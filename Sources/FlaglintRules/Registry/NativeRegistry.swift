import Yams
import FlaglintSupport

/// flaglint's own registry format (docs/registry.md): `flags.yml`, `flags.json` and the inline
/// `flags:` of `.lint.yml` share one record shape.
public enum NativeRegistry {
    package static let fields = ["owner", "created", "rolled_out", "permanent", "expires", "removed", "aliases",
                         "default", "description", "tags", "notes"]

    public static func load(text: String, path: String) throws(RegistryError) -> [FlagRecord] {
        guard let root = try RegistryNode.parse(text, path: path) else { return [] }
        let lines = LineTable(text)
        let entries = try root.mapping("a native registry")
        var records: [FlagRecord] = []
        for entry in entries {
            switch entry.key {
            case "flags": records = try self.records(flags: entry.value, lines: lines)
            case "version", "$schema": continue
            default:
                throw RegistryError(at: entry.keyLocation, "unknown key `\(entry.key)` in a native registry (expected `flags`)")
            }
        }
        return records
    }

    /// The `flags:` value of `.lint.yml` (or of a native file), already composed by Yams.
    /// `text` is the whole file, for the line text baselines of `unused-flag` use.
    public static func records(flagsNode: Node, path: String, text: String? = nil) throws(RegistryError) -> [FlagRecord] {
        try records(flags: RegistryNode(yaml: flagsNode, path: path), lines: text.map(LineTable.init))
    }

    package static func records(flags: RegistryNode, lines: LineTable?) throws(RegistryError) -> [FlagRecord] {
        if flags.isNull { return [] }
        var records: [FlagRecord] = []
        for entry in try flags.mapping("`flags`") {
            records.append(try record(entry, lines: lines))
        }
        return records
    }

    package static func record(_ entry: RegistryNode.Entry, lines: LineTable?) throws(RegistryError) -> FlagRecord {
        let key = entry.key
        var record = FlagRecord(key: key, location: entry.keyLocation, format: .native,
                                lineText: lines?.text(entry.keyLocation.line) ?? "")
        guard !key.isEmpty else { throw RegistryError(at: entry.keyLocation, "a flag key must not be empty") }
        if entry.value.isNull { return record }
        for field in try entry.value.mapping("flag `\(key)`") {
            let v = field.value
            let what = "`\(field.key)` of flag `\(key)`"
            switch field.key {
            case "owner": record.owner = v.isNull ? nil : try v.string(what)
            case "created": record.created = try v.date(what)
            case "rolled_out": record.rolledOut = try v.date(what)
            case "permanent": record.permanent = try v.bool(what)
            case "expires": record.expires = try v.date(what)
            case "removed":
                if case .bool(let b) = v.value {
                    record.removed = b ? Removal(date: nil, reason: "removed") : nil
                } else {
                    record.removed = Removal(date: try v.date(what), reason: "removed")
                }
            case "aliases": record.aliases = try v.strings(what)
            case "default": record.manifestDefault = v.registryValue
            case "description", "tags", "notes": continue
            default:
                var message = "unknown field `\(field.key)` of flag `\(key)`"
                if let hint = suggestion(field.key, in: fields) { message += "; did you mean `\(hint)`?" }
                message += " (known: \(fields.joined(separator: ", ")))"
                throw RegistryError(at: field.keyLocation, message)
            }
        }
        return record
    }

    /// `rolledOut`, `rolled-out`, `rolledout` → `rolled_out`: the usual slips.
    package static func suggestion(_ word: String, in candidates: [String]) -> String? {
        func squash(_ s: String) -> String { s.lowercased().filter { $0 != "_" && $0 != "-" } }
        return candidates.first { squash($0) == squash(word) }
    }
}

/// Line texts of a registry file, for findings reported inside it.
package struct LineTable: Sendable {
    package let lines: [Substring]

    package init(_ text: String) {
        lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }

    package func text(_ line: Int) -> String {
        guard line >= 1 && line <= lines.count else { return "" }
        return String(lines[line - 1])
    }
}
