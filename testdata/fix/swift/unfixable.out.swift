// fix: new-checkout=true
import LaunchDarkly

func flags(client: LDClient) -> Bool {
    send(enabled: client.boolVariation(forKey: "new-checkout", defaultValue: false))
    return client.boolVariation(forKey: "new-checkout", defaultValue: false)
}
