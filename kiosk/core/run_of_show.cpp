#include "kiosk/core/run_of_show.hpp"

#include <algorithm>
#include <array>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk::core {

namespace {

constexpr Millis kMinute = 60'000;

Millis plannedMs(const ProgramItem& item) { return static_cast<Millis>(item.plannedMin) * kMinute; }

} // namespace

std::string_view actionTypeName(ActionType type) { return kActionTypeCodes.code(type); }
std::optional<ActionType> actionTypeFromName(std::string_view name) { return kActionTypeCodes.parse(name); }

std::string_view itemStatusName(ItemStatus status) {
    switch (status) {
    case ItemStatus::Pending: return "pending";
    case ItemStatus::Current: return "current";
    case ItemStatus::Done: return "done";
    case ItemStatus::Skipped: return "skipped";
    }
    return "?";
}

std::string_view phaseName(Phase phase) {
    switch (phase) {
    case Phase::Normal: return "normal";
    case Phase::Warning: return "warning";
    case Phase::Danger: return "danger";
    case Phase::Overtime: return "overtime";
    }
    return "?";
}

std::string_view showStateName(ShowState state) {
    switch (state) {
    case ShowState::NotStarted: return "not_started";
    case ShowState::Running: return "running";
    case ShowState::Paused: return "paused";
    case ShowState::Finished: return "finished";
    }
    return "?";
}

std::vector<ItemProblem> checkProgramItem(const ProgramItem& item) {
    std::vector<ItemProblem> out;
    const auto fail = [&](const char* field, std::string message) { out.push_back({field, std::move(message)}); };
    if (trim(item.id).empty()) fail("id", tr("ceremony.file.empty"));
    if (trim(item.title).empty()) fail("title", tr("ceremony.file.empty"));
    if (item.plannedMin < 0 || item.plannedMin > kMaxItemMinutes)
        fail("minutes", trf("ceremony.file.bad_minutes", {{"max", std::to_string(kMaxItemMinutes)}}));
    if (item.warnSec < 0 || item.warnSec > kMaxThresholdSec)
        fail("warn_s", trf("ceremony.file.bad_seconds", {{"max", std::to_string(kMaxThresholdSec)}}));
    if (item.dangerSec < 0 || item.dangerSec > kMaxThresholdSec)
        fail("danger_s", trf("ceremony.file.bad_seconds", {{"max", std::to_string(kMaxThresholdSec)}}));
    else if (item.dangerSec > item.warnSec) fail("danger_s", tr("ceremony.file.danger_after_warn"));
    if (item.kind != "" && item.kind != "intro" && item.kind != "awards")
        fail("kind", trf("ceremony.file.bad_kind", {{"value", item.kind}}));
    return out;
}

Phase phaseFor(const ProgramItem& item, Millis elapsed) {
    if (item.plannedMin <= 0) return Phase::Normal;
    const Millis remaining = plannedMs(item) - elapsed;
    if (remaining < 0) return Phase::Overtime;
    if (remaining <= static_cast<Millis>(item.dangerSec) * 1000) return Phase::Danger;
    if (remaining <= static_cast<Millis>(item.warnSec) * 1000) return Phase::Warning;
    return Phase::Normal;
}

std::optional<Millis> shownStart(const ItemTiming& t) {
    // A pending item (never run, or sent back by "Quay lại") starts when the projection says; one
    // that ran shows its latest start, so an item reopened and closed again never appears to begin
    // before the one it follows ended.
    const Millis at = t.status == ItemStatus::Pending ? t.projectedStart : t.lastStart.value_or(0);
    if (at == 0) return std::nullopt;
    return at;
}

std::string formatDrift(Millis drift) {
    const Millis minutes = ((drift < 0 ? -drift : drift) + kMinute / 2) / kMinute;
    if (minutes == 0) return tr("ceremony.drift.on_time");
    return trf(drift > 0 ? "ceremony.drift.late" : "ceremony.drift.early", {{"min", std::to_string(minutes)}});
}

