// fix: new-checkout=true legacy-search=false
import LaunchDarkly

func start(client: LDClient) -> Flow? {
    guard client.boolVariation(forKey: "new-checkout", defaultValue: false) else {
        return nil
    }
    return .modern
}

func find(client: LDClient, query: String) -> [Item] {
    prepare()
    guard client.boolVariation(forKey: "legacy-search", defaultValue: false) else {
        log("modern search")
        return modern(query)
    }
    // Only the legacy path got here.
    return legacy(query)
}

func list(client: LDClient, items: [Item]?) -> [Item] {
    guard let items, client.boolVariation(forKey: "new-checkout", defaultValue: false), !items.isEmpty else { return [] }
    return items
}
