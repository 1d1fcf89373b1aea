// Nesting cases (a)-(e) of SPEC §4 with the LaunchDarkly C++ server SDK; max_depth 1.
#include "page.h"

constexpr char kA[] = "flag-a";
constexpr std::string_view kB = "flag-b";
namespace flags {
const char* const kC = "flag-c";
}

// (a) branches, loops, switch cases.
void Page::Branches(Client& client, Context ctx) {
    if (client.BoolVariation(ctx, kA, false)) {
        while (client.BoolVariation(ctx, kB, false)) {
            client.BoolVariation(ctx, flags::kC, false);   // expect: nested-flag
        }
    } else if (client.BoolVariation(ctx, "flag-d", false)) {
        // An else-if chain is one decision: d is controlled by nothing but itself.
        client.BoolVariation(ctx, "flag-e", false);
    }
    switch (client.BoolVariation(ctx, "flag-s", false)) {
    case true:
        if (client.BoolVariation(ctx, "flag-t", false)) {
            client.BoolVariation(ctx, "flag-u", false);    // expect: nested-flag
        }
        break;
    default:
        client.BoolVariation(ctx, "flag-v", false);
    }
    for (int i = 0; client.BoolVariation(ctx, "flag-f1", false); i++)
        if (client.BoolVariation(ctx, "flag-f2", false))
            client.BoolVariation(ctx, "flag-f3", false);   // expect: nested-flag
    do {
        // The body of do/while runs once whatever the condition says.
        if (client.BoolVariation(ctx, "flag-w2", false)) client.BoolVariation(ctx, "flag-w3", false);
    } while (client.BoolVariation(ctx, "flag-w1", false));
}

// (b) ternaries and short circuits.
bool Page::Expressions(Client& client, Context ctx) {
    bool x = client.BoolVariation(ctx, "b1", false) && client.BoolVariation(ctx, "b2", false)
        && client.BoolVariation(ctx, "b3", false);                                           // expect: nested-flag
    int y = client.BoolVariation(ctx, "c1", false) ? (client.BoolVariation(ctx, "c2", false)
        ? client.BoolVariation(ctx, "c3", false) : 0) : 1;                                   // expect: nested-flag
    return x || y;
}

// (c) early exits, in the same and in enclosing blocks, including `if (!g) return;`.
void Page::EarlyExits(Client& client, Context ctx) {
    if (!client.BoolVariation(ctx, "e1", false)) return;
    {
        if (client.BoolVariation(ctx, "e2", false)) {
            throw std::runtime_error("off");
        }
    }
    client.BoolVariation(ctx, "e3", false);   // expect: nested-flag
    auto later = [&] { return client.BoolVariation(ctx, "e4", false); };   // expect: nested-flag
}

void Page::LoopExits(Client& client, Context ctx) {
    if (client.BoolVariation(ctx, "l1", false)) return;
    for (auto& item : items) {
        if (client.BoolVariation(ctx, "l2", false)) continue;
        client.BoolVariation(ctx, "l3", false);   // expect: nested-flag
    }
    // `continue` controls only up to the end of its loop.
    client.BoolVariation(ctx, "l4", false);
    if (client.BoolVariation(ctx, "l5", false)) { abort(); }
    client.BoolVariation(ctx, "l6", false);       // expect: nested-flag
}

// `continue` in a switch case applies to the loop around the switch: it controls the rest
// of its case and what follows the switch up to the end of the loop, not the other cases.
void Page::SwitchInLoop(Client& client, Context ctx) {
    for (auto& item : items) {
        switch (item.kind) {
        case 1:
            if (client.BoolVariation(ctx, "sl1", false)) continue;
            if (client.BoolVariation(ctx, "sl2", false)) {
                client.BoolVariation(ctx, "sl3", false);   // expect: nested-flag
            }
            break;
        case 2:
            if (client.BoolVariation(ctx, "sl4", false)) {
                client.BoolVariation(ctx, "sl5", false);
            }
            break;
        }
        if (client.BoolVariation(ctx, "sl6", false)) {
            client.BoolVariation(ctx, "sl7", false);   // expect: nested-flag
        }
    }
    if (client.BoolVariation(ctx, "sl8", false)) {
        client.BoolVariation(ctx, "sl9", false);
    }
}

// An exit nested deeper than the branch's own body does not count.
void Page::DeepExit(Client& client, Context ctx) {
    if (client.BoolVariation(ctx, "x1", false)) {
        if (ready) { return; }
    }
    if (client.BoolVariation(ctx, "x2", false)) {
        client.BoolVariation(ctx, "x3", false);
    }
}

// (e) aliases, also the C++17 `if (init; cond)` form.
void Page::Aliases(Client& client, Context ctx) {
    const bool on = client.BoolVariation(ctx, "alias-a", false);
    auto dark = !client.BoolVariation(ctx, "alias-b", false);
    if (on) {
        if (dark) {
            client.BoolVariation(ctx, "alias-c", false);   // expect: nested-flag
        }
    }
    if (bool fast = client.BoolVariation(ctx, "alias-d", false); fast) {
        if (client.BoolVariation(ctx, "alias-e", false)) {
            if (client.BoolVariation(ctx, "alias-f", false)) {}   // expect: nested-flag
        }
    }
}

// The same flag checked again inside itself adds no depth.
void Page::SameFlag(Client& client, Context ctx) {
    if (client.BoolVariation(ctx, kA, false)) {
        if (client.BoolVariation(ctx, "flag-a", false)) {
            client.BoolVariation(ctx, kB, false);
        }
    }
}

// A `throw` caught by the enclosing `try` leaves only the `try` block.
void Page::Caught(Client& client, Context ctx) {
    try {
        if (!client.BoolVariation(ctx, "caught-a", false)) throw 1;
        if (client.BoolVariation(ctx, "caught-b", false)) {
            client.BoolVariation(ctx, "caught-c", false);   // expect: nested-flag
        }
    } catch (...) {
    }
    if (client.BoolVariation(ctx, "caught-d", false)) {
        client.BoolVariation(ctx, "caught-e", false);
    }
    if (!client.BoolVariation(ctx, "caught-f", false)) throw 2;
    if (client.BoolVariation(ctx, "caught-g", false)) {
        client.BoolVariation(ctx, "caught-h", false);   // expect: nested-flag
    }
}
