#include "kiosk/core/consolidation.hpp"

#include <algorithm>
#include <map>

#include "kiosk/core/text.hpp"

namespace kiosk::core {

namespace {

std::string nameKey(const std::string& name) {
    std::string out;
    for (const auto& t : tokens(fold(name))) {
        if (!out.empty()) out += ' ';
        out += t;
    }
    return out;
}

bool earlier(const UnitRow& a, const UnitRow& b) {
    if (a.event->date != b.event->date) return a.event->date < b.event->date;
    return fold(a.unit.name) < fold(b.unit.name);
}

} // namespace

Consolidation consolidate(const std::vector<DeptUnit>& units,
                          const std::vector<UnitEventSummary>& events,
                          const ConsolidationRequest& request) {
    Consolidation c;
    c.request = request;
    c.listedUnits = static_cast<int>(units.size());

    std::map<std::string, size_t> byCode, byName;
    for (size_t i = 0; i < units.size(); ++i) {
        if (!units[i].code.empty()) byCode.emplace(asciiUpper(units[i].code), i);
        byName.emplace(nameKey(units[i].name), i);
    }
    auto inWindow = [&](const std::string& date) {
        return date >= request.from && date <= request.to;
    };
    // The event standing for each listed unit, and the unlisted ones by their own name.
    std::vector<std::optional<UnitEventSummary>> chosen(units.size());
    std::map<std::string, UnitEventSummary> unlisted;
    auto better = [&](const UnitEventSummary& candidate,
                      const std::optional<UnitEventSummary>& current) {
        if (!current) return true;
        const bool a = inWindow(candidate.date), b = inWindow(current->date);
        if (a != b) return a;
        return candidate.date < current->date;
    };
    for (const auto& e : events) {
        std::optional<size_t> at;
        if (auto it = byCode.find(asciiUpper(e.unitCode));
            !e.unitCode.empty() && it != byCode.end())
            at = it->second;
        else if (auto jt = byName.find(nameKey(e.unitName)); jt != byName.end())
            at = jt->second;
        if (at) {
            if (better(e, chosen[*at])) chosen[*at] = e;
        } else {
            const std::string key =
                e.unitCode.empty() ? nameKey(e.unitName) : asciiUpper(e.unitCode);
            auto it = unlisted.find(key);
            std::optional<UnitEventSummary> current;
            if (it != unlisted.end()) current = it->second;
            if (better(e, current)) unlisted[key] = e;
        }
    }

    auto addRow = [&](UnitRow row) {
        const auto& e = *row.event;
        row.inWindow = inWindow(e.date);
        row.reported = !e.reportNumber.empty() || e.reportReceived.has_value();
        if (e.reportReceived) row.receivedDate = localDate(*e.reportReceived, request.utcOffsetMin);
        row.onTime =
            row.reported && !row.receivedDate.empty() && row.receivedDate < request.deadline;
        c.held.push_back(std::move(row));
    };
    for (size_t i = 0; i < units.size(); ++i) {
        if (!chosen[i]) {
            c.notHeld.push_back(units[i]);
            continue;
        }
        addRow(UnitRow{units[i], chosen[i], true});
    }
    for (auto& [key, e] : unlisted)
        addRow(UnitRow{DeptUnit{e.unitCode, e.unitName, {}, {}}, e, false});
    std::sort(c.held.begin(), c.held.end(), earlier);

    for (const auto& row : c.held) {
        const auto& e = *row.event;
        if (!row.inWindow) c.outOfWindow.push_back(row);
        if (!row.reported)
            c.notReported.push_back(row);
        else if (!row.onTime)
            c.late.push_back(row);
        for (const auto& g : e.groups) {
            auto it = std::find_if(c.totals.begin(), c.totals.end(),
                                   [&](const GroupCount& t) { return t.group == g.group; });
            if (it == c.totals.end())
                it = c.totals.insert(c.totals.end(), GroupCount{g.group, 0, 0});
            it->expected += g.expected;
            it->present += g.present;
            c.expected += g.expected;
            c.present += g.present;
        }
        c.awards += e.awards;
        c.awardsHanded += e.awardsHanded;
        c.contests += static_cast<int>(e.contests.size());
        c.ceremoniesInFull += row.ceremonyInFull() ? 1 : 0;
    }
    std::sort(c.notHeld.begin(), c.notHeld.end(),
              [](const DeptUnit& a, const DeptUnit& b) { return fold(a.name) < fold(b.name); });
    // The earliest inside the window; units tied on the last date all stay.
    for (const auto& row : c.held) {
        if (!row.inWindow) continue;
        if (static_cast<int>(c.earliest.size()) >= request.earliest &&
            row.event->date != c.earliest.back().event->date)
            break;
        c.earliest.push_back(row);
    }
    return c;
}

} // namespace kiosk::core
