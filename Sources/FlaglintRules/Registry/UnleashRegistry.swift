import FlaglintSupport

/// Unleash feature export (`exportResultSchema`: `features`, `featureStrategies`,
/// `featureEnvironments`), also the admin/client feature lists whose features carry their
/// own `strategies` or `environments[].strategies`.
public enum UnleashRegistry {
    /// `environment`: which environment decides "fully rolled out" (the registry entry's
    /// `environment:`); `nil` = `production` when the export has it, else all of them.
    public static func load(text: String, path: String, environment: String? = nil) throws(RegistryError) -> [FlagRecord] {
        guard let root = try RegistryNode.parse(text, path: path) else { return [] }
        let lines = LineTable(text)
        _ = try root.mapping("an Unleash export")
        guard let featuresNode = root["features"] else { throw root.error("an Unleash export needs a `features` list") }
        let features = try featuresNode.sequence("`features`")
        let strategies = try root["featureStrategies"].map { n throws(RegistryError) in try n.sequence("`featureStrategies`") } ?? []
        let environments = try root["featureEnvironments"].map { n throws(RegistryError) in try n.sequence("`featureEnvironments`") } ?? []

        var records: [FlagRecord] = []
        for feature in features {
            records.append(try record(feature, strategies: strategies, environments: environments,
                                      environment: environment, lines: lines))
        }
        return records
    }

    package static func record(_ feature: RegistryNode, strategies allStrategies: [RegistryNode], environments allEnvironments: [RegistryNode],
                       environment: String?, lines: LineTable) throws(RegistryError) -> FlagRecord {
        _ = try feature.mapping("an Unleash feature")
        guard let nameNode = feature["name"] else { throw feature.error("an Unleash feature needs a `name`") }
        let name = try nameNode.string("`name`")
        let what = { (field: String) in "`\(field)` of feature `\(name)`" }
        let location = feature.entryLocation("name") ?? feature.location
        var record = FlagRecord(key: name, location: location, format: .unleash, lineText: lines.text(location.line))

        if let created = feature["createdAt"], !created.isNull { record.created = try created.date(what("createdAt")) }
        if let creator = feature["createdBy"]?["name"], !creator.isNull { record.owner = try creator.string(what("createdBy.name")) }
        if let type = feature["type"], !type.isNull {
            let t = try type.string(what("type"))
            // Types whose Unleash lifetime is "never stale".
            if t == "kill-switch" || t == "permission" { record.permanent = true }
        }
        let lifecycle = try feature["lifecycle"].flatMap { n throws(RegistryError) -> (stage: String, since: CalendarDate?)? in
            if n.isNull { return nil }
            guard let stage = n["stage"], !stage.isNull else { return nil }
            let since = try n["enteredStageAt"].flatMap { d throws(RegistryError) in d.isNull ? nil : try d.date(what("lifecycle.enteredStageAt")) }
            return (try stage.string(what("lifecycle.stage")), since)
        }
        var archivedAt: CalendarDate?
        if let at = feature["archivedAt"], !at.isNull { archivedAt = try at.date(what("archivedAt")) }
        let archived = try feature["archived"].map { n throws(RegistryError) in n.isNull ? false : try n.bool(what("archived")) } ?? false
        if archived || archivedAt != nil || lifecycle?.stage == "archived" {
            let date = archivedAt ?? (lifecycle?.stage == "archived" ? lifecycle?.since : nil)
            record.removed = Removal(date: date, reason: "archived in Unleash")
        }

        // Unleash has no "reached 100% at"; the lifecycle stage change is the nearest date.
        if lifecycle?.stage == "completed" {
            record.rolledOut = lifecycle?.since
        } else if lifecycle?.stage == "live",
                  try fullyRolledOut(feature, name: name, strategies: allStrategies, environments: allEnvironments, environment: environment) {
            record.rolledOut = lifecycle?.since
        }
        return record
    }

