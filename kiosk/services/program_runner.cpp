#include "kiosk/services/program_runner.hpp"

#include <algorithm>
#include <map>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/limits.hpp"
#include "kiosk/store/checkin_repo.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "kiosk/store/event_repo.hpp"

namespace kiosk::services {

const core::ProgramItem* CeremonyModel::current() const {
    return show.current >= 0 ? &items[static_cast<std::size_t>(show.current)] : nullptr;
}

const core::ProgramItem* CeremonyModel::next() const {
    return show.next >= 0 ? &items[static_cast<std::size_t>(show.next)] : nullptr;
}

ProgramRunner::ProgramRunner(store::Database& db, std::string kiosk) : m_db(db), m_kiosk(std::move(kiosk)) {}

core::Millis plannedCeremonyStart(store::Database& db, const core::Event& event) {
    const auto day = core::parseDate(event.date);
    const auto hhmm = store::getSetting(db, kSettingStart);
    const auto minute = hhmm ? core::parseHourMinute(*hhmm) : std::nullopt;
    if (!day || !minute) return 0;
    return core::localToMillis(*day, *minute, event.utcOffsetMin);
}

core::Millis ProgramRunner::plannedStart() { return m_model.hasEvent ? plannedCeremonyStart(m_db, m_model.event) : 0; }

bool ProgramRunner::refresh() {
    const auto stamp = store::changeStamp(m_db);
    if (!m_dirty && stamp == m_stamp) return false;
    m_stamp = stamp;
    m_dirty = false;
    reload();
    return true;
}

void ProgramRunner::reload() {
    CeremonyModel& m = m_model;
    try {
        m.event = store::loadEvent(m_db);
        m.hasEvent = true;
    } catch (const store::DbError&) {
        m.hasEvent = false; // a database without an event still runs a program (tests, demos)
    }
    m.listId = store::getSetting(m_db, kSettingList).value_or("le");
    m_engine.emplace(store::loadProgram(m_db), plannedStart());
    m_engine->replay(store::loadShowActions(m_db));
    if (m_loaded && m_engine->items() != m.items) ++m.programEdits; // organizers edited it meanwhile
    m.items = m_engine->items();
    m_loaded = true;
    m_stage = store::loadStageState(m_db);
    m.stage = m_stage;

    // Until the MC opens the list, "new" means arrived after the introduction began.
    if (!m_introSinceSet) {
        m.introSince = 0;
        const auto snap = m_engine->snapshot(0);
        for (std::size_t i = 0; i < m.items.size(); ++i)
            if (m.items[i].kind == "intro" && snap.timeline[i].actualStart) m.introSince = *snap.timeline[i].actualStart;
    }

    std::map<std::string, core::Category> categories;
    for (auto& c : store::loadCategories(m_db)) categories.emplace(c.id, c);
    m.intro.clear();
    for (std::int64_t id : store::delegatesToIntroduce(m_db)) {
        const auto state = store::listState(m_db, id, m.listId);
        if (!state.inside) continue;
        auto d = store::findDelegateById(m_db, id);
        if (!d) continue;
        IntroEntry e;
        e.delegate = std::move(*d);
        if (auto it = categories.find(e.delegate.categoryId); it != categories.end()) {
            e.categoryName = it->second.name;
            e.categoryRank = it->second.rank;
        }
        e.arrivedAt = state.firstEntryAt;
        e.isNew = m.introSince != 0 && e.arrivedAt > m.introSince;
        m.intro.push_back(std::move(e));
    }
    std::sort(m.intro.begin(), m.intro.end(), [](const IntroEntry& a, const IntroEntry& b) {
        return core::protocolBefore(a.categoryRank, a.delegate, b.categoryRank, b.delegate);
    });

    m.awaited = awaitedDelegates(m_db);

    m.awards.clear();
    for (auto& a : store::loadAwards(m_db)) {
        AwardEntry e;
        if (!a.delegateCode.empty()) {
            if (auto d = store::findDelegateByCode(m_db, a.delegateCode)) {
                e.recipientIsDelegate = true;
                e.recipientPresent = store::listState(m_db, d->id, m.listId).inside;
            }
        }
        if (a.kind == "collective") {
            // Who can go up for the unit: its delegates who are in the hall now.
            for (const auto& [id, name] :
                 store::delegatesOfUnit(m_db, a.unit.empty() ? a.recipient : a.unit)) {
                ++e.unitDelegates;
                if (store::listState(m_db, id, m.listId).inside) e.unitPresent.push_back(name);
            }
        }
        e.award = std::move(a);
        m.awards.push_back(std::move(e));
    }
}

const CeremonyModel& ProgramRunner::model(core::Millis now) {
    if (!m_engine) refresh();
    m_model.show = m_engine->snapshot(now);
    m_model.stage.message = stageMessageShown(m_model.show, m_stage);
    return m_model;
}

std::string stageMessageShown(const core::ShowSnapshot& show, const store::StageState& stage) {
    if (stage.message.empty() || stage.pinned) return stage.message;
    // A message belongs to the item it was sent during: once another item (or the closing) is on
    // stage it is out of date. The MC pins the ones meant to stay.
    core::Millis itemSince = 0;
    if (show.current >= 0)
        itemSince = show.timeline[static_cast<std::size_t>(show.current)].lastStart.value_or(0);
    else if (show.finishedAt)
        itemSince = *show.finishedAt;
    return stage.messageAt >= itemSince ? stage.message : std::string();
}

void ProgramRunner::pinMessage(bool pinned, core::Millis now) {
    store::pinStageMessage(m_db, pinned, now);
    m_dirty = true;
    refresh();
}

std::optional<core::ShowAction> ProgramRunner::act(core::ActionType type, core::Millis now, std::string_view item,
                                                   std::int64_t value) {
    // Resolve against the log as it is inside the write lock, so two consoles pressing Next at
    // the same moment make two steps on the same truth rather than one on a stale copy.
    store::Transaction tx(m_db);
    core::RunOfShow engine(store::loadProgram(m_db), plannedStart());
    engine.replay(store::loadShowActions(m_db));
    auto action = engine.resolve(type, now, item, value);
    if (!action) return std::nullopt;
    action->seq = store::appendShowAction(m_db, *action, m_kiosk);
    tx.commit();
    m_dirty = true;
    refresh();
    return action;
}

void ProgramRunner::setBlackout(bool on, core::Millis now) {
    store::setBlackout(m_db, on, now);
    m_dirty = true;
    refresh();
}

void ProgramRunner::setCountdown(bool on, core::Millis now) {
    store::setCountdown(m_db, on, now);
    m_dirty = true;
    refresh();
}

std::optional<std::string> ProgramRunner::message(const std::string& text, core::Millis now) {
    if (auto tooLong = core::lengthProblem(core::TextField::Message, text)) return tooLong;
    store::Transaction tx(m_db);
    store::postStageMessage(m_db, text, now, m_kiosk);
    tx.commit();
    m_dirty = true;
    refresh();
    return std::nullopt;
}

bool ProgramRunner::markAwardHanded(const std::string& awardId, bool handed, core::Millis now) {
    const bool ok = store::setAwardHanded(m_db, awardId, handed ? std::optional<core::Millis>(now) : std::nullopt);
    m_dirty = true;
    refresh();
    return ok;
}

void ProgramRunner::setIntroSince(core::Millis since) {
    m_introSinceSet = true;
    m_model.introSince = since;
    m_dirty = true;
    refresh();
}

namespace {

// "cap-tren: minutes 10 -> 12, script" for the audit log: the fields that changed (long texts by name).
std::string describeEdit(const core::ProgramItem& before, const core::ProgramItem& after) {
    std::string out = after.id + ":";
    auto field = [&](const char* name, const std::string& a, const std::string& b, bool showValues) {
        if (a == b) return;
        out += std::string(out.back() == ':' ? " " : ", ") + name;
        if (showValues) out += " " + a + " -> " + b;
    };
    field("title", before.title, after.title, true);
    field("minutes", std::to_string(before.plannedMin), std::to_string(after.plannedMin), true);
    field("warn_s", std::to_string(before.warnSec), std::to_string(after.warnSec), true);
    field("danger_s", std::to_string(before.dangerSec), std::to_string(after.dangerSec), true);
    field("optional", before.optional ? "1" : "0", after.optional ? "1" : "0", true);
    field("speaker", before.speaker, after.speaker, true);
    field("kind", before.kind, after.kind, true);
    field("script", before.script, after.script, false);
    return out;
}

// Renumbers 1..n so the stored order is exactly the list's (a pack may have used gaps or ties).
void saveOrder(store::Database& db, std::vector<core::ProgramItem>& items, core::Millis now) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        items[i].order = static_cast<int>(i + 1);
        store::updateProgramItem(db, items[i], now);
    }
}

} // namespace

