#include "launchdarkly/client.h"

// Rolled out 29, 30 and 31 days before --today 2026-11-25: only 31 days is stale.
void Checkout(launchdarkly::server_side::Client& client, const launchdarkly::Context& ctx) {
  if (client.BoolVariation(ctx, "flag-29", false)) ShowA();
  if (client.BoolVariation(ctx, "flag-30", false)) ShowB();
  if (client.BoolVariation(ctx, "flag-31", false)) ShowC();  // expect: stale-flag
  if (client.BoolVariation(ctx, "kill-switch", false)) Stop();
  if (client.BoolVariation(ctx, "legacy-search", false)) Legacy();  // expect: removed-flag
  if (client.BoolVariation(ctx, "mystery", false)) Mystery();  // expect: unknown-flag
}
