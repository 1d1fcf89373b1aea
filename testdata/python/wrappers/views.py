"""Wrappers matched by `$R.$KEY.is_enabled` and `features.on(Feature.$KEY)`."""
from app import features, settings
from app.features import Feature


def render(request):
    if settings.flags.new_search.is_enabled:  # expect: missing-default-false
        pass
    if request.user.flags.dark_mode.is_enabled:  # expect: missing-default-false
        pass
    if features.on(Feature.DARK_MODE):  # expect: missing-default-false
        pass
    # Not these patterns: no receiver before the key, a call in the path, another enum.
    if new_search.is_enabled:
        pass
    if settings.lookup("x").is_enabled:
        pass
    if features.on(Other.DARK_MODE):
        pass
