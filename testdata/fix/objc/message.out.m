// fix: new-checkout=true
#import <Foundation/Foundation.h>

@interface LDClient : NSObject
- (BOOL)boolVariationForKey:(NSString *)key defaultValue:(BOOL)value;
@end

int modern(void);
int legacy(void);

int checkout(LDClient *client) {
    return modern();
}
