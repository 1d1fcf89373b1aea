/* The LaunchDarkly C bindings' own header, as a project vendors it: prototypes (plain and with
 * a macro-wrapped return type) are declarations, not evaluations; the inline helper at the end
 * is a real evaluation, and LDBooleanTrue is true without the SDK's definition of it. */
#include <stdbool.h>

#define LD_EXPORT(x) x

bool LDClientSDK_BoolVariation(LDClientSDK sdk, char const* flag_key, bool default_value);
LD_EXPORT(bool)
LDClientSDK_BoolVariationDetail(LDClientSDK sdk, char const* flag_key, bool default_value, LDEvalDetail* out_detail);
LD_EXPORT(char*) LDClientSDK_StringVariation(LDClientSDK sdk, char const* flag_key, char const* default_value);
LD_EXPORT(int) LDServerSDK_IntVariation(LDServerSDK sdk, LDContext context, char const* flag_key, int default_value);

static inline bool app_dark_mode(LDClientSDK sdk) {
    return LDClientSDK_BoolVariation(sdk, "dark-mode", LDBooleanTrue);   /* expect: missing-default-false */
}
