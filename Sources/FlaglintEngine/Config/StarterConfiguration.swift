extension Configuration {
    /// What `flaglint init` writes: the keys most projects touch, with the defaults shown.
    /// `.lint.yml.example` at the repository root documents every key.
    public static let starterConfiguration = starterHeader + """

        # Built-in SDK catalogues to enable (default: all; `flaglint sdks` lists them).
        # sdks: [launchdarkly, openfeature, unleash]

        # In-house wrappers around a flag SDK.
        # evaluators:
        #   - match: "FeatureFlags.isEnabled($KEY)"
        #     language: swift
        #     fallback: false          # what the wrapper returns for an unknown flag

        """ + starterRules + """

        # Flag lifecycle data (rollout dates, removals), relative to this file.
        # registry:
        #   - flags.yml

        """

    static let starterHeader = """
        # flaglint configuration. Every key is optional; see .lint.yml.example for all of them.
        version: 1

        # Files to lint, as globs relative to this file (default: every supported file).
        # include: ["Sources/**", "app/**"]
        # Files to skip, in addition to .gitignore and hidden/vendored directories.
        exclude: []

        """

    static let starterRules = """

        rules:
          nested-flag:           { severity: error, max_depth: 1 }
          stale-flag:            { severity: error, days: 30 }
          missing-default-false: { severity: error, unverifiable: warning }
          dynamic-flag-key:      { severity: warning }
          unknown-flag:          { severity: off }
          unused-flag:           { severity: warning }
          removed-flag:          { severity: error }
          unused-suppression:    { severity: warning }
          manifest-default-mismatch: { severity: warning }

        """
}
