// Nesting cases (SPEC §4 (a)-(e), §4.1) with the default max_depth 1: a finding needs a
// flag check that runs only depending on two other distinct flags.
import Foundation
import LaunchDarkly
import OpenFeature
import SwiftUI
import UnleashProxyClientSwift

// MARK: - (a) branches, loops, switch cases, condition lists

final class CheckoutController {
    let ld: LDClient
    let features: Client
    let unleash: UnleashClient
    let sheet: PaymentSheet

    init(ld: LDClient, features: Client, unleash: UnleashClient, sheet: PaymentSheet) {
        self.ld = ld
        self.features = features
        self.unleash = unleash
        self.sheet = sheet
    }

    // Branch bodies; the same flag checked again inside itself adds no depth.
    func prepare(cart: Cart) {
        if ld.boolVariation(forKey: "new-checkout", defaultValue: false) {
            if ld.boolVariation(forKey: "gift-wrap", defaultValue: false) {
                if ld.boolVariation(forKey: "express-shipping", defaultValue: false) {  // expect: nested-flag
                    cart.expedite()
                }
                if ld.boolVariation(forKey: "new-checkout", defaultValue: false) {
                    cart.wrap()
                }
            }
        }
    }

    // An else-if chain is one decision: its conditions do not control each other and each
    // body only by its own condition; the final else is controlled by all of them.
    func configurePayments() {
        if ld.boolVariation(forKey: "apple-pay", defaultValue: false) {
            sheet.add(.applePay)
        } else if ld.boolVariation(forKey: "google-pay", defaultValue: false) {
            sheet.add(.googlePay, express: ld.boolVariation(forKey: "google-pay-express", defaultValue: false))
        } else if ld.boolVariation(forKey: "paypal", defaultValue: false) {
            if ld.boolVariation(forKey: "paypal-credit", defaultValue: false) {
                sheet.add(.payPalCredit)
            }
        } else {
            sheet.enableScan(ld.boolVariation(forKey: "card-scan", defaultValue: false))  // expect: nested-flag
        }
        // A branch on two flags at once: its body depends on both.
        if ld.boolVariation(forKey: "wallet-apple", defaultValue: false) || unleash.isEnabled(name: "wallet-google") {
            sheet.showWallets(reorder: ld.boolVariation(forKey: "wallet-reorder", defaultValue: false))  // expect: nested-flag
        }
    }

    // The else body of a guard is controlled by its condition.
    func review(order: Order) {
        guard ld.boolVariation(forKey: "order-review", defaultValue: false) || order.isSmall else {
            if ld.boolVariation(forKey: "review-reminder", defaultValue: false) {
                order.remind(push: ld.boolVariation(forKey: "review-reminder-push", defaultValue: false))  // expect: nested-flag
            }
            return
        }
        order.submit()
    }

    func drain(queue: UploadQueue) {
        while ld.boolVariation(forKey: "background-upload", defaultValue: false), let item = queue.next() {
            if ld.boolVariation(forKey: "upload-compression", defaultValue: false) {
                item.compress(strong: ld.boolVariation(forKey: "upload-compression-max", defaultValue: false))  // expect: nested-flag
            }
        }
        // After the loop nothing is controlled by its condition.
        if ld.boolVariation(forKey: "upload-summary", defaultValue: false) {
            queue.report(verbose: ld.boolVariation(forKey: "upload-summary-verbose", defaultValue: false))
        }
    }

    func decorate(products: [Product], featured: [Product]) {
        for product in products where ld.boolVariation(forKey: "product-badges", defaultValue: false) {
            if ld.boolVariation(forKey: "sale-badge", defaultValue: false) {
                product.animated = ld.boolVariation(forKey: "sale-badge-animated", defaultValue: false)  // expect: nested-flag
            }
        }
        // The sequence of a for-in is not a condition of its body.
        for product in ld.boolVariation(forKey: "all-products", defaultValue: false) ? products : featured {
            if ld.boolVariation(forKey: "stock-badge", defaultValue: false) {
                product.lowStock = ld.boolVariation(forKey: "stock-badge-count", defaultValue: false)
            }
        }
    }

    // The body of repeat-while runs once whatever its condition says.
    func poll(session: Session) {
        repeat {
            if ld.boolVariation(forKey: "poll-prefetch", defaultValue: false) {
                session.prefetch(images: ld.boolVariation(forKey: "poll-prefetch-images", defaultValue: false))
            }
        } while ld.boolVariation(forKey: "poll-continuous", defaultValue: false)
    }

