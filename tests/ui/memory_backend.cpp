#include "memory_backend.hpp"

#include "kiosk/core/search.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk::test {

namespace {
const char* const kFamily[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"};
const char* const kMiddle[] = {"Văn", "Thị", "Đức", "Minh", "Quang", "Thu"};
const char* const kGiven[] = {"Bình", "An", "Hùng", "Lan", "Hương", "Dũng", "Tuấn", "Ngọc", "Sơn"};
} // namespace

MemoryBackend::MemoryBackend(int n, int recentScans) {
    core::Event& e = m_snap.event;
    e.id = "ngay-hoi-antq-2023";
    e.prefix = "ANTQ23";
    e.name = "Ngày hội toàn dân bảo vệ an ninh Tổ quốc";
    e.unit = "Sở Y tế Bắc Giang";
    e.date = "2023-08-18";
    e.utcOffsetMin = 420;
    e.bannerLines = {"SỞ Y TẾ BẮC GIANG", "NGÀY HỘI", "TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2023",
                     "Bắc Giang, ngày 18 tháng 8 năm 2023"};
    e.slogans = {"Toàn dân tham gia bảo vệ an ninh Tổ quốc!", "Bảo vệ an ninh Tổ quốc là nhiệm vụ của toàn Đảng, toàn dân"};
    m_snap.categories = {{"lanh-dao", "Lãnh đạo Sở", "Leaders", 1, "#B71C1C"},
                         {"cong-an", "Công an", "Police", 2, "#0D47A1"},
                         {"khach", "Khách mời", "Guests", 9, "#2E7D32"}};
    m_snap.lists = {{"le", "Phần lễ", {}, "07:30", "11:30", 30, false}, {"hoi", "Phần hội", {}, "13:30", "17:00", 30, true}};
    for (int i = 0; i < n; ++i) {
        core::Delegate d;
        d.id = i + 1;
        char code[16];
        std::snprintf(code, sizeof code, "D%05d", i + 1);
        d.code = code;
        d.name = std::string(kFamily[i % 8]) + " " + kMiddle[(i / 8) % 6] + " " + kGiven[(i / 48) % 9];
        d.title = "Chuyên viên";
        d.unit = "Trung tâm Y tế huyện " + std::to_string(i % 10 + 1);
        d.categoryId = m_snap.categories[static_cast<size_t>(i % 3)].id;
        d.seat = "A" + std::to_string(i % 40 + 1);
        delegates.push_back(d);
    }
    for (int i = 0; i < recentScans; ++i) {
        store::ScanRecord r;
        r.at = 1692316800000 + i * 60000;
        r.kiosk = "Cổng 1";
        r.listId = "le";
        r.text = delegates.empty() ? "X" : delegates[static_cast<size_t>(i) % delegates.size()].code;
        r.status = i % 7 == 0 ? "refused" : "accepted";
        r.reason = i % 7 == 0 ? "unknown" : "ok";
        m_snap.recent.push_back(r);
        m_snap.recentNames.push_back(delegates.empty() ? "" : delegates[static_cast<size_t>(i) % delegates.size()].name);
    }
    for (int i = 0; i < 30; ++i) m_snap.arrivals.emplace_back(1692316800000 + i * 600000, (i * 7) % 13);
    m_snap.kiosks = {{"Cổng 1", "checkin", "le", 1692316800000}, {"Bàn BTC", "organizer", "", 1692316700000}};
    m_snap.dbPath = "var/event.db";
    m_snap.pinSet = true;
    rebuild();
}

void MemoryBackend::rebuild() {
    m_snap.delegates = static_cast<std::int64_t>(delegates.size());
    m_snap.counts.clear();
    for (const auto& list : m_snap.lists)
        for (const auto& c : m_snap.categories) {
            store::AttendanceCount a;
            a.listId = list.id;
            a.categoryId = c.id;
            for (const auto& d : delegates)
                if (d.categoryId == c.id && !d.revoked) {
                    ++a.expected;
                    if (list.id == "le" && firstEntry.count(d.code)) ++a.present;
                }
            m_snap.counts.push_back(a);
        }
    ++m_snap.version;
}

bool MemoryBackend::refresh(core::Millis) {
    if (!changed) return false;
    changed = false;
    rebuild();
    return true;
}

ui::ScanOutcome MemoryBackend::scan(const ui::ScanRequest& request, core::Millis now) {
    ++scans;
    ui::ScanOutcome out;
    out.at = now;
    if (request.text.rfind("FAIL", 0) == 0) {
        out.error = "database is locked";
        return out;
    }
    out.committed = true;
    for (auto& d : delegates) {
        if (d.code != request.text) continue;
        out.delegate = d;
        if (d.revoked) {
            out.reason = core::Reason::Revoked;
            out.message = "revoked";
        } else if (auto it = firstEntry.find(d.code); it != firstEntry.end()) {
            if (now - it->second < core::kDuplicateWindowMs) {
                out.status = core::Status::Ignored;
                out.reason = core::Reason::DuplicateScan;
            } else {
                out.reason = core::Reason::AlreadyCheckedIn;
                out.firstAt = it->second;
                out.firstKiosk = request.kiosk;
            }
        } else {
            firstEntry[d.code] = now;
            out.status = core::Status::Accepted;
            out.reason = core::Reason::Ok;
            out.forced = request.force;
            changed = true;
        }
        return out;
    }
    out.reason = core::Reason::Unknown;
    out.message = "Mã không có trong danh sách đại biểu.";
    return out;
}

std::vector<core::Delegate> MemoryBackend::search(std::string_view query, size_t limit) {
    std::vector<core::Delegate> out;
    const std::string q = core::fold(query);
    if (q.empty()) return out;
    for (const auto& d : delegates) {
        if (core::fold(d.name).find(q) != std::string::npos || core::fold(d.code).find(q) != std::string::npos) out.push_back(d);
        if (out.size() >= limit) break;
    }
    return out;
}

ui::ActionResult MemoryBackend::walkIn(const ui::WalkIn& person, core::Millis) {
    core::Delegate d;
    d.id = static_cast<std::int64_t>(delegates.size()) + 1;
    d.code = "W" + std::to_string(d.id);
    d.name = person.name;
    d.title = person.title;
    d.unit = person.unit;
    d.categoryId = person.categoryId;
    d.walkIn = true;
    delegates.push_back(d);
    changed = true;
    return {true, "registered " + d.name, d.code};
}

ui::ActionResult MemoryBackend::revoke(const std::string& code, core::Millis) {
    for (auto& d : delegates)
        if (d.code == code) {
            d.revoked = true;
            changed = true;
            return {true, "revoked", code};
        }
    return {false, "not found", code};
}

ui::ActionResult MemoryBackend::reissue(const std::string& code, core::Millis) {
    for (auto& d : delegates)
        if (d.code == code) {
            ++d.badgeSerial;
            d.revoked = false;
            changed = true;
            return {true, "reissued", code};
        }
    return {false, "not found", code};
}

} // namespace kiosk::test
