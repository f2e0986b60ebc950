#include "kiosk/services/failure.hpp"

#include "kiosk/core/i18n.hpp"

namespace kiosk::services {

std::string describeDbError(const std::exception& e) {
    const auto* db = dynamic_cast<const store::DbError*>(&e);
    if (!db) return e.what();
    if (db->busy()) return core::tr("gui.gate.db_busy");
    if (db->diskProblem()) return core::tr("gui.gate.disk_full");
    if (db->cannotOpen()) return core::trf("gui.gate.db_missing", {{"detail", e.what()}});
    return core::trf("gui.gate.db_error", {{"detail", e.what()}});
}

} // namespace kiosk::services