    func shippingOptions(for destination: Destination) -> [ShippingOption] {
        switch destination.region {
        case .domestic where ld.boolVariation(forKey: "same-day", defaultValue: false):
            if ld.boolVariation(forKey: "same-day-drone", defaultValue: false) {
                return [.drone(night: ld.boolVariation(forKey: "drone-night", defaultValue: false))]  // expect: nested-flag
            }
            return [.sameDay]
        case .international:
            return ld.boolVariation(forKey: "duty-prepaid", defaultValue: false) ? [.dutyPaid] : [.standard]
        default:
            return [.standard]
        }
    }

    // A switch subject controls every case; a case's `where` its body.
    func layout(screen: CheckoutScreen) {
        switch ld.stringVariation(forKey: "checkout-layout", defaultValue: "classic") {
        case "compact":
            if ld.boolVariation(forKey: "compact-summary", defaultValue: false) {
                screen.collapse(ld.boolVariation(forKey: "compact-summary-collapsed", defaultValue: false))  // expect: nested-flag
            }
        case "grid" where unleash.isEnabled(name: "grid-images"):
            screen.zoom = ld.boolVariation(forKey: "grid-zoom", defaultValue: false)  // expect: nested-flag
        default:
            screen.upsell = ld.boolVariation(forKey: "classic-upsell", defaultValue: false)
        }
    }

    // In `if let` / `if case` condition lists each condition controls the later ones and the body.
    func applyPromotions(user: User, cart: Cart) {
        if let code = user.promoCode, ld.boolVariation(forKey: "promo-codes", defaultValue: false),
           case .gold = user.tier, features.getBooleanValue(key: "gold-promos", defaultValue: false) {
            cart.apply(code, stacking: ld.boolVariation(forKey: "promo-stacking", defaultValue: false))  // expect: nested-flag
        }
        if ld.boolVariation(forKey: "referrals", defaultValue: false), let referrer = user.referrer,
           ld.boolVariation(forKey: "referral-bonus", defaultValue: false),
           ld.boolVariation(forKey: "referral-bonus-double", defaultValue: false) {  // expect: nested-flag
            cart.credit(referrer)
        }
        if case true = ld.boolVariation(forKey: "loyalty", defaultValue: false), let points = user.points {
            cart.redeem(points, all: ld.boolVariation(forKey: "loyalty-redeem-all", defaultValue: false))
        }
    }
}

// MARK: - (b) ternaries and short circuits

struct Labels {
    let ld: LDClient
    let features: Client

    func title(for order: Order) -> String {
        let badge = ld.boolVariation(forKey: "t-badge", defaultValue: false) ? "★" : (ld.boolVariation(forKey: "t-dot", defaultValue: false) ? "•" : ld.boolVariation(forKey: "t-ring", defaultValue: false) ? "○" : "")  // expect: nested-flag
        let heading = ld.boolVariation(forKey: "t-new-title", defaultValue: false)
            ? "New order"
            : ld.boolVariation(forKey: "t-short-title", defaultValue: false)
                ? "Order"
                : ld.boolVariation(forKey: "t-emoji-title", defaultValue: false) ? "📦" : "Your order"  // expect: nested-flag
        let subtitle = ld.boolVariation(forKey: "t-subtitle", defaultValue: false)
            ? ld.boolVariation(forKey: "t-subtitle-date", defaultValue: false) ? order.date : order.id
            : ld.boolVariation(forKey: "t-subtitle-total", defaultValue: false) ? order.total : ""
        return badge + heading + subtitle
    }

