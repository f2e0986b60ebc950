#pragma once
// The department's consolidation (part III of the plan): every unit holds its own Ngày hội and
// reports; the department adds them up. Pure: units, their events' summaries and the
// deadline in, one row per unit, totals and the lists the director asks for out.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/time.hpp"

namespace kiosk::core {

/// A unit the department expects to hold the day (the units list).
struct DeptUnit {
    std::string code;     ///< "BVDK-TINH"
    std::string name;     ///< "Bệnh viện Đa khoa tỉnh"
    std::string district; ///< "TP. Bắc Giang"
    std::string contact;  ///< person, phone
};

/// Delegates expected and present in one category group of part 2.4.
struct GroupCount {
    std::string group;
    std::int64_t expected = 0;
    std::int64_t present = 0;
};

/// A contest a unit held and its prize winners, best first ("Giải Nhất: Đội CDC").
struct UnitContest {
    std::string contest;
    std::vector<std::string> winners;
};

/// What a unit's event amounts to, as it reached the hub.
struct UnitEventSummary {
    std::string eventId;  ///< the event's identity on the hub
    std::string unitCode; ///< matches DeptUnit::code; empty when the event names none
    std::string unitName; ///< as the event calls itself
    std::string date;     ///< "YYYY-MM-DD" the day was held
    std::string place;    ///< venue
    std::vector<GroupCount> groups;
    int ceremonyItems = 0;                 ///< items in the program
    int ceremonyDone = 0;                  ///< items that ran
    std::vector<std::string> skippedItems; ///< titles of items skipped or never run
    std::vector<UnitContest> contests;
    int awards = 0;           ///< awards in the decision
    int awardsHanded = 0;     ///< handed at the ceremony
    std::string reportNumber; ///< "125/BC-BVĐK"; empty when the unit has issued no report
    std::string reportDate;   ///< "YYYY-MM-DD" written on it
    std::optional<Millis> reportReceived; ///< when the hub first had the report
};

/// What the department asks.
struct ConsolidationRequest {
    std::string deadline = "2023-08-10"; ///< reports arrive before this local date
    std::string from = "2023-07-01";     ///< the plan's window, inclusive
    std::string to = "2023-08-19";       ///< inclusive
    int utcOffsetMin = 420;
    int earliest = 3; ///< how many early units to commend
};

/// One row of the consolidated table.
struct UnitRow {
    DeptUnit unit;                         ///< from the list, or made from the event when unlisted
    std::optional<UnitEventSummary> event; ///< absent: not held (or not published)
    bool listed = true;                    ///< the unit is on the department's list
    bool inWindow = false;                 ///< held inside [from, to]
    bool reported = false;                 ///< a report reached the hub
    bool onTime = false;                   ///< ... before the deadline
    std::string receivedDate;              ///< local "YYYY-MM-DD" of reportReceived
    bool ceremonyInFull() const {
        return event && event->ceremonyItems > 0 && event->skippedItems.empty();
    }
};

/// The whole consolidation.
struct Consolidation {
    ConsolidationRequest request;
    std::vector<UnitRow> held;        ///< units that held the day, earliest first, then by name
    std::vector<DeptUnit> notHeld;    ///< listed units with no event on the hub
    std::vector<UnitRow> notReported; ///< held, but no report reached the hub
    std::vector<UnitRow> late;        ///< report received on or after the deadline
    std::vector<UnitRow> outOfWindow; ///< held outside [from, to]
    std::vector<UnitRow> earliest;    ///< the first `earliest` by date held (ties kept)
    std::vector<GroupCount> totals;   ///< per group across held units, in first-seen order
    std::int64_t expected = 0, present = 0;
    int awards = 0, awardsHanded = 0, contests = 0, ceremoniesInFull = 0;
    int listedUnits = 0;
};

/// Builds the consolidation. Events are matched to units by code, then by folded name; an event
/// with no unit on the list still counts (marked unlisted). When a unit published more than one
/// event, the earliest held inside the window stands for it.
Consolidation consolidate(const std::vector<DeptUnit>& units,
                          const std::vector<UnitEventSummary>& events,
                          const ConsolidationRequest& request);

} // namespace kiosk::core
