// No SDK is imported here: generic method names (`isEnabled(name:)`, `getValue(key:defaultValue:)`,
// `isOn(feature:)`, `isFeatureEnabled`) are some other library's, and nothing is an evaluation.
// Each line below would be a finding if it were matched.
import Foundation

func configure(settings: Settings, store: Store, toggles: Toggles, analytics: Analytics) {
    if settings.isEnabled(name: "a") {
        if store.getValue(key: "b", defaultValue: true) {
            if toggles.isOn(feature: "c") {
                _ = analytics.isFeatureEnabled("d")
            }
        }
    }
}
