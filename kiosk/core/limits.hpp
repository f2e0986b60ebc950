#pragma once
// How long text from people and files may be, in one place. A longer value is refused with a
// message in the user's language, never stored: a 20 KB "name" must not reach a badge PDF, a
// dashboard row or the hub. Lengths count characters (UTF-8 code points), so Vietnamese names
// with diacritics get the same room as ASCII ones.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::core {

/// The kinds of typed or imported text that have a limit.
enum class TextField { Name, Title, Unit, Seat, ExternalCode, Reason, Message, Pin };

/// The most characters a field may hold (the shortest for a PIN: see kPinMinDigits).
std::size_t maxLength(TextField field);

inline constexpr std::size_t kPinMinDigits = 4;
inline constexpr std::size_t kPinMaxDigits = 12;

/// Characters (UTF-8 code points; a stray byte counts as one).
std::size_t charCount(std::string_view text);

/// The localized refusal when text is too long for field ("The name is too long: 20480
/// characters, at most 120."); nothing when it fits.
std::optional<std::string> lengthProblem(TextField field, std::string_view text);

/// The localized refusal for a PIN that is not 4 to 12 digits; nothing when it is.
std::optional<std::string> pinProblem(std::string_view pin);

} // namespace kiosk::core
