#pragma once
// The event report: an A4 administrative document (Vietnamese by default) with the attendance
// figures, the arrivals chart, the ceremony timeline, awards, contest results, the organizer's
// notes and the signature. Takes plain data; services/ fills it from the database.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/time.hpp"
#include "kiosk/paper/admin_doc.hpp"
#include "kiosk/paper/chart.hpp"
#include "kiosk/paper/status.hpp"

namespace kiosk::paper {

/// Present against expected for one category on one list.
struct AttendanceFigure {
    std::string list;      ///< list name ("Phần lễ")
    std::string category;  ///< category name
    std::string color;     ///< category colour, "#RRGGBB"
    std::int64_t expected = 0;
    std::int64_t present = 0;
};

/// One ceremony item, planned and as it ran.
struct TimelineItem {
    std::string title;
    core::Millis plannedStart = 0;
    int plannedMinutes = 0;
    std::optional<core::Millis> actualStart;
    std::optional<int> actualMinutes;
    bool skipped = false;
};

/// One award in the decision, and whether it was handed on the day.
struct AwardItem {
    std::string recipient;
    std::string unit;
    std::string award;    ///< "Giấy khen", "Kỷ niệm chương"...
    std::string decision; ///< "12/QĐ-SYT"
    bool handed = false;
};

/// One place in a contest.
struct ContestPlace {
    std::string rank;  ///< "Giải Nhất", "1"
    std::string name;  ///< team or person
    std::string unit;
    std::string score; ///< as text, already formatted
};

/// A contest and its places, best first.
struct ContestResult {
    std::string contest;
    std::vector<ContestPlace> places;
};

/// Everything the report shows.
struct ReportData {
    AdminHeader header;
    std::string title;                 ///< "BÁO CÁO"
    std::string subtitle;              ///< what it reports on
    std::vector<std::string> intro;    ///< opening paragraphs (time, venue, scale)
    std::vector<AttendanceFigure> attendance;
    std::vector<std::string> apologies; ///< "Name (title, unit): reason" of delegates who sent apologies
    BarChart arrivals;                 ///< arrivals over time
    std::vector<TimelineItem> timeline;
    std::vector<AwardItem> awards;
    std::vector<ContestResult> contests;
    std::string notes;                 ///< the organizer's notes; blank lines separate paragraphs
    std::vector<std::string> recipients; ///< "Nơi nhận"
    std::vector<std::string> signerLines; ///< "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"
    std::string signerName;
    int utcOffsetMin = 420;
};

/// Writes the report as an A4 PDF.
PaperStatus writeReportPdf(const ReportData& data, const std::string& path, const Progress& progress = {});

} // namespace kiosk::paper
