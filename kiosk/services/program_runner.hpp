#pragma once
// The ceremony's use cases: run the program (start, next, previous, pause, skip, undo...), drive
// the stage (message, blackout, speaker countdown), the delegates to introduce and the awards,
// and the organizer's edits. Every step is committed before it is reported as done; the MC and
// stage screens and the CLI all go through here.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/award.hpp"
#include "kiosk/core/model.hpp"
#include "kiosk/core/run_of_show.hpp"
#include "kiosk/services/awaited.hpp"
#include "kiosk/store/ceremony_repo.hpp"
#include "kiosk/store/db.hpp"

namespace kiosk::services {

/// A delegate the MC should name, present on the ceremony's list.
struct IntroEntry {
    core::Delegate delegate;
    std::string categoryName;
    int categoryRank = 100;
    core::Millis arrivedAt = 0; ///< first entry on the ceremony's list
    bool isNew = false;         ///< arrived after the MC opened the list
};

/// An award with what the MC needs to call the recipient up.
struct AwardEntry {
    core::Award award;
    bool recipientIsDelegate = false;
    bool recipientPresent = false;
    /// A collective award: the unit's delegates on the list, and those of them present (names).
    int unitDelegates = 0;
    std::vector<std::string> unitPresent;
};

/// Everything the MC and stage screens draw; the show part is recomputed for each `now`.
struct CeremonyModel {
    bool hasEvent = false;
    core::Event event;
    std::string listId = "le";           ///< the check-in list the ceremony uses
    std::vector<core::ProgramItem> items; ///< in program order (same indexes as show.timeline)
    core::ShowSnapshot show;
    store::StageState stage;
    std::vector<IntroEntry> intro;        ///< protocol order: category rank, then delegate rank
    std::vector<AwardEntry> awards;
    core::Millis introSince = 0;
    AwaitedList awaited;                  ///< who the ceremony waits for and has not arrived (before the start)
    int programEdits = 0;                 ///< times the program changed since this runner first read it

    const core::ProgramItem* current() const;
    const core::ProgramItem* next() const;
};

/// The stage message as the screens show it: "" once the item it was sent during is over, unless
/// pinned.
std::string stageMessageShown(const core::ShowSnapshot& show, const store::StageState& stage);

/// Settings keys the ceremony keeps in the settings table.
inline constexpr const char* kSettingStart = "ceremony.start"; ///< "HH:MM" local on the event date
inline constexpr const char* kSettingList = "ceremony.list";   ///< check-in list id, default "le"

/// When the ceremony is planned to start (the ceremony.start setting on the event date); 0 when unset.
core::Millis plannedCeremonyStart(store::Database& db, const core::Event& event);

/// The program runner for one kiosk process (not thread-safe: one per UI thread or command).
class ProgramRunner {
public:
    ProgramRunner(store::Database& db, std::string kiosk);

    /// Rereads what changed since the last read (another process's commit or our own);
    /// returns true when something was reread.
    bool refresh();
    /// The model with the show computed at now (refresh() first to see other processes' work).
    const CeremonyModel& model(core::Millis now);

    /// Takes a step of the show: resolved against the newest log and committed in one
    /// transaction. nullopt when it does nothing in the current state (Next before Start...).
    std::optional<core::ShowAction> act(core::ActionType type, core::Millis now, std::string_view item = {},
                                        std::int64_t value = 0);

    void setBlackout(bool on, core::Millis now);
    void setCountdown(bool on, core::Millis now);
    /// Sends a short message to the stage; an empty text clears it. It leaves the stage when the
    /// item changes, unless pinned. A text over the message limit (core/limits.hpp) is refused:
    /// the localized reason is returned and nothing is stored or shown.
    std::optional<std::string> message(const std::string& text, core::Millis now);
    /// Keeps the message on stage through item changes (or lets it go with the next change).
    void pinMessage(bool pinned, core::Millis now);
    /// Ticks or unticks an award as handed; false when there is no such award.
    bool markAwardHanded(const std::string& awardId, bool handed, core::Millis now);

    /// Delegates who arrived after `since` are marked new (the MC opened the list then).
    void setIntroSince(core::Millis since);

    /// Organizer edits, each committed in one transaction.
    /// Saves an item's fields (its order is kept); the problems when it breaks a rule
    /// (core::checkProgramItem) or no longer exists, and then nothing changes.
    std::vector<core::ItemProblem> updateItem(const core::ProgramItem& item, core::Millis now);
    /// Moves an item delta places; false when it does not exist or would leave the program.
    bool moveItem(const std::string& itemId, int delta, core::Millis now);
    /// Adds a new untitled-looking item right after `afterId` (at the end when empty or unknown)
    /// and returns its id.
    std::string addItem(const std::string& afterId, core::Millis now);
    /// Sets the planned start ("HH:MM"); false when the text is not a time.
    bool setPlannedStart(const std::string& hhmm);

    /// The connection the runner works on (for the program's CSV export and import).
    store::Database& database() { return m_db; }

    /// When the ceremony is planned to start (0 when no event or no start time is set).
    core::Millis plannedStart();

private:
    void reload();

    store::Database& m_db;
    std::string m_kiosk;
    CeremonyModel m_model;
    store::StageState
        m_stage; ///< as stored; m_model.stage shows the message only while it is current
    std::optional<core::RunOfShow> m_engine;
    std::pair<std::int64_t, std::int64_t> m_stamp{-1, -1};
    bool m_dirty = true;
    bool m_introSinceSet = false;
    bool m_loaded = false;
};

} // namespace kiosk::services
