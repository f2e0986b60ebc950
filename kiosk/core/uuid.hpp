#pragma once
// Random (version 4) UUIDs for records that must merge across kiosks without duplicates.
#include <string>

namespace kiosk::core {

/// "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", from libsodium's CSPRNG.
std::string newUuid();

} // namespace kiosk::core
