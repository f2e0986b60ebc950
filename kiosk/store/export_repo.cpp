#include "kiosk/store/export_repo.hpp"

#include <algorithm>
#include <limits>

namespace kiosk::store {

namespace {
constexpr core::Millis kMin = std::numeric_limits<core::Millis>::min();
constexpr core::Millis kMax = std::numeric_limits<core::Millis>::max();
} // namespace

std::unordered_map<std::int64_t, std::vector<ListPresence>> presenceByDelegate(Database& db, const ExportFilter& filter) {
    // A plain pass over the check-ins folded here: a GROUP BY walks the index and fetches every
    // row anyway, at several times the cost on 100k check-ins.
    auto st = db.prepare(R"SQL(
SELECT c.delegate_id, c.list_id, c.direction = 'entry', c.at, c.forced
FROM checkins c
WHERE c.at >= ?1 AND c.at < ?2 AND (?3 = '' OR c.list_id = ?3)
  AND (?4 = '' OR c.delegate_id IN (SELECT id FROM delegates WHERE category_id = ?4)))SQL");
    st.bind(1, filter.from.value_or(kMin)).bind(2, filter.to.value_or(kMax)).bind(3, filter.listId).bind(4, filter.categoryId);
    std::unordered_map<std::int64_t, std::vector<ListPresence>> out;
    while (st.step()) {
        auto& lists = out[st.getInt(0)];
        const std::string listId = st.getText(1);
        auto it = std::find_if(lists.begin(), lists.end(), [&](const ListPresence& p) { return p.listId == listId; });
        if (it == lists.end()) {
            lists.push_back(ListPresence{});
            it = lists.end() - 1;
            it->listId = listId;
        }
        const core::Millis at = st.getInt(3);
        if (st.getInt(2) != 0) {
            if (!it->firstEntry || at < *it->firstEntry) it->firstEntry = at;
            if (!it->lastEntry || at > *it->lastEntry) it->lastEntry = at;
            ++it->entries;
        } else {
            if (!it->lastExit || at > *it->lastExit) it->lastExit = at;
            ++it->exits;
        }
        it->forced = it->forced || st.getInt(4) != 0;
    }
    return out;
}

std::int64_t forEachScan(Database& db, const ExportFilter& filter, const std::function<void(const ScanExportRow&)>& fn) {
    auto st = db.prepare(R"SQL(
SELECT s.at, s.kiosk, s.list_id, s.direction, s.status, s.reason, s.text, s.forced, s.force_reason, s.source,
       coalesce(d.code, ''), coalesce(d.name, ''), coalesce(d.category_id, '')
FROM scans s LEFT JOIN delegates d ON d.id = s.delegate_id
WHERE s.at >= ?1 AND s.at < ?2 AND (?3 = '' OR s.list_id = ?3) AND (?4 = '' OR d.category_id = ?4)
ORDER BY s.at, s.id)SQL");
    st.bind(1, filter.from.value_or(kMin)).bind(2, filter.to.value_or(kMax)).bind(3, filter.listId).bind(4, filter.categoryId);
    ScanExportRow row;
    std::int64_t n = 0;
    while (st.step()) {
        row.at = st.getInt(0);
        row.kiosk = st.getText(1);
        row.listId = st.getText(2);
        row.direction = st.getText(3);
        row.status = st.getText(4);
        row.reason = st.getText(5);
        row.text = st.getText(6);
        row.forced = st.getInt(7) != 0;
        row.forceReason = st.getText(8);
        row.source = st.getText(9);
        row.delegateCode = st.getText(10);
        row.delegateName = st.getText(11);
        row.categoryId = st.getText(12);
        fn(row);
        ++n;
    }
    return n;
}

EventFigures eventFigures(Database& db) {
    auto st = db.prepare(R"SQL(
SELECT (SELECT count(*) FROM delegates WHERE revoked = 0),
       (SELECT count(*) FROM delegates WHERE revoked = 0 AND walk_in = 1),
       (SELECT count(DISTINCT delegate_id) FROM checkins WHERE direction = 'entry'),
       (SELECT count(*) FROM scans WHERE status = 'refused'),
       (SELECT count(*) FROM checkins WHERE forced = 1))SQL");
    EventFigures f;
    if (st.step()) {
        f.invited = st.getInt(0);
        f.walkIns = st.getInt(1);
        f.present = st.getInt(2);
        f.refusedScans = st.getInt(3);
        f.forcedAdmissions = st.getInt(4);
    }
    return f;
}

} // namespace kiosk::store
