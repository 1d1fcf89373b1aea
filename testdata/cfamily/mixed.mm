// Objective-C++: C++ and Objective-C evaluations control each other.
#import "Features.h"

void Apply(Client& client, Context ctx) {
    // kTabSearch is declared in a header this single-file run cannot see.
    if (base::FeatureList::IsEnabled(kTabSearch)) {   // expect: dynamic-flag-key
        if ([Statsig checkGateForName:@"new_homepage"]) {
            dispatch_async(dispatch_get_main_queue(), ^{
                client.BoolVariation(ctx, "late", false);   // expect: nested-flag
            });
        }
    }
}
