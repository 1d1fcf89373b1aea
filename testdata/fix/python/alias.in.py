# fix: new-checkout=true
import ldclient
from growthbook import GrowthBook

client = ldclient.get()
gb = GrowthBook()


def recommendations(user):
    on = client.variation("new-checkout", user, False)
    if on:
        return ["fast"]
    return []


def legacy(user):
    if gb.is_off("new-checkout"):
        return "legacy"
    return "modern"
