#pragma once
// The view interface and the role registry: the shell draws one View per role, full screen.
// A view is a function of (snapshot, its own UI-only state); it asks the Backend for changes.
// To add a role's screen: implement View, and put its factory in roles.cpp (see docs/GUI.md).
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/json.hpp"
#include "kiosk/platform/audio.hpp"
#include "kiosk/platform/fonts.hpp"
#include "kiosk/ui/model.hpp"

struct ImVec2;

namespace kiosk::ui {

/// Kiosk-wide choices made in the console and shown on the gate.
struct Settings {
    std::string kiosk = "Cổng 1";   ///< this kiosk's name, recorded with each check-in
    std::string listId = "le";
    core::Direction direction = core::Direction::Entry;
    std::string camera;              ///< V4L2 device path, "" = none
    std::string cameraStatus;        ///< filled by the scan worker ("ok", "unplugged"...)
    std::string scannerStatus;       ///< serial scanner status
    std::string exportDir = "var";   ///< where exports and unprinted badges go
    std::optional<std::string> printer = std::string(); ///< CUPS queue for badges, "" = default, nullopt = PDF only
};

/// The live camera picture, when one is in use.
struct CameraPicture {
    void* texture = nullptr; ///< ImTextureID of the uploaded gray frame
    int width = 0;
    int height = 0;
};

/// A named clickable area recorded during drawing, so replay scripts can click "widget NAME".
struct Hotspot {
    float x = 0, y = 0, w = 0, h = 0;
};

/// Text typed since the last frame, stamped with when it was typed (the input event's time on the
/// wall clock, finer than the frame's): buzzers are keyboards, and their milliseconds count.
struct Typed {
    std::string text;
    core::Millis at = 0;
};

/// What a view may read and ask for while drawing one frame.
struct ViewContext {
    ViewContext(const Snapshot& s, Backend& b, const platform::Fonts& f, Settings& st, core::Millis t, float sc)
        : snap(s), backend(b), fonts(f), settings(st), now(t), scale(sc) {}
    const Snapshot& snap;
    Backend& backend;
    const platform::Fonts& fonts;
    Settings& settings;
    core::Millis now = 0;
    float scale = 1.0f;                  ///< UI scale (DPI and screen size)
    const CameraPicture* camera = nullptr;
    std::vector<Typed> typed;            ///< in the order typed (ImGui also gets it, as characters)
    // Outputs, read by the shell after the frame.
    std::optional<platform::Cue> cue;    ///< a sound to play
    bool animating = false;              ///< draw the next frame at the display's rate
    core::Millis wakeAt = 0;             ///< draw again by this time even without input (0 = no need)
    std::map<std::string, Hotspot>* hotspots = nullptr;
    /// An intent for the shell: "close_console", "quit", "role:<id>" (the PIN was already given).
    std::string shellRequest;
    /// The role the shell runs (the console offers to go back to it).
    std::string role;

    /// Asks for a redraw by t (keeps the earliest request).
    void wakeBy(core::Millis t) {
        if (wakeAt == 0 || t < wakeAt) wakeAt = t;
    }
};

/// One full-screen screen of a role.
class View {
public:
    virtual ~View() = default;
    /// Draws the whole main viewport.
    virtual void draw(ViewContext& ctx) = 0;
    /// A code arrived from any scanner (wedge, camera, serial, replay); the gate decides it.
    virtual void onScan(ViewContext& ctx, const std::string& text, const std::string& source) {}
    /// Writes the view's state for the end-to-end tests (inside an open JSON object).
    virtual void dumpState(core::JsonWriter& json) const {}
};

/// A role the program can run as.
struct Role {
    std::string id;       ///< "checkin", "organizer", "mc", "stage", "quiz", "judge"
    std::string titleKey; ///< string-table key of its name
    std::function<std::unique_ptr<View>()> make;
    bool installed = true; ///< false while the role's screen is a placeholder
};

/// Every role, in menu order.
class RoleRegistry {
public:
    /// The registry with every built-in role (see roles.cpp).
    static const RoleRegistry& builtin();
    void add(Role role);
    const Role* find(const std::string& id) const;
    const std::vector<Role>& roles() const { return m_roles; }

private:
    std::vector<Role> m_roles;
};

} // namespace kiosk::ui
