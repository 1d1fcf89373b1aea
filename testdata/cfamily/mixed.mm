// Objective-C++: C++ and Objective-C evaluations control each other.
#import "Features.h"

void Apply(Client& client, Context ctx) {
    // kTabStrip is declared in a header that is not part of the linted tree: the chromium
    // catalogue's key_from_identifier names it `TabStrip`.
    if (base::FeatureList::IsEnabled(kTabStrip)) {
        if ([Statsig checkGateForName:@"new_homepage"]) {
            dispatch_async(dispatch_get_main_queue(), ^{
                client.BoolVariation(ctx, "late", false);   // expect: nested-flag
            });
        }
    }
}
