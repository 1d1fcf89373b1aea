# fix: holiday-banner=true legacy-search=false
import ldclient

client = ldclient.get()


def banner(user, items):
    title = "Sale" if client.variation("holiday-banner", user, False) else "Welcome"
    shown = [i for i in items if client.variation("holiday-banner", user, False)]
    ready = items and not client.variation("legacy-search", user, False)
    while client.variation("legacy-search", user, False):
        poll()
    if ready and client.variation("holiday-banner", user, False) or user.is_admin:
        greet(user)
    if not client.variation("legacy-search", user, False):
        modern()
    return title, shown
