# fix: new-checkout=true legacy-search=false
import ldclient

client = ldclient.get()


def checkout(user):
    audit("modern")
    return "modern"


def search(user, query):
    if len(query) > 100:
        return "bulk"
    elif len(query) > 10:
        return "medium"
    else:
        return "normal"


def route(user, size):
    if size > 100:
        return "bulk"
    else:
        return "fast"


def first(user, size):
    if size > 10:
        return "medium"
    return "normal"


def only(user):
    pass


def tidy(user):
    return clean()
