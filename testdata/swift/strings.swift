// Calls in comments and in the text of string literals are not evaluations; calls in
// interpolations, calls spread over several lines and calls with trailing closures are.
// Every evaluation here falls back to `true`, so each one raises missing-default-false.
import LaunchDarkly

/* a block comment /* with a nested one: client.boolVariation(forKey: "c1", defaultValue: true) */
   still inside: client.boolVariation(forKey: "c2", defaultValue: true) */
/// Doc comment: `client.boolVariation(forKey: "c3", defaultValue: true)`.
func render(client: LDClient, label: Label, items: [Item]) {
    // client.boolVariation(forKey: "c4", defaultValue: true)
    label.text = "client.boolVariation(forKey: \"s1\", defaultValue: true)"
    label.text = #"client.boolVariation(forKey: "s2", defaultValue: true) \(not interpolated)"#
    label.text = """
        client.boolVariation(forKey: "s3", defaultValue: true)
        """
    label.text = "\\(client.boolVariation(forKey: \"s4\", defaultValue: true))"  // `\\(` is a backslash, not an interpolation
    label.text = "on: \(client.boolVariation(forKey: "i1", defaultValue: true))"  // expect: missing-default-false
    label.text = #"raw: \#(client.boolVariation(forKey: "i2", defaultValue: true))"#  // expect: missing-default-false
    label.text = "\(items.isEmpty ? "none" : "\(client.boolVariation(forKey: "i3", defaultValue: true))")"  // expect: missing-default-false
    label.text = """
        multi-line: \(client.boolVariation(forKey: "i4",  // expect: missing-default-false
                                           defaultValue: true))
        """
    label.text = "\({ client.boolVariation(forKey: "i5", defaultValue: true) }())"  // expect: missing-default-false
    let spread = client
        .boolVariation(  // expect: missing-default-false
            forKey: "m1",
            // a comment between the arguments
            defaultValue: /* and one inside */ true
        )
    client.observe(key: "t0", owner: label) { _ in
        _ = client.boolVariation(forKey: "t1", defaultValue: true)  // expect: missing-default-false
    }
    Button {
        _ = client.boolVariation(forKey: "t2", defaultValue: true)  // expect: missing-default-false
    } label: {
        Text(client.boolVariation(forKey: "t3", defaultValue: true) ? "on" : "off")  // expect: missing-default-false
    }
    let chosen = items.filter { _ in client.boolVariation(forKey: "t4", defaultValue: true) }  // expect: missing-default-false
    let pattern = /client\.boolVariation\(forKey: "r1", defaultValue: true\)/
    label.render(spread, chosen, pattern)
}
