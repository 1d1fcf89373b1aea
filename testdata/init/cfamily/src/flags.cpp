#include "flags.h"

#include <string>

static LDServerSDK g_sdk;
static LDContext g_context;

bool IsFeatureOn(const char *name) {
    return LDServerSDK_BoolVariation(g_sdk, g_context, name, false);
}

class FlagClient {
public:
    // Method: client.Enabled("x") / client->Enabled("x").
    bool Enabled(const std::string &key) const {
        return LDServerSDK_BoolVariation(g_sdk, g_context, key.c_str(), false);
    }
};

// Not a wrapper: the key is a literal.
bool IsDarkModeOn() {
    return LDServerSDK_BoolVariation(g_sdk, g_context, "dark-mode", false);
}
