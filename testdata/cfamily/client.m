// Objective-C: message sends, multi-line selector pieces, blocks, BOOL literals,
// keys from NSString *const and #define.
#import <LaunchDarkly/LaunchDarkly.h>

NSString *const kNewOnboarding = @"new-onboarding";
static NSString *const kDarkMode = @"dark-mode";
#define kPaywall @"paywall"

@interface Screen : UIViewController
- (BOOL)boolVariationForKey:(NSString *)key defaultValue:(BOOL)value;
@end

@implementation Screen

- (void)viewDidLoad {
    [super viewDidLoad];
    if ([[LDClient get] boolVariationForKey:kNewOnboarding defaultValue:NO]) {
        [self.button setHidden:[[LDClient get]
                                   boolVariationForKey:kDarkMode
                                          defaultValue:@NO]];
        if ([[LDClient get] boolVariationForKey:@"promo"
                                   defaultValue:NO]) {
            [self load:^(BOOL ok) {
                if ([[LDClient get] boolVariationForKey:kPaywall defaultValue:YES]) {   // expect: nested-flag, missing-default-false
                }
            }];
        }
    }
    BOOL a = [[LDClient get] boolVariationForKey:@"a" defaultValue:@YES];   // expect: missing-default-false
    BOOL b = [[LDClient get] boolVariationForKey:@"b" defaultValue:0];
    // [[LDClient get] boolVariationForKey:@"commented" defaultValue:YES];
    NSString *s = @"[[LDClient get] boolVariationForKey:@\"str\" defaultValue:YES]";
}

- (BOOL)boolVariationForKey:(NSString *)key defaultValue:(BOOL)value {
    return value;
}

@end
