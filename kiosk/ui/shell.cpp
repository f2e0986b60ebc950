#include "kiosk/ui/shell.hpp"

#include <imgui.h>

#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/text.hpp"
#include "kiosk/ui/views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

constexpr core::Millis kNoticeMs = 6000;

std::string machineName() {
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) == 0 && host[0]) {
        std::string h(host);
        return h.substr(0, h.find('.')); // "gate2.venue.lan" reads as "gate2"
    }
    // No host name (a bare container): a piece of the machine id still tells machines apart.
    std::ifstream id("/etc/machine-id");
    std::string line;
    if (std::getline(id, line) && line.size() >= 6) return line.substr(0, 6);
    return "1";
}

// A scanned text is hostile (any bytes, any length): show a short, valid piece of it.
std::string shownCode(const std::string& text) {
    std::string clean;
    for (const std::string& c : core::utf8Chars(core::utf8Prefix(text, 40)))
        clean += core::isValidUtf8(c) && static_cast<unsigned char>(c[0]) >= 0x20 ? c : "?";
    return clean;
}


// Where this machine stands with the hub, on every screen (docs/FLEET.md): a pill at the bottom
// left that staff can read at a glance, green dot when the hub answers, amber when offline.
void drawFleetStatus(const ViewContext& ctx) {
    const float scale = ctx.scale;
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    const char* text = ctx.snap.fleet.c_str();
    const ImVec2 t = ImGui::CalcTextSize(text);
    const float pad = 6 * scale, dot = 5 * scale;
    const ImVec2 min(8 * scale, size.y - t.y - 2 * pad - 8 * scale);
    const ImVec2 max(min.x + 3 * pad + 2 * dot + t.x, min.y + t.y + 2 * pad);
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->AddRectFilled(min, max, IM_COL32(0, 0, 0, 170), t.y);
    dl->AddCircleFilled(ImVec2(min.x + pad + dot, (min.y + max.y) / 2), dot,
                        ctx.snap.fleetConnected ? color::kAccept : color::kWarn);
    dl->AddText(ImVec2(min.x + 2 * pad + 2 * dot, min.y + pad), color::kText, text);
}
} // namespace

Shell::Shell(Backend& backend, const platform::Fonts& fonts, const std::string& role, Settings settings)
    : m_backend(backend), m_fonts(fonts), m_settings(std::move(settings)) {
    if (m_settings.kiosk.empty()) m_settings.kiosk = m_backend.kioskName();
    if (m_settings.kiosk.empty()) m_settings.kiosk = defaultKioskName();
    switchRole(role);
}

