# fix: new-checkout=true
import ldclient

NEW_CHECKOUT = "new-checkout"
GIFT_WRAP = "gift-wrap"

client = ldclient.get()


def checkout(user):
    if client.variation(NEW_CHECKOUT, user, False):
        return "modern"
    return "legacy"


def wrap(user):
    return client.variation(GIFT_WRAP, user, False)
