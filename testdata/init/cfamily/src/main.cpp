#include "flags.h"

void Render(FlagClient *client) {
    if (IsFeatureOn("beta-banner")) {  // wrapper call
        ShowBanner();
    }
    if (client->Enabled("org-reports")) {  // wrapper call
        ShowReports();
    }
}
