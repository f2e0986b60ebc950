#pragma once
// Stand-in until the lead's services/event_pack.hpp (hashPin/checkPin, same signatures) is on main;
// then this file and festival_pin.cpp go and callers include event_pack.hpp.
#include <string>

namespace kiosk::services {

/// Hashes a PIN for storage (libsodium crypto_pwhash_str) and checks one.
std::string hashPin(const std::string& pin);
bool checkPin(const std::string& hash, const std::string& pin);

} // namespace kiosk::services
