// Feature declarations of this component (another file uses them: a whole-project run
// resolves them across files).
#include "components/shelf/features.h"

namespace shelf::features {

BASE_FEATURE(kShelfPinning, "ShelfPinning", base::FEATURE_DISABLED_BY_DEFAULT);
BASE_FEATURE(kShelfAnimations, "ShelfAnimationsV2", base::FEATURE_DISABLED_BY_DEFAULT);
// Differs by platform: default-true because one alternative is.
BASE_FEATURE(kShelfPreview, "ShelfPreview",
#if BUILDFLAG(IS_CHROMEOS)
             base::FEATURE_ENABLED_BY_DEFAULT
#else
             base::FEATURE_DISABLED_BY_DEFAULT
#endif
);

}  // namespace shelf::features
