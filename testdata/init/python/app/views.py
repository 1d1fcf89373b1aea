from app import flags
from app.flags import Features, Flag, is_feature_on


def index(request, user):
    features = Features()
    if is_feature_on("dark-banner", user):  # wrapper call
        pass
    if flags.is_feature_on("beta-banner"):  # wrapper call
        pass
    if Flag.NEW_SEARCH.enabled:  # wrapper call
        pass
    if features.has("org-reports", request.org):  # wrapper call
        pass
