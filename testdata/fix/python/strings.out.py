# fix: new-checkout=true
import ldclient

client = ldclient.get()


def message(user):
    if client.variation("new-checkout", user, False):
        text = """Welcome
to the new checkout"""
        return text
    return "old"
