#include "kiosk/ui/frame_drawer.hpp"

#include <SDL.h>
#include <imgui.h>

#include <cstdio>

#include "kiosk/platform/png.hpp"
#include "kiosk/ui/shell.hpp"

namespace kiosk::ui {

void FrameDrawer::draw(const std::string& shotName) {
    const core::Millis now = core::nowMillis();
    m_window.newFrame();
    if (m_click) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(m_click->x, m_click->y);
        io.MouseDown[0] = m_click->phase == 1;
        if (++m_click->phase > 2) m_click.reset();
    }
    ImGui::NewFrame();
    const FrameResult r = m_shell.frame(now, m_scale, m_camera.texture ? &m_camera : nullptr, SDL_GetTicks());
    ImGui::Render();
    m_window.render();
    if (r.cue) m_audio.play(*r.cue);
    m_animating = r.animating;
    m_wakeAt = r.wakeAt;
    if (!shotName.empty()) {
        const platform::RgbaImage img = m_window.readPixels();
        const std::string path = m_shotDir.empty() ? shotName + ".png" : m_shotDir + "/" + shotName + ".png";
        std::string err;
        if (!platform::writePng(path, img, err)) std::fprintf(stderr, "kiosk gui: %s\n", err.c_str());
    }
    m_window.swap();
    ++m_frames;
}

void FrameDrawer::click(float x, float y) {
    m_click = Click{x, y, 0};
    while (m_click) draw();
}

void FrameDrawer::showCamera(const DecodedFrame& f) {
    if (!f.gray.empty()) {
        m_cameraTexture.uploadGray(f.gray.data(), f.width, f.height, f.width, 1);
        m_camera = CameraPicture{m_cameraTexture.id(), f.width, f.height};
    }
    if (f.text) m_shell.scan(*f.text, "camera");
}

} // namespace kiosk::ui
