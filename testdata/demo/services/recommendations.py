"""Recommendation service of the demo shop."""
import ldclient
from waffle import flag_is_active

GIFT_WRAP = "gift-wrap"


def recommendations(request, user):
    client = ldclient.get()
    # The registry says new-checkout is long rolled out: this check is dead weight.
    if client.variation("new-checkout", user, False):
        if flag_is_active(request, GIFT_WRAP):
            return ["wrapping-paper", "ribbon"]
    # A True fallback: if LaunchDarkly is down, everyone gets the experimental ranking.
    ranked = client.variation("express-shipping", user, True)
    return ["fast-delivery"] if ranked else []
