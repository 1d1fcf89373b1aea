# fix: new-checkout=true
import ldclient
from growthbook import GrowthBook

client = ldclient.get()
gb = GrowthBook()


def recommendations(user):
    return ["fast"]


def legacy(user):
    return "modern"
