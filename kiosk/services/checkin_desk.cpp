#include "kiosk/services/checkin_desk.hpp"

#include <algorithm>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/text.hpp"
#include "kiosk/core/uuid.hpp"
#include "kiosk/store/checkin_repo.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "kiosk/store/fleet_repo.hpp"
#include "kiosk/services/fleet_sync.hpp"

namespace kiosk::services {

namespace {

bool admits(const core::CheckinList& list, const std::string& category) {
    return list.categories.empty() || std::find(list.categories.begin(), list.categories.end(), category) != list.categories.end();
}

} // namespace

ScanOutcome CheckinDesk::scan(const ScanRequest& request) {
    core::CheckinFacts facts;
    facts.badge = core::parseBadge(core::cleanScan(request.text));
    // Cut to the journal's size, then made whole again: the cut may fall inside a character.
    const std::string journalText = core::sanitizeText(std::string_view(facts.badge.text).substr(0, 512));
    const core::Event& event = m_session.event();
    facts.plainCodesAllowed = event.acceptPlainCodes;
    if (facts.badge.kind == core::ParsedBadge::Kind::Signed) {
        facts.prefixMatches = facts.badge.prefix == core::asciiUpper(event.prefix);
        facts.signatureValid = facts.prefixMatches && core::verifyBadge(m_session.badgeKey(), facts.badge);
        if (facts.signatureValid) facts.delegate = store::findDelegateByCode(m_session.db(), facts.badge.code);
    } else if (facts.badge.kind == core::ParsedBadge::Kind::Plain && facts.plainCodesAllowed) {
        facts.delegate = store::findDelegateByExternalCode(m_session.db(), facts.badge.text);
    }
    return decideAndRecord(std::move(facts), request, journalText);
}

ScanOutcome CheckinDesk::admitByCode(const std::string& code, const ScanRequest& request) {
    core::CheckinFacts facts;
    facts.delegate = store::findDelegateByCode(m_session.db(), code);
    facts.badge.text = code;
    if (facts.delegate) {
        // The person is in front of the operator: the badge checks do not apply.
        facts.badge.kind = core::ParsedBadge::Kind::Signed;
        facts.badge.serial = facts.delegate->badgeSerial;
        facts.prefixMatches = true;
        facts.signatureValid = true;
    } else {
        facts.badge.kind = core::ParsedBadge::Kind::Plain;
        facts.plainCodesAllowed = true;
    }
    ScanRequest manual = request;
    if (manual.source == "cli") manual.source = "manual";
    return decideAndRecord(std::move(facts), manual, code);
}

ScanOutcome CheckinDesk::decideAndRecord(core::CheckinFacts facts, const ScanRequest& request, const std::string& journalText) {
    store::Database& db = m_session.db();
    ScanOutcome out;
    out.at = request.at.value_or(core::nowMillis());
    facts.now = out.at;
    facts.direction = request.direction;
    facts.force = request.force;

    const core::CheckinList* list = m_session.list(request.listId);
    // The write lock is taken before the facts are read, so two kiosks never admit on stale state.
    store::Transaction tx(db);
    facts.lastSameScanAtThisKiosk = store::lastScanAt(db, request.kiosk, journalText);
    if (list) {
        facts.reentryAllowed = list->reentry;
        facts.windowKnown = core::listWindow(m_session.event(), *list, facts.window);
    }
    if (facts.delegate) {
        // Re-read inside the transaction: another kiosk may have revoked or reissued meanwhile.
        facts.delegate = store::findDelegateById(db, facts.delegate->id);
    }
    if (facts.delegate) {
        facts.categoryAdmitted = list && admits(*list, facts.delegate->categoryId);
        facts.state = store::listState(db, facts.delegate->id, request.listId);
    }
    // Joined to a hub: the hub's state of this delegate on this list decides, under its row lock.
    std::unique_ptr<hub::Admission> admission;
    const core::ListState localState = facts.state;
    if (m_fleet) {
        if (facts.delegate) admission = hubAdmission(db, request.listId, facts.delegate->code);
        out.offline = !admission && !m_fleet->link().connected();
        if (admission) {
            facts.state.everEntered = admission->entered;
            facts.state.inside = admission->inside;
            facts.state.firstEntryAt = admission->firstAt;
            facts.state.firstEntryKiosk = admission->firstKiosk;
            if (admission->revoked) facts.delegate->revoked = true;
        }
    }
    out.decision = core::decide(facts);
    out.delegate = facts.delegate;
    out.state = facts.state;
    out.windowKnown = facts.windowKnown;
    out.window = facts.window;
    if (out.delegate)
        if (const auto* c = m_session.category(out.delegate->categoryId)) out.categoryName = c->name;

    if (out.decision.status == core::Status::Ignored) {
        describe(m_session, out);
        return out; // nothing recorded twice
    }

    store::ScanRecord scan;
    store::CheckinRecord rec;
    fillRecords(out, request, journalText, scan, rec);
    if (admission) {
        try {
            admission->commit(scan, out.decision.status == core::Status::Accepted ? &rec : nullptr);
        } catch (const hub::PgError&) {
            // The hub went away mid-decision: decide again alone (same uuids, so if the hub did
            // commit after all, the pull finds the record already here).
            admission.reset();
            m_fleet->link().lost(db);
            out.offline = true;
            facts.state = localState;
            out.decision = core::decide(facts);
            out.state = facts.state;
            fillRecords(out, request, journalText, scan, rec);
        }
    }
    store::insertScan(db, scan);
    if (out.offline) store::markOffline(db, scan.uuid, out.at);
    if (out.decision.status == core::Status::Accepted) {
        store::insertCheckin(db, rec);
        out.checkinId = db.lastInsertId();
        out.checkinUuid = rec.uuid;
        if (out.offline) store::markOffline(db, rec.uuid, out.at);
    }
    tx.commit();
    describe(m_session, out);
    return out;
}

std::unique_ptr<hub::Admission> CheckinDesk::hubAdmission(store::Database& db, const std::string& listId, const std::string& code) {
    const auto start = hub::Clock::now();
    hub::PgConn* c = m_fleet->link().connection(db);
    if (!c) return nullptr;
    try {
        return std::make_unique<hub::Admission>(*c, m_fleet->membership(), listId, code,
                                                start + std::chrono::milliseconds(m_fleet->membership().budgetMs));
    } catch (const hub::PgError&) {
        m_fleet->link().lost(db);
        return nullptr;
    }
}

void CheckinDesk::fillRecords(const ScanOutcome& out, const ScanRequest& request, const std::string& journalText, store::ScanRecord& scan,
                              store::CheckinRecord& rec) {
    if (scan.uuid.empty()) scan.uuid = core::newUuid();
    scan.at = out.at;
    scan.kiosk = core::sanitizeText(request.kiosk); // typed names and reasons are outside text too
    scan.listId = request.listId;
    scan.direction = std::string(core::directionName(request.direction));
    scan.text = journalText;
    scan.status = std::string(core::statusName(out.decision.status));
    scan.reason = std::string(core::reasonName(out.decision.reason));
    if (out.delegate) scan.delegateId = out.delegate->id;
    scan.forced = out.decision.forced;
    scan.forceReason = core::sanitizeText(request.forceReason);
    scan.source = request.source;
    if (out.decision.status != core::Status::Accepted) return;
    if (rec.uuid.empty()) rec.uuid = core::newUuid();
    rec.delegateId = out.delegate->id;
    rec.listId = request.listId;
    rec.direction = scan.direction;
    rec.at = out.at;
    rec.kiosk = scan.kiosk;
    rec.forced = out.decision.forced;
    rec.overridden = out.decision.forced ? std::string(core::reasonName(out.decision.overridden)) : "";
    rec.forceReason = scan.forceReason;
    rec.scanUuid = scan.uuid;
}

void CheckinDesk::describe(const Session& session, ScanOutcome& out) {
    const int offset = session.event().utcOffsetMin;
    const std::string reason(core::reasonName(out.decision.reason));
    std::vector<std::pair<std::string, std::string>> values;
    if (out.delegate) {
        values.emplace_back("name", out.delegate->name);
        values.emplace_back("seat", out.delegate->seat);
    }
    if (out.state.everEntered) {
        values.emplace_back("time", core::formatClock(out.state.firstEntryAt, offset));
        values.emplace_back("kiosk", out.state.firstEntryKiosk);
    }
    if (out.windowKnown) {
        values.emplace_back("opens", core::formatClock(out.window.opensWithTolerance, offset));
        values.emplace_back("closes", core::formatClock(out.window.closesWithTolerance, offset));
    }
    std::string key = "checkin.reason." + reason;
    if (out.decision.reason == core::Reason::OutsideWindow && out.windowKnown && out.at > out.window.closesWithTolerance)
        key = "checkin.reason.outside_window_closed";
    out.message = core::trf(key, values);
    if (out.decision.forced)
        out.message = core::trf("checkin.forced", {{"reason", core::tr("checkin.reason_short." + std::string(core::reasonName(out.decision.overridden)))}}) +
                      " " + out.message;
    out.hint = out.decision.status == core::Status::Refused ? core::trf("checkin.hint." + reason, values) : "";
}

} // namespace kiosk::services
