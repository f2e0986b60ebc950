#include "kiosk/core/time.hpp"

#include <cstdlib>

#include <chrono>
#include <cstdio>

namespace kiosk::core {

namespace {

// Howard Hinnant's civil-from-days / days-from-civil algorithms (public domain).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civilFromDays(std::int64_t z, int& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t yy = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(yy + (m <= 2));
}

bool digits(std::string_view s, size_t pos, size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

} // namespace

Millis nowMillis() {
    using namespace std::chrono;
    // A test hook: kiosks whose clocks disagree (the hub orders by its sequence, not by these).
    static const Millis skew = [] {
        const char* v = std::getenv("KIOSK_CLOCK_OFFSET_MS");
        return v ? std::strtoll(v, nullptr, 10) : 0;
    }();
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count() + skew;
}

std::optional<std::int64_t> parseDate(std::string_view s) {
    int y, mo, d;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    if (!digits(s, 0, 4, y) || !digits(s, 5, 2, mo) || !digits(s, 8, 2, d)) return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return std::nullopt;
    const auto days = daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    if (formatDate(days) != s) return std::nullopt; // 2023-02-30 and the like
    return days;
}

std::string formatDate(std::int64_t days) {
    int y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    return buf;
}

std::optional<int> parseUtcOffset(std::string_view s) {
    if (s == "Z" || s == "z") return 0;
    int h, m;
    if (s.size() == 6 && (s[0] == '+' || s[0] == '-') && s[3] == ':' && digits(s, 1, 2, h) && digits(s, 4, 2, m)) {
        const int v = h * 60 + m;
        return s[0] == '-' ? -v : v;
    }
    if (s.size() == 5 && (s[0] == '+' || s[0] == '-') && digits(s, 1, 2, h) && digits(s, 3, 2, m)) {
        const int v = h * 60 + m;
        return s[0] == '-' ? -v : v;
    }
    return std::nullopt;
}

std::optional<int> parseHourMinute(std::string_view s) {
    int h, m;
    if (s.size() == 5 && s[2] == ':' && digits(s, 0, 2, h) && digits(s, 3, 2, m) && h < 24 && m < 60) return h * 60 + m;
    if (s.size() == 4 && s[1] == ':' && digits(s, 0, 1, h) && digits(s, 2, 2, m) && m < 60) return h * 60 + m;
    return std::nullopt;
}

Millis localToMillis(std::int64_t days, int minuteOfDay, int offsetMin) {
    return (days * 1440 + minuteOfDay - offsetMin) * 60000LL;
}

std::optional<Millis> parseIso8601(std::string_view s, int defaultOffsetMin) {
    if (s.size() < 16) return std::nullopt;
    const auto days = parseDate(s.substr(0, 10));
    if (!days || (s[10] != 'T' && s[10] != ' ' && s[10] != 't')) return std::nullopt;
    int h, mi, sec = 0, ms = 0;
    if (!digits(s, 11, 2, h) || s[13] != ':' || !digits(s, 14, 2, mi) || h > 23 || mi > 59) return std::nullopt;
    size_t pos = 16;
    if (pos < s.size() && s[pos] == ':') {
        if (!digits(s, pos + 1, 2, sec) || sec > 60) return std::nullopt;
        pos += 3;
        if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
            ++pos;
            int scale = 100;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
                ms += (s[pos] - '0') * scale;
                scale /= 10;
                ++pos;
            }
        }
    }
    int offset = defaultOffsetMin;
    if (pos < s.size()) {
        const auto parsed = parseUtcOffset(s.substr(pos));
        if (!parsed) return std::nullopt;
        offset = *parsed;
    }
    return localToMillis(*days, h * 60 + mi, offset) + sec * 1000LL + ms;
}

std::string formatIso(Millis at, int offsetMin) {
    const Millis local = at + offsetMin * 60000LL;
    const std::int64_t days = floorDiv(local, 86400000LL);
    const std::int64_t msOfDay = local - days * 86400000LL;
    const int secOfDay = static_cast<int>(msOfDay / 1000);
    char buf[48];
    const int off = offsetMin < 0 ? -offsetMin : offsetMin;
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%c%02d:%02d", formatDate(days).c_str(), secOfDay / 3600,
                  (secOfDay / 60) % 60, secOfDay % 60, offsetMin < 0 ? '-' : '+', off / 60, off % 60);
    return buf;
}

std::string formatClock(Millis at, int offsetMin) { return formatIso(at, offsetMin).substr(11, 5); }
std::string formatClockSeconds(Millis at, int offsetMin) { return formatIso(at, offsetMin).substr(11, 8); }

std::string localDate(Millis at, int offsetMin) { return formatIso(at, offsetMin).substr(0, 10); }

std::string formatDuration(Millis duration) {
    const bool negative = duration < 0;
    std::int64_t s = (negative ? -duration : duration) / 1000;
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%s%lld:%02lld:%02lld", negative ? "-" : "", static_cast<long long>(s / 3600),
                      static_cast<long long>((s / 60) % 60), static_cast<long long>(s % 60));
    else
        std::snprintf(buf, sizeof buf, "%s%02lld:%02lld", negative ? "-" : "", static_cast<long long>(s / 60),
                      static_cast<long long>(s % 60));
    return buf;
}

} // namespace kiosk::core
