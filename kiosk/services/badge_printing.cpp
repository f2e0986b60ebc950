#include "kiosk/services/badge_printing.hpp"

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/text.hpp"
#include "kiosk/services/delegate_directory.hpp"
#include "kiosk/store/delegate_repo.hpp"

namespace kiosk::services {

std::vector<std::string> badgeEventLines(const core::Event& event) {
    const auto& b = event.bannerLines;
    if (b.size() < 3) return b.empty() ? std::vector<std::string>{event.unit, event.name} : b;
    // Banner: unit / NGÀY HỘI / TOÀN DÂN ... NĂM 2023 / place and date. The middle lines make one title.
    std::string title;
    for (size_t i = 1; i + 1 < b.size(); ++i) title += (title.empty() ? "" : " ") + b[i];
    return {b.front(), title};
}

std::optional<paper::BadgeSheet> buildBadgeSheet(Session& session, const BadgeSelection& selection, std::string& error) {
    if (!selection.categoryId.empty() && !session.category(selection.categoryId)) {
        error = core::trf("delegates.unknown_category", {{"value", selection.categoryId}});
        return std::nullopt;
    }
    std::vector<core::Delegate> chosen;
    if (!selection.codes.empty()) {
        for (const auto& raw : selection.codes) {
            const auto d = store::findDelegateByCode(session.db(), core::asciiUpper(raw));
            if (!d) {
                error = core::trf("delegates.not_found", {{"code", raw}});
                return std::nullopt;
            }
            if (d->revoked) {
                error = core::trf("export.badge_revoked", {{"code", d->code}});
                return std::nullopt;
            }
            if (selection.categoryId.empty() || d->categoryId == selection.categoryId) chosen.push_back(*d);
        }
    } else {
        for (auto& d : store::allDelegates(session.db()))
            if (!d.revoked && (selection.categoryId.empty() || d.categoryId == selection.categoryId)) chosen.push_back(std::move(d));
    }

    DelegateDirectory directory(session);
    paper::BadgeSheet sheet;
    sheet.eventLines = badgeEventLines(session.event());
    for (const auto& d : chosen) {
        const auto* cat = session.category(d.categoryId);
        sheet.badges.push_back({d.name, d.title, d.unit, d.seat, cat ? cat->name : d.categoryId,
                                cat ? cat->color : std::string("#888888"), directory.badgeText(d)});
    }
    return sheet;
}

} // namespace kiosk::services
