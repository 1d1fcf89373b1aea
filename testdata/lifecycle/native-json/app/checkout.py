from ldclient import get as ld

# Rolled out 29, 30 and 31 days before --today 2026-11-25: only 31 days is stale.
def checkout(user):
    if ld().variation("flag-29", user, False):
        show_a()
    if ld().variation("flag-30", user, False):
        show_b()
    if ld().variation("flag-31", user, False):  # expect: stale-flag
        show_c()
    if ld().variation("kill-switch", user, False):
        stop()
    if ld().variation("legacy-search", user, False):  # expect: removed-flag
        legacy()
    if ld().variation("mystery", user, False):  # expect: unknown-flag
        mystery()
