#include "kiosk/ui/pin_lock.hpp"

#include "kiosk/core/i18n.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

void PinPrompt::open(PinPurpose purpose, std::string target) {
    m_purpose = purpose;
    m_target = std::move(target);
    m_digits.clear();
    m_message.clear();
}

void PinPrompt::close() {
    m_purpose = PinPurpose::None;
    m_digits.clear();
}

void PinPrompt::type(char digit) {
    if (digit >= '0' && digit <= '9' && m_digits.size() < 12) m_digits.push_back(digit);
}

void PinPrompt::backspace() {
    if (!m_digits.empty()) m_digits.pop_back();
}

bool PinPrompt::submit(ViewContext& ctx) {
    if (m_lockout.locked(ctx.now)) {
        m_digits.clear(); // digits typed during the lock must not prefix the next attempt
        return false;
    }
    // Without a PIN set (a database not made by `kiosk init`), the prompt opens on Enter and the
    // console warns about it; a kiosk set up properly always has one.
    bool ok = true;
    if (const auto answer = ctx.backend.tryPin(m_digits, ctx.settings.kiosk, ctx.now)) {
        ok = answer->open;
        m_lockout.mirror(answer->state);
    } else {
        ok = ctx.snap.pinSet ? ctx.backend.checkPin(m_digits) : true;
        if (!ok) m_lockout.wrong(ctx.now);
    }
    m_digits.clear();
    if (ok) {
        m_lockout.right();
        m_granted = m_purpose;
        m_purpose = PinPurpose::None;
        return true;
    }
    m_message = m_lockout.locked(ctx.now) ? std::string() : core::tr("gui.pin.wrong");
    return false;
}

PinPurpose PinPrompt::draw(ViewContext& ctx) {
    if (m_granted != PinPurpose::None) {
        const PinPurpose g = m_granted;
        m_granted = PinPurpose::None;
        return g;
    }
    if (!isOpen()) return PinPurpose::None;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 size(420 * ctx.scale, 620 * ctx.scale);
    ImGui::GetForegroundDrawList()->AddRectFilled(vp->WorkPos, ImVec2(vp->WorkPos.x + vp->WorkSize.x, vp->WorkPos.y + vp->WorkSize.y),
                                                  IM_COL32(0, 0, 0, 120));
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + (vp->WorkSize.x - size.x) / 2, vp->WorkPos.y + (vp->WorkSize.y - size.y) / 2));
    ImGui::SetNextWindowSize(size);
    ImGui::SetNextWindowFocus();
    ImGui::Begin("##pin", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    const ImVec2 o = ImGui::GetWindowPos();
    float y = o.y + 16 * ctx.scale;
    y += centredText(ctx.fonts.title, core::tr("gui.pin.title"), color::kText, o.x, o.x + size.x, y);
    const bool locked = m_lockout.locked(ctx.now);
    std::string shown = locked ? core::trf("gui.pin.locked", {{"seconds", std::to_string((m_lockout.lockedUntil() - ctx.now + 999) / 1000)}})
                               : std::string(m_digits.size(), '*');
    if (locked) ctx.wakeBy(ctx.now + 1000);
    y += centredText(locked ? ctx.fonts.body : ctx.fonts.large, shown.empty() ? std::string(" ") : shown,
                     locked ? color::kGold : color::kText, o.x, o.x + size.x, y);
    if (!m_message.empty()) y += centredText(ctx.fonts.body, m_message, color::kGold, o.x, o.x + size.x, y);
    ImGui::SetCursorScreenPos(ImVec2(o.x + 24 * ctx.scale, y + 8 * ctx.scale));
    const float key = (size.x - 48 * ctx.scale - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
    static const char* const kKeys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "<", "0", "OK"};
    ImGui::BeginDisabled(locked);
    for (int i = 0; i < 12; ++i) {
        if (i % 3 != 0) ImGui::SameLine();
        else ImGui::SetCursorScreenPos(ImVec2(o.x + 24 * ctx.scale, ImGui::GetCursorScreenPos().y));
        const std::string name = std::string("pin_") + kKeys[i];
        if (bigButton(ctx, name.c_str(), kKeys[i], ImVec2(key, key * 0.62f))) {
            if (i == 9) backspace();
            else if (i == 11) submit(ctx);
            else type(kKeys[i][0]);
        }
    }
    ImGui::EndDisabled();
    ImGui::SetCursorScreenPos(ImVec2(o.x + 24 * ctx.scale, ImGui::GetCursorScreenPos().y));
    if (bigButton(ctx, "pin_cancel", core::tr("gui.pin.cancel"), ImVec2(size.x - 48 * ctx.scale, 0))) close();
    ImGui::End();
    if (m_granted != PinPurpose::None) {
        const PinPurpose g = m_granted;
        m_granted = PinPurpose::None;
        return g;
    }
    return PinPurpose::None;
}

} // namespace kiosk::ui
