#pragma once
// Text helpers: diacritic-insensitive folding for search, tokenizing, trimming, UTF-8 checks.
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

/// Folds text for matching: decomposes, strips marks, casefolds, maps đ/Đ to d.
/// "Nguyễn Văn Bình" -> "nguyen van binh". Invalid UTF-8 is folded byte-wise as ASCII.
std::string fold(std::string_view text);

/// Splits folded text into tokens of letters and digits.
std::vector<std::string> tokens(std::string_view folded);

/// Removes leading and trailing ASCII white space (space, tab, CR, LF).
std::string_view trim(std::string_view text);

/// True when the bytes are valid UTF-8.
bool isValidUtf8(std::string_view text);

/// Text from outside (scanners, serial ports, files, arguments) made safe to store and export:
/// each invalid UTF-8 byte and each control character other than TAB, LF and CR becomes U+FFFD,
/// so XML (XLSX), JSON and the screens never see bytes they cannot hold. Valid text is unchanged.
std::string sanitizeText(std::string_view text);

/// Splits UTF-8 text into its characters, each as its bytes ("Đ1" -> {"Đ", "1"}); a stray byte
/// of invalid UTF-8 stands alone.
std::vector<std::string> utf8Chars(std::string_view text);

/// Upper-cases ASCII letters only.
std::string asciiUpper(std::string_view text);

} // namespace kiosk::core
