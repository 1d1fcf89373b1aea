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

// An `@throw` caught by the enclosing `@try` leaves only the `@try` block.
- (void)reload {
    @try {
        if (![[LDClient get] boolVariationForKey:@"objc-caught-a" defaultValue:NO]) @throw [NSException exceptionWithName:@"off" reason:nil userInfo:nil];
        if ([[LDClient get] boolVariationForKey:@"objc-caught-b" defaultValue:NO]) {
            [[LDClient get] boolVariationForKey:@"objc-caught-c" defaultValue:NO];   // expect: nested-flag
        }
    } @catch (NSException *e) {
    }
    if ([[LDClient get] boolVariationForKey:@"objc-caught-d" defaultValue:NO]) {
        [[LDClient get] boolVariationForKey:@"objc-caught-e" defaultValue:NO];
    }
}

@end
