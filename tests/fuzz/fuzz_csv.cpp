// libFuzzer target: the CSV reader on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kiosk/paper/csv_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto doc = kiosk::paper::parseCsv(std::string_view(reinterpret_cast<const char*>(data), size));
    for (const auto& row : doc.rows)
        if (row.line < 1 || row.fields.empty()) __builtin_trap();
    for (const auto& p : doc.problems)
        if (p.line < 1 || p.column < 1) __builtin_trap();
    return 0;
}
