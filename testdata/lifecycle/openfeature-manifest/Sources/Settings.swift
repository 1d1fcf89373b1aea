import LaunchDarkly

func settings(client: LDClient) {
    if client.boolVariation(forKey: "darkMode", defaultValue: false) { dark() }
    if client.boolVariation(forKey: "darkMode", defaultValue: true) { dark() } // expect: manifest-default-mismatch, missing-default-false
    let limit = client.intVariation(forKey: "maxItems", defaultValue: 20) // expect: manifest-default-mismatch
    let same = client.intVariation(forKey: "maxItems", defaultValue: 50)
}
