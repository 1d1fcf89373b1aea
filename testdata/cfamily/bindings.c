/* LaunchDarkly C bindings: keys from #define and const, defaults from literals. */
#include <launchdarkly/server_side/bindings/c/sdk.h>
#include <stdbool.h>

#define FLAG_CHECKOUT "new-checkout"
#define FLAG_SEARCH "new-search"
static const char kBanner[] = "banner";
const char *const kPromo = "promo";

void render(LDServerSDK sdk, LDContext ctx, const char *dynamic) {
    if (LDServerSDK_BoolVariation(sdk, ctx, FLAG_CHECKOUT, false)) {
        if (!LDServerSDK_BoolVariation(sdk, ctx, FLAG_SEARCH, false)) {
            return;
        }
        if (LDServerSDK_BoolVariation(sdk, ctx, kBanner, false)) {}   // expect: nested-flag
    }
    bool promo = LDServerSDK_BoolVariation(sdk, ctx, kPromo, 1);   // expect: missing-default-false
    bool dyn = LDServerSDK_BoolVariation(sdk, ctx, dynamic, 0);    // expect: dynamic-flag-key
    if (promo)
        if (dyn)
            LDServerSDK_BoolVariation(sdk, ctx, "inner", false);   // expect: nested-flag
}
