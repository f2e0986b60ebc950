// The per-event PostgreSQL role (docs/FLEET.md, "Security"): a LOGIN role that row-level
// security (migration hub-3) restricts to its event's rows, with only the privileges a kiosk
// uses. `kiosk hub setup` makes it with the hub owner's URL; joins store its credentials.
#include <sodium.h>

#include <cctype>

#include "kiosk/hub/hub.hpp"

namespace kiosk::hub {

namespace {

constexpr auto kRoleBudget = std::chrono::seconds(30);

std::string randomPassword() {
    unsigned char bytes[24];
    randombytes_buf(bytes, sizeof bytes);
    char hex[sizeof bytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return hex;
}

// kiosk_<database>_ev<id>: role names are per cluster, so two hub databases on one server do
// not share a role.
std::string defaultRoleName(PgConn& c, std::int64_t eventId) {
    std::string db = c.exec("SELECT current_database()", {}, Clock::now() + kRoleBudget).text(0, 0);
    std::string name = "kiosk_";
    for (unsigned char ch : db)
        name += std::isalnum(ch) ? static_cast<char>(std::tolower(ch)) : '_';
    const std::string tail = "_ev" + std::to_string(eventId);
    return name.substr(0, 63 - tail.size()) + tail;
}

bool refused(const PgError& e) {
    return !e.unreachable() && e.sqlstate() == "42501";
}

} // namespace

std::optional<EventRole> eventRole(PgConn& c, std::int64_t eventId) {
    try {
        auto r = c.exec("SELECT role_name, password FROM kiosk_hub.event_roles WHERE event_id = $1",
                        {std::to_string(eventId)}, Clock::now() + kRoleBudget);
        if (r.rows() == 0) return std::nullopt;
        return EventRole{r.text(0, 0), r.text(0, 1)};
    } catch (const PgError& e) {
        // A kiosk's own role may not read the roles; a hub not migrated to hub-3 has none.
        if (refused(e) || e.sqlstate() == "42P01") return std::nullopt;
        throw;
    }
}

std::optional<EventRole> ensureEventRole(PgConn& c, std::int64_t eventId, const std::string& wanted,
                                         bool newPassword) {
    const auto deadline = Clock::now() + kRoleBudget;
    const auto existing = eventRole(c, eventId);
    EventRole role;
    role.name = !wanted.empty() ? wanted : existing ? existing->name : defaultRoleName(c, eventId);
    const bool exists =
        c.exec("SELECT 1 FROM pg_roles WHERE rolname = $1", {role.name}, deadline).rows() > 0;
    const bool keep = existing && existing->name == role.name && exists &&
                      !existing->password.empty() && !newPassword;
    role.password = keep ? existing->password : randomPassword();
    // Identifiers cannot be parameters: the server quotes them.
    auto names =
        c.exec("SELECT quote_ident($1), quote_ident(current_database())", {role.name}, deadline);
    const std::string who = names.text(0, 0), db = names.text(0, 1);
    try {
        PgTransaction tx(c, deadline);
        if (!keep) {
            const auto literal = c.exec("SELECT quote_literal($1)",
                                        {c.scramVerifier(role.password, role.name)}, deadline)
                                     .text(0, 0);
            c.exec(std::string(exists ? "ALTER" : "CREATE") + " ROLE " + who + " LOGIN PASSWORD " +
                       literal,
                   {}, deadline);
        }
        // What a kiosk does, nothing more: records are never updated or deleted, events only read.
        c.exec("GRANT CONNECT ON DATABASE " + db + " TO " + who, {}, deadline);
        c.exec("GRANT USAGE ON SCHEMA kiosk_hub TO " + who, {}, deadline);
        c.exec("GRANT SELECT ON kiosk_hub.events TO " + who, {}, deadline);
        c.exec("GRANT SELECT, INSERT ON kiosk_hub.records, kiosk_hub.conflicts TO " + who, {},
               deadline);
        c.exec("GRANT SELECT, INSERT, UPDATE ON kiosk_hub.kiosks, kiosk_hub.presence, "
               "kiosk_hub.reference TO " +
                   who,
               {}, deadline);
        c.exec("GRANT USAGE ON SEQUENCE kiosk_hub.records_seq_seq, kiosk_hub.conflicts_id_seq TO " +
                   who,
               {}, deadline);
        c.exec("INSERT INTO kiosk_hub.event_roles(event_id, role_name, password) VALUES($1, $2, "
               "$3) ON CONFLICT(event_id) "
               "DO UPDATE SET role_name = excluded.role_name, password = excluded.password",
               {std::to_string(eventId), role.name, role.password}, deadline);
        tx.commit(deadline);
    } catch (const PgError& e) {
        if (refused(e)) return std::nullopt; // this user may not create roles: kiosks use its URL
        throw;
    }
    return role;
}

} // namespace kiosk::hub