RunOfShow::RunOfShow(std::vector<ProgramItem> items, Millis plannedStart)
    : m_items(std::move(items)), m_plannedStart(plannedStart) {
    std::stable_sort(m_items.begin(), m_items.end(),
                     [](const ProgramItem& a, const ProgramItem& b) { return a.order < b.order; });
    m_state.runs.resize(m_items.size());
}

int RunOfShow::indexOf(std::string_view itemId) const {
    if (itemId.empty()) return -1;
    for (std::size_t i = 0; i < m_items.size(); ++i)
        if (m_items[i].id == itemId) return static_cast<int>(i);
    return -1;
}

void RunOfShow::replay(const std::vector<ShowAction>& log) {
    m_state = State{};
    m_state.runs.resize(m_items.size());
    m_undo.clear();
    m_clock = 0;
    for (const auto& a : log) apply(a);
}

Millis RunOfShow::elapsedOf(const State& s, int index, Millis now) const {
    const Run& r = s.runs[static_cast<std::size_t>(index)];
    Millis e = r.accumulated;
    if (index == s.current && !s.paused) e += now - r.segmentStart;
    return std::max<Millis>(e, 0);
}

// The item Next would start: the first pending one after the current position, wrapping around
// so that an item left pending by Previous is not forgotten.
int RunOfShow::nextPending(const State& s) const {
    const int n = static_cast<int>(m_items.size());
    const int from = s.current < 0 ? 0 : s.current + 1;
    for (int k = 0; k < n; ++k) {
        const int i = (from + k) % n;
        if (s.runs[static_cast<std::size_t>(i)].status == ItemStatus::Pending) return i;
    }
    return -1;
}

int RunOfShow::previousDone(const State& s) const {
    const int from = s.current < 0 ? static_cast<int>(m_items.size()) - 1 : s.current - 1;
    for (int i = from; i >= 0; --i)
        if (s.runs[static_cast<std::size_t>(i)].status == ItemStatus::Done) return i;
    return -1;
}

void RunOfShow::closeCurrent(State& s, Millis at, ItemStatus as) {
    Run& r = s.runs[static_cast<std::size_t>(s.current)];
    if (!s.paused) r.accumulated += at - r.segmentStart;
    r.lastEnd = at;
    r.status = as;
    s.current = -1;
    s.paused = false;
}

void RunOfShow::openItem(State& s, int index, Millis at) {
    Run& r = s.runs[static_cast<std::size_t>(index)];
    r.status = ItemStatus::Current;
    if (!r.firstStart) r.firstStart = at;
    r.lastStart = at;
    r.lastEnd.reset();
    r.segmentStart = at;
    s.current = index;
    s.paused = false;
    s.finishedAt.reset();
}

bool RunOfShow::apply(const ShowAction& action) {
    const Millis at = clamp(action.at);
    m_clock = at;
    if (action.type == ActionType::Undo) {
        if (m_undo.empty()) return false;
        m_state = std::move(m_undo.back());
        m_undo.pop_back();
        return true;
    }
    State before = m_state;
    if (!applyTo(m_state, action, at)) return false;
    m_undo.push_back(std::move(before));
    return true;
}

