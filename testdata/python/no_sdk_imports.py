"""No SDK is imported here: generic method names (`is_enabled`, `get_boolean`, `is_on`,
`feature_enabled`, `variation`) are some other library's and not evaluations (each would be a
finding if it were matched). A distinctive name needs no import: OpenFeature's
`get_boolean_value(flag_key, default_value)` is still found."""


def settings_page(settings, config, experiments, analytics, variants, user):
    if settings.is_enabled("a"):
        if config.get_boolean("b"):
            if experiments.is_on("c"):
                analytics.feature_enabled("d", user)
    return variants.variation("e", user, True)


def checkout(client):
    return client.get_boolean_value("one-click", False)
