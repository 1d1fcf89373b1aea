// Default values (SPEC §4 missing-default-false, §4.1): literals, absent defaults with and
// without an SDK fallback, constants, unresolvable expressions, negative-polarity checks.
// A default flaglint cannot resolve is reported at the `unverifiable` severity (a warning
// by default), under the same rule id. The wrappers `Features`, `Experiments` and
// `FeatureFlag` are declared in this directory's .lint.yml.
import ConfigCat
import FirebaseRemoteConfig
import FlagsmithClient
import GrowthBook
import LaunchDarkly
import OpenFeature
import PostHog
import Statsig
import UnleashProxyClientSwift

let offlineFallback = false
let optimisticFallback = true
var mutableFallback = false

enum FlagDefaults {
    static let safe = false
    static let risky = true

    enum Legacy {
        static let keepOldFlow = false
        static let assumeMigrated = true
    }
}

enum Theme: String {
    case classic, midnight = "midnight-blue"
}

enum Limits: Int {
    case small = 5
    case large = 50
}

// MARK: - Literals

final class SettingsScreen {
    static let optimistic = true
    let ld: LDClient
    let features: Client
    let configCat: ConfigCatClient
    let pessimistic = false
    var toggles: [String: Bool] = [:]

    init(ld: LDClient, features: Client, configCat: ConfigCatClient) {
        self.ld = ld
        self.features = features
        self.configCat = configCat
    }

    func literals() async {
        toggles["a"] = ld.boolVariation(forKey: "literal-false", defaultValue: false)
        toggles["b"] = ld.boolVariation(forKey: "literal-true", defaultValue: true)  // expect: missing-default-false
        toggles["c"] = features.getBooleanValue(key: "of-literal-false", defaultValue: false)
        toggles["d"] = features.getBooleanValue(key: "of-literal-true", defaultValue: true)  // expect: missing-default-false
        toggles["e"] = ld.boolVariationDetail(forKey: "detail-true", defaultValue: true).value  // expect: missing-default-false
        toggles["f"] = features.getBooleanDetails(key: "of-details-true", defaultValue: true).value  // expect: missing-default-false
        // A `!` at the call site changes nothing: the fallback must be the flag's off value.
        toggles["g"] = !ld.boolVariation(forKey: "negated-true", defaultValue: true)  // expect: missing-default-false
        toggles["h"] = !ld.boolVariation(forKey: "negated-false", defaultValue: false)
        // A call over several lines: the finding is at `boolVariation`, not at the `true`.
        toggles["i"] = ld.boolVariation(  // expect: missing-default-false
            forKey: "spread-true",
            defaultValue: true
        )
        // `type: any` evaluators: the rule applies only when the default is a boolean literal.
        toggles["j"] = ld.variation(forKey: "any-true", defaultValue: true)  // expect: missing-default-false
        toggles["k"] = ld.variation(forKey: "any-false", defaultValue: false)
        toggles["l"] = await configCat.getValue(for: "configcat-true", defaultValue: true)  // expect: missing-default-false
        toggles["m"] = await configCat.getValue(for: "configcat-false", defaultValue: false)
        _ = ld.stringVariation(forKey: "any-string-true", defaultValue: "true")  // expect: missing-default-false
        _ = ld.stringVariation(forKey: "any-string", defaultValue: "compact")
        _ = ld.intVariation(forKey: "any-int", defaultValue: 1)
        _ = ld.doubleVariation(forKey: "any-double", defaultValue: 0.5)
    }
}

// MARK: - Absent defaults

struct Onboarding {
    let unleash: UnleashClient
    let gb: GrowthBookSDK
    let remoteConfig: RemoteConfig

    func configure(screen: OnboardingScreen) {
        // The SDK falls back to false for a flag it does not know: nothing is missing.
        screen.carousel = unleash.isEnabled(name: "onboarding-carousel")
        screen.video = gb.isOn(feature: "onboarding-video")
        screen.skip = Statsig.checkGate("onboarding-skip")
        screen.survey = PostHogSDK.shared.isFeatureEnabled("onboarding-survey")
        screen.tips = remoteConfig.configValue(forKey: "onboarding-tips").boolValue
        screen.confetti = Features.isEnabled("onboarding-confetti")
        // The Flagsmith client has no default and reports an error for a flag it cannot fetch.
        Flagsmith.shared.hasFeatureFlag(withID: "onboarding-badges", forIdentity: nil) { result in  // expect: missing-default-false
            if case .success(true) = result { screen.showBadges() }
        }
        // The wrapper's default is optional, and without one it returns whatever it cached.
        screen.quiz = Experiments.isActive("onboarding-quiz")  // expect: missing-default-false
        screen.music = Experiments.isActive("onboarding-music", default: false)
        screen.haptics = Experiments.isActive("onboarding-haptics", default: true)  // expect: missing-default-false
        screen.progress = Features.isEnabled("onboarding-progress", default: false)
        screen.avatar = Features.isEnabled("onboarding-avatar", default: true)  // expect: missing-default-false
    }
}

// MARK: - Negative polarity: the safe default is `true`

struct Paywall {
    let gb: GrowthBookSDK

