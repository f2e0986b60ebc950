// libFuzzer target: the GUI replay script reader (kiosk/ui/replay.cpp, which needs no ImGui).
#include <cstddef>
#include <cstdint>
#include <string>

#include "kiosk/ui/replay.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::string error;
    const auto steps = kiosk::ui::parseReplay(text, error);
    if (!steps) {
        if (error.rfind("line ", 0) != 0) __builtin_trap(); // every refusal names its line
        return 0;
    }
    kiosk::core::Millis last = 0;
    for (const auto& s : *steps) {
        // Steps keep time order and every step but quit has its argument.
        if (s.at < last || s.line < 1 || s.verb.empty() || (s.arg.empty() && s.verb != "quit"))
            __builtin_trap();
        last = s.at;
        float x = 0, y = 0;
        if (s.verb == "click") kiosk::ui::clickCoordinates(s.arg, x, y);
    }
    return 0;
}
