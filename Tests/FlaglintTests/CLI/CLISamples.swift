/// Small sources with known findings, shared by the CLI tests.
enum CLISamples {
    /// No findings with the default configuration.
    static let clean = """
        import LaunchDarkly

        func render(client: LDClient) {
            if client.boolVariation(forKey: "clean-flag", defaultValue: false) { draw() }
        }

        """

    /// One error: missing-default-false at 4:15.
    static let error = """
        import LaunchDarkly

        func render(client: LDClient) {
            let on = client.boolVariation(forKey: "risky", defaultValue: true)
            if on { draw() }
        }

        """

    /// One warning: dynamic-flag-key at 4:15.
    static let warning = """
        import LaunchDarkly

        func render(client: LDClient, name: String) {
            let on = client.boolVariation(forKey: "banner-" + name, defaultValue: false)
            if on { draw() }
        }

        """

    /// One nested-flag error (at 6:16) and one missing-default-false error (at 5:12).
    static let nested = """
        import LaunchDarkly

        func render(client: LDClient) {
            if client.boolVariation(forKey: "outer", defaultValue: false) {
                if client.boolVariation(forKey: "middle", defaultValue: true) {
                    if client.boolVariation(forKey: "inner", defaultValue: false) { draw() }
                }
            }
        }

        """

    /// Python: one missing-default-false error at 2:8 (OpenFeature, `True` fallback).
    static let pythonError = """
        def render(client):
            if client.get_boolean_value("py-risky", True):
                draw()

        """

    /// C: one missing-default-false error at 2:9 (LaunchDarkly C server SDK).
    static let cError = """
        void render(void *sdk, void *ctx) {
            if (LDServerSDK_BoolVariation(sdk, ctx, "c-risky", true)) { draw(); }
        }

        """
}
