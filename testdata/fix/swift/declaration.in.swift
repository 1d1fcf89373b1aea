// fix: new-checkout=true dark-mode=false
import LaunchDarkly

enum Flags {
    /// The new checkout flow.
    static let newCheckout = "new-checkout"
    static let giftWrap = "gift-wrap"
}

enum Key: String {
    case darkMode = "dark-mode"
    case compact = "compact"
}

func checkout(client: LDClient) -> Flow {
    if client.boolVariation(forKey: Flags.newCheckout, defaultValue: false) {
        return .modern
    }
    return .legacy
}

func theme(client: LDClient) -> Theme {
    if client.boolVariation(forKey: Key.darkMode.rawValue, defaultValue: false) {
        return .dark
    }
    return client.boolVariation(forKey: Flags.giftWrap, defaultValue: false) ? .light : .plain
}
