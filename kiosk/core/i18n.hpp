#pragma once
// The string table: every user-visible text, per language (vi default, en), loaded from
// assets/i18n/<lang>/*.toml. Keys are dotted paths ("checkin.reason.revoked").
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk::core {

/// One language's strings.
class StringTable {
public:
    /// Loads every *.toml in dir; throws std::runtime_error on a parse error or a key defined twice.
    static StringTable loadDir(const std::string& dir);
    /// Loads the table for lang ("vi" or "en") from the assets folder (KIOSK_ASSETS or built-in path).
    static StringTable load(std::string_view lang);

    /// The text for key, or the key itself when missing (visible, never empty).
    const std::string& get(std::string_view key) const;
    bool has(std::string_view key) const;
    std::vector<std::string> keys() const;
    const std::string& lang() const { return m_lang; }

private:
    std::string m_lang;
    std::map<std::string, std::string, std::less<>> m_strings;
};

/// Where assets live: $KIOSK_ASSETS or the source tree's assets/ folder.
std::string assetsDir();
/// Where event packs live: $KIOSK_DATA or the source tree's data/ folder.
std::string dataDir();

/// Selects the process-wide language used by tr(); loads it on first use. "vi" unless told.
void setLanguage(std::string_view lang);
const StringTable& strings();

/// Looks up key in the current language.
const std::string& tr(std::string_view key);

/// Replaces {name} placeholders in text with values.
std::string format(std::string_view text, const std::vector<std::pair<std::string, std::string>>& values);

/// tr() then format().
std::string trf(std::string_view key, const std::vector<std::pair<std::string, std::string>>& values);

} // namespace kiosk::core
