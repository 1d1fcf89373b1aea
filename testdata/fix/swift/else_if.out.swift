// fix: fast-path=true slow-path=false
import LaunchDarkly

func route(client: LDClient, size: Int) -> Route {
    if size > 100 {
        return .bulk
    } else {
        return .fast
    }
}

func pick(client: LDClient, size: Int) -> Route {
    if size > 100 {
        return .bulk
    } else if size > 10 {
        return .medium
    }
    return .normal
}

func first(client: LDClient, size: Int) -> Route {
    if size > 10 {
        return .medium
    } else {
        return .normal
    }
}
