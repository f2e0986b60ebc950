#include "kiosk/services/fleet_conflicts.hpp"

#include "kiosk/store/delegate_repo.hpp"
#include "kiosk/store/fleet_repo.hpp"

namespace kiosk::services {

std::vector<ConflictRow> fleetConflicts(Session& session, const store::ExportFilter& filter) {
    std::vector<ConflictRow> out;
    for (const auto& c : store::conflicts(session.db())) {
        if (!filter.listId.empty() && c.listId != filter.listId) continue;
        if (filter.from && c.secondAt < *filter.from) continue;
        if (filter.to && c.secondAt >= *filter.to) continue;
        ConflictRow r;
        r.listId = c.listId;
        const auto* list = session.list(c.listId);
        r.listName = list ? list->name : c.listId;
        r.code = c.delegateCode;
        // A walk-in made on another machine may not have reached this one yet: keep the code.
        if (const auto d = store::findDelegateByCode(session.db(), c.delegateCode)) {
            r.name = d->name;
            r.unit = d->unit;
            r.categoryId = d->categoryId;
        }
        if (!filter.categoryId.empty() && r.categoryId != filter.categoryId) continue;
        r.firstKiosk = c.firstKiosk;
        r.secondKiosk = c.secondKiosk;
        r.firstAt = c.firstAt;
        r.secondAt = c.secondAt;
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace kiosk::services
