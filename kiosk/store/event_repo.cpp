#include "kiosk/store/event_repo.hpp"

#include "kiosk/core/time.hpp"

namespace kiosk::store {

void saveEvent(Database& db, const core::Event& e) {
    auto st = db.prepare(
        "INSERT OR REPLACE INTO event(id, code, prefix, name, parent_unit, unit, doc_number, date, venue, place, "
        "timezone, utc_offset_min, accept_plain_codes, text_scale) VALUES(1,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, e.id).bind(2, e.prefix).bind(3, e.name).bind(4, e.parentUnit).bind(5, e.unit).bind(6, e.docNumber);
    st.bind(7, e.date).bind(8, e.venue).bind(9, e.place).bind(10, e.timezone).bind(11, e.utcOffsetMin);
    st.bind(12, e.acceptPlainCodes).bind(13, static_cast<double>(e.textScale)).run();
    db.exec("DELETE FROM banner_lines; DELETE FROM slogans;");
    auto b = db.prepare("INSERT INTO banner_lines(pos, text) VALUES(?, ?)");
    for (size_t i = 0; i < e.bannerLines.size(); ++i) {
        b.reset();
        b.bind(1, static_cast<int>(i)).bind(2, e.bannerLines[i]).run();
    }
    auto s = db.prepare("INSERT INTO slogans(pos, text) VALUES(?, ?)");
    for (size_t i = 0; i < e.slogans.size(); ++i) {
        s.reset();
        s.bind(1, static_cast<int>(i)).bind(2, e.slogans[i]).run();
    }
}

core::Event loadEvent(Database& db) {
    auto st = db.prepare("SELECT code, prefix, name, parent_unit, unit, doc_number, date, venue, place, timezone, "
                         "utc_offset_min, accept_plain_codes, text_scale FROM event WHERE id = 1");
    if (!st.step()) throw DbError(1, "the database holds no event (run kiosk init)");
    core::Event e;
    e.id = st.getText(0);
    e.prefix = st.getText(1);
    e.name = st.getText(2);
    e.parentUnit = st.getText(3);
    e.unit = st.getText(4);
    e.docNumber = st.getText(5);
    e.date = st.getText(6);
    e.venue = st.getText(7);
    e.place = st.getText(8);
    e.timezone = st.getText(9);
    e.utcOffsetMin = static_cast<int>(st.getInt(10));
    e.acceptPlainCodes = st.getInt(11) != 0;
    e.textScale = static_cast<float>(st.getDouble(12));
    auto b = db.prepare("SELECT text FROM banner_lines ORDER BY pos");
    while (b.step()) e.bannerLines.push_back(b.getText(0));
    auto s = db.prepare("SELECT text FROM slogans ORDER BY pos");
    while (s.step()) e.slogans.push_back(s.getText(0));
    return e;
}

void saveCategories(Database& db, const std::vector<core::Category>& categories) {
    auto st = db.prepare("INSERT INTO categories(id, name, name_en, rank, color) VALUES(?,?,?,?,?) "
                         "ON CONFLICT(id) DO UPDATE SET name=excluded.name, name_en=excluded.name_en, "
                         "rank=excluded.rank, color=excluded.color");
    for (const auto& c : categories) {
        st.reset();
        st.bind(1, c.id).bind(2, c.name).bind(3, c.nameEn).bind(4, c.rank).bind(5, c.color).run();
    }
}

std::vector<core::Category> loadCategories(Database& db) {
    std::vector<core::Category> out;
    auto st = db.prepare("SELECT id, name, name_en, rank, color FROM categories ORDER BY rank, id");
    while (st.step())
        out.push_back(core::Category{st.getText(0), st.getText(1), st.getText(2), static_cast<int>(st.getInt(3)), st.getText(4)});
    return out;
}

void saveLists(Database& db, const std::vector<core::CheckinList>& lists) {
    db.exec("DELETE FROM list_categories");
    auto st = db.prepare("INSERT INTO lists(id, name, opens, closes, tolerance_min, reentry, pos) VALUES(?,?,?,?,?,?,?) "
                         "ON CONFLICT(id) DO UPDATE SET name=excluded.name, opens=excluded.opens, closes=excluded.closes, "
                         "tolerance_min=excluded.tolerance_min, reentry=excluded.reentry, pos=excluded.pos");
    auto cat = db.prepare("INSERT INTO list_categories(list_id, category_id) VALUES(?, ?)");
    int pos = 0;
    for (const auto& l : lists) {
        st.reset();
        st.bind(1, l.id).bind(2, l.name).bind(3, l.opens).bind(4, l.closes).bind(5, l.toleranceMin).bind(6, l.reentry).bind(7, pos++).run();
        for (const auto& c : l.categories) {
            cat.reset();
            cat.bind(1, l.id).bind(2, c).run();
        }
    }
}

std::vector<core::CheckinList> loadLists(Database& db) {
    std::vector<core::CheckinList> out;
    auto st = db.prepare("SELECT id, name, opens, closes, tolerance_min, reentry FROM lists ORDER BY pos, id");
    auto cat = db.prepare("SELECT category_id FROM list_categories WHERE list_id = ? ORDER BY category_id");
    while (st.step()) {
        core::CheckinList l;
        l.id = st.getText(0);
        l.name = st.getText(1);
        l.opens = st.getText(2);
        l.closes = st.getText(3);
        l.toleranceMin = static_cast<int>(st.getInt(4));
        l.reentry = st.getInt(5) != 0;
        cat.reset();
        cat.bind(1, l.id);
        while (cat.step()) l.categories.push_back(cat.getText(0));
        out.push_back(std::move(l));
    }
    return out;
}

std::optional<std::string> getSetting(Database& db, const std::string& key) {
    auto& st = db.cached("SELECT value FROM settings WHERE key = ?");
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    std::string v = st.getText(0);
    st.reset();
    return v;
}

void setSetting(Database& db, const std::string& key, const std::string& value) {
    auto st = db.prepare("INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(1, key).bind(2, value).run();
}

void audit(Database& db, const std::string& actor, const std::string& action, const std::string& detail) {
    auto st = db.prepare("INSERT INTO audit(at, actor, action, detail) VALUES(?,?,?,?)");
    st.bind(1, core::nowMillis()).bind(2, actor).bind(3, action).bind(4, detail).run();
}

std::optional<AuditEntry> lastAudit(Database& db, const std::string& action) {
    auto st = db.prepare("SELECT at, actor, action, detail FROM audit WHERE action = ? ORDER BY id DESC LIMIT 1");
    st.bind(1, action);
    if (!st.step()) return std::nullopt;
    return AuditEntry{st.getInt(0), st.getText(1), st.getText(2), st.getText(3)};
}

} // namespace kiosk::store
