// fix: new-checkout=true legacy-search=false
import LaunchDarkly

func checkout(client: LDClient) -> Flow {
    // Pick the flow.
    if client.boolVariation(forKey: "new-checkout", defaultValue: false) {
        // The new flow: kept.
        audit("modern")
        return .modern
    } else {
        // Old flow, dead now.
        return .legacy
    }
}

func search(client: LDClient, query: String) -> [Item] {
    if client.boolVariation(forKey: "legacy-search", defaultValue: false) {
        return legacy(query)
    } else {
        let results = modern(query)
        return results
    }
}

func banner(client: LDClient) {
    if client.boolVariation(forKey: "legacy-search", defaultValue: false) { showOld() }
    render()
}
