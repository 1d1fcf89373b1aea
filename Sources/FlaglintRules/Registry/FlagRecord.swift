import FlaglintSupport

/// The registry formats flaglint reads (`format:` of a `registry:` entry).
public enum RegistryFormat: String, Sendable, Hashable, CaseIterable, Codable {
    case native
    case flagd
    case launchdarkly
    case unleash
    case openFeatureManifest = "openfeature-manifest"
}

/// A value a registry states for the flag, used to cross-check the code's fallback
/// (OpenFeature manifest `defaultValue`).
public enum RegistryValue: Sendable, Hashable, CustomStringConvertible {
    case bool(Bool)
    /// The number as written, so `1` and `1.0` stay distinguishable in messages.
    case number(String)
    case string(String)
    /// Objects, arrays, null: shown, never compared.
    case other(String)

    public var description: String {
        switch self {
        case let .bool(b): return b ? "true" : "false"
        case let .number(n): return n
        case let .string(s): return "\"\(s)\""
        case let .other(o): return o
        }
    }
}

/// Why and since when the flag service no longer serves a flag.
public struct Removal: Sendable, Hashable {
    /// `nil` when the source says the flag is gone but not since when (flagd `state: DISABLED`).
    public var date: CalendarDate?
    /// How the source said it, for messages ("archived in LaunchDarkly", "state: DISABLED in flagd").
    public var reason: String

    public init(date: CalendarDate?, reason: String) {
        self.date = date
        self.reason = reason
    }
}

/// One flag's lifecycle data, normalised from any registry format (docs/registry.md).
///
/// Optional fields are `nil` when the source does not say; merging several sources only
/// fails when two of them say different things about the same field.
public struct FlagRecord: Sendable, Hashable {
    public var key: String
    public var owner: String?
    public var created: CalendarDate?
    /// The day the flag reached 100%: stale `days` after it.
    public var rolledOut: CalendarDate?
    /// Kill switches, ops toggles, permissions: never stale. `nil` = not stated (= false).
    public var permanent: Bool?
    public var expires: CalendarDate?
    public var removed: Removal?
    /// Spellings code uses for this flag besides its key (enum cases, constant names).
    public var aliases: [String]
    /// OpenFeature manifest `defaultValue`: what the code's fallback should be.
    public var manifestDefault: RegistryValue?
    /// The flag's entry in its file (where `unused-flag` is reported).
    public var location: RegistryLocation
    public var format: RegistryFormat
    /// The text of the entry's line, for baselines of findings reported in the registry.
    public var lineText: String

    public init(key: String, owner: String? = nil, created: CalendarDate? = nil, rolledOut: CalendarDate? = nil,
                permanent: Bool? = nil, expires: CalendarDate? = nil, removed: Removal? = nil, aliases: [String] = [],
                manifestDefault: RegistryValue? = nil, location: RegistryLocation, format: RegistryFormat,
                lineText: String = "") {
        self.key = key
        self.owner = owner
        self.created = created
        self.rolledOut = rolledOut
        self.permanent = permanent
        self.expires = expires
        self.removed = removed
        self.aliases = aliases
        self.manifestDefault = manifestDefault
        self.location = location
        self.format = format
        self.lineText = lineText
    }

    public var isPermanent: Bool { permanent ?? false }
    public var isRemoved: Bool { removed != nil }
}
