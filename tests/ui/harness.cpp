#include "harness.hpp"

#include <stdexcept>

#include "kiosk/ui/widgets.hpp"

namespace kiosk::test {

namespace {
constexpr float kScale = 0.72f; // what uiScale() gives a 1280x720 screen
}

const platform::Fonts& nullFonts() {
    static platform::Fonts fonts = [] {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 720);
        platform::Fonts f;
        std::string error;
        if (!platform::loadFonts(*io.Fonts, kScale, f, error)) throw std::runtime_error(error);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h); // the null renderer never uploads it
        ui::applyTheme(kScale);
        return f;
    }();
    return fonts;
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
    ui::FrameResult r = shell.frame(now, kScale, nullptr, ticks);
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

void Harness::type(const std::string& text) {
    // As the loop does: the shell sees the text first; what it does not take goes to ImGui.
    if (!shell.text(text, ticks)) ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    frame();
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
