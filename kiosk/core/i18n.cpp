#include "kiosk/core/i18n.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <toml++/toml.h>

#include "kiosk/core/paths.hpp"

namespace kiosk::core {

namespace {

void flatten(const toml::table& table, const std::string& prefix, const std::string& file,
             std::map<std::string, std::string, std::less<>>& out) {
    for (const auto& [k, node] : table) {
        const std::string key = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
        if (const auto* sub = node.as_table()) {
            flatten(*sub, key, file, out);
        } else if (const auto* s = node.as_string()) {
            if (!out.emplace(key, s->get()).second)
                throw std::runtime_error("string key defined twice: " + key + " (" + file + ")");
        } else {
            throw std::runtime_error("string key is not text: " + key + " (" + file + ")");
        }
    }
}

std::mutex g_mutex;
std::string g_lang = "vi";
std::unique_ptr<StringTable> g_table;

} // namespace

StringTable StringTable::loadDir(const std::string& dir) {
    StringTable table;
    table.m_lang = std::filesystem::path(dir).filename().string();
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().extension() == ".toml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        toml::table parsed;
        try {
            parsed = toml::parse_file(file.string());
        } catch (const toml::parse_error& e) {
            throw std::runtime_error("cannot parse " + file.string() + ": " + std::string(e.description()));
        }
        flatten(parsed, "", file.filename().string(), table.m_strings);
    }
    return table;
}

StringTable StringTable::load(std::string_view lang) {
    return loadDir(assetsDir() + "/i18n/" + std::string(lang));
}

const std::string& StringTable::get(std::string_view key) const {
    auto it = m_strings.find(key);
    if (it != m_strings.end()) return it->second;
    // Missing keys stay visible (and are caught by the table-completeness test).
    static thread_local std::string missing;
    missing = std::string(key);
    return missing;
}

bool StringTable::has(std::string_view key) const { return m_strings.find(key) != m_strings.end(); }

std::vector<std::string> StringTable::keys() const {
    std::vector<std::string> out;
    for (const auto& [k, v] : m_strings) out.push_back(k);
    return out;
}

std::string assetsDir() {
    if (const char* env = std::getenv("KIOSK_ASSETS"); env && *env) return env;
    // Installed beside the executable first; the source tree's folder is the developer's fallback.
    if (const auto share = installedShareDir()) return *share + "/assets";
    return KIOSK_ASSETS_DIR;
}

std::string dataDir() {
    if (const char* env = std::getenv("KIOSK_DATA"); env && *env) return env;
    if (const auto share = installedShareDir()) return *share + "/data";
    return KIOSK_DATA_DIR;
}

void setLanguage(std::string_view lang) {
    std::lock_guard lock(g_mutex);
    const std::string wanted = (lang == "en") ? "en" : "vi";
    if (g_table && g_lang == wanted) return;
    g_lang = wanted;
    g_table = std::make_unique<StringTable>(StringTable::load(g_lang));
}

const StringTable& strings() {
    std::lock_guard lock(g_mutex);
    if (!g_table) g_table = std::make_unique<StringTable>(StringTable::load(g_lang));
    return *g_table;
}

const std::string& tr(std::string_view key) { return strings().get(key); }

std::string format(std::string_view text, const std::vector<std::pair<std::string, std::string>>& values) {
    std::string out;
    out.reserve(text.size() + 32);
    size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '{') {
            const size_t close = text.find('}', i);
            if (close != std::string_view::npos) {
                const std::string_view name = text.substr(i + 1, close - i - 1);
                bool replaced = false;
                for (const auto& [k, v] : values) {
                    if (k == name) {
                        out += v;
                        replaced = true;
                        break;
                    }
                }
                if (replaced) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out.push_back(text[i]);
        ++i;
    }
    return out;
}

std::string trf(std::string_view key, const std::vector<std::pair<std::string, std::string>>& values) {
    return format(tr(key), values);
}

} // namespace kiosk::core
