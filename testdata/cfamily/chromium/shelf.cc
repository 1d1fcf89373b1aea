// Chromium-style checks: keys declared in features.cc resolve to their declared names (the
// declaration wins over the identifier: kShelfAnimations is "ShelfAnimationsV2"); keys declared
// in headers outside the tree are named after the identifier, so none is dynamic.
#include "components/shelf/shelf.h"

#include "base/feature_list.h"
#include "components/prefs/pref_service.h"

void Shelf::Layout() {
  if (base::FeatureList::IsEnabled(features::kShelfPinning)) {
    // Declared outside the tree: the flag `ShelfIcons`, not a dynamic key.
    if (base::FeatureList::IsEnabled(ash::features::kShelfIcons)) {
      if (base::FeatureList::IsEnabled(features::kShelfAnimations)) {}  // expect: nested-flag
    }
  }
  if (base::FeatureList::IsEnabled(features::kShelfPreview)) {}  // expect: missing-default-false
  // Not Firebase: PrefService::GetBoolean in a file that does not include Firebase's header.
  if (prefs_->GetBoolean(prefs::kShelfAutoHide)) {}
  // Not a name: stays dynamic.
  if (base::FeatureList::IsEnabled(*GetFeature())) {}  // expect: dynamic-flag-key
}
