import Foundation
import LaunchDarkly

/// Flags the app checks by name.
enum Flags {
    static let client = LDClient.get()!

    /// Static method: `Flags.isOn("x")`.
    static func isOn(_ key: String, default fallback: Bool = false) -> Bool {
        client.boolVariation(forKey: key, defaultValue: fallback)
    }
}

/// Free function taking an enum case: `isFeatureOn(.search)`.
func isFeatureOn(_ feature: Feature) -> Bool {
    LDClient.get()!.boolVariation(forKey: feature.rawValue, defaultValue: false)
}

enum Feature: String {
    case search = "new-search"
    case reports = "org-reports"

    /// Enum accessor: `Feature.reports.isEnabled(for: user)`.
    func isEnabled(for user: String) -> Bool {
        LDClient.get()!.boolVariation(forKey: rawValue, defaultValue: false)
    }
}

/// Not a wrapper: the key is a literal, not a parameter.
func isDarkModeOn() -> Bool {
    LDClient.get()!.boolVariation(forKey: "dark-mode", defaultValue: false)
}
