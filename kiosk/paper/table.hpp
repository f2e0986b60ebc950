#pragma once
// Tables as streams of typed rows, written to CSV or XLSX by the same code: an export builds
// rows once and hands them to whichever TableSink the user asked for.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/time.hpp"
#include "kiosk/paper/status.hpp"

namespace kiosk::paper {

/// One typed value. Text is borrowed: it must live until the row() call returns.
struct Cell {
    enum class Kind : std::uint8_t { Empty, Text, Integer, Number, Time, Boolean, Date };
    Kind kind = Kind::Empty;
    std::string_view text;
    std::int64_t i64 = 0; ///< Integer, Boolean (0/1), Time (Millis since epoch UTC), Date (days since 1970-01-01)
    double f64 = 0;

    static Cell empty() { return {}; }
    static Cell str(std::string_view s) { return {Kind::Text, s, 0, 0}; }
    static Cell integer(std::int64_t v) { return {Kind::Integer, {}, v, 0}; }
    static Cell number(double v) { return {Kind::Number, {}, 0, v}; }
    static Cell time(core::Millis at) { return {Kind::Time, {}, at, 0}; }
    static Cell boolean(bool v) { return {Kind::Boolean, {}, v ? 1 : 0, 0}; }
    /// A calendar day (core::parseDate's days), with no time of day.
    static Cell date(std::int64_t days) { return {Kind::Date, {}, days, 0}; }
};

/// A column heading and its width in characters (XLSX; CSV ignores widths).
struct Column {
    std::string header;
    double width = 14;
};

/// Where rows go. One sheet at a time; errors are kept and reported by finish().
class TableSink {
public:
    virtual ~TableSink() = default;
    /// Starts a sheet with its header row. A CSV sink holds one sheet and fails on a second.
    virtual void beginSheet(std::string_view name, const std::vector<Column>& columns) = 0;
    /// Appends a data row to the current sheet.
    virtual void row(std::span<const Cell> cells) = 0;
    /// Writes everything out; the status carries the first error and the number of data rows.
    virtual PaperStatus finish() = 0;
    /// True once something has failed (callers may stop producing rows).
    virtual bool failed() const = 0;
    /// Whether more than one sheet fits in the file.
    virtual bool multiSheet() const = 0;
};

/// "2023-08-19 07:42:05" local: the form Excel reads as a date-time in any locale.
std::string formatLocalDateTime(core::Millis at, int utcOffsetMin);

} // namespace kiosk::paper
