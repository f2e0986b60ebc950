#include "kiosk/services/awaited.hpp"

#include <algorithm>
#include <map>

#include "kiosk/core/limits.hpp"
#include "kiosk/core/text.hpp"
#include "kiosk/store/ceremony_repo.hpp"
#include "kiosk/store/checkin_repo.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "kiosk/store/event_repo.hpp"
#include "kiosk/services/program_runner.hpp"

namespace kiosk::services {

namespace {

core::Millis plannedStartOf(store::Database& db) {
    try {
        return plannedCeremonyStart(db, store::loadEvent(db));
    } catch (const store::DbError&) {
        return 0; // no event loaded: no planned start to show
    }
}

ApologyError record(store::Database& db, const std::string& code, const std::string& reason, bool withdrawn,
                    const std::string& kiosk, core::Millis now) {
    const std::string clean = core::sanitizeText(core::trim(reason));
    if (!withdrawn && clean.empty()) return ApologyError::MissingReason;
    if (core::lengthProblem(core::TextField::Reason, core::trim(reason))) return ApologyError::TooLong;
    store::Transaction tx(db);
    const auto d = store::findDelegateByCode(db, core::asciiUpper(std::string(core::trim(code))));
    if (!d) return ApologyError::NotFound;
    store::appendApology(db, d->id, clean, withdrawn, kiosk, now);
    store::audit(db, kiosk, withdrawn ? "delegates.apology_withdrawn" : "delegates.apologise", d->code + ": " + clean);
    tx.commit();
    return ApologyError::None;
}

} // namespace

AwaitedList awaitedDelegates(store::Database& db) {
    AwaitedList out;
    out.listId = store::getSetting(db, kSettingList).value_or("le");
    out.plannedStart = plannedStartOf(db);
    std::map<std::string, core::Category> categories;
    for (auto& c : store::loadCategories(db)) categories.emplace(c.id, c);
    const auto apologies = store::latestApologies(db);
    for (std::int64_t id : store::delegatesToIntroduce(db)) {
        ++out.expected;
        if (store::listState(db, id, out.listId).everEntered) {
            ++out.arrived;
            continue;
        }
        auto d = store::findDelegateById(db, id);
        if (!d) continue;
        AwaitedDelegate a;
        a.delegate = std::move(*d);
        if (auto it = categories.find(a.delegate.categoryId); it != categories.end()) {
            a.categoryName = it->second.name;
            a.categoryRank = it->second.rank;
        }
        if (auto it = apologies.find(id); it != apologies.end() && it->second.active) {
            a.apologised = true;
            a.apologyReason = it->second.reason;
            a.apologyKiosk = it->second.kiosk;
            a.apologisedAt = it->second.at;
            ++out.apologised;
        }
        out.missing.push_back(std::move(a));
    }
    std::sort(out.missing.begin(), out.missing.end(), [](const AwaitedDelegate& a, const AwaitedDelegate& b) {
        return core::protocolBefore(a.categoryRank, a.delegate, b.categoryRank, b.delegate);
    });
    return out;
}

ApologyError apologise(store::Database& db, const std::string& code, const std::string& reason,
                       const std::string& kiosk, core::Millis now) {
    return record(db, code, reason, false, kiosk, now);
}

ApologyError withdrawApology(store::Database& db, const std::string& code, const std::string& kiosk, core::Millis now) {
    return record(db, code, "", true, kiosk, now);
}

std::unordered_map<std::int64_t, store::Apology> activeApologies(store::Database& db) {
    auto all = store::latestApologies(db);
    std::erase_if(all, [](const auto& kv) { return !kv.second.active; });
    return all;
}

} // namespace kiosk::services
