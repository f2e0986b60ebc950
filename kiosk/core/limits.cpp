#include "kiosk/core/limits.hpp"

#include "kiosk/core/i18n.hpp"

namespace kiosk::core {

namespace {
struct Limit {
    TextField field;
    const char* key; // limits.field.<key>
    std::size_t max;
};
// Generous for real people (the longest unit names of a provincial department run ~90 characters),
// small enough for a badge line, a table cell and a spoken introduction.
constexpr Limit kLimits[] = {
    {TextField::Name, "name", 120},
    {TextField::Title, "title", 160},
    {TextField::Unit, "unit", 200},
    {TextField::Seat, "seat", 24},
    {TextField::ExternalCode, "external_code", 64},
    {TextField::Reason, "reason", 300},
    {TextField::Message, "message", 1000},
    {TextField::Pin, "pin", kPinMaxDigits},
};

const Limit& limitOf(TextField field) {
    for (const auto& l : kLimits)
        if (l.field == field) return l;
    return kLimits[0];
}
} // namespace

std::size_t maxLength(TextField field) {
    return limitOf(field).max;
}

std::size_t charCount(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text)
        n += (c & 0xC0) != 0x80 ? 1 : 0; // continuation bytes do not start a character
    return n;
}

std::optional<std::string> lengthProblem(TextField field, std::string_view text) {
    const Limit& l = limitOf(field);
    // Bytes bound characters from above: most text is decided without counting.
    if (text.size() <= l.max) return std::nullopt;
    const std::size_t n = charCount(text);
    if (n <= l.max) return std::nullopt;
    return trf("limits.too_long", {{"field", tr(std::string("limits.field.") + l.key)},
                                   {"length", std::to_string(n)},
                                   {"max", std::to_string(l.max)}});
}

std::optional<std::string> pinProblem(std::string_view pin) {
    bool digits = pin.size() >= kPinMinDigits && pin.size() <= kPinMaxDigits;
    for (char c : pin)
        digits = digits && c >= '0' && c <= '9';
    if (digits) return std::nullopt;
    return trf("limits.pin",
               {{"min", std::to_string(kPinMinDigits)}, {"max", std::to_string(kPinMaxDigits)}});
}

} // namespace kiosk::core
