// `$R.$KEY.isEnabled`: a receiver chain, then the flag as a member.
struct Settings {
    let flags: Flags

    func render() {
        if flags.newCheckout.isEnabled {}  // expect: missing-default-false
        if self.flags.darkMode.isEnabled {}  // expect: missing-default-false
        if store?.flags.quickPay.isEnabled == true {}  // expect: missing-default-false
        // No receiver before the key: not this pattern.
        if newCheckout.isEnabled {}
        // A call is not a member.
        if flags.lookup("x").isEnabled {}
        let isEnabled = true
        _ = isEnabled
    }
}
