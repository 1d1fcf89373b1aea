import FlaglintSupport

/// Every flag the configured registries know, by key, with aliases resolved to keys.
public struct Registry: Sendable {
    /// Records by registry key.
    public private(set) var records: [String: FlagRecord]
    /// Alias spelling → registry key.
    public private(set) var aliases: [String: String]

    public init() {
        records = [:]
        aliases = [:]
    }

    /// Builds a registry from the records of one or more files, in configuration order.
    public init(records list: [FlagRecord]) throws(RegistryError) {
        self.init()
        for record in list { try add(record) }
    }

    /// Records in key order (deterministic output).
    public var sortedRecords: [FlagRecord] { records.values.sorted { $0.key < $1.key } }

    public var isEmpty: Bool { records.isEmpty }

    /// The record for a key as code spells it: the key itself or one of its aliases.
    public func lookup(codeKey: String) -> FlagRecord? {
        if let record = records[codeKey] { return record }
        if let key = aliases[codeKey] { return records[key] }
        return nil
    }

    /// Adds a record. A flag described by several files is merged field by field: sources
    /// complement each other (a manifest's default, a vendor's dates); the same field stated
    /// differently is a configuration error naming both places.
    public mutating func add(_ record: FlagRecord) throws(RegistryError) {
        if let key = aliases[record.key], key != record.key, let owner = records[key] {
            throw RegistryError(at: record.location,
                                "flag `\(record.key)` is also an alias of `\(key)` (\(owner.location))")
        }
        var merged = record
        if let existing = records[record.key] {
            merged = try Registry.merge(existing, record)
        }
        for alias in record.aliases where alias != record.key {
            if records[alias] != nil {
                throw RegistryError(at: record.location,
                                    "alias `\(alias)` of flag `\(record.key)` is itself a flag key (\(records[alias]!.location))")
            }
            if let other = aliases[alias], other != record.key {
                throw RegistryError(at: record.location,
                                    "alias `\(alias)` of flag `\(record.key)` is already an alias of `\(other)` (\(records[other]!.location))")
            }
        }
        for alias in record.aliases where alias != record.key { aliases[alias] = record.key }
        records[record.key] = merged
    }

    package static func merge(_ a: FlagRecord, _ b: FlagRecord) throws(RegistryError) -> FlagRecord {
        var result = a
        func conflict(_ field: String, _ x: String, _ y: String) -> RegistryError {
            RegistryError(at: b.location,
                          "flag `\(b.key)` is defined twice with different `\(field)`: \(y) here, \(x) at \(a.location)")
        }
        func pick<T: Equatable>(_ field: String, _ x: T?, _ y: T?, _ show: (T) -> String) throws(RegistryError) -> T? {
            if let x, let y, x != y { throw conflict(field, show(x), show(y)) }
            return x ?? y
        }
        result.owner = try pick("owner", a.owner, b.owner) { $0 }
        result.created = try pick("created", a.created, b.created) { $0.description }
        result.rolledOut = try pick("rolled_out", a.rolledOut, b.rolledOut) { $0.description }
        result.permanent = try pick("permanent", a.permanent, b.permanent) { $0 ? "true" : "false" }
        result.expires = try pick("expires", a.expires, b.expires) { $0.description }
        // Sources say "gone" in different words (archived, DISABLED); only dates can disagree.
        result.removed = try pick("removed", a.removed?.date, b.removed?.date) { $0.description }
            .map { Removal(date: $0, reason: a.removed?.date != nil ? a.removed!.reason : b.removed!.reason) }
            ?? a.removed ?? b.removed
        result.manifestDefault = try pick("defaultValue", a.manifestDefault, b.manifestDefault) { $0.description }
        for alias in b.aliases where !result.aliases.contains(alias) { result.aliases.append(alias) }
        return result
    }
}
