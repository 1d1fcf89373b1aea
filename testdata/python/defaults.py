"""Default values: literals, keyword and positional forms, constants, unresolvable names."""
import ldclient
from flagsmith import Flagsmith
from openfeature import api

ld = ldclient.get()
client = api.get_client()
OFF = False
ON = True


class Defaults:
    SAFE = False
    RISKY = True


def defaults(context, flags, configured):
    ld.variation("d1", context, False)
    ld.variation("d2", context, True)  # expect: missing-default-false
    ld.variation("d3", context, default=True)  # expect: missing-default-false
    ld.variation(key="d4", context=context, default=False)
    ld.variation(default=True, context=context, key="d5")  # expect: missing-default-false
    client.get_boolean_value("d6", OFF)
    client.get_boolean_value("d7", ON)  # expect: missing-default-false
    client.get_boolean_value("d8", Defaults.SAFE)
    client.get_boolean_value("d9", Defaults.RISKY)  # expect: missing-default-false
    client.get_boolean_value("d10", configured)  # expect: missing-default-false
    flags.is_feature_enabled("d11")  # expect: missing-default-false
    local_off = False
    client.get_boolean_value(flag_key="d12", default_value=local_off)
    ld.variation("d13", context, "blue")
    # LaunchDarkly's `variation` may read a boolean flag: a default it cannot resolve is unverifiable.
    ld.variation("d14", context, configured)  # expect: missing-default-false
    ld.variation_detail("d15", context, default=configured)  # expect: missing-default-false
