// libFuzzer target: the serial scanner's line framing, fed the input in random-sized chunks.
#include <cstddef>
#include <cstdint>
#include <string>

#include "kiosk/scan/serial_scanner.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kiosk::fuzz::Bytes in(data, size);
    const std::size_t maxLength = 1 + in.byte() % 64;
    kiosk::scan::LineSplitter splitter(maxLength);
    const std::string stream = in.rest();
    std::size_t pos = 0, chunk = 1;
    while (pos < stream.size()) {
        chunk =
            (chunk * 7 + 3) % 13 + 1; // chunk borders fall anywhere, CR and LF split across reads
        const auto lines = splitter.feed(std::string_view(stream).substr(pos, chunk));
        pos += chunk;
        for (const auto& line : lines) {
            // A line is never empty, never longer than the limit, never holds its terminator.
            if (line.empty() || line.size() > maxLength ||
                line.find_first_of("\r\n") != std::string::npos)
                __builtin_trap();
        }
        if (splitter.partial().size() > maxLength + 1)
            __builtin_trap(); // an overflow is not buffered
    }
    return 0;
}