    func checks(order: Order) -> [Bool] {
        let gifting = ld.boolVariation(forKey: "gifting", defaultValue: false) && features.getBooleanValue(key: "gift-cards", defaultValue: false) && ld.boolVariation(forKey: "gift-card-designs", defaultValue: false)  // expect: nested-flag
        let wallet = ld.boolVariation(forKey: "wallet-a", defaultValue: false) || ld.boolVariation(forKey: "wallet-b", defaultValue: false)
        let mixed = ld.boolVariation(forKey: "mix-a", defaultValue: false) || order.isPaid && ld.boolVariation(forKey: "mix-b", defaultValue: false)
        let mixedDeep = ld.boolVariation(forKey: "mix-c", defaultValue: false) || ld.boolVariation(forKey: "mix-d", defaultValue: false) && ld.boolVariation(forKey: "mix-e", defaultValue: false)  // expect: nested-flag
        let grouped = (ld.boolVariation(forKey: "grp-a", defaultValue: false) || ld.boolVariation(forKey: "grp-b", defaultValue: false)) && ld.boolVariation(forKey: "grp-c", defaultValue: false)  // expect: nested-flag
        let inner = ld.boolVariation(forKey: "grp-d", defaultValue: false) && (ld.boolVariation(forKey: "grp-e", defaultValue: false) || order.isPaid)
        let spread = ld.boolVariation(forKey: "spread-a", defaultValue: false)
            && order.isPaid
            && ld.boolVariation(forKey: "spread-b", defaultValue: false)
            && ld.boolVariation(forKey: "spread-c", defaultValue: false)  // expect: nested-flag
        return [gifting, wallet, mixed, mixedDeep, grouped, inner, spread]
    }
}

// MARK: - (c) early exits

struct CheckoutFlow {
    let ld: LDClient
    let unleash: UnleashClient

    func start(cart: Cart) {
        guard !ld.boolVariation(forKey: "checkout-maintenance", defaultValue: false) else { return }
        if ld.boolVariation(forKey: "checkout-readonly", defaultValue: false) { return }
        cart.oneTap = ld.boolVariation(forKey: "one-tap", defaultValue: false)  // expect: nested-flag
    }

    func pay(cart: Cart) throws {
        if ld.boolVariation(forKey: "fraud-block", defaultValue: false) {
            cart.flag()
            throw CheckoutError.blocked
        }
        guard unleash.isEnabled(name: "payments-v2") else {
            fatalError("payments v1 was removed")
        }
        try cart.pay(instant: ld.boolVariation(forKey: "instant-payout", defaultValue: false))  // expect: nested-flag
    }

    // A guard whose condition list goes on over several lines.
    func resume(session: Session?) {
        guard let session,
              let token = session.token,
              case .active = session.state,
              ld.boolVariation(forKey: "resume-checkout", defaultValue: false) else { return }
        if ld.boolVariation(forKey: "resume-prefill", defaultValue: false) {
            session.prefill(token, address: ld.boolVariation(forKey: "resume-prefill-address", defaultValue: false))  // expect: nested-flag
        }
    }

    // An exit in the else arm: what follows the statement is controlled as well.
    func confirm(order: Order) {
        if ld.boolVariation(forKey: "confirm-v2", defaultValue: false) {
            order.confirmV2()
        } else {
            return
        }
        if ld.boolVariation(forKey: "confirm-mail", defaultValue: false) {
            order.mail(rich: ld.boolVariation(forKey: "confirm-mail-rich", defaultValue: false))  // expect: nested-flag
        }
    }

    // `continue` and `break` control only up to the end of their loop.
    func bundle(items: [Item]) {
        for item in items {
            if ld.boolVariation(forKey: "skip-digital", defaultValue: false) && item.isDigital { continue }
            guard ld.boolVariation(forKey: "bundle-check", defaultValue: false) else { break }
            item.discounted = ld.boolVariation(forKey: "bundle-discount", defaultValue: false)  // expect: nested-flag
        }
        var pending = items
        while let item = pending.popLast() {
            if ld.boolVariation(forKey: "stop-on-backorder", defaultValue: false) {
                break
            }
            if item.isBackordered, ld.boolVariation(forKey: "backorder-notice", defaultValue: false) {
                item.notify(sms: ld.boolVariation(forKey: "backorder-sms", defaultValue: false))  // expect: nested-flag
            }
        }
        if ld.boolVariation(forKey: "bundle-summary", defaultValue: false) {
            items.summarize(ld.boolVariation(forKey: "bundle-summary-chart", defaultValue: false))
        }
    }

    // Exits nested deeper than the branch's own body do not control the code after it.
    func deeper(cart: Cart) {
        if ld.boolVariation(forKey: "deep-validate", defaultValue: false) {
            for item in cart.items where item.isInvalid {
                return
            }
        }
        if ld.boolVariation(forKey: "deep-empty", defaultValue: false) {
            if cart.isEmpty { return }
            if ld.boolVariation(forKey: "deep-empty-hint", defaultValue: false) { return }
            cart.hint(ld.boolVariation(forKey: "deep-empty-hint-text", defaultValue: false))  // expect: nested-flag
        }
        cart.checkout(express: ld.boolVariation(forKey: "deep-express", defaultValue: false))
    }

