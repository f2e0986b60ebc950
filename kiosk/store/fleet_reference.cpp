#include "kiosk/store/fleet_reference.hpp"

#include <algorithm>
#include <set>

#include "kiosk/store/schema.hpp"

namespace kiosk::store {

std::vector<Migration> fleetReferenceMigrations() {
    return {{"fleet-ref-1", R"SQL(
-- The organizer's definitions as last published to the hub (kind, key, body): the next round
-- sends only rows whose body differs, and a tombstone for keys no longer here.
CREATE TABLE fleet_ref_sent(kind TEXT NOT NULL, key TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY(kind, key)) WITHOUT ROWID;
)SQL"}};
}

namespace {

// One table of definitions. keys: its text key columns (stable across machines). extra: more
// fields of the body (a list's categories, a contest's teams), as SQL over the row t.
struct Kind {
    const char* name;
    std::vector<const char*> keys;
    const char* extra;
};

const std::vector<Kind>& kinds() {
    static const std::vector<Kind> all = {
        {"categories", {"id"}, ""},
        {"lists",
         {"id"},
         ", 'categories', json((SELECT json_group_array(category_id) FROM (SELECT category_id FROM "
         "list_categories "
         "WHERE list_id = t.id ORDER BY category_id)))"},
        {"teams", {"id"}, ""},
        {"contests",
         {"id"},
         ", 'teams', json((SELECT json_group_array(json_array(team_id, pos)) FROM (SELECT team_id, "
         "pos FROM "
         "contest_teams WHERE contest_id = t.id ORDER BY team_id)))"},
        {"quiz_rounds", {"contest_id", "id"}, ""},
        {"quiz_questions", {"contest_id", "id"}, ""},
        {"criteria", {"contest_id", "id"}, ""},
        {"performances", {"contest_id", "id"}, ""},
        {"judges", {"contest_id", "id"}, ""},
        {"program_items", {"id"}, ""},
    };
    return all;
}

std::string quoted(const std::string& name) {
    return "\"" + name + "\"";
}
std::string path(const std::string& name) {
    return "'$.\"" + name + "\"'";
}

std::vector<std::string> columns(Database& db, const std::string& table) {
    std::vector<std::string> out;
    auto st = db.prepare("SELECT name FROM pragma_table_info(?)");
    st.bind(1, table);
    while (st.step())
        out.push_back(st.getText(0));
    return out;
}

// SELECT key, body FROM the table: the body names every column, so a newer kiosk's extra column
// travels and an older one ignores it.
std::string currentSql(Database& db, const Kind& k) {
    std::string key, body = "json_object(";
    for (const char* c : k.keys)
        key += (key.empty() ? "t." : ", t.") + quoted(c);
    bool first = true;
    for (const auto& c : columns(db, k.name)) {
        body += std::string(first ? "" : ", ") + "'" + c + "', t." + quoted(c);
        first = false;
    }
    return "SELECT json_array(" + key + ") AS key, " + body + k.extra + ") AS body FROM " + k.name +
           " t";
}

const Kind* findKind(const std::string& name) {
    for (const auto& k : kinds())
        if (name == k.name) return &k;
    return nullptr;
}

int rank(const std::string& name) {
    const auto& all = kinds();
    for (size_t i = 0; i < all.size(); ++i)
        if (name == all[i].name) return static_cast<int>(i);
    return -1;
}

// A failed row (a deletion that records depend on, a body missing a required column) is undone
// alone: the rest of the pull goes on and the row stays as it was.
template <class F> bool savepoint(Database& db, F&& f) {
    db.exec("SAVEPOINT fleet_ref");
    try {
        f();
        db.exec("RELEASE fleet_ref");
        return true;
    } catch (const DbError&) {
        db.exec("ROLLBACK TO fleet_ref; RELEASE fleet_ref");
        return false;
    }
}

void upsert(Database& db, const Kind& k, const std::vector<std::string>& local,
            const std::string& body) {
    std::set<std::string> present;
    {
        auto& st = db.cached("SELECT key FROM json_each(?1) WHERE json_valid(?1)");
        st.bind(1, body);
        while (st.step())
            present.insert(st.getText(0));
        st.reset();
    }
    std::string cols, vals, set;
    for (const auto& c : local) {
        if (!present.count(c)) continue;
        cols += (cols.empty() ? "" : ", ") + quoted(c);
        vals += std::string(vals.empty() ? "" : ", ") + "json_extract(?1, " + path(c) + ")";
        if (std::find(k.keys.begin(), k.keys.end(), c) == k.keys.end())
            set += (set.empty() ? "" : ", ") + quoted(c) + " = excluded." + quoted(c);
    }
    std::string keys;
    for (const char* c : k.keys) {
        if (!present.count(c)) return; // not a row of ours
        keys += (keys.empty() ? "" : ", ") + quoted(c);
    }
    db.cached("INSERT INTO " + std::string(k.name) + "(" + cols + ") VALUES(" + vals +
              ") ON CONFLICT(" + keys + ") DO " + (set.empty() ? "NOTHING" : "UPDATE SET " + set))
        .bind(1, body)
        .run();
    // The rows that hang off a list or a contest travel inside its body: replace them.
    if (k.name == std::string("lists") && present.count("categories")) {
        db.cached("DELETE FROM list_categories WHERE list_id = json_extract(?1, '$.id')")
            .bind(1, body)
            .run();
        db.cached("INSERT INTO list_categories(list_id, category_id) SELECT json_extract(?1, "
                  "'$.id'), j.value FROM "
                  "json_each(?1, '$.categories') j WHERE EXISTS (SELECT 1 FROM categories WHERE id "
                  "= j.value)")
            .bind(1, body)
            .run();
    }
    if (k.name == std::string("contests") && present.count("teams")) {
        db.cached("DELETE FROM contest_teams WHERE contest_id = json_extract(?1, '$.id')")
            .bind(1, body)
            .run();
        db.cached("INSERT INTO contest_teams(contest_id, team_id, pos) SELECT json_extract(?1, "
                  "'$.id'), "
                  "json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]') FROM json_each(?1, "
                  "'$.teams') j "
                  "WHERE EXISTS (SELECT 1 FROM teams WHERE id = json_extract(j.value, '$[0]'))")
            .bind(1, body)
            .run();
    }
}

void remove(Database& db, const Kind& k, const std::string& body) {
    std::string where;
    for (const char* c : k.keys)
        where +=
            (where.empty() ? "" : " AND ") + quoted(c) + " = json_extract(?1, " + path(c) + ")";
    db.cached("DELETE FROM " + std::string(k.name) + " WHERE " + where).bind(1, body).run();
}

} // namespace

std::vector<std::string> referenceKindNames() {
    std::vector<std::string> out;
    for (const auto& k : kinds())
        out.emplace_back(k.name);
    return out;
}

std::vector<RefRow> changedDefinitions(Database& db, int limit) {
    std::vector<RefRow> out;
    for (const auto& k : kinds()) {
        if (static_cast<int>(out.size()) >= limit) break;
        auto st = db.prepare("WITH cur(key, body) AS (" + currentSql(db, k) +
                             ") SELECT cur.key, cur.body, 0 FROM cur LEFT JOIN fleet_ref_sent s ON "
                             "s.kind = ?1 AND s.key = cur.key "
                             "WHERE s.body IS NOT cur.body UNION ALL SELECT s.key, s.body, 1 FROM "
                             "fleet_ref_sent s WHERE s.kind = ?1 "
                             "AND s.key NOT IN (SELECT key FROM cur) LIMIT ?2");
        st.bind(1, k.name).bind(2, limit - static_cast<int>(out.size()));
        while (st.step())
            out.push_back(RefRow{k.name, st.getText(0), st.getText(1), st.getInt(2) != 0});
    }
    return out;
}

void markPublished(Database& db, const std::vector<RefRow>& rows) {
    Transaction tx(db);
    for (const auto& r : rows) {
        if (r.deleted)
            db.cached("DELETE FROM fleet_ref_sent WHERE kind = ? AND key = ?")
                .bind(1, r.kind)
                .bind(2, r.key)
                .run();
        else
            db.cached("INSERT INTO fleet_ref_sent(kind, key, body) VALUES(?, ?, ?) ON "
                      "CONFLICT(kind, key) DO UPDATE SET body = excluded.body")
                .bind(1, r.kind)
                .bind(2, r.key)
                .bind(3, r.body)
                .run();
    }
    tx.commit();
}

void seedPublished(Database& db, const std::vector<RefRow>& rows) {
    Transaction tx(db);
    db.exec("DELETE FROM fleet_ref_sent");
    for (const auto& r : rows)
        if (!r.deleted)
            db.cached("INSERT OR REPLACE INTO fleet_ref_sent(kind, key, body) VALUES(?, ?, ?)")
                .bind(1, r.kind)
                .bind(2, r.key)
                .bind(3, r.body)
                .run();
    tx.commit();
}

int applyDefinitions(Database& db, std::vector<RefRow> rows) {
    rows.erase(
        std::remove_if(rows.begin(), rows.end(), [](const RefRow& r) { return rank(r.kind) < 0; }),
        rows.end());
    std::stable_sort(rows.begin(), rows.end(), [](const RefRow& a, const RefRow& b) {
        if (a.deleted != b.deleted) return !a.deleted; // every upsert before any deletion
        return a.deleted ? rank(a.kind) > rank(b.kind) : rank(a.kind) < rank(b.kind);
    });
    int applied = 0;
    std::string table;
    std::vector<std::string> local;
    for (const auto& r : rows) {
        const Kind& k = *findKind(r.kind);
        if (table != k.name) {
            table = k.name;
            local = columns(db, table);
        }
        if (savepoint(db,
                      [&] { r.deleted ? remove(db, k, r.body) : upsert(db, k, local, r.body); }))
            ++applied;
    }
    return applied;
}

} // namespace kiosk::store
