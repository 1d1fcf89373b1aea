// None of the spellings below are evaluations: comments, strings, raw strings, dead
// preprocessor branches, macro bodies and the evaluator's own declarations.
// client.BoolVariation(ctx, "in-comment", true)
/* client.BoolVariation(ctx, "in-block-comment", true) */
#include <launchdarkly/server_side/client.hpp>

#define CHECK_FLAG(c, k) (c).BoolVariation(ctx, k, true)
#define CHECK_TRUE(c) \
    (c).BoolVariation(ctx, "in-macro", true)

namespace launchdarkly::server_side {
class Client {
public:
    bool BoolVariation(Context const& ctx, FlagKey const& key, bool default_value);
    virtual bool BoolVariation(Context const& ctx, FlagKey const& key, bool default_value, HookContext const& hooks) = 0;
};
bool Client::BoolVariation(Context const& ctx,
                           FlagKey const& key,
                           bool default_value) {
    return impl_->Evaluate(ctx, key, default_value);
}
}  // namespace launchdarkly::server_side

extern "C" bool LDServerSDK_BoolVariation(LDServerSDK sdk, LDContext context, char const* flag_key, bool default_value);

void Strings(Client& client, Context ctx) {
    const char* a = "client.BoolVariation(ctx, \"in-string\", true)";
    auto b = R"js(client.BoolVariation(ctx, "in-raw-string", true))js";
    auto c = u8R"(client.BoolVariation(ctx, "in-raw-u8", true))";
#if 0
    client.BoolVariation(ctx, "in-if-0", true);
    don't care about 'unbalanced quotes
#endif
#if defined(FLAGLINT_NEVER_DEFINED) && 0
    client.BoolVariation(ctx, "in-dead-branch", true);
#else
    client.BoolVariation(ctx, "live", true);   // expect: missing-default-false
#endif
}
