import Foundation
import LaunchDarkly

/// Drives the checkout screen.
final class CheckoutController {
    private let client = LDClient.get()!
    private let cart: Cart

    init(cart: Cart) {
        self.cart = cart
    }

    func startCheckout() -> CheckoutFlow {
        if FeatureFlag.newCheckout.enabled {
            if client.boolVariation(forKey: "gift-wrap", defaultValue: false) {
                // Three flags deep: eight combinations to test.
                if client.boolVariation(forKey: "express-shipping", defaultValue: false) {
                    return .expressWithGiftWrap
                }
                return .giftWrap
            }
            return .modern
        }
        return .legacy
    }

    func shippingOptions() -> [ShippingOption] {
        guard client.boolVariation(forKey: "maintenance-mode", defaultValue: false) == false else { return [] }
        // Falls back to the new behaviour when LaunchDarkly is unreachable.
        let express = client.boolVariation(forKey: "express-shipping", defaultValue: true)
        return express ? [.standard, .express] : [.standard]
    }

    func banner(for campaign: String) -> String? {
        // The key is built at run time: nobody can find this flag by searching for it.
        if client.boolVariation(forKey: "banner-" + campaign, defaultValue: false) {
            return "Happy holidays!"
        }
        return client.boolVariation(forKey: "holiday-banner", defaultValue: false) ? "Sale" : nil
    }
}
