#pragma once
// An in-memory Backend for the headless view tests and the GUI benchmark: the views are under
// test, not the check-in rules (those are tested against the real services in unit_tests).
// Codes are delegate codes; "FAIL..." simulates a database that cannot commit.
#include <map>
#include <string>
#include <vector>

#include "kiosk/ui/model.hpp"

namespace kiosk::test {

class MemoryBackend : public ui::Backend {
public:
    /// An event like the seed's with n delegates in three categories, two lists.
    explicit MemoryBackend(int delegates = 30, int recentScans = 50);

    bool refresh(core::Millis now) override;
    const ui::Snapshot& snapshot() const override { return m_snap; }
    ui::ScanOutcome scan(const ui::ScanRequest& request, core::Millis now) override;
    std::vector<core::Delegate> search(std::string_view query, size_t limit) override;
    ui::ActionResult walkIn(const ui::WalkIn& person, core::Millis now) override;
    ui::ActionResult revoke(const std::string& code, core::Millis now) override;
    ui::ActionResult reissue(const std::string& code, core::Millis now) override;
    ui::ActionResult printBadge(const std::string& code) override { return {true, "saved", "/tmp/" + code + ".pdf"}; }
    ui::ActionResult exportAttendance(const std::string& path) override { return {true, "exported " + path, path}; }
    bool checkPin(std::string_view pin) override { return pin == "2468"; }
    void heartbeat(const std::string&, const std::string&, const std::string&, core::Millis) override {}
    std::string kioskName() override { return storedName; }
    ui::ActionResult setKioskName(const std::string& name) override {
        storedName = name;
        return {true, "saved", name};
    }
    std::string storedName; ///< the setup tab's kiosk name, as the database would keep it
    ui::ActionResult apologise(const std::string& code, const std::string& reason, const std::string&,
                               core::Millis) override {
        apologies.emplace_back(code, reason);
        return {true, {}, code};
    }
    std::vector<std::pair<std::string, std::string>> apologies; ///< (code, reason), "" = taken back
    /// Who the ceremony waits for, as the dashboard gets it.
    void setAwaited(services::AwaitedList list) { m_snap.awaited = std::move(list); }
    void setConflicts(std::vector<services::ConflictRow> rows) { m_snap.conflicts = std::move(rows); }
    /// As a pack's [display] text_scale would.
    void setTextScale(float scale) { m_snap.event.textScale = scale; }

    std::vector<core::Delegate> delegates;
    std::map<std::string, core::Millis> firstEntry; ///< by code, list "le"
    int scans = 0;
    bool changed = true;

private:
    void rebuild();
    ui::Snapshot m_snap;
};

} // namespace kiosk::test
