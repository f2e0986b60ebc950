#pragma once
// Time as integer milliseconds since the Unix epoch (UTC); local times use the event's fixed offset.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::core {

using Millis = std::int64_t;

/// Wall clock now.
Millis nowMillis();

/// Parses "2023-08-19T07:42:00+07:00", "...Z", "2023-08-19T07:42" or "2023-08-19 07:42:05.123";
/// a time without an offset is local at defaultOffsetMin.
std::optional<Millis> parseIso8601(std::string_view text, int defaultOffsetMin);

/// Formats as "2023-08-19T07:42:05+07:00".
std::string formatIso(Millis at, int offsetMin);

/// "07:42" in local time.
std::string formatClock(Millis at, int offsetMin);
/// "07:42:05" in local time.
std::string formatClockSeconds(Millis at, int offsetMin);

/// Parses "+07:00" / "-05:30" / "Z" into minutes.
std::optional<int> parseUtcOffset(std::string_view text);

/// Parses "YYYY-MM-DD" into days since the epoch.
std::optional<std::int64_t> parseDate(std::string_view text);
/// Formats days since the epoch as "YYYY-MM-DD".
std::string formatDate(std::int64_t days);
/// The local date ("YYYY-MM-DD") of an instant.
std::string localDate(Millis at, int offsetMin);

/// Parses "HH:MM" into minutes after midnight.
std::optional<int> parseHourMinute(std::string_view text);

/// The instant of local date + minutes after midnight at the offset.
Millis localToMillis(std::int64_t days, int minuteOfDay, int offsetMin);

/// "12:05" or "-3:20" style duration in minutes:seconds (hours added past 60 minutes).
std::string formatDuration(Millis duration);

} // namespace kiosk::core
