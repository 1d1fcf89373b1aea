// fix: new-checkout=true legacy-search=false
import LaunchDarkly

func checkout(client: LDClient) -> Flow {
    // Pick the flow.
    // The new flow: kept.
    audit("modern")
    return .modern
}

func search(client: LDClient, query: String) -> [Item] {
    let results = modern(query)
    return results
}

func banner(client: LDClient) {
    render()
}
