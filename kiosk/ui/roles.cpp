// The role table. Each role's screen lives in its own file; to plug a screen in, replace the
// placeholder factory on that role's line (one line per role, kept apart so branches merge cleanly).
#include "kiosk/ui/ceremony_views.hpp"
#include "kiosk/ui/festival_views.hpp"
#include "kiosk/ui/placeholder_view.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::ui {

void RoleRegistry::add(Role role) {
    for (auto& r : m_roles)
        if (r.id == role.id) {
            r = std::move(role);
            return;
        }
    m_roles.push_back(std::move(role));
}

const Role* RoleRegistry::find(const std::string& id) const {
    for (const auto& r : m_roles)
        if (r.id == id) return &r;
    return nullptr;
}

const RoleRegistry& RoleRegistry::builtin() {
    static const RoleRegistry registry = [] {
        RoleRegistry r;
        r.add({"checkin", "gui.role.checkin", makeGateView});

        r.add({"organizer", "gui.role.organizer", makeConsoleView});

        // ceremony: the MC's screen
        r.add({"mc", "gui.role.mc", makeMcView});

        // ceremony: the hall's projector
        r.add({"stage", "gui.role.stage", makeStageView});

        // festival: the quiz host
        r.add({"quiz", "gui.role.quiz", [] { return makeQuizView(); }});

        // festival: a judge's scoring screen
        r.add({"judge", "gui.role.judge", [] { return makeJudgeView(); }});
        return r;
    }();
    return registry;
}

} // namespace kiosk::ui
