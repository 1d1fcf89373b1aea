// fix: fast-path=true slow-path=false
import LaunchDarkly

func route(client: LDClient, size: Int) -> Route {
    if size > 100 {
        return .bulk
    } else if client.boolVariation(forKey: "fast-path", defaultValue: false) {
        return .fast
    } else {
        return .normal
    }
}

func pick(client: LDClient, size: Int) -> Route {
    if size > 100 {
        return .bulk
    } else if client.boolVariation(forKey: "slow-path", defaultValue: false) {
        return .slow
    } else if size > 10 {
        return .medium
    }
    return .normal
}

func first(client: LDClient, size: Int) -> Route {
    if client.boolVariation(forKey: "slow-path", defaultValue: false) {
        return .slow
    } else if size > 10 {
        return .medium
    } else {
        return .normal
    }
}
