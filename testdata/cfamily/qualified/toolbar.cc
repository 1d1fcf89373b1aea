// Key fragments after a qualified prefix (`features::k$KEY`, `$NS::k$KEY`).
#include "toolbar/features.h"

namespace experiments {
bool IsOn(const base::Feature& feature);   // the API's declaration: not an evaluation
}

void Toolbar::Layout() {
  if (base::FeatureList::IsEnabled(features::kCompactToolbar)) {}   // expect: missing-default-false
  if (base::FeatureList::IsEnabled(kCompactToolbar)) {}             // another namespace: not matched
  if (base::FeatureList::IsEnabled(other::kCompactToolbar)) {}      // not `features::`
  if (experiments::IsOn(toolbar::features::kRoundedTabs)) {}        // expect: missing-default-false
  if (experiments::IsOn(::ui::kTabHover)) {}                        // expect: missing-default-false
  if (experiments::IsOn(kNoNamespace)) {}                           // $NS needs at least one name
  if (experiments::IsOn(features::GetFeature())) {}                 // a call, not a name
}
