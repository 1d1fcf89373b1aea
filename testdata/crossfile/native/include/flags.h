// Flag keys of the native client, declared in a header that is part of the linted tree.
#pragma once
#include <string_view>

#define FLAG_NEW_CHECKOUT "new-checkout"
constexpr char kGiftWrap[] = "gift-wrap";

namespace flags {
constexpr std::string_view kExpress = "express-shipping";
}
