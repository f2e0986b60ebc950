#pragma once
// The organizer PIN prompt that guards Escape, Alt+F4, role switches and the console.
// The lockout rule is pure (tested headless); verification is the Backend's (libsodium).
#include <functional>
#include <string>

#include "kiosk/core/pin_rule.hpp"
#include "kiosk/core/time.hpp"
#include "kiosk/ui/view.hpp"

namespace kiosk::ui {

/// Five wrong PINs lock the prompt, for 60 s, then 5 min, then 15 min (core/pin_rule.hpp). With
/// the real backend the database keeps the count per machine and this mirrors it; a backend that
/// keeps none (tests) is counted here.
class PinLockout {
public:
    static constexpr int kMaxAttempts = core::kPinMaxAttempts;

    /// True while the prompt refuses attempts.
    bool locked(core::Millis now) const { return core::pinLocked(m_state, now); }
    core::Millis lockedUntil() const { return m_state.lockedUntil; }
    /// Records a wrong PIN; the fifth in a row starts the lock.
    void wrong(core::Millis now) { core::pinWrong(m_state, now); }
    /// A right PIN clears the count.
    void right() { core::pinRight(m_state); }
    int wrongCount() const { return m_state.wrong; }
    /// Takes the state the database answered with.
    void mirror(const core::PinLockState& state) { m_state = state; }

private:
    core::PinLockState m_state;
};

/// What the PIN is being asked for.
enum class PinPurpose { None, Console, Quit, SwitchRole };

/// The modal prompt: digits by keyboard or on-screen keypad.
class PinPrompt {
public:
    /// Opens the prompt for a purpose; target is the role to switch to, if any.
    void open(PinPurpose purpose, std::string target = {});
    void close();
    bool isOpen() const { return m_purpose != PinPurpose::None; }
    PinPurpose purpose() const { return m_purpose; }
    const std::string& target() const { return m_target; }
    const PinLockout& lockout() const { return m_lockout; }

    /// Draws the prompt over the screen; returns the purpose once the right PIN was entered.
    PinPurpose draw(ViewContext& ctx);
    /// Types a digit or submits (for the replay driver and the physical keyboard).
    void type(char digit);
    void backspace();
    /// Checks the PIN typed so far; true when it opened.
    bool submit(ViewContext& ctx);

private:
    PinPurpose m_purpose = PinPurpose::None;
    PinPurpose m_granted = PinPurpose::None;
    std::string m_target;
    std::string m_digits;
    std::string m_message;
    PinLockout m_lockout;
};

} // namespace kiosk::ui
