// fix: new-checkout=true dark-mode=false
import LaunchDarkly

enum Flags {
    static let giftWrap = "gift-wrap"
}

enum Key: String {
    case compact = "compact"
}

func checkout(client: LDClient) -> Flow {
    return .modern
}

func theme(client: LDClient) -> Theme {
    return client.boolVariation(forKey: Flags.giftWrap, defaultValue: false) ? .light : .plain
}