bool RunOfShow::applyTo(State& s, const ShowAction& a, Millis at) {
    // A target that no longer names a pending item (the program was edited since) falls back to
    // what Next would choose now.
    auto pendingTarget = [&](const State& st) {
        const int t = indexOf(a.target);
        if (t >= 0 && st.runs[static_cast<std::size_t>(t)].status == ItemStatus::Pending) return t;
        return nextPending(st);
    };
    switch (a.type) {
    case ActionType::Start: {
        if (s.started) return false;
        const int t = pendingTarget(s);
        if (t < 0) return false;
        s.started = true;
        s.startedAt = at;
        for (auto& r : s.runs) r.inPlan = r.status != ItemStatus::Skipped;
        openItem(s, t, at);
        return true;
    }
    case ActionType::Next: {
        if (!s.started || s.current < 0) return false;
        closeCurrent(s, at, ItemStatus::Done);
        const int t = a.target.empty() ? -1 : pendingTarget(s);
        if (t >= 0) openItem(s, t, at);
        else s.finishedAt = at;
        return true;
    }
    case ActionType::Previous: {
        if (!s.started) return false;
        int t = indexOf(a.target);
        if (t < 0 || s.runs[static_cast<std::size_t>(t)].status != ItemStatus::Done) t = previousDone(s);
        if (t < 0) return false;
        if (s.current >= 0) closeCurrent(s, at, ItemStatus::Pending);
        openItem(s, t, at);
        return true;
    }
    case ActionType::Pause: {
        if (s.current < 0 || s.paused) return false;
        Run& r = s.runs[static_cast<std::size_t>(s.current)];
        r.accumulated += at - r.segmentStart;
        s.paused = true;
        s.pausedAt = at;
        return true;
    }
    case ActionType::Resume: {
        if (s.current < 0 || !s.paused) return false;
        s.runs[static_cast<std::size_t>(s.current)].segmentStart = at;
        s.paused = false;
        return true;
    }
    case ActionType::Skip: {
        const int i = a.item.empty() ? s.current : indexOf(a.item);
        if (i < 0) return false;
        if (i == s.current) {
            closeCurrent(s, at, ItemStatus::Skipped);
            const int t = a.target.empty() ? -1 : pendingTarget(s);
            if (t >= 0) openItem(s, t, at);
            else s.finishedAt = at;
            return true;
        }
        Run& r = s.runs[static_cast<std::size_t>(i)];
        if (r.status != ItemStatus::Pending) return false;
        r.status = ItemStatus::Skipped;
        return true;
    }
    case ActionType::Restore: {
        const int i = indexOf(a.item);
        if (i < 0 || s.runs[static_cast<std::size_t>(i)].status != ItemStatus::Skipped) return false;
        s.runs[static_cast<std::size_t>(i)].status = ItemStatus::Pending;
        return true;
    }
    case ActionType::Adjust: {
        if (s.current < 0 || a.value == 0) return false;
        Run& r = s.runs[static_cast<std::size_t>(s.current)];
        // Never below zero elapsed, so a later positive adjustment is not swallowed by a hidden debt.
        const Millis e = elapsedOf(s, s.current, at);
        r.accumulated += std::max(a.value, -e);
        return true;
    }
    case ActionType::Undo: return false; // handled in apply()
    }
    return false;
}

std::optional<ShowAction> RunOfShow::resolve(ActionType type, Millis now, std::string_view item,
                                             std::int64_t value) const {
    ShowAction a;
    a.type = type;
    a.at = clamp(now);
    a.value = value;
    const State& s = m_state;
    auto idOf = [&](int i) { return i >= 0 ? m_items[static_cast<std::size_t>(i)].id : std::string(); };
    switch (type) {
    case ActionType::Start:
        if (s.started || nextPending(s) < 0) return std::nullopt;
        a.target = idOf(nextPending(s));
        break;
    case ActionType::Next:
        if (!s.started || s.current < 0) return std::nullopt;
        a.target = idOf(nextPending(s));
        break;
    case ActionType::Previous:
        if (!s.started || previousDone(s) < 0) return std::nullopt;
        a.target = idOf(previousDone(s));
        break;
    case ActionType::Pause:
        if (s.current < 0 || s.paused) return std::nullopt;
        break;
    case ActionType::Resume:
        if (s.current < 0 || !s.paused) return std::nullopt;
        break;
    case ActionType::Skip: {
        const int i = item.empty() ? s.current : indexOf(item);
        if (i < 0) return std::nullopt;
        a.item = idOf(i);
        if (i == s.current) {
            a.target = idOf(nextPending(s));
        } else if (s.runs[static_cast<std::size_t>(i)].status != ItemStatus::Pending) {
            return std::nullopt;
        }
        break;
    }
    case ActionType::Restore: {
        const int i = indexOf(item);
        if (i < 0 || s.runs[static_cast<std::size_t>(i)].status != ItemStatus::Skipped) return std::nullopt;
        a.item = idOf(i);
        break;
    }
    case ActionType::Undo:
        if (m_undo.empty()) return std::nullopt;
        break;
    case ActionType::Adjust:
        if (s.current < 0 || value == 0) return std::nullopt;
        a.item = idOf(s.current);
        break;
    }
    return a;
}

