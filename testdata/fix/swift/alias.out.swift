// fix: new-checkout=true express-shipping=false
import LaunchDarkly

func options(client: LDClient) -> [Option] {
    return [.standard, .express]
}

func shipping(client: LDClient) -> [Option] {
    let express = client.boolVariation(forKey: "express-shipping", defaultValue: false)
    log(express)
    return []
}