    // A return inside a closure leaves the closure only; an exit before a closure controls it.
    func refresh(view: CartView) {
        DispatchQueue.main.async {
            guard self.ld.boolVariation(forKey: "ui-refresh", defaultValue: false) else { return }
            if self.ld.boolVariation(forKey: "ui-animate", defaultValue: false) {
                view.animate(spring: self.ld.boolVariation(forKey: "ui-animate-spring", defaultValue: false))  // expect: nested-flag
            }
        }
        if ld.boolVariation(forKey: "ui-badge", defaultValue: false) {
            view.badge(pulse: ld.boolVariation(forKey: "ui-badge-pulse", defaultValue: false))
        }
        guard ld.boolVariation(forKey: "ui-live", defaultValue: false) else { return }
        view.onAppear = {
            if self.ld.boolVariation(forKey: "ui-live-prices", defaultValue: false) {
                view.stream(self.ld.boolVariation(forKey: "ui-live-stock", defaultValue: false))  // expect: nested-flag
            }
        }
    }
}

// MARK: - (d) closures, result builders, defer, nested functions

final class LiveActivityController {
    let ld: LDClient
    var banner = Banner()

    init(ld: LDClient) { self.ld = ld }

    func start(session: ActivitySession, items: [Item]) {
        // A closure built outside any branch is controlled by nothing.
        let onUpdate: (ActivityState) -> Void = { state in
            state.showMap = self.ld.boolVariation(forKey: "activity-map-anywhere", defaultValue: false)
        }
        if ld.boolVariation(forKey: "live-activity", defaultValue: false) {
            if ld.boolVariation(forKey: "live-activity-eta", defaultValue: false) {
                session.start(onUpdate) { state in
                    state.showMap = self.ld.boolVariation(forKey: "live-activity-map", defaultValue: false)  // expect: nested-flag
                }
                DispatchQueue.main.async {
                    self.banner.isHidden = !self.ld.boolVariation(forKey: "live-activity-banner", defaultValue: false)  // expect: nested-flag
                }
                let rows = items.map { item in
                    self.ld.boolVariation(forKey: "live-row-badge", defaultValue: false) ? item.badged : item  // expect: nested-flag
                }
                defer {
                    session.cleanUp(deep: ld.boolVariation(forKey: "live-cleanup", defaultValue: false))  // expect: nested-flag
                }
                func refresh() -> Bool {
                    ld.boolVariation(forKey: "live-refresh", defaultValue: false)  // expect: nested-flag
                }
                session.show(rows, refresh: refresh)
            }
        }
    }
}

struct ProductView: View {
    let ld: LDClient
    let product: Product

    var body: some View {
        VStack(alignment: .leading) {
            if ld.boolVariation(forKey: "product-reviews", defaultValue: false) {
                ReviewsSection(product: product)
                if ld.boolVariation(forKey: "review-photos", defaultValue: false) {
                    PhotoGrid(zoomable: ld.boolVariation(forKey: "review-photo-zoom", defaultValue: false))  // expect: nested-flag
                }
            } else {
                Text(product.name)
                    .font(ld.boolVariation(forKey: "large-name", defaultValue: false) ? .title : .body)
            }
            ForEach(product.variants) { variant in
                if ld.boolVariation(forKey: "variant-swatches", defaultValue: false) {
                    Swatch(variant: variant, glossy: ld.boolVariation(forKey: "variant-gloss", defaultValue: false))
                }
            }
        }
        .toolbar {
            if ld.boolVariation(forKey: "share-button", defaultValue: false) {
                ShareLink(item: product.url)
                    .labelStyle(ld.boolVariation(forKey: "share-icon-only", defaultValue: false) ? .iconOnly : .titleAndIcon)
            }
        }
        .task {
            guard ld.boolVariation(forKey: "product-prefetch", defaultValue: false) else { return }
            if ld.boolVariation(forKey: "prefetch-related", defaultValue: false) {
                await product.prefetch(images: ld.boolVariation(forKey: "prefetch-related-images", defaultValue: false))  // expect: nested-flag
            }
        }
    }
}

// MARK: - (e) aliases

