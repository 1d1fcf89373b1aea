import ldclient
from flags import keys
from flags.keys import NEW_CHECKOUT, Keys


def checkout(user):
    client = ldclient.get()
    # Keys defined in app/flags/keys.py resolve in a whole-project run.
    if client.variation(NEW_CHECKOUT, user, False):
        pass
    if client.variation(keys.NEW_CHECKOUT, user, keys.SAFE_DEFAULT):
        pass
    if client.variation(Keys.GIFT_WRAP, user, False):
        pass
    if client.variation(Keys.UNKNOWN, user, False):  # expect: dynamic-flag-key
        pass
