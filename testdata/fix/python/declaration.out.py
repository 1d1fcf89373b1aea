# fix: new-checkout=true
import ldclient

GIFT_WRAP = "gift-wrap"

client = ldclient.get()


def checkout(user):
    return "modern"


def wrap(user):
    return client.variation(GIFT_WRAP, user, False)
