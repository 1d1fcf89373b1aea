# fix: holiday-banner=true legacy-search=false
import ldclient

client = ldclient.get()


def banner(user, items):
    title = "Sale"
    shown = [i for i in items]
    ready = items and not client.variation("legacy-search", user, False)
    if ready or user.is_admin:
        greet(user)
    modern()
    return title, shown
