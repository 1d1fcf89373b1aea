enum FeatureKeys {
    static let newCheckout = "new-checkout"
}
enum Flag: String {
    case giftWrap = "gift-wrap"
    case express
}
enum Defaults {
    static let expressFallback = false
    static let risky = true
}
