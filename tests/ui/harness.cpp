#include "harness.hpp"

#include <stdexcept>

#include "kiosk/services/event_pack.hpp"
#include "kiosk/ui/app.hpp"
#include "kiosk/ui/widgets.hpp"
#include <unistd.h>

namespace kiosk::test {

namespace {
constexpr float kScale = 0.72f; // the tests' usual scale (a 1280x720 screen, before the DPI floor)
float g_scale = kScale;

void bake(platform::Fonts& f, float scale) {
    ImGuiIO& io = ImGui::GetIO();
    std::string error;
    if (!platform::loadFonts(*io.Fonts, scale, f, error)) throw std::runtime_error(error);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h); // the null renderer never uploads it
    ui::applyTheme(scale);
    g_scale = scale;
}

platform::Fonts& fonts() {
    static platform::Fonts f = [] {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 720);
        platform::Fonts made;
        bake(made, kScale);
        return made;
    }();
    return f;
}
} // namespace

const platform::Fonts& nullFonts() { return fonts(); }

float testScale() { return g_scale; }

void setTestScale(float scale) {
    platform::Fonts& f = fonts();
    if (scale != g_scale) bake(f, scale);
}

ScreenSize::ScreenSize(float w, float h) {
    fonts(); // the ImGui context, when a test runs alone in its process
    ImGui::GetIO().DisplaySize = ImVec2(w, h);
    setTestScale(ui::uiScale(static_cast<int>(w), static_cast<int>(h), 1.0f));
}

ScreenSize::~ScreenSize() {
    ImGui::GetIO().DisplaySize = ImVec2(1280, 720);
    setTestScale(kScale);
}

ScratchEvent::ScratchEvent()
    : dir(std::filesystem::temp_directory_path() /
          ("kiosk-ceremony-ui-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "var");
    services::InitOptions o;
    o.packDir = std::string(KIOSK_SOURCE_DIR) + "/data/ngay-hoi-antq-2023";
    o.dbPath = (dir / "var/event.db").string();
    o.date = "2023-08-18";
    if (!services::initEvent(o).ok) throw std::runtime_error("cannot make the scratch event");
    std::filesystem::current_path(dir);
}

ScratchEvent::~ScratchEvent() {
    std::filesystem::current_path(old);
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}

Harness::Harness(const std::string& role, int delegates, int recent)
    : backend(delegates, recent), shell(backend, nullFonts(), role, ui::Settings{}) {
    backend.refresh(now);
}

Harness::~Harness() {
    ImGuiIO& io = ImGui::GetIO();
    io.MouseDown[0] = false;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    frame(); // let ImGui see the mouse released before the next test
}

ui::FrameResult Harness::frame(core::Millis advanceMs) {
    now += advanceMs;
    ticks += static_cast<std::uint32_t>(advanceMs);
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = static_cast<float>(std::max<core::Millis>(advanceMs, 1)) / 1000.0f;
    ImGui::NewFrame();
    ui::FrameResult r = shell.frame(now, g_scale, nullptr, ticks);
    ImGui::Render();
    return r;
}

void clickHotspot(const ui::Hotspot& spot, const std::function<void()>& frame) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(spot.x + spot.w / 2, spot.y + spot.h / 2);
    frame();
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    frame();
}

bool Harness::click(const std::string& name) {
    settle();
    auto it = shell.hotspots().find(name);
    if (it == shell.hotspots().end()) return false;
    clickHotspot(it->second, [this] { frame(); });
    return true;
}

void Harness::unlock() {
    shell.key(ui::ShellKey::Escape, 0, ticks);
    for (char c : std::string("2468"))
        shell.key(ui::ShellKey::Digit, c, ticks);
    shell.key(ui::ShellKey::Enter, 0, ticks);
    settle();
}

void Harness::type(const std::string& text) {
    // As the loop does: the shell sees the text first; what it does not take goes to ImGui. The
    // shell holds keys back while they could be a scanner's burst, so wait that out as a person
    // would.
    if (!shell.text(text, ticks)) ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    frame();
    frame(kiosk::scan::WedgeOptions{}.maxGapMs + 10);
    frame();
}

void Harness::wedgeOver(const std::string& text) {
    // As SDL delivers a keyboard-wedge scanner: per character a key-down (digits are keys the
    // shell knows) and then its text, a few milliseconds apart, then Enter.
    for (char c : text) {
        ticks += 4;
        if (c >= '0' && c <= '9') shell.key(ui::ShellKey::Digit, c, ticks);
        shell.text(std::string(1, c), ticks);
    }
    ticks += 4;
    shell.key(ui::ShellKey::Enter, 0, ticks);
    frame();
}

void Harness::wedge(const std::string& text) {
    for (char c : text) {
        ticks += 4;
        shell.text(std::string(1, c), ticks);
    }
    ticks += 4;
    shell.key(ui::ShellKey::Enter, 0, ticks);
    frame();
}

} // namespace kiosk::test
