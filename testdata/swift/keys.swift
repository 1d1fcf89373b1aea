// Flag keys (SPEC §4 dynamic-flag-key, §4.1): literals and constants (file-level and local
// `let`, `static let`, nested types, enum raw values explicit and implicit, `.rawValue`)
// resolve; keys computed at run time are dynamic. A trailing `key:` comment names the key
// the evaluation on its line must resolve to (checked by SwiftKeyFixtureTests).
import LaunchDarkly
import OpenFeature
import Statsig
import UnleashProxyClientSwift

let checkoutKey = "checkout-v2"
private let paymentsKey: String = "payments-v3"
var mutableKey = "mutable-key"

enum FlagKeys {
    static let search = "search-v2"

    enum Checkout {
        static let express = "checkout-express"
    }
}

extension FlagKeys {
    static let wishlist = "wishlist"
}

struct Screens {
    struct Home {
        static let stories = "home-stories"
    }
}

enum Flag: String, CaseIterable {
    case newOnboarding = "new-onboarding"
    case darkMode
    case giftCards, loyaltyPoints = "loyalty_points"
}

enum FeatureFlag: String {
    case newCheckout
    case oneTapPay = "one-tap-pay"
}

final class KeysDemo {
    let ld: LDClient
    let features: Client
    let unleash: UnleashClient
    let reviewsKey = "reviews-v2"

    init(ld: LDClient, features: Client, unleash: UnleashClient) {
        self.ld = ld
        self.features = features
        self.unleash = unleash
    }

    func resolvable() {
        _ = ld.boolVariation(forKey: "literal-key", defaultValue: false)  // key: literal-key
        _ = ld.boolVariation(forKey: #"raw-literal"#, defaultValue: false)  // key: raw-literal
        _ = ld.boolVariation(forKey: checkoutKey, defaultValue: false)  // key: checkout-v2
        _ = ld.boolVariation(forKey: paymentsKey, defaultValue: false)  // key: payments-v3
        _ = ld.boolVariation(forKey: FlagKeys.search, defaultValue: false)  // key: search-v2
        _ = ld.boolVariation(forKey: FlagKeys.Checkout.express, defaultValue: false)  // key: checkout-express
        _ = ld.boolVariation(forKey: FlagKeys.wishlist, defaultValue: false)  // key: wishlist
        _ = ld.boolVariation(forKey: Screens.Home.stories, defaultValue: false)  // key: home-stories
        _ = ld.boolVariation(forKey: reviewsKey, defaultValue: false)  // key: reviews-v2
        _ = ld.boolVariation(forKey: self.reviewsKey, defaultValue: false)  // key: reviews-v2
        _ = features.getBooleanValue(key: Flag.newOnboarding.rawValue, defaultValue: false)  // key: new-onboarding
        _ = features.getBooleanValue(key: Flag.darkMode.rawValue, defaultValue: false)  // key: darkMode
        _ = features.getBooleanValue(key: Flag.giftCards.rawValue, defaultValue: false)  // key: giftCards
        _ = features.getBooleanValue(key: Flag.loyaltyPoints.rawValue, defaultValue: false)  // key: loyalty_points
        _ = unleash.isEnabled(name: FeatureFlag.oneTapPay.rawValue)  // key: one-tap-pay
        _ = Statsig.checkGate(FeatureFlag.newCheckout.rawValue)  // key: newCheckout
        let localKey = "local-key"
        _ = ld.boolVariation(forKey: localKey, defaultValue: false)  // key: local-key
        DispatchQueue.main.async {
            _ = self.ld.boolVariation(forKey: localKey, defaultValue: false)  // key: local-key
        }
        // The wrapper `FeatureFlag.$KEY.isEnabled` (.lint.yml) names the flag by the enum case.
        _ = FeatureFlag.newCheckout.isEnabled  // key: newCheckout
    }

    // A local constant shadows a file-level one of the same name.
    func shadowing() {
        let checkoutKey = "checkout-v3"
        _ = ld.boolVariation(forKey: checkoutKey, defaultValue: false)  // key: checkout-v3
    }

    func dynamic(name: String, flag: Flag, experiment: Experiment) {
        _ = ld.boolVariation(forKey: name, defaultValue: false)  // expect: dynamic-flag-key
        _ = ld.boolVariation(forKey: "prefix-" + name, defaultValue: false)  // expect: dynamic-flag-key
        _ = ld.boolVariation(forKey: "flag-\(name)", defaultValue: false)  // expect: dynamic-flag-key
        _ = ld.boolVariation(forKey: flag.rawValue, defaultValue: false)  // expect: dynamic-flag-key
        _ = ld.boolVariation(forKey: experiment.flagKey, defaultValue: false)  // expect: dynamic-flag-key
        _ = ld.boolVariation(forKey: Self.key(for: name), defaultValue: false)  // expect: dynamic-flag-key
        _ = ld.boolVariation(forKey: [name, "beta"].joined(separator: "-"), defaultValue: false)  // expect: dynamic-flag-key
        _ = features.getBooleanValue(key: Unknown.constant, defaultValue: false)  // expect: dynamic-flag-key
        // a `var` is not a constant: it may change before the call
        _ = ld.boolVariation(forKey: mutableKey, defaultValue: false)  // expect: dynamic-flag-key
        var localKey = "local-var"
        if name.isEmpty { localKey = name }
        _ = ld.boolVariation(forKey: localKey, defaultValue: false)  // expect: dynamic-flag-key
        _ = unleash.isEnabled(name: "\(name)-rollout")  // expect: dynamic-flag-key
        for flag in Flag.allCases {
            _ = features.getBooleanValue(key: flag.rawValue, defaultValue: false)  // expect: dynamic-flag-key
        }
    }

    static func key(for name: String) -> String { "flag-" + name }
}
