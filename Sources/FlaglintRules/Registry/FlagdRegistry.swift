import FlaglintSupport

/// flagd flag definitions (`https://flagd.dev/schema/v0/flags.json`), JSON or YAML.
///
/// flagd has no lifecycle fields; flaglint reads them from each flag's free-form `metadata`
/// (see docs/registry.md). Metadata values are scalars only, so `aliases` is a comma-separated
/// string there.
public enum FlagdRegistry {
    public static func load(text: String, path: String) throws(RegistryError) -> [FlagRecord] {
        guard let root = try RegistryNode.parse(text, path: path) else { return [] }
        let lines = LineTable(text)
        _ = try root.mapping("a flagd flag definition file")
        guard let flags = root["flags"] else { throw root.error("a flagd file needs a `flags` mapping") }
        var records: [FlagRecord] = []
        for entry in try flags.mapping("`flags`") {
            records.append(try record(entry, lines: lines))
        }
        return records
    }

    package static func record(_ entry: RegistryNode.Entry, lines: LineTable) throws(RegistryError) -> FlagRecord {
        let key = entry.key
        var record = FlagRecord(key: key, location: entry.keyLocation, format: .flagd, lineText: lines.text(entry.keyLocation.line))
        let flag = entry.value
        _ = try flag.mapping("flag `\(key)`")
        var disabled = false
        if let state = flag["state"] {
            switch try state.string("`state` of flag `\(key)`") {
            case "ENABLED": disabled = false
            case "DISABLED": disabled = true
            case let other: throw state.error("`state` of flag `\(key)` must be ENABLED or DISABLED, found `\(other)`")
            }
        }
        if let metadata = flag["metadata"], !metadata.isNull {
            for field in try metadata.mapping("`metadata` of flag `\(key)`") {
                let v = field.value
                let what = "`metadata.\(field.key)` of flag `\(key)`"
                switch field.key {
                case "owner": record.owner = try v.string(what)
                case "created", "createdAt": record.created = try v.date(what)
                case "rolledOut", "rolledOutAt", "rolled_out": record.rolledOut = try v.date(what)
                case "permanent": record.permanent = try v.bool(what)
                case "expires", "expiresAt": record.expires = try v.date(what)
                case "removed", "removedAt":
                    record.removed = Removal(date: try v.date(what), reason: "removed in flagd metadata")
                case "aliases":
                    record.aliases = try v.strings(what)
                        .flatMap { $0.split(separator: ",") }
                        .map { String($0).trimmed }
                        .filter { !$0.isEmpty }
                default: continue
                }
            }
        }
        // "Disabled flags are treated as if they don't exist" (flagd schema): every
        // evaluation returns the code's fallback, so the check is dead code like an archived flag's.
        if disabled {
            record.removed = Removal(date: record.removed?.date, reason: "`state: DISABLED` in flagd")
        }
        return record
    }
}

fileprivate extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