std::string defaultKioskName(const std::string& hostName) {
    return core::trf("gui.gate.default_name",
                     {{"host", hostName.empty() ? machineName() : hostName}});
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

// Every key is held back while it could still be a scanner's burst (a few tens of milliseconds),
// so a badge scanned over the PIN prompt or a search box never types into it: the burst goes to
// routeScan whatever is on screen, and a person's keys reach their field a moment later, in order.
bool Shell::text(const std::string& utf8, std::uint32_t atMs) {
    m_inputSeen = true;
    if (m_pin.isOpen() && utf8.size() == 1 && utf8[0] == m_pinEcho) {
        m_pinEcho = 0; // the text of a digit key already held for the PIN
        m_burst.text(utf8, atMs);
        return true;
    }
    if (!m_burst.inBurst(atMs)) releaseHeld();
    m_burst.text(utf8, atMs);
    m_held.push_back({HeldInput::Kind::Text, utf8, atMs});
    m_heldLast = atMs;
    return true;
}

void Shell::releaseHeld() {
    m_ready.insert(m_ready.end(), std::make_move_iterator(m_held.begin()),
                   std::make_move_iterator(m_held.end()));
    m_held.clear();
}

bool Shell::key(ShellKey key, char digit, std::uint32_t atMs) {
    m_inputSeen = true;
    if (key == ShellKey::Enter || key == ShellKey::Tab) {
        if (auto code = m_burst.terminator(atMs)) {
            m_held.clear(); // the scanner's keys: none of them is a person's
            m_pendingScans.emplace_back(*code, "keyboard");
            return true;
        }
        releaseHeld();
    }
    if (key == ShellKey::Backspace || key == ShellKey::Escape) {
        m_burst.reset(); // a person at the keyboard
        releaseHeld();
    }
    if (m_pin.isOpen()) {
        switch (key) {
        case ShellKey::Escape:
            m_pin.close();
            m_ready.clear();
            return true;
        case ShellKey::Digit:
            if (!m_burst.inBurst(atMs)) releaseHeld();
            m_held.push_back({HeldInput::Kind::PinDigit, std::string(1, digit), atMs});
            m_heldLast = atMs;
            m_pinEcho = digit;
            return true;
        case ShellKey::Backspace:
            m_ready.push_back({HeldInput::Kind::PinBackspace, {}, atMs});
            return true;
        case ShellKey::Enter:
            m_ready.push_back({HeldInput::Kind::PinSubmit, {}, atMs});
            return true;
        case ShellKey::Tab:
        case ShellKey::AltF4:
            return true;
        }
    }
    if ((key == ShellKey::Enter || key == ShellKey::Tab) && !textGoesToImGui()) return true;
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

void Shell::deliverReady(ViewContext& ctx, std::uint32_t ticksNow) {
    ImGuiIO& io = ImGui::GetIO();
    for (auto& in : m_ready) {
        switch (in.kind) {
        case HeldInput::Kind::PinDigit:
            m_pin.type(in.text[0]);
            break;
        case HeldInput::Kind::PinBackspace:
            m_pin.backspace();
            break;
        case HeldInput::Kind::PinSubmit:
            m_pin.submit(ctx);
            break;
        case HeldInput::Kind::Text:
            if (m_pin.isOpen()) {
                // Digits typed as text (an on-screen keyboard, a replay) are the PIN's too.
                if (in.text.size() == 1 && in.text[0] >= '0' && in.text[0] <= '9')
                    m_pin.type(in.text[0]);
            } else if (textGoesToImGui()) {
                io.AddInputCharactersUTF8(in.text.c_str());
                // Ticks are 32-bit and wrap after 49 days: unsigned subtraction still gives the
                // age.
                const std::uint32_t age = ticksNow ? ticksNow - in.at : 0;
                ctx.typed.push_back({std::move(in.text), ctx.now - (age < 60'000 ? age : 0)});
            }
            break;
        }
    }
    m_ready.clear();
}

void Shell::scan(const std::string& text, const std::string& source) { m_pendingScans.emplace_back(text, source); }

void Shell::requestQuit() {
    if (m_consoleOpen || (m_role == "organizer" && m_unlocked)) m_quit = true;
    else m_pin.open(PinPurpose::Quit);
}

void Shell::routeScan(ViewContext& ctx, const std::string& text, const std::string& source) {
    const bool taken = m_view->onScan(ctx, text, source);
    const bool covered = m_consoleOpen || organizerLocked();
    if (taken && !covered) return; // the gate's own card says what happened
    // Nothing may silently swallow a badge: say where it went, over whatever is on screen.
    m_notice = core::trf(taken ? "gui.scan.sent_to_gate" : "gui.scan.not_here",
                         {{"code", shownCode(text)}});
    m_noticeUntil = ctx.now + kNoticeMs;
    m_noticeRefused = !taken;
    if (!taken) ctx.cue = platform::Cue::Refuse;
}

void Shell::drawNotice(ViewContext& ctx) {
    if (m_notice.empty()) return;
    if (ctx.now >= m_noticeUntil) {
        m_notice.clear();
        return;
    }
    ctx.wakeBy(m_noticeUntil);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const float pad = 16 * ctx.scale;
    const float x0 = vp->WorkPos.x + vp->WorkSize.x * 0.1f,
                x1 = vp->WorkPos.x + vp->WorkSize.x * 0.9f;
    const float h =
        centredText(ctx.fonts.title, m_notice, color::kText, x0 + pad, x1 - pad, 0, false);
    const float y0 = vp->WorkPos.y + vp->WorkSize.y - h - 3 * pad;
    dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y0 + h + 2 * pad), color::kWarn, 8 * ctx.scale);
    centredText(ctx.fonts.title, m_notice, color::kText, x0 + pad, x1 - pad, y0 + pad, true, dl);
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
    // Keys that can no longer be the start of a scan are a person's (without the input clock, at
    // once).
    if (ticksNow == 0 || !m_burst.inBurst(ticksNow)) releaseHeld();
    deliverReady(ctx, ticksNow);

    // Scans are decided before drawing so the card of this frame already shows the result.
    for (auto& [text, source] : m_pendingScans)
        routeScan(ctx, text, source);
    m_pendingScans.clear();

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
    if (!ctx.snap.fleet.empty()) drawFleetStatus(ctx);

    drawNotice(ctx);
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
    if (!m_held.empty()) {
        // Come back when the held keys can no longer be a scan, to hand them over.
        const std::uint32_t waited = ticksNow - m_heldLast;
        ctx.wakeBy(now + std::max<core::Millis>(1, scan::WedgeOptions{}.maxGapMs + 1 -
                                                       static_cast<core::Millis>(waited)));
    }
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
    json.field("scan_notice", m_notice.empty() ? "" : m_noticeRefused ? "refused" : "gate");
    json.key("view").beginObject();
    m_view->dumpState(json);
    json.endObject();
    if (m_console) {
        json.key("console").beginObject();
        m_console->dumpState(json);
        json.endObject();
    }
    const Snapshot& snap = m_backend.snapshot();
    json.field("hub", snap.fleet.empty() ? "" : snap.fleetConnected ? "connected" : "offline");
    json.key("present").beginObject();
    for (const auto& l : snap.lists) json.field(l.id, snap.totals(l.id).first);
    json.endObject();
    json.endObject();
    return json.str();
}

} // namespace kiosk::ui
