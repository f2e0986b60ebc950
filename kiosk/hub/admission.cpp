#include "kiosk/core/json.hpp"
#include "kiosk/hub/hub.hpp"

namespace kiosk::hub {

Admission::Admission(PgConn& c, const Membership& m, const std::string& listId,
                     const std::string& code, Clock::time_point deadline)
    : m_c(c), m_m(m), m_list(listId), m_code(code), m_deadline(deadline), m_tx(c, deadline) {
    const std::string ev = std::to_string(m.eventId);
    // The row must exist before it can be locked: two gates inserting it at once meet on the key.
    c.exec("INSERT INTO kiosk_hub.presence(event_id, list_id, delegate_code) VALUES($1, $2, $3) ON "
           "CONFLICT DO NOTHING",
           {ev, listId, code}, deadline);
    auto r =
        c.exec("SELECT p.entered, p.inside, coalesce(p.first_at, 0), coalesce(p.first_kiosk, ''), "
               "coalesce((SELECT revoked FROM kiosk_hub.reference WHERE event_id = $1 AND kind = "
               "'delegates' AND key = $3), false) "
               "FROM kiosk_hub.presence p WHERE p.event_id = $1 AND p.list_id = $2 AND "
               "p.delegate_code = $3 FOR UPDATE",
               {ev, listId, code}, deadline);
    entered = r.boolean(0, 0);
    inside = r.boolean(0, 1);
    firstAt = r.integer(0, 2);
    firstKiosk = r.text(0, 3);
    revoked = r.boolean(0, 4);
}

namespace {

std::string scanBody(const store::ScanRecord& s, const std::string& code) {
    core::JsonWriter w;
    w.beginObject()
        .field("at", s.at)
        .field("kiosk", s.kiosk)
        .field("list_id", s.listId)
        .field("direction", s.direction);
    w.field("text", s.text)
        .field("status", s.status)
        .field("reason", s.reason)
        .field("forced", s.forced ? 1 : 0);
    w.field("force_reason", s.forceReason)
        .field("source", s.source)
        .field("delegate_code", code)
        .endObject();
    return w.str();
}

std::string checkinBody(const store::CheckinRecord& c, const std::string& code) {
    core::JsonWriter w;
    w.beginObject()
        .field("list_id", c.listId)
        .field("direction", c.direction)
        .field("at", c.at)
        .field("kiosk", c.kiosk);
    w.field("forced", c.forced ? 1 : 0)
        .field("overridden", c.overridden)
        .field("force_reason", c.forceReason);
    w.field("scan_uuid", c.scanUuid).field("delegate_code", code).endObject();
    return w.str();
}

} // namespace

void Admission::commit(const store::ScanRecord& scan, const store::CheckinRecord* checkin) {
    const std::string ev = std::to_string(m_m.eventId);
    std::string array =
        "[" + recordJson("scan", scan.uuid, scan.kiosk, scan.at, false, scanBody(scan, m_code));
    if (checkin) {
        const bool entry = checkin->direction == "entry";
        m_c.exec("UPDATE kiosk_hub.presence SET inside = $4, last_at = $5::bigint, "
                 "first_at = CASE WHEN entered OR NOT $4 THEN first_at ELSE $5::bigint END, "
                 "first_kiosk = CASE WHEN entered OR NOT $4 THEN first_kiosk ELSE $6 END, "
                 "first_uuid = CASE WHEN entered OR NOT $4 THEN first_uuid ELSE $7::uuid END, "
                 "entered = entered OR $4 "
                 "WHERE event_id = $1 AND list_id = $2 AND delegate_code = $3",
                 {ev, m_list, m_code, entry ? "true" : "false", std::to_string(checkin->at),
                  checkin->kiosk, checkin->uuid},
                 m_deadline);
        array += "," + recordJson("checkin", checkin->uuid, checkin->kiosk, checkin->at, false,
                                  checkinBody(*checkin, m_code));
    }
    insertRecords(m_c, m_m, array + "]", m_deadline);
    m_tx.commit(m_deadline);
}

} // namespace kiosk::hub
