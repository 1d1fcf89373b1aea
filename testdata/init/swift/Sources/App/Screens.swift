import SwiftUI

struct HomeScreen {
    func render() {
        if Flags.isOn("beta-banner") { showBanner() }                     // wrapper call
        if Flags.isOn("holiday-sale", default: false) { showSale() }     // wrapper call
        if isFeatureOn(.search) { showSearch() }                          // wrapper call
        if Feature.reports.isEnabled(for: "me") { showReports() }        // wrapper call
    }
}
