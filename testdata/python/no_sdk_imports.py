"""No SDK is imported here: generic method names (`is_enabled`, `get_boolean`, `is_on`,
`feature_enabled`, `variation`) are some other library's, and nothing is an evaluation.
Each line below would be a finding if it were matched."""


def settings_page(settings, config, experiments, analytics, variants, user):
    if settings.is_enabled("a"):
        if config.get_boolean("b"):
            if experiments.is_on("c"):
                analytics.feature_enabled("d", user)
    return variants.variation("e", user, True)
