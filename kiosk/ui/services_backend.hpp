#pragma once
// The Backend the real program uses: kiosk/services on the event database (Session, EventFeed,
// CheckinDesk, DelegateDirectory). Database failures become values the screens show. It runs no
// SQL itself: every read and write goes through a service.
#include <memory>
#include <string>

#include "kiosk/services/checkin_desk.hpp"
#include "kiosk/services/delegate_directory.hpp"
#include "kiosk/services/event_feed.hpp"
#include "kiosk/services/fleet_sync.hpp"
#include "kiosk/services/session.hpp"
#include "kiosk/ui/model.hpp"
#include "kiosk/ui/paper_jobs.hpp"

namespace kiosk::ui {

class ServicesBackend final : public Backend {
public:
    /// Takes an open session; reads the first snapshot at once.
    explicit ServicesBackend(std::unique_ptr<services::Session> session);

    bool refresh(core::Millis now) override;
    const Snapshot& snapshot() const override { return m_snap; }
    ScanOutcome scan(const ScanRequest& request, core::Millis now) override;
    std::vector<core::Delegate> search(std::string_view query, size_t limit) override;
    ActionResult walkIn(const WalkIn& person, core::Millis now) override;
    ActionResult revoke(const std::string& code, core::Millis now) override;
    ActionResult reissue(const std::string& code, core::Millis now) override;
    ActionResult printBadge(const std::string& code) override;
    ActionResult exportAttendance(const std::string& path) override;
    std::vector<services::PrinterInfo> printers(bool refresh) override;
    void usePrinter(std::optional<std::string> printer) override;
    bool checkPin(std::string_view pin) override;
    std::optional<PinAnswer> tryPin(std::string_view pin, const std::string& kiosk, core::Millis now) override;
    std::string kioskName() override;
    ActionResult apologise(const std::string& code, const std::string& reason, const std::string& kiosk,
                           core::Millis now) override;
    ActionResult setKioskName(const std::string& name) override;
    void heartbeat(const std::string& kiosk, const std::string& role, const std::string& info, core::Millis now) override;

    services::Session& session() { return *m_session; }

private:
    void reload();
    std::unique_ptr<services::Session> m_session;
    services::EventFeed m_feed; ///< reads the snapshot; keeps checkpoints out of the gate's commits
    services::CheckinDesk m_desk;
    services::DelegateDirectory m_directory;
    Snapshot m_snap;
    bool m_dirty = true; ///< this process wrote: data_version only reports other connections
    std::vector<services::PrinterInfo> m_printers;
    bool m_printersAsked = false;
    std::unique_ptr<services::Fleet> m_fleet;              ///< null unless the database joined a hub
    std::unique_ptr<services::FleetSyncThread> m_fleetSync; ///< push, pull and probe in the background
    std::unique_ptr<PaperJobs> m_jobs; // last, so it goes first: a running job is waited for
};

} // namespace kiosk::ui
