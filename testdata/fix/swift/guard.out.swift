// fix: new-checkout=true legacy-search=false
import LaunchDarkly

func start(client: LDClient) -> Flow? {
    return .modern
}

func find(client: LDClient, query: String) -> [Item] {
    prepare()
    log("modern search")
    return modern(query)
}

func list(client: LDClient, items: [Item]?) -> [Item] {
    guard let items, !items.isEmpty else { return [] }
    return items
}
