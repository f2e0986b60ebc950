#include "kiosk/core/buzzer.hpp"

#include <algorithm>

namespace kiosk::core {

// The table's codes are literals, so each view is also a NUL-terminated string.
const char* pressKindCode(PressKind k) { return kPressKindCodes.code(k).data(); }
std::optional<PressKind> parsePressKind(std::string_view text) { return kPressKindCodes.parse(text); }
std::string_view buzzKindCode(BuzzKind k) { return kBuzzKindCodes.code(k); }
std::optional<BuzzKind> parseBuzzKind(std::string_view text) { return kBuzzKindCodes.parse(text); }

BuzzerArbiter::BuzzerArbiter(FalseStartRule rule, std::vector<std::string> teams, Millis limitMs)
    : m_rule(rule), m_teams(std::move(teams)), m_limitMs(limitMs) {}

bool BuzzerArbiter::isTeam(const std::string& id) const {
    return std::find(m_teams.begin(), m_teams.end(), id) != m_teams.end();
}

bool BuzzerArbiter::isLocked(const std::string& id) const {
    return std::find(m_locked.begin(), m_locked.end(), id) != m_locked.end();
}

bool BuzzerArbiter::open(Millis at) {
    if (m_phase != BuzzPhase::Armed) return false;
    m_phase = BuzzPhase::Open;
    m_openedAt = at;
    return true;
}

PressRecord BuzzerArbiter::press(const std::string& teamId, Millis at) {
    PressRecord r{teamId, at, PressKind::Accepted, 0, 0};
    if (m_openedAt) r.sinceOpen = at - *m_openedAt;
    if (!isTeam(teamId)) {
        r.kind = PressKind::UnknownTeam;
    } else if (m_phase == BuzzPhase::Closed ||
               (m_phase == BuzzPhase::Open && m_limitMs > 0 && r.sinceOpen > m_limitMs)) {
        // The countdown on stage reads 0: nobody may join the queue after it, whatever the host
        // does.
        r.kind = PressKind::Late;
    } else if (isLocked(teamId)) {
        r.kind = PressKind::LockedOut;
    } else if (m_phase == BuzzPhase::Armed) {
        r.kind = PressKind::FalseStart;
        if (m_rule.lockOut) m_locked.push_back(teamId);
    } else if (std::any_of(m_presses.begin(), m_presses.end(), [&](const PressRecord& p) {
                   return p.teamId == teamId && p.kind == PressKind::Accepted;
               })) {
        r.kind = PressKind::Duplicate;
    } else {
        // Presses arrive in event order; a key event stamped earlier than an accepted one still
        // queues behind it, because the order shown on stage must never change after the fact.
        r.order = ++m_accepted;
    }
    m_presses.push_back(r);
    return r;
}

std::vector<PressRecord> BuzzerArbiter::queue() const {
    std::vector<PressRecord> q;
    for (const auto& p : m_presses)
        if (p.kind == PressKind::Accepted) q.push_back(p);
    return q;
}

std::optional<std::string> BuzzerArbiter::turn() const {
    if (m_phase != BuzzPhase::Open) return std::nullopt;
    for (const auto& p : m_presses)
        if (p.kind == PressKind::Accepted && !isLocked(p.teamId)) return p.teamId;
    return std::nullopt;
}

std::optional<std::string> BuzzerArbiter::markWrong() {
    auto team = turn();
    if (!team) return team;
    m_locked.push_back(*team);
    m_verdicts.emplace_back(false, *team);
    return team;
}

std::optional<std::string> BuzzerArbiter::markRight() {
    auto team = turn();
    if (!team) return team;
    m_phase = BuzzPhase::Closed;
    m_verdicts.emplace_back(true, *team);
    return team;
}

bool BuzzerArbiter::undoVerdict() {
    if (m_verdicts.empty()) return false;
    auto [right, team] = m_verdicts.back();
    m_verdicts.pop_back();
    if (right) {
        m_phase = BuzzPhase::Open;
    } else {
        // The lock added by this verdict is the last one for that team.
        auto it = std::find(m_locked.rbegin(), m_locked.rend(), team);
        if (it != m_locked.rend()) m_locked.erase(std::next(it).base());
    }
    return true;
}

void BuzzerArbiter::close() { m_phase = BuzzPhase::Closed; }

} // namespace kiosk::core
