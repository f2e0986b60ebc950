#include "kiosk/ui/shell.hpp"

#include <imgui.h>

#include <algorithm>

#include "kiosk/core/i18n.hpp"
#include "kiosk/ui/views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

Shell::Shell(Backend& backend, const platform::Fonts& fonts, const std::string& role, Settings settings)
    : m_backend(backend), m_fonts(fonts), m_settings(std::move(settings)) {
    switchRole(role);
}

void Shell::switchRole(const std::string& role) {
    const Role* r = RoleRegistry::builtin().find(role);
    if (!r) r = RoleRegistry::builtin().find("checkin");
    m_role = r->id;
    m_view = r->make();
    m_consoleOpen = false;
    m_unlocked = false;
    m_pin.close();
    m_burst.reset();
}

bool Shell::textGoesToImGui() const { return m_consoleOpen || m_pin.isOpen() || m_role != "checkin"; }

bool Shell::text(const std::string& utf8, std::uint32_t atMs) {
    m_inputSeen = true;
    if (textGoesToImGui()) {
        m_typed.emplace_back(utf8, atMs);
        return false;
    }
    m_burst.text(utf8, atMs);
    return true;
}

bool Shell::key(ShellKey key, char digit, std::uint32_t atMs) {
    m_inputSeen = true;
    if (m_pin.isOpen()) {
        switch (key) {
        case ShellKey::Escape: m_pin.close(); return true;
        case ShellKey::Digit: m_pin.type(digit); return true;
        case ShellKey::Backspace: m_pin.backspace(); return true;
        case ShellKey::Enter: m_submitPin = true; return true;
        case ShellKey::AltF4: return true;
        default: return false;
        }
    }
    if ((key == ShellKey::Enter || key == ShellKey::Tab) && !textGoesToImGui()) {
        if (auto code = m_burst.terminator(atMs)) m_pendingScans.emplace_back(*code, "keyboard");
        return true;
    }
    if (key == ShellKey::AltF4) {
        requestQuit();
        return true;
    }
    if (key == ShellKey::Escape) {
        if (m_consoleOpen) m_consoleOpen = false;           // leaving the console locks it again
        else if (m_role == "organizer" && m_unlocked) m_unlocked = false;
        else m_pin.open(PinPurpose::Console);
        return true;
    }
    return false;
}

void Shell::scan(const std::string& text, const std::string& source) { m_pendingScans.emplace_back(text, source); }

void Shell::requestQuit() {
    if (m_consoleOpen || (m_role == "organizer" && m_unlocked)) m_quit = true;
    else m_pin.open(PinPurpose::Quit);
}

void Shell::drawLocked(ViewContext& ctx) {
    beginFullScreen("##locked", color::kBackground);
    const ImVec2 o = ImGui::GetWindowPos();
    const ImVec2 s = ImGui::GetWindowSize();
    float y = o.y + s.y * 0.3f;
    y += centredText(ctx.fonts.large, core::tr("gui.console.title"), color::kGold, o.x, o.x + s.x, y);
    y += centredText(ctx.fonts.title, core::tr("gui.console.locked"), color::kText, o.x, o.x + s.x, y) + 24 * ctx.scale;
    const ImVec2 size(360 * ctx.scale, 0);
    ImGui::SetCursorScreenPos(ImVec2(o.x + (s.x - size.x) / 2, y));
    if (bigButton(ctx, "unlock", core::tr("gui.console.unlock"), size)) m_pin.open(PinPurpose::Console);
    endFullScreen();
}

