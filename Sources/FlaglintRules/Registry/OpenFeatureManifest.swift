import FlaglintSupport

/// OpenFeature CLI flag manifest (`flags.<key>.{flagType, description, defaultValue}`): a
/// code-side list of flags and their intended defaults, without lifecycle dates.
public enum OpenFeatureManifest {
    public static func load(text: String, path: String) throws(RegistryError) -> [FlagRecord] {
        guard let root = try RegistryNode.parse(text, path: path) else { return [] }
        let lines = LineTable(text)
        _ = try root.mapping("an OpenFeature manifest")
        guard let flags = root["flags"] else { throw root.error("an OpenFeature manifest needs a `flags` mapping") }
        var records: [FlagRecord] = []
        for entry in try flags.mapping("`flags`") {
            var record = FlagRecord(key: entry.key, location: entry.keyLocation, format: .openFeatureManifest,
                                    lineText: lines.text(entry.keyLocation.line))
            _ = try entry.value.mapping("flag `\(entry.key)`")
            if let value = entry.value["defaultValue"] {
                record.manifestDefault = value.registryValue
                if let type = entry.value["flagType"], case let .string(t) = type.value {
                    try check(value, against: t, key: entry.key)
                }
            }
            records.append(record)
        }
        return records
    }

    /// A default that contradicts the manifest's own `flagType` would make every comparison wrong.
    package static func check(_ value: RegistryNode, against type: String, key: String) throws(RegistryError) {
        let ok: Bool
        switch (type, value.value) {
        case ("boolean", .bool), ("string", .string), ("integer", .number), ("float", .number), ("number", .number),
             ("object", .mapping), ("object", .sequence): ok = true
        case ("boolean", _), ("string", _), ("integer", _), ("float", _), ("number", _), ("object", _): ok = false
        default: ok = true
        }
        if !ok { throw value.error("`defaultValue` of flag `\(key)` is \(value.kindName), but its `flagType` is `\(type)`") }
    }
}
