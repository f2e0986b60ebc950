#include "kiosk/store/delegate_repo.hpp"

#include <cstdio>

namespace kiosk::store {

namespace {

const char* kColumns = "id, code, name, title, unit, category_id, rank, seat, introduce, external_code, badge_serial, revoked, walk_in, phone";

core::Delegate readDelegate(const Statement& st) {
    core::Delegate d;
    d.id = st.getInt(0);
    d.code = st.getText(1);
    d.name = st.getText(2);
    d.title = st.getText(3);
    d.unit = st.getText(4);
    d.categoryId = st.getText(5);
    d.rank = static_cast<int>(st.getInt(6));
    d.seat = st.getText(7);
    d.introduce = st.getInt(8) != 0;
    d.externalCode = st.getText(9);
    d.badgeSerial = static_cast<int>(st.getInt(10));
    d.revoked = st.getInt(11) != 0;
    d.walkIn = st.getInt(12) != 0;
    d.phone = st.getText(13);
    return d;
}

std::optional<core::Delegate> findOne(Database& db, const std::string& where, const auto& key) {
    auto& st = db.cached(std::string("SELECT ") + kColumns + " FROM delegates WHERE " + where);
    st.bind(1, key);
    std::optional<core::Delegate> out;
    if (st.step()) out = readDelegate(st);
    st.reset();
    return out;
}

} // namespace

std::optional<core::Delegate> findDelegateByCode(Database& db, const std::string& code) {
    return findOne(db, "code = ?", code);
}

std::optional<core::Delegate> findDelegateByExternalCode(Database& db, const std::string& code) {
    if (code.empty()) return std::nullopt;
    return findOne(db, "external_code = ? AND external_code <> ''", code);
}

std::optional<core::Delegate> findDelegateById(Database& db, std::int64_t id) { return findOne(db, "id = ?", id); }

std::vector<core::Delegate> allDelegates(Database& db) {
    std::vector<core::Delegate> out;
    auto st = db.prepare(std::string("SELECT ") + kColumns + " FROM delegates ORDER BY rank, name, id");
    while (st.step()) out.push_back(readDelegate(st));
    return out;
}

std::int64_t countDelegates(Database& db) {
    auto st = db.prepare("SELECT count(*) FROM delegates");
    return st.step() ? st.getInt(0) : 0;
}

bool upsertDelegate(Database& db, const core::Delegate& d, core::Millis now) {
    auto& st = db.cached(
        "INSERT INTO delegates(code, name, title, unit, category_id, rank, seat, introduce, external_code, walk_in, "
        "created_at, updated_at, phone) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT(code) DO UPDATE SET name=excluded.name, title=excluded.title, unit=excluded.unit, "
        "category_id=excluded.category_id, rank=excluded.rank, seat=excluded.seat, introduce=excluded.introduce, "
        "external_code=excluded.external_code, phone=excluded.phone, updated_at=excluded.updated_at "
        "WHERE name IS NOT excluded.name OR title IS NOT excluded.title OR unit IS NOT excluded.unit "
        "OR category_id IS NOT excluded.category_id OR rank IS NOT excluded.rank OR seat IS NOT excluded.seat "
        "OR introduce IS NOT excluded.introduce OR external_code IS NOT excluded.external_code OR phone IS NOT excluded.phone");
    const std::int64_t before = db.lastInsertId();
    st.bind(1, d.code).bind(2, d.name).bind(3, d.title).bind(4, d.unit).bind(5, d.categoryId).bind(6, d.rank);
    st.bind(7, d.seat).bind(8, d.introduce).bind(9, d.externalCode).bind(10, d.walkIn).bind(11, now).bind(12, now).bind(13, d.phone);
    st.run();
    return db.changes() > 0 && db.lastInsertId() != before;
}

std::string nextDelegateCode(Database& db, const std::string& prefix) {
    auto st = db.prepare("SELECT code FROM delegates WHERE code LIKE ? || '%' ORDER BY length(code) DESC, code DESC LIMIT 1");
    st.bind(1, prefix);
    int next = 1;
    if (st.step()) {
        const std::string last = st.getText(0).substr(prefix.size());
        try {
            next = std::stoi(last) + 1;
        } catch (...) {
            next = 1;
        }
    }
    for (;; ++next) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%s%04d", prefix.c_str(), next);
        if (!findDelegateByCode(db, buf)) return buf;
    }
}

void setRevoked(Database& db, std::int64_t id, bool revoked, core::Millis now) {
    auto st = db.prepare("UPDATE delegates SET revoked = ?, updated_at = ? WHERE id = ?");
    st.bind(1, revoked).bind(2, now).bind(3, id).run();
    touchDelegates(db);
}

void touchDelegates(Database& db) { db.exec("UPDATE revisions SET value = value + 1 WHERE name = 'delegates'"); }

int bumpBadgeSerial(Database& db, std::int64_t id, core::Millis now) {
    auto st = db.prepare("UPDATE delegates SET badge_serial = badge_serial + 1, revoked = 0, updated_at = ? WHERE id = ? RETURNING badge_serial");
    st.bind(1, now).bind(2, id);
    const int serial = st.step() ? static_cast<int>(st.getInt(0)) : 0;
    st.run();
    touchDelegates(db);
    return serial;
}

std::int64_t delegatesRevision(Database& db) {
    auto& st = db.cached("SELECT value FROM revisions WHERE name = 'delegates'");
    const std::int64_t v = st.step() ? st.getInt(0) : 0;
    st.reset();
    return v;
}

} // namespace kiosk::store
