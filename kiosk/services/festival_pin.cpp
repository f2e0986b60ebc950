#include "kiosk/services/festival_pin.hpp"

#include <sodium.h>
#include <stdexcept>

namespace kiosk::services {

std::string hashPin(const std::string& pin) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("out of memory hashing the PIN");
    return out;
}

bool checkPin(const std::string& hash, const std::string& pin) {
    if (sodium_init() < 0) return false;
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

} // namespace kiosk::services
