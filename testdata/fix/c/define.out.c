/* fix: new-checkout=true */
#include <stdbool.h>
#define kOther "other"

bool LDBoolVariation(void *client, const char *key, bool fallback);

int flow(void *client) {
    return 1;
}
