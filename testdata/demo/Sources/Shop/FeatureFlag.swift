import LaunchDarkly

/// The shop's own flags. `FeatureFlag.newCheckout.enabled` asks LaunchDarkly for flag
/// `newCheckout` and falls back to `false` when the service is unreachable.
enum FeatureFlag: String {
    case newCheckout

    var enabled: Bool {
        // flaglint:disable-next-line dynamic-flag-key -- every flag's key passes through here
        LDClient.get()!.boolVariation(forKey: rawValue, defaultValue: false)
    }
}
