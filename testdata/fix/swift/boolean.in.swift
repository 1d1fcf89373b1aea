// fix: on=true off=false
import LaunchDarkly

func simplify(client: LDClient, ready: Bool, user: User) {
    if client.boolVariation(forKey: "on", defaultValue: false) && ready {
        a()
    }
    if ready && !client.boolVariation(forKey: "off", defaultValue: false) {
        b()
    }
    if (client.boolVariation(forKey: "off", defaultValue: false) || user.isAdmin) && ready {
        c()
    }
    if !(client.boolVariation(forKey: "on", defaultValue: false) && user.isBeta) {
        d()
    }
    if client.boolVariation(forKey: "on", defaultValue: false) || expensiveCheck() {
        e()
    }
    if client.boolVariation(forKey: "off", defaultValue: false) == false {
        f()
    }
    if load() && client.boolVariation(forKey: "off", defaultValue: false) {
        g()
    }
}