final class HomeViewController {
    let ld: LDClient
    let unleash: UnleashClient
    // Stored properties are not locals: naming one in a condition is not an evaluation (§4.1).
    let storiesOnLaunch: Bool
    // A computed property is not an alias either: it is a call to a wrapper, which flaglint
    // knows only when `.lint.yml` lists it under `evaluators:`.
    var isRedesign: Bool { ld.boolVariation(forKey: "home-redesign", defaultValue: false) }
    var compact = false
    let showsTips = LDClient.get()!.boolVariation(forKey: "home-tips", defaultValue: false)

    init(ld: LDClient, unleash: UnleashClient) {
        self.ld = ld
        self.unleash = unleash
        storiesOnLaunch = ld.boolVariation(forKey: "stories-on-launch", defaultValue: false)
    }

    func viewDidLoad(home: HomeView) {
        let showRecs = ld.boolVariation(forKey: "recommendations", defaultValue: false)
        let hideAds = !unleash.isEnabled(name: "ads")
        var polling: Bool = ld.boolVariation(forKey: "live-feed", defaultValue: false)
        if showRecs {
            if hideAds {
                home.recommendations(fullWidth: ld.boolVariation(forKey: "recs-full-width", defaultValue: false))  // expect: nested-flag
            }
            // The same flag again, through its alias or directly, adds no depth.
            if showRecs, ld.boolVariation(forKey: "recommendations", defaultValue: false) {
                home.recommendations(carousel: ld.boolVariation(forKey: "recs-carousel", defaultValue: false))
            }
        }
        home.banner = hideAds ? ld.boolVariation(forKey: "premium-banner", defaultValue: false) && ld.boolVariation(forKey: "premium-banner-gold", defaultValue: false) : false  // expect: nested-flag
        while polling {
            if ld.boolVariation(forKey: "live-feed-video", defaultValue: false) {
                home.autoplay(muted: ld.boolVariation(forKey: "live-feed-muted", defaultValue: false))  // expect: nested-flag
            }
            polling = home.refresh()
        }
        DispatchQueue.main.async {
            if showRecs && self.ld.boolVariation(forKey: "recs-refresh", defaultValue: false) {
                home.reload(animated: self.ld.boolVariation(forKey: "recs-refresh-animated", defaultValue: false))  // expect: nested-flag
            }
        }
        guard hideAds else { return }
        if ld.boolVariation(forKey: "ad-free-badge", defaultValue: false) {
            home.badge(gold: ld.boolVariation(forKey: "ad-free-badge-gold", defaultValue: false))  // expect: nested-flag
        }
    }

    func layout(home: HomeView) {
        let compact = ld.boolVariation(forKey: "compact-home", defaultValue: false)
        if compact, ld.boolVariation(forKey: "compact-tiles", defaultValue: false) {
            home.tiles(square: ld.boolVariation(forKey: "compact-tiles-square", defaultValue: false))  // expect: nested-flag
        }
    }

    // Not aliases: the stored property `compact` (the local of `layout` is not visible here),
    // a stored property assigned from an evaluation, a computed property.
    func appear(home: HomeView) {
        if compact {
            if ld.boolVariation(forKey: "appear-fade", defaultValue: false) {
                home.fade(slow: ld.boolVariation(forKey: "appear-fade-slow", defaultValue: false))
            }
        }
        if storiesOnLaunch {
            if ld.boolVariation(forKey: "stories-autoplay", defaultValue: false) {
                home.stories(sound: ld.boolVariation(forKey: "stories-sound", defaultValue: false))
            }
        }
        if showsTips {
            if ld.boolVariation(forKey: "tips-carousel", defaultValue: false) {
                home.tips(autoAdvance: ld.boolVariation(forKey: "tips-auto-advance", defaultValue: false))
            }
        }
        if isRedesign {
            if ld.boolVariation(forKey: "redesign-hero", defaultValue: false) {
                home.hero(video: ld.boolVariation(forKey: "redesign-hero-video", defaultValue: false))
            }
        }
    }

    // One level: an alias of an alias is not followed.
    func aliasOfAlias(home: HomeView) {
        let first = ld.boolVariation(forKey: "alias-first", defaultValue: false)
        let second = first
        if second {
            if ld.boolVariation(forKey: "alias-inner", defaultValue: false) {
                home.inner(ld.boolVariation(forKey: "alias-innermost", defaultValue: false))
            }
        }
    }
}
