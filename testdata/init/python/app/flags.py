"""The app's flag helpers."""
from enum import Enum

import ldclient

client = ldclient.get()


def is_feature_on(name, user=None, default=False):
    """Module function: `is_feature_on("x")`, `flags.is_feature_on("x", user)`."""
    return client.variation(name, user, default)


class Flag(Enum):
    NEW_SEARCH = "new-search"

    @property
    def enabled(self):
        """Enum accessor: `Flag.NEW_SEARCH.enabled`."""
        return client.variation(self.value, None, False)


class Features:
    def has(self, name, org):
        """Method: `features.has("x", org)`."""
        return client.variation(name, {"org": org}, False)


def dark_mode():
    """Not a wrapper: the key is a literal."""
    return client.variation("dark-mode", None, False)
