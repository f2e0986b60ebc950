#pragma once
// The festival's screens: the quiz host (role quiz), a judge (role judge), and the festival's part
// of the stage (the question on stage, the leaderboard, a contest's results).
#include <memory>

#include "kiosk/ui/view.hpp"

namespace kiosk::services {
class FestivalFeed;
}

namespace kiosk::ui {

/// The quiz host's screen; `attached` (tests) replaces the feed on the snapshot's database file.
std::unique_ptr<View> makeQuizView(services::FestivalFeed* attached = nullptr);
/// A judge's screen: sign in with the PIN, score, submit; the head judge reopens.
std::unique_ptr<View> makeJudgeView(services::FestivalFeed* attached = nullptr);

/// The festival's part of the stage. The stage view asks active() each frame and, when true,
/// lets draw() fill the given rectangle instead of its own content.
class StageFestival {
public:
    StageFestival();
    ~StageFestival();
    explicit StageFestival(services::FestivalFeed* attached);
    /// True when the host or the organizer put a question, the leaderboard or results on stage.
    bool active(ViewContext& ctx);
    void draw(ViewContext& ctx, ImVec2 pos, ImVec2 size);
    void dumpState(core::JsonWriter& json) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// A stage screen with only the festival part (until the ceremony's stage view hosts it; tests).
std::unique_ptr<View> makeStageFestivalView(services::FestivalFeed* attached = nullptr);

} // namespace kiosk::ui
