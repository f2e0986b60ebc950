#pragma once
// A small JSON writer for the CLI's --json output (objects, arrays, strings, numbers, bools, null).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

/// Builds one JSON text; commas and escaping are handled, nesting is the caller's order.
class JsonWriter {
public:
    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(std::int64_t number);
    JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
    JsonWriter& value(double number);
    JsonWriter& value(bool flag);
    JsonWriter& null();
    /// key + value in one call.
    template <class T> JsonWriter& field(std::string_view name, const T& v) { return key(name).value(v); }
    const std::string& str() const { return m_out; }

private:
    void separator();
    std::string m_out;
    std::vector<bool> m_first; ///< per open container: no element written yet
    bool m_afterKey = false;
};

/// Escapes text as a JSON string literal, quotes included.
std::string jsonQuote(std::string_view text);

} // namespace kiosk::core
