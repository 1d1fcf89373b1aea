// Keys defined in Sources/Flags/FeatureKeys.swift resolve in a whole-project run.
func checkout(client: LDClient) {
    if client.boolVariation(forKey: FeatureKeys.newCheckout, defaultValue: false) {}
    if client.boolVariation(forKey: Flag.giftWrap.rawValue, defaultValue: false) {}
    if client.boolVariation(forKey: Flag.express.rawValue, defaultValue: Defaults.expressFallback) {}
    if client.boolVariation(forKey: Unknown.thing, defaultValue: false) {}  // expect: dynamic-flag-key
    if client.boolVariation(forKey: "a" + suffix, defaultValue: Defaults.risky) {}  // expect: dynamic-flag-key, missing-default-false
}
