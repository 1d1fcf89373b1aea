/* fix: new-checkout=true legacy-search=false */
#include <stdbool.h>

bool LDBoolVariation(void *client, const char *key, bool fallback);
int modern(void);
int legacy(void);
int audit(void);

int checkout(void *client) {
    audit();
    return modern();
}

int search(void *client, int size) {
    if (size > 100)
        return 1;
    else
        return modern();
}

int pick(void *client) {
    int mode = modern();
    if (mode > 0)
        audit();
    return mode;
}