ShowSnapshot RunOfShow::snapshot(Millis nowRaw) const {
    const State& s = m_state;
    const Millis now = clamp(nowRaw);
    ShowSnapshot snap;
    snap.now = now;
    snap.startedAt = s.startedAt;
    snap.finishedAt = s.finishedAt;
    snap.canUndo = !m_undo.empty();
    snap.current = s.current;
    if (!s.started) snap.state = ShowState::NotStarted;
    else if (s.current < 0) snap.state = ShowState::Finished;
    else snap.state = s.paused ? ShowState::Paused : ShowState::Running;
    snap.next = snap.state == ShowState::Finished ? -1 : nextPending(s);

    // The plan: the baseline start plus the planned minutes of every item in the plan.
    snap.plannedStart = m_plannedStart != 0 ? m_plannedStart : (s.startedAt ? *s.startedAt : now);
    const std::size_t n = m_items.size();
    snap.timeline.resize(n);
    Millis cursor = snap.plannedStart;
    for (std::size_t i = 0; i < n; ++i) {
        const Run& r = s.runs[i];
        ItemTiming& t = snap.timeline[i];
        t.itemId = m_items[i].id;
        t.status = r.status;
        t.inPlan = s.started ? r.inPlan : r.status != ItemStatus::Skipped;
        t.plannedStart = cursor;
        if (t.inPlan) cursor += plannedMs(m_items[i]);
        t.plannedEnd = cursor;
        t.actualStart = r.firstStart;
        t.actualEnd = r.lastEnd;
        t.lastStart = r.lastStart;
        t.elapsed = elapsedOf(s, static_cast<int>(i), now);
        t.projectedStart = r.lastStart.value_or(0);
        t.projectedEnd = r.lastEnd.value_or(0);
    }
    snap.plannedEnd = cursor;

    // The projection: what is done stays as it happened; the current item runs at least to its
    // planned length; pending items follow in the order Next would take them.
    if (snap.state == ShowState::Finished) {
        snap.projectedEnd = *s.finishedAt;
    } else {
        Millis pace = s.started ? now : std::max(now, snap.plannedStart);
        if (s.current >= 0) {
            const auto c = static_cast<std::size_t>(s.current);
            snap.elapsed = snap.timeline[c].elapsed;
            snap.remaining = plannedMs(m_items[c]) - snap.elapsed;
            snap.phase = phaseFor(m_items[c], snap.elapsed);
            pace = now + std::max<Millis>(snap.remaining, 0);
            snap.timeline[c].projectedEnd = pace;
        }
        State walk = s; // follow Next's choice without touching the real state
        for (int i = nextPending(walk); i >= 0; i = nextPending(walk)) {
            ItemTiming& t = snap.timeline[static_cast<std::size_t>(i)];
            t.projectedStart = pace;
            pace += plannedMs(m_items[static_cast<std::size_t>(i)]);
            t.projectedEnd = pace;
            walk.runs[static_cast<std::size_t>(i)].status = ItemStatus::Done;
            walk.current = i;
        }
        snap.projectedEnd = pace;
    }
    snap.drift = snap.projectedEnd - snap.plannedEnd;
    snap.projectionPlausible =
        snap.drift <= kMaxPlausibleDrift && snap.drift >= -kMaxPlausibleDrift;
    if (!snap.projectionPlausible) {
        // The clock is on another day than the plan: "starts at" times from it would be fiction.
        for (auto& t : snap.timeline)
            if (t.status == ItemStatus::Pending) t.projectedStart = t.projectedEnd = 0;
    }
    return snap;
}

} // namespace kiosk::core
