// fix: new-checkout=true
#include <string>

struct Client {
    bool BoolVariation(const std::string &key, bool fallback);
};

int modern();
int legacy();

int checkout(Client &client) {
    return modern();
}

int braced(Client &client) {
    return modern();
}
