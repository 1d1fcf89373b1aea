// Out-of-line members of classes declared in headers that are not there, constructors
// with initialiser lists, lambdas, if constexpr, templates: all are parsed from tokens.
#include "browser/ui/tab_strip.h"
#include "components/feature_engagement/public/feature_constants.h"

namespace ui {
namespace {
constexpr char kTabGroups[] = "tab-groups";
}  // namespace

BASE_FEATURE(kScrollableTabs, "ScrollableTabs", base::FEATURE_DISABLED_BY_DEFAULT);
BASE_FEATURE(kTabHoverCards, base::FEATURE_ENABLED_BY_DEFAULT);   // a default-true flag: every check of it is reported
BASE_FEATURE(kTabSearch, "TabSearch", base::FEATURE_DISABLED_BY_DEFAULT);

TabStrip::TabStrip(Client* client, Context ctx)
    : client_(client),
      groups_{client->BoolVariation(ctx, kTabGroups, false)},
      ctx_(std::move(ctx)) {
    if (base::FeatureList::IsEnabled(kScrollableTabs)) {
        layout_ = Layout::kScrollable;
    }
}

void TabStrip::Layout() const {
    if (base::FeatureList::IsEnabled(kScrollableTabs)) {
        std::for_each(tabs_.begin(), tabs_.end(), [&](Tab* tab) {
            if (base::FeatureList::IsEnabled(kTabHoverCards)) {   // expect: missing-default-false
                tab->SetHover(base::FeatureList::IsEnabled(kTabSearch));   // expect: nested-flag
            }
        });
    }
}

template <typename T>
auto TabStrip::Select(T* tab) -> bool {
    if constexpr (std::is_same_v<T, PinnedTab>) {
        if (client_->BoolVariation(ctx_, "pinned-a", false)) {
            if (client_->BoolVariation(ctx_, "pinned-b", false)) {
                return client_->BoolVariation(ctx_, "pinned-c", 1);   // expect: nested-flag, missing-default-false
            }
        }
    }
    return client_->BoolVariation(ctx_, "select", 0);
}

}  // namespace ui
