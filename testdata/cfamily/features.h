// A header: C++ by its syntax. Declarations here are not evaluations.
#pragma once
namespace features {
inline constexpr char kSearch[] = "search";
bool IsSearchEnabled(Client& client, Context ctx);
inline bool IsBannerEnabled(Client& client, Context ctx) {
    return client.BoolVariation(ctx, "banner", true);   // expect: missing-default-false
}
}  // namespace features