std::vector<core::ItemProblem> ProgramRunner::updateItem(const core::ProgramItem& item, core::Millis now) {
    auto problems = core::checkProgramItem(item);
    if (!problems.empty()) return problems;
    store::Transaction tx(m_db);
    // The order is the list's own business (moveItem): keep the stored one, whatever the caller holds.
    const auto items = store::loadProgram(m_db);
    const auto it = std::find_if(items.begin(), items.end(), [&](const auto& i) { return i.id == item.id; });
    if (it == items.end()) return {{"id", core::trf("ceremony.edit.gone", {{"id", item.id}})}};
    core::ProgramItem saved = item;
    saved.order = it->order;
    store::updateProgramItem(m_db, saved, now);
    store::audit(m_db, m_kiosk, "program.edit", describeEdit(*it, saved));
    tx.commit();
    m_dirty = true;
    refresh();
    return {};
}


bool ProgramRunner::moveItem(const std::string& itemId, int delta, core::Millis now) {
    store::Transaction tx(m_db);
    auto items = store::loadProgram(m_db);
    auto it = std::find_if(items.begin(), items.end(), [&](const auto& i) { return i.id == itemId; });
    if (it == items.end()) return false;
    const auto from = it - items.begin();
    const auto to = from + delta;
    if (delta == 0 || to < 0 || to >= static_cast<std::ptrdiff_t>(items.size())) return false;
    auto moved = *it;
    items.erase(it);
    items.insert(items.begin() + to, std::move(moved));
    saveOrder(m_db, items, now);
    store::audit(m_db, m_kiosk, "program.move", itemId + " " + (delta > 0 ? "+" : "") + std::to_string(delta));
    tx.commit();
    m_dirty = true;
    refresh();
    return true;
}

