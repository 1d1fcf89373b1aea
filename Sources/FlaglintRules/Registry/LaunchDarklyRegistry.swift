import FlaglintSupport

/// LaunchDarkly REST API v2 `FeatureFlag` JSON: one flag, an array of flags, or a list
/// response `{"items": [...]}` (`GET /api/v2/flags/{project}?summary=0`).
public enum LaunchDarklyRegistry {
    /// `environment`: the environment whose targeting decides "fully rolled out" (the
    /// registry entry's `environment:`); `nil` = `production` when the flag has it, else every
    /// environment must be fully rolled out and the latest `lastModified` is the date.
    public static func load(text: String, path: String, environment: String? = nil) throws(RegistryError) -> [FlagRecord] {
        guard let root = try RegistryNode.parse(text, path: path) else { return [] }
        let lines = LineTable(text)
        let flags: [RegistryNode]
        switch root.value {
        case let .sequence(items): flags = items
        case .mapping:
            if let items = root["items"] { flags = try items.sequence("`items`") } else { flags = [root] }
        default: throw root.error("a LaunchDarkly export must be a flag object, a list of flags or {\"items\": [...]}, found \(root.kindName)")
        }
        var records: [FlagRecord] = []
        for flag in flags { records.append(try record(flag, environment: environment, lines: lines)) }
        // A flag may lack an environment (created before it, or a filtered export); an
        // environment no flag has is a typo in the registry entry.
        if let environment {
            let withEnvironments = flags.compactMap { $0["environments"] }.filter { !$0.isNull }
            if let first = withEnvironments.first, !withEnvironments.contains(where: { $0[environment] != nil }) {
                var known = Set<String>()
                for node in withEnvironments { if case let .mapping(entries) = node.value { known.formUnion(entries.map(\.key)) } }
                let list = known.sorted().joined(separator: ", ")
                throw first.error("no flag has the environment `\(environment)` (environments: \(list.isEmpty ? "none" : list))")
            }
        }
        return records
    }

    package static func record(_ flag: RegistryNode, environment: String?, lines: LineTable) throws(RegistryError) -> FlagRecord {
        _ = try flag.mapping("a LaunchDarkly flag")
        guard let keyNode = flag["key"] else { throw flag.error("a LaunchDarkly flag needs a `key`") }
        let key = try keyNode.string("`key`")
        let what = { (field: String) in "`\(field)` of flag `\(key)`" }
        let location = flag.entryLocation("key") ?? flag.location
        var record = FlagRecord(key: key, location: location, format: .launchdarkly, lineText: lines.text(location.line))

        if let team = flag["maintainerTeamKey"], !team.isNull {
            record.owner = try team.string(what("maintainerTeamKey"))
        } else if let email = flag["_maintainer"]?["email"], !email.isNull {
            record.owner = try email.string(what("_maintainer.email"))
        }
        if let created = flag["creationDate"], !created.isNull {
            record.created = try created.unixMillisecondsDate(what("creationDate"))
        }
        if let temporary = flag["temporary"], !temporary.isNull {
            record.permanent = !(try temporary.bool(what("temporary")))
        }
        if let archived = flag["archived"], !archived.isNull, try archived.bool(what("archived")) {
            var date: CalendarDate?
            if let at = flag["archivedDate"], !at.isNull { date = try at.unixMillisecondsDate(what("archivedDate")) }
            record.removed = Removal(date: date, reason: "archived in LaunchDarkly")
        }
        if let environments = flag["environments"], !environments.isNull {
            record.rolledOut = try rolloutDate(environments, key: key, environment: environment)
        }
        return record
    }

    /// The environments that decide, and the date they all became fully rolled out.
    static func rolloutDate(_ environments: RegistryNode, key: String, environment: String?) throws(RegistryError) -> CalendarDate? {
        let entries = try environments.mapping("`environments` of flag `\(key)`")
        let deciding: [RegistryNode.Entry]
        if let environment {
            guard let entry = entries.first(where: { $0.key == environment }) else { return nil }
            deciding = [entry]
        } else if let production = entries.first(where: { $0.key == "production" }) {
            deciding = [production]
        } else {
            deciding = entries
        }
        guard !deciding.isEmpty else { return nil }
        var latest: CalendarDate?
        for entry in deciding {
            guard let date = try fullyRolledOutSince(entry.value, key: key, environment: entry.key) else { return nil }
            latest = max(latest ?? date, date)
        }
        return latest
    }

    /// `on`, the fallthrough serves one variation (not a percentage rollout), and nothing
    /// else targets anyone: every context gets the same value. The environment's
    /// `lastModified` is the best date LaunchDarkly offers for that state.
    static func fullyRolledOutSince(_ config: RegistryNode, key: String, environment: String) throws(RegistryError) -> CalendarDate? {
        let what = { (field: String) in "`environments.\(environment).\(field)` of flag `\(key)`" }
        _ = try config.mapping(what(""))
        guard let on = config["on"], try on.bool(what("on")) else { return nil }
        guard let served = config["fallthrough"], case .mapping = served.value,
              let variation = served["variation"], case .number = variation.value else { return nil }
        if let rollout = served["rollout"], !rollout.isNull { return nil }
        for field in ["rules", "targets", "contextTargets", "prerequisites"] {
            if let list = config[field], !list.isNull, !(try list.sequence(what(field))).isEmpty { return nil }
        }
        guard let modified = config["lastModified"], !modified.isNull else { return nil }
        return try modified.unixMillisecondsDate(what("lastModified"))
    }
}

extension RegistryNode {
    /// Where `key` is written in this mapping: a record is reported at its key line.
    func entryLocation(_ key: String) -> RegistryLocation? {
        guard case let .mapping(entries) = value else { return nil }
        return entries.first { $0.key == key }?.keyLocation
    }
}
