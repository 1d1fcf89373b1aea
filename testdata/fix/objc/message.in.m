// fix: new-checkout=true
#import <Foundation/Foundation.h>

@interface LDClient : NSObject
- (BOOL)boolVariationForKey:(NSString *)key defaultValue:(BOOL)value;
@end

int modern(void);
int legacy(void);

int checkout(LDClient *client) {
    if ([client boolVariationForKey:@"new-checkout" defaultValue:NO]) {
        return modern();
    } else {
        return legacy();
    }
}