    func configure(screen: PaywallScreen) {
        // `isOff` is true for a flag GrowthBook does not know: the safe value.
        screen.hideTrial = gb.isOff(feature: "paywall-trial")
        screen.hideAnnual = Features.isDisabled("paywall-annual")
        screen.hideMonthly = Features.isDisabled("paywall-monthly", default: true)
        screen.hideLifetime = Features.isDisabled("paywall-lifetime", default: false)  // expect: missing-default-false
        screen.hideFamily = Features.isDisabled("paywall-family", default: FlagDefaults.safe)  // expect: missing-default-false
        screen.hideStudent = Features.isDisabled("paywall-student", default: FlagDefaults.risky)
        screen.hideGift = !Features.isDisabled("paywall-gift", default: false)  // expect: missing-default-false
        screen.holdout = Experiments.isHeldOut("paywall-holdout")  // expect: missing-default-false
        screen.holdoutB = Experiments.isHeldOut("paywall-holdout-b", default: true)
        screen.holdoutC = Experiments.isHeldOut("paywall-holdout-c", default: false)  // expect: missing-default-false
    }
}

// MARK: - Constants

extension SettingsScreen {
    static let conservative = false

    func constants() {
        // file-level `let`
        toggles["n"] = ld.boolVariation(forKey: "const-file-false", defaultValue: offlineFallback)
        toggles["o"] = ld.boolVariation(forKey: "const-file-true", defaultValue: optimisticFallback)  // expect: missing-default-false
        // `static let`, nested types, `Self.`, the type's own name
        toggles["p"] = ld.boolVariation(forKey: "const-static-false", defaultValue: FlagDefaults.safe)
        toggles["q"] = ld.boolVariation(forKey: "const-static-true", defaultValue: FlagDefaults.risky)  // expect: missing-default-false
        toggles["r"] = features.getBooleanValue(key: "const-nested-false", defaultValue: FlagDefaults.Legacy.keepOldFlow)
        toggles["s"] = features.getBooleanValue(key: "const-nested-true", defaultValue: FlagDefaults.Legacy.assumeMigrated)  // expect: missing-default-false
        toggles["t"] = ld.boolVariation(forKey: "const-self-true", defaultValue: Self.optimistic)  // expect: missing-default-false
        toggles["u"] = ld.boolVariation(forKey: "const-type-true", defaultValue: SettingsScreen.optimistic)  // expect: missing-default-false
        toggles["v"] = ld.boolVariation(forKey: "const-extension-false", defaultValue: SettingsScreen.conservative)
        // an instance `let`
        toggles["w"] = ld.boolVariation(forKey: "const-instance-false", defaultValue: pessimistic)
        toggles["x"] = ld.boolVariation(forKey: "const-self-instance-false", defaultValue: self.pessimistic)
        // function-local `let`, also seen from a closure
        let localOff = false
        let localOn = true
        toggles["y"] = ld.boolVariation(forKey: "const-local-false", defaultValue: localOff)
        toggles["z"] = ld.boolVariation(forKey: "const-local-true", defaultValue: localOn)  // expect: missing-default-false
        DispatchQueue.main.async {
            self.toggles["closure"] = self.ld.boolVariation(forKey: "const-local-closure", defaultValue: localOff)
        }
        // enum raw values go to `type: any` evaluators: not boolean literals, nothing to report
        _ = ld.stringVariation(forKey: "const-theme", defaultValue: Theme.midnight.rawValue)
        _ = ld.stringVariation(forKey: "const-theme-implicit", defaultValue: Theme.classic.rawValue)
        _ = ld.intVariation(forKey: "const-limit", defaultValue: Limits.large.rawValue)
    }

    // A local constant shadows the file-level one of the same name.
    func shadowing() {
        let offlineFallback = true
        toggles["shadow"] = ld.boolVariation(forKey: "const-shadowed", defaultValue: offlineFallback)  // expect: missing-default-false
    }

    func unshadowed() {
        toggles["plain"] = ld.boolVariation(forKey: "const-unshadowed", defaultValue: offlineFallback)
    }
}

// MARK: - Unverifiable defaults (reported at the `unverifiable` severity)

extension SettingsScreen {
    func unverifiable(configured: Bool, remote: RemoteDefaults) {
        toggles["1"] = ld.boolVariation(forKey: "unverifiable-param", defaultValue: configured)  // expect: missing-default-false
        toggles["2"] = ld.boolVariation(forKey: "unverifiable-member", defaultValue: remote.checkoutDefault)  // expect: missing-default-false
        toggles["3"] = features.getBooleanValue(key: "unverifiable-call", defaultValue: remote.value(for: "x"))  // expect: missing-default-false
        toggles["4"] = ld.boolVariation(forKey: "unverifiable-expression", defaultValue: !configured)  // expect: missing-default-false
        // a `var` is not a constant: it can change before the call
        var fallback = false
        if configured { fallback = remote.checkoutDefault }
        toggles["5"] = ld.boolVariation(forKey: "unverifiable-local-var", defaultValue: fallback)  // expect: missing-default-false
        toggles["6"] = ld.boolVariation(forKey: "unverifiable-global-var", defaultValue: mutableFallback)  // expect: missing-default-false
        // `type: any` evaluators: an unresolvable default is not reported
        _ = ld.stringVariation(forKey: "unverifiable-any", defaultValue: remote.theme)
    }
}
