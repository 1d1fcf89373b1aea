// fix: new-checkout=true express-shipping=false
import LaunchDarkly

func options(client: LDClient) -> [Option] {
    let modern = client.boolVariation(forKey: "new-checkout", defaultValue: false)
    if modern {
        return [.standard, .express]
    }
    return [.standard]
}

func shipping(client: LDClient) -> [Option] {
    let express = client.boolVariation(forKey: "express-shipping", defaultValue: false)
    log(express)
    return express ? [.express] : []
}
