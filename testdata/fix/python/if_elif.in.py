# fix: new-checkout=true legacy-search=false
import ldclient

client = ldclient.get()


def checkout(user):
    # new-checkout decides the flow.
    if client.variation("new-checkout", user, False):
        audit("modern")
        return "modern"
    else:
        # Old flow, dead now.
        return "legacy"


def search(user, query):
    if len(query) > 100:
        return "bulk"
    elif client.variation("legacy-search", user, False):
        return "legacy"
    elif len(query) > 10:
        return "medium"
    else:
        return "normal"


def route(user, size):
    if size > 100:
        return "bulk"
    elif client.variation("new-checkout", user, False):
        return "fast"
    else:
        return "normal"


def first(user, size):
    if client.variation("legacy-search", user, False):
        return "legacy"
    elif size > 10:
        return "medium"
    return "normal"


def only(user):
    if client.variation("legacy-search", user, False):
        notify()


def tidy(user):
    if client.variation("new-checkout", user, False):
        return clean()
    cleanup_legacy()
    return None
