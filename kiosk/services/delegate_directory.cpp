#include "kiosk/services/delegate_directory.hpp"

#include "kiosk/core/badge.hpp"
#include "kiosk/core/text.hpp"
#include "kiosk/core/time.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "kiosk/store/event_repo.hpp"
#include "kiosk/store/fleet_repo.hpp"

namespace kiosk::services {

void DelegateDirectory::ensureIndex() {
    store::Database& db = m_session.db();
    const auto revision = store::delegatesRevision(db);
    if (revision == m_indexRevision) return;
    std::vector<core::SearchDoc> docs;
    auto st = db.prepare("SELECT id, name, unit, code FROM delegates");
    while (st.step()) docs.push_back(core::SearchDoc{st.getInt(0), st.getText(1), st.getText(2), st.getText(3)});
    m_index.build(docs);
    m_indexRevision = revision;
}

std::vector<core::Delegate> DelegateDirectory::search(const std::string& query, size_t limit) {
    ensureIndex();
    std::vector<core::Delegate> out;
    for (const auto& hit : m_index.search(query, limit))
        if (auto d = store::findDelegateById(m_session.db(), hit.id)) out.push_back(std::move(*d));
    return out;
}

std::optional<core::Delegate> DelegateDirectory::addWalkIn(const WalkIn& w, DirectoryError& error) {
    error = DirectoryError::None;
    if (w.name.empty()) {
        error = DirectoryError::MissingName;
        return std::nullopt;
    }
    const core::Category* category = core::findCategory(m_session.categories(), w.categoryId);
    if (!category) {
        error = DirectoryError::UnknownCategory;
        return std::nullopt;
    }
    store::Database& db = m_session.db();
    store::Transaction tx(db);
    core::Delegate d;
    d.code = store::nextDelegateCode(db, store::walkInPrefix(db));
    d.name = core::sanitizeText(w.name);
    d.title = core::sanitizeText(w.title);
    d.unit = core::sanitizeText(w.unit);
    d.categoryId = category->id;
    d.phone = core::sanitizeText(w.phone);
    d.rank = category->rank * 100 + 99;
    d.seat = core::sanitizeText(w.seat);
    d.walkIn = true;
    store::upsertDelegate(db, d, core::nowMillis());
    store::touchDelegates(db);
    store::audit(db, "desk", "delegates.walk_in", d.code + " " + d.name);
    auto saved = store::findDelegateByCode(db, d.code);
    tx.commit();
    return saved;
}

DirectoryError DelegateDirectory::revoke(const std::string& code) {
    store::Database& db = m_session.db();
    store::Transaction tx(db);
    const auto d = store::findDelegateByCode(db, code);
    if (!d) return DirectoryError::NotFound;
    store::setRevoked(db, d->id, true, core::nowMillis());
    store::audit(db, "desk", "delegates.revoke", d->code);
    tx.commit();
    return DirectoryError::None;
}

std::optional<std::string> DelegateDirectory::reissue(const std::string& code, DirectoryError& error) {
    store::Database& db = m_session.db();
    store::Transaction tx(db);
    auto d = store::findDelegateByCode(db, code);
    if (!d) {
        error = DirectoryError::NotFound;
        return std::nullopt;
    }
    d->badgeSerial = store::bumpBadgeSerial(db, d->id, core::nowMillis());
    d->revoked = false;
    store::audit(db, "desk", "delegates.reissue", d->code + " serial " + std::to_string(d->badgeSerial));
    tx.commit();
    error = DirectoryError::None;
    return badgeText(*d);
}

std::string DelegateDirectory::badgeText(const core::Delegate& d) const {
    return core::makeBadgeText(m_session.badgeKey(), m_session.event().prefix, d.code, d.badgeSerial);
}

} // namespace kiosk::services