FrameResult Shell::frame(core::Millis now, float scale, const CameraPicture* camera, std::uint32_t ticksNow) {
    // The console (or the unlocked organizer screen) locks itself when nobody has touched it for a while.
    const ImGuiIO& io = ImGui::GetIO();
    const bool imguiInput = io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 ||
                            io.MouseDown[0] || io.MouseDown[1] || io.InputQueueCharacters.Size > 0;
    if (m_inputSeen || imguiInput || m_lastInput == 0) m_lastInput = now;
    m_inputSeen = false;
    const bool unlocked = m_consoleOpen || (m_role == "organizer" && m_unlocked);
    if (unlocked && now - m_lastInput >= kRelockMs) {
        m_consoleOpen = false;
        m_unlocked = false;
    }

    ViewContext ctx(m_backend.snapshot(), m_backend, m_fonts, m_settings, now, scale);
    ctx.camera = camera;
    ctx.hotspots = &m_hotspots;
    ctx.role = m_role;
    m_hotspots.clear();
    for (auto& [text, ticks] : m_typed) {
        // Ticks are 32-bit and wrap after 49 days: unsigned subtraction still gives the age.
        const std::uint32_t age = ticksNow ? ticksNow - ticks : 0;
        ctx.typed.push_back({std::move(text), now - (age < 60'000 ? age : 0)});
    }
    m_typed.clear();

    // Scans are decided before drawing so the card of this frame already shows the result.
    for (auto& [text, source] : m_pendingScans) m_view->onScan(ctx, text, source);
    m_pendingScans.clear();
    if (m_submitPin) {
        m_submitPin = false;
        m_pin.submit(ctx);
    }

    // The console covers the whole screen, so the role's view is not drawn under it.
    if (m_consoleOpen) {
        if (!m_console) m_console = makeConsoleView();
        m_console->draw(ctx);
    } else if (organizerLocked()) {
        drawLocked(ctx);
    } else {
        m_view->draw(ctx);
    }

    // Where this machine stands with the hub, on every screen (docs/FLEET.md); "" when not joined.
    if (!ctx.snap.fleet.empty())
        ImGui::GetForegroundDrawList()->AddText(ImVec2(8 * scale, ImGui::GetIO().DisplaySize.y - 22 * scale), color::kGold,
                                                ctx.snap.fleet.c_str());

    switch (m_pin.draw(ctx)) {
    case PinPurpose::Console:
        if (m_role == "organizer") m_unlocked = true;
        else m_consoleOpen = true;
        break;
    case PinPurpose::Quit: m_quit = true; break;
    case PinPurpose::SwitchRole: switchRole(m_pin.target()); break;
    case PinPurpose::None: break;
    }

    if (ctx.shellRequest == "close_console") m_consoleOpen = false;
    else if (ctx.shellRequest == "quit") m_quit = true;
    else if (ctx.shellRequest.rfind("role:", 0) == 0) switchRole(ctx.shellRequest.substr(5));

    FrameResult r;
    r.cue = ctx.cue;
    r.animating = ctx.animating;
    r.wakeAt = ctx.wakeAt;
    if (m_consoleOpen || (m_role == "organizer" && m_unlocked)) {
        const core::Millis relockAt = m_lastInput + kRelockMs;
        r.wakeAt = r.wakeAt ? std::min(r.wakeAt, relockAt) : relockAt;
    }
    return r;
}

std::string Shell::stateJson() const {
    core::JsonWriter json;
    json.beginObject();
    json.field("role", m_role);
    json.field("console_open", m_consoleOpen);
    json.field("pin_open", m_pin.isOpen());
    json.field("pin_locked_until", static_cast<std::int64_t>(m_pin.lockout().lockedUntil()));
    json.field("organizer_unlocked", m_unlocked);
    json.field("list", m_settings.listId);
    json.field("direction", std::string(core::directionName(m_settings.direction)));
    json.field("kiosk", m_settings.kiosk);
    json.key("view").beginObject();
    m_view->dumpState(json);
    json.endObject();
    if (m_console) {
        json.key("console").beginObject();
        m_console->dumpState(json);
        json.endObject();
    }
    const Snapshot& snap = m_backend.snapshot();
    json.key("present").beginObject();
    for (const auto& l : snap.lists) json.field(l.id, snap.totals(l.id).first);
    json.endObject();
    json.endObject();
    return json.str();
}

} // namespace kiosk::ui
