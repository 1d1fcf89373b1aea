/* fix: new-checkout=true legacy-search=false */
#include <stdbool.h>

bool LDBoolVariation(void *client, const char *key, bool fallback);
int modern(void);
int legacy(void);
int audit(void);

int checkout(void *client) {
    if (LDBoolVariation(client, "new-checkout", false)) {
        audit();
        return modern();
    } else {
        /* Old flow, dead now. */
        return legacy();
    }
}

int search(void *client, int size) {
    if (size > 100)
        return 1;
    else if (LDBoolVariation(client, "legacy-search", false))
        return legacy();
    else
        return modern();
}

int pick(void *client) {
    int mode = LDBoolVariation(client, "new-checkout", false) ? modern() : legacy();
    if (!LDBoolVariation(client, "legacy-search", false) && mode > 0)
        audit();
    while (LDBoolVariation(client, "legacy-search", false)) {
        legacy();
    }
    return mode;
}