std::string ProgramRunner::addItem(const std::string& afterId, core::Millis now) {
    store::Transaction tx(m_db);
    auto items = store::loadProgram(m_db);
    core::ProgramItem added;
    for (int n = static_cast<int>(items.size()) + 1;; ++n) {
        added.id = "muc-" + std::to_string(n);
        if (std::none_of(items.begin(), items.end(), [&](const auto& i) { return i.id == added.id; })) break;
    }
    added.title = core::tr("ceremony.edit.new_title");
    added.plannedMin = 5;
    auto after = std::find_if(items.begin(), items.end(), [&](const auto& i) { return i.id == afterId; });
    const auto at = after == items.end() ? items.end() : after + 1;
    const auto pos = at - items.begin();
    items.insert(at, added);
    // Insert it with its place, then renumber everything (updateProgramItem writes the rest).
    items[static_cast<std::size_t>(pos)].order = static_cast<int>(pos + 1);
    store::insertProgramItem(m_db, items[static_cast<std::size_t>(pos)], now);
    saveOrder(m_db, items, now);
    store::audit(m_db, m_kiosk, "program.add", added.id + " after " + (afterId.empty() ? "-" : afterId));
    tx.commit();
    m_dirty = true;
    refresh();
    return added.id;
}

bool ProgramRunner::setPlannedStart(const std::string& hhmm) {
    if (!core::parseHourMinute(hhmm)) return false;
    store::Transaction tx(m_db);
    store::setSetting(m_db, kSettingStart, hhmm);
    store::audit(m_db, m_kiosk, "program.start_time", hhmm);
    tx.commit();
    m_dirty = true;
    refresh();
    return true;
}

} // namespace kiosk::services
