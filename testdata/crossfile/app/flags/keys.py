"""Flag keys of the Python service, defined once."""
NEW_CHECKOUT = "new-checkout"
SAFE_DEFAULT = False


class Keys:
    GIFT_WRAP = "gift-wrap"
