#include "flags.h"

void Checkout(Client& client, Context ctx) {
    if (client.BoolVariation(ctx, FLAG_NEW_CHECKOUT, false)) {}
    if (client.BoolVariation(ctx, kGiftWrap, false)) {}
    if (client.BoolVariation(ctx, flags::kExpress, false)) {}
    if (client.BoolVariation(ctx, flags::kMissing, false)) {}   // expect: dynamic-flag-key
}
