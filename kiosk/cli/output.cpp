#include "kiosk/cli/output.hpp"

#include "kiosk/core/time.hpp"

namespace kiosk::cli {

void writeDelegate(core::JsonWriter& w, const services::Session& session, const core::Delegate& d) {
    w.beginObject().field("code", d.code).field("name", d.name).field("title", d.title).field("unit", d.unit);
    w.field("category", d.categoryId).field("seat", d.seat).endObject();
}

void writeOutcome(core::JsonWriter& w, const services::Session& session, const services::ScanOutcome& o) {
    const int offset = session.event().utcOffsetMin;
    w.beginObject();
    w.field("status", std::string(core::statusName(o.decision.status)));
    w.field("reason", std::string(core::reasonName(o.decision.reason)));
    w.field("message", o.message);
    w.key("delegate");
    if (o.delegate) writeDelegate(w, session, *o.delegate);
    else w.null();
    w.key("first_checkin");
    if (o.state.everEntered)
        w.beginObject().field("at", core::formatIso(o.state.firstEntryAt, offset)).field("kiosk", o.state.firstEntryKiosk).endObject();
    else w.null();
    w.key("checkin_id");
    if (!o.checkinUuid.empty()) w.value(o.checkinUuid);
    else w.null();
    w.field("forced", o.decision.forced);
    w.field("offline", o.offline);
    w.field("at", core::formatIso(o.at, offset));
    if (!o.hint.empty()) w.field("hint", o.hint);
    w.endObject();
}

} // namespace kiosk::cli
