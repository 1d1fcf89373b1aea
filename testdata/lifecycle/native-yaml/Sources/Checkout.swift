import LaunchDarkly

// Rolled out 29, 30 and 31 days before --today 2026-11-25: only 31 days is stale (today - rolled_out > 30).
func checkout(client: LDClient) {
    if client.boolVariation(forKey: "flag-29", defaultValue: false) { showA() }
    if client.boolVariation(forKey: "flag-30", defaultValue: false) { showB() }
    if client.boolVariation(forKey: "flag-31", defaultValue: false) { showC() } // expect: stale-flag
    if client.boolVariation(forKey: "kill-switch", defaultValue: false) { stop() }
    if client.boolVariation(forKey: "legacy-search", defaultValue: false) { legacy() } // expect: removed-flag
    if client.boolVariation(forKey: "mystery", defaultValue: false) { mystery() } // expect: unknown-flag
    let key = currentExperiment()
    if client.boolVariation(forKey: key, defaultValue: false) { experiment() } // expect: dynamic-flag-key
}
