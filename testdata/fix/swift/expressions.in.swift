// fix: holiday-banner=true legacy-search=false
import LaunchDarkly

func banner(client: LDClient) -> String? {
    let title = client.boolVariation(forKey: "holiday-banner", defaultValue: false) ? "Sale" : "Welcome"
    show(client.boolVariation(forKey: "legacy-search", defaultValue: false) ? oldBox() : newBox())
    while client.boolVariation(forKey: "legacy-search", defaultValue: false) {
        // Never runs any more.
        poll()
    }
    if ready, client.boolVariation(forKey: "holiday-banner", defaultValue: false), let user = current() {
        greet(user)
    }
    return title
}
