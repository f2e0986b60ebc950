// libFuzzer target: the keyboard-wedge burst detector on random keystrokes and timings.
#include <cstddef>
#include <cstdint>
#include <string>

#include "kiosk/scan/wedge.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kiosk::fuzz::Bytes in(data, size);
    kiosk::scan::WedgeOptions o;
    o.requireTerminator = in.flag();
    o.minLength = 1 + in.byte() % 8;
    kiosk::scan::KeyboardWedge wedge(o);
    kiosk::core::Millis now = 0;
    std::string typedSinceReset;
    for (int steps = 0; steps < 4096; ++steps) {
        const std::uint8_t op = in.byte();
        const std::uint8_t gap = in.byte();
        if (op == 0 && gap == 0) break; // input exhausted
        now += gap % 80;                // clocks never go back
        std::optional<std::string> scan;
        switch (op % 8) {
        case 0:
            scan = wedge.terminator(now);
            break;
        case 1:
            scan = wedge.idle(now);
            if (scan && o.requireTerminator) __builtin_trap(); // only Enter/Tab ends a scan then
            break;
        case 2:
            wedge.reset();
            typedSinceReset.clear();
            break;
        default: {
            const std::string key = in.take(1 + op % 4); // one key's UTF-8 text, valid or not
            typedSinceReset += key;
            wedge.text(key, now);
            (void)wedge.inBurst(now);
        }
        }
        if (scan) {
            // A scan is made of typed keys only, at least minLength of them.
            if (scan->size() < static_cast<std::size_t>(o.minLength) ||
                typedSinceReset.find(*scan) == std::string::npos)
                __builtin_trap();
            typedSinceReset.clear();
        }
    }
    return 0;
}
