// fix: on=true off=false
import LaunchDarkly

func simplify(client: LDClient, ready: Bool, user: User) {
    if ready {
        a()
    }
    if ready {
        b()
    }
    if user.isAdmin && ready {
        c()
    }
    if !user.isBeta {
        d()
    }
    e()
    f()
    if load() && client.boolVariation(forKey: "off", defaultValue: false) {
        g()
    }
}
