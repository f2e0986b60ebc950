#include "kiosk/scan/scan_events.hpp"

namespace kiosk::scan {

void ScanQueue::setNotify(std::function<void()> notify) {
    std::lock_guard lock(m_mutex);
    m_notify = std::move(notify);
}

void ScanQueue::push(ScanEvent event) {
    std::function<void()> notify;
    {
        std::lock_guard lock(m_mutex);
        m_events.push_back(std::move(event));
        while (m_events.size() > m_capacity) m_events.pop_front();
        notify = m_notify;
    }
    m_cv.notify_all();
    if (notify) notify();
}

std::vector<ScanEvent> ScanQueue::takeAll() {
    std::lock_guard lock(m_mutex);
    std::vector<ScanEvent> out(std::make_move_iterator(m_events.begin()), std::make_move_iterator(m_events.end()));
    m_events.clear();
    return out;
}

std::optional<ScanEvent> ScanQueue::waitPop(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    if (!m_cv.wait_for(lock, timeout, [&] { return !m_events.empty(); })) return std::nullopt;
    ScanEvent e = std::move(m_events.front());
    m_events.pop_front();
    return e;
}

size_t ScanQueue::size() const {
    std::lock_guard lock(m_mutex);
    return m_events.size();
}

bool RepeatFilter::admit(std::string_view text, core::Millis now) {
    // Forget codes long gone so the map stays as small as what is in view.
    for (auto it = m_lastSeen.begin(); it != m_lastSeen.end();)
        it = (now - it->second > m_quietMs) ? m_lastSeen.erase(it) : std::next(it);
    auto [it, fresh] = m_lastSeen.try_emplace(std::string(text), now);
    it->second = now;
    return fresh;
}

} // namespace kiosk::scan
