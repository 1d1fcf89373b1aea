// Regression cases found by running flaglint on a real C++ tree (see docs/real-code.md):
// a key inside an identifier with a camel-case suffix (`Is$KEYEnabled()`), called both
// qualified and unqualified, and evaluations inside constructor initialiser lists.
#include "rollout/flags.h"

namespace rollout {

// The accessors themselves are declarations and definitions, not evaluations.
bool IsRolloutEnabled(int index);
inline bool IsQuickSearchEnabled() { return IsRolloutEnabled(0); }
inline bool IsLazyImagesEnabled() {
  return IsRolloutEnabled(1);
}

// A macro body is not an evaluation; its uses are not matched either (another API).
#define LOG_IF_TRACING(stmt) \
  do { if (TRACE_ON(cache_trace)) { stmt; } } while (0)

// IsQuickSearchEnabled() in a comment, and in a string, is not code.
const char* kHelp = "set IsQuickSearchEnabled() to try it";

Catalog::Catalog(Store* store)
    : Base(TRACE_ON(catalog_trace) ? "Catalog" : nullptr),   // expect: missing-default-false
      store_(store),
      lazy_(IsLazyImagesEnabled()                            // expect: missing-default-false
                ? TRACE_ON(image_trace) && IsQuickSearchEnabled()   // expect: missing-default-false, missing-default-false, nested-flag
                : false) {
  if (IsQuickSearchEnabled()) {                             // expect: missing-default-false
    index_.Build();
  }
}

}  // namespace rollout

struct Panel : Widget {
  explicit Panel(Host* host)
      : Widget(host, TRACE_ON(panel_trace)),                // expect: missing-default-false
        wide_(rollout::IsWideLayoutEnabled()) {}            // expect: missing-default-false
  bool Enabled() const { return IsEnabled(); }
};

void Render(Panel& panel) {
  if (rollout::IsLazyImagesEnabled()) {                     // expect: missing-default-false
    if (grpc::IsQuickSearchEnabled() &&                     // expect: missing-default-false
        TRACE_ON(render_trace)) {                           // expect: missing-default-false, nested-flag
      panel.Draw();
    }
  } else if (!rollout::IsWideLayoutEnabled()) {             // expect: missing-default-false
    return;
  }
  // `IsEnabled()` is too short to hold a key; `IsOnlineEnabled(x)` takes an argument.
  panel.IsEnabled();
  IsOnlineEnabled(3);
}
