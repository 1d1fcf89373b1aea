/* fix: new-checkout=true */
#include <stdbool.h>
#define kNewCheckout "new-checkout"
#define kOther "other"

bool LDBoolVariation(void *client, const char *key, bool fallback);

int flow(void *client) {
    if (LDBoolVariation(client, kNewCheckout, false)) {
        return 1;
    }
    /* Unreachable once the check above always returns. */
    return LDBoolVariation(client, kOther, false) ? 2 : 3;
}
