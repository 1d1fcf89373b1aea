// fix: new-checkout=true
#include <string>

struct Client {
    bool BoolVariation(const std::string &key, bool fallback);
};

int modern();
int legacy();

int checkout(Client &client) {
    if (client.BoolVariation("new-checkout", false)) return modern();
    return legacy();
}

int braced(Client &client) {
    if (!client.BoolVariation("new-checkout", false)) {
        // Dead.
        return legacy();
    }
    return modern();
}