    /// Every deciding environment is enabled and has a strategy that serves everyone.
    static func fullyRolledOut(_ feature: RegistryNode, name: String, strategies allStrategies: [RegistryNode],
                               environments allEnvironments: [RegistryNode], environment: String?) throws(RegistryError) -> Bool {
        if let enabled = feature["enabled"], !enabled.isNull, !(try enabled.bool("`enabled` of feature `\(name)`")) { return false }

        struct EnvironmentState { var enabled: Bool?; var strategies: [RegistryNode] = [] }
        var named: [String: EnvironmentState] = [:]
        // Strategies without an environment (a single-environment export) apply to every environment.
        var shared: [RegistryNode] = []
        func text(_ node: RegistryNode?, _ what: String) throws(RegistryError) -> String? {
            guard let node, !node.isNull else { return nil }
            return try node.string(what)
        }
        func flag(_ node: RegistryNode?, _ what: String) throws(RegistryError) -> Bool? {
            guard let node, !node.isNull else { return nil }
            return try node.bool(what)
        }
        for strategy in allStrategies where (try? text(strategy["featureName"], "")) == name {
            if let env = try text(strategy["environment"], "`environment` of a strategy of `\(name)`") {
                named[env, default: EnvironmentState()].strategies.append(strategy)
            } else {
                shared.append(strategy)
            }
        }
        if let nested = feature["strategies"], !nested.isNull {
            shared += try nested.sequence("`strategies` of feature `\(name)`")
        }
        for entry in allEnvironments where (try? text(entry["featureName"], "")) == name {
            guard let env = try text(entry["environment"], "`environment` of feature `\(name)`") else { continue }
            named[env, default: EnvironmentState()].enabled = try flag(entry["enabled"], "`enabled` of feature `\(name)` in `\(env)`")
        }
        if let nested = feature["environments"], !nested.isNull {
            for entry in try nested.sequence("`environments` of feature `\(name)`") {
                guard let env = try text(entry["name"] ?? entry["environment"], "`name` of an environment of `\(name)`") else { continue }
                named[env, default: EnvironmentState()].enabled = try flag(entry["enabled"], "`enabled` of feature `\(name)` in `\(env)`")
                if let list = entry["strategies"], !list.isNull {
                    named[env, default: EnvironmentState()].strategies += try list.sequence("`strategies` of feature `\(name)`")
                }
            }
        }

        let deciding: [String]
        if let environment {
            if !named.isEmpty && named[environment] == nil {
                let known = named.keys.sorted().joined(separator: ", ")
                throw feature.error("feature `\(name)` has no environment `\(environment)` in this export (it has: \(known))")
            }
            deciding = named.isEmpty ? [] : [environment]
        } else if named["production"] != nil {
            deciding = ["production"]
        } else {
            deciding = named.keys.sorted()
        }
        func servesEveryone(_ strategies: [RegistryNode]) throws(RegistryError) -> Bool {
            for s in strategies where try UnleashRegistry.servesEveryone(s, name: name) { return true }
            return false
        }
        if deciding.isEmpty { return try servesEveryone(shared) }
        for env in deciding {
            let state = named[env] ?? EnvironmentState()
            if state.enabled == false { return false }
            if !(try servesEveryone(state.strategies + shared)) { return false }
        }
        return true
    }

    /// `default` strategy, or a rollout of 100 with no constraints and no segments.
    static func servesEveryone(_ strategy: RegistryNode, name: String) throws(RegistryError) -> Bool {
        if let disabled = strategy["disabled"], !disabled.isNull, try disabled.bool("`disabled` of a strategy of `\(name)`") { return false }
        for field in ["constraints", "segments"] {
            if let list = strategy[field], !list.isNull, !(try list.sequence("`\(field)` of a strategy of `\(name)`")).isEmpty { return false }
        }
        let strategyName = try strategy["name"].flatMap { n throws(RegistryError) in n.isNull ? nil : try n.string("`name` of a strategy of `\(name)`") }
        if strategyName == "default" { return true }
        guard let rollout = strategy["parameters"]?["rollout"] else { return false }
        switch rollout.value {
        case let .string(s), let .number(s): return Double(s) == 100
        default: return false
        }
    }
}
