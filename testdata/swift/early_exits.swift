// Early exits inside `switch` cases inside loops (SPEC §4 (c), §4.1), max_depth 1.
import LaunchDarkly

// `continue` in a case applies to the loop around the switch: it controls the rest of its
// case and what follows the switch, up to the end of the loop body.
func reorder(client: LDClient, orders: [Order]) {
    for order in orders {
        switch order.state {
        case .pending:
            if client.boolVariation(forKey: "skip-pending", defaultValue: false) { continue }
            if client.boolVariation(forKey: "pending-priority", defaultValue: false) {
                _ = client.boolVariation(forKey: "pending-express", defaultValue: false)  // expect: nested-flag
            }
        case .shipped:
            // only one case runs: the other cases do not follow the `continue`
            if client.boolVariation(forKey: "shipped-tracking", defaultValue: false) {
                _ = client.boolVariation(forKey: "shipped-sms", defaultValue: false)
            }
        default:
            break
        }
        if client.boolVariation(forKey: "order-audit", defaultValue: false) {
            _ = client.boolVariation(forKey: "order-audit-verbose", defaultValue: false)  // expect: nested-flag
        }
    }
    // past the loop the `continue` controls nothing
    if client.boolVariation(forKey: "order-summary", defaultValue: false) {
        _ = client.boolVariation(forKey: "order-summary-email", defaultValue: false)
    }
}

// `break` in a case leaves only the switch: the rest of its case is controlled, what
// follows the switch is not.
func route(client: LDClient, events: [Event]) {
    for event in events {
        switch event {
        case .tap:
            if client.boolVariation(forKey: "ignore-taps", defaultValue: false) { break }
            if client.boolVariation(forKey: "tap-haptics", defaultValue: false) {
                _ = client.boolVariation(forKey: "tap-haptics-strong", defaultValue: false)  // expect: nested-flag
            }
        case .swipe:
            if client.boolVariation(forKey: "swipe-undo", defaultValue: false) {
                _ = client.boolVariation(forKey: "swipe-undo-toast", defaultValue: false)
            }
        }
        if client.boolVariation(forKey: "event-log", defaultValue: false) {
            _ = client.boolVariation(forKey: "event-log-remote", defaultValue: false)
        }
    }
}

// A `continue` in a switch nested in another switch: the rest of both cases and what
// follows both switches are controlled; the sibling cases are not.
func nested(client: LDClient, rows: [Row]) {
    for row in rows {
        switch row.section {
        case .header:
            switch row.style {
            case .plain:
                guard client.boolVariation(forKey: "plain-headers", defaultValue: false) else { continue }
                if client.boolVariation(forKey: "plain-bold", defaultValue: false) {
                    _ = client.boolVariation(forKey: "plain-bold-caps", defaultValue: false)  // expect: nested-flag
                }
            case .fancy:
                if client.boolVariation(forKey: "fancy-shadow", defaultValue: false) {
                    _ = client.boolVariation(forKey: "fancy-shadow-blur", defaultValue: false)
                }
            }
            if client.boolVariation(forKey: "header-divider", defaultValue: false) {
                _ = client.boolVariation(forKey: "header-divider-thick", defaultValue: false)  // expect: nested-flag
            }
        case .footer:
            if client.boolVariation(forKey: "footer-links", defaultValue: false) {
                _ = client.boolVariation(forKey: "footer-links-legal", defaultValue: false)
            }
        }
        if client.boolVariation(forKey: "row-separator", defaultValue: false) {
            _ = client.boolVariation(forKey: "row-separator-inset", defaultValue: false)  // expect: nested-flag
        }
    }
}

// `return` in a case: the other cases do not follow it either.
func badge(client: LDClient, kind: Kind) -> String {
    switch kind {
    case .new:
        if client.boolVariation(forKey: "hide-new-badge", defaultValue: false) { return "" }
        if client.boolVariation(forKey: "new-badge-color", defaultValue: false) {
            _ = client.boolVariation(forKey: "new-badge-pulse", defaultValue: false)  // expect: nested-flag
        }
    case .sale:
        if client.boolVariation(forKey: "sale-badge", defaultValue: false) {
            _ = client.boolVariation(forKey: "sale-badge-countdown", defaultValue: false)
        }
    }
    if client.boolVariation(forKey: "badge-animation", defaultValue: false) {
        _ = client.boolVariation(forKey: "badge-animation-slow", defaultValue: false)  // expect: nested-flag
    }
    return "badge"
}

// A `throw` caught by the enclosing `do` leaves only the `do` block: it controls the rest of
// that block, not what follows the `do`/`catch` statement.
func reload(client: LDClient) throws {
    do {
        if !client.boolVariation(forKey: "reload-cache", defaultValue: false) { throw CacheError.disabled }
        if client.boolVariation(forKey: "reload-warm", defaultValue: false) {
            _ = client.boolVariation(forKey: "reload-warm-all", defaultValue: false)  // expect: nested-flag
        }
    } catch {
        log(error)
    }
    if client.boolVariation(forKey: "reload-stats", defaultValue: false) {
        _ = client.boolVariation(forKey: "reload-stats-detail", defaultValue: false)
    }
    // Nested: the inner `do` catches; the outer one is what the rest of its block follows.
    do {
        do {
            guard client.boolVariation(forKey: "reload-index", defaultValue: false) else { throw CacheError.disabled }
        } catch CacheError.disabled {}
        if client.boolVariation(forKey: "reload-index-a", defaultValue: false) {
            _ = client.boolVariation(forKey: "reload-index-b", defaultValue: false)
        }
    } catch {}
    // Without a `catch` the throw leaves the function.
    if !client.boolVariation(forKey: "reload-strict", defaultValue: false) { throw CacheError.disabled }
    if client.boolVariation(forKey: "reload-strict-a", defaultValue: false) {
        _ = client.boolVariation(forKey: "reload-strict-b", defaultValue: false)  // expect: nested-flag
    }
}
