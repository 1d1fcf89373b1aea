"""Flag keys: literals and module, class and function-local constants resolve; the rest is dynamic."""
import posthog

FLAG_CHECKOUT = "checkout"


class Keys:
    SEARCH = "search"

    class Nested:
        DEEP = "deep-key"


def keys(user_id, name):
    posthog.feature_enabled(FLAG_CHECKOUT, user_id)
    posthog.feature_enabled(Keys.SEARCH, user_id)
    posthog.feature_enabled(Keys.Nested.DEEP, user_id)
    local_key = "local"
    posthog.feature_enabled(local_key, user_id)
    posthog.feature_enabled("con" "cat", user_id)
    posthog.feature_enabled(name, user_id)  # expect: dynamic-flag-key
    posthog.feature_enabled("prefix-" + name, user_id)  # expect: dynamic-flag-key
    posthog.feature_enabled(f"flag-{name}", user_id)  # expect: dynamic-flag-key
