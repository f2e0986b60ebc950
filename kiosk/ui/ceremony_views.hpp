#pragma once
// The ceremony's screens: the MC console (role mc) and the stage display (role stage).
// Each is a function of (CeremonyModel, UI-only state) that returns what the user asked for;
// the View classes own the ProgramRunner and apply those intents through it.
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "kiosk/core/run_of_show.hpp"
#include "kiosk/services/program_runner.hpp"
#include "kiosk/ui/view.hpp"

namespace kiosk::ui {

/// The ceremony screens' clock: the wall clock, or (demos, end-to-end tests) a clock that starts
/// at $KIOSK_CLOCK_START (ISO 8601) when the process starts and runs $KIOSK_TIME_SCALE times faster.
class CeremonyClock {
public:
    /// Reads the environment once.
    CeremonyClock();
    core::Millis now(core::Millis wall);
    double scale() const { return m_scale; }

private:
    double m_scale = 1.0;
    std::optional<core::Millis> m_start;
    core::Millis m_wallAnchor = 0;
};

/// What the MC asked for during one frame.
struct McIntent {
    std::optional<core::ActionType> step;
    std::optional<bool> blackout;
    std::optional<bool> countdown;
    std::optional<std::string> message;                 ///< "" clears the stage message
    std::optional<bool> pin;                            ///< keep the message through item changes
    std::optional<std::pair<std::string, bool>> award;  ///< award id, handed
    bool reopenIntro = false;                           ///< "nobody is new any more"
    std::optional<core::Millis> adjust;                 ///< correct the item's clock by this much (MC moved on late/early)
};

/// The MC screen's own state (never stored).
struct McUiState {
    char message[160] = {};
    int seenEdits = 0;            ///< the model's programEdits when last looked at
    core::Millis editedAt = 0;    ///< when the MC screen noticed the organizers' last edit (wall clock)
};

/// Draws the MC console for the model at model.show.now; returns the MC's intents.
McIntent drawMc(ViewContext& ctx, const services::CeremonyModel& model, McUiState& ui);
/// Draws the stage display; returns the pixel size of the item's title (0 when there is none).
float drawStage(ViewContext& ctx, const services::CeremonyModel& model);

/// The views the role registry installs. They open the event database at ctx.snap.dbPath
/// (or $KIOSK_DB / var/event.db) on their own connection.
std::unique_ptr<View> makeMcView();
std::unique_ptr<View> makeStageView();

} // namespace kiosk::ui
