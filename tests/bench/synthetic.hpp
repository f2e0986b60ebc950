#pragma once
// Synthetic event data for benchmarks: realistic Vietnamese names at scale, deterministic.
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "kiosk/core/model.hpp"

namespace kiosk::bench {

inline std::vector<core::Delegate> syntheticDelegates(size_t n, unsigned seed = 19082023) {
    static const char* ho[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
                               "Hồ", "Ngô", "Dương", "Lý", "Đào", "Đinh", "Lương", "Trịnh", "Hà", "Thân", "Giáp", "Chu"};
    static const char* dem[] = {"Văn", "Đức", "Quốc", "Minh", "Hữu", "Xuân", "Thành", "Công", "Thị", "Thu", "Ngọc", "Thanh",
                                "Hồng", "Phương", "Kim", "Thùy"};
    static const char* ten[] = {"Bình", "Hùng", "Dũng", "Tuấn", "Hải", "Long", "Sơn", "Thắng", "Cường", "Quang", "Trung",
                                "Khánh", "Đạt", "Hiếu", "Phong", "Hương", "Lan", "Hạnh", "Mai", "Hoa", "Huyền", "Trang",
                                "Thảo", "Nhung", "Yến", "Linh", "Ngân", "Dung", "Hằng", "Thủy", "Vân", "Loan"};
    static const char* units[] = {"Bệnh viện Đa khoa tỉnh Bắc Giang", "Bệnh viện Sản Nhi Bắc Giang", "Trung tâm Y tế huyện Lục Ngạn",
                                  "Trung tâm Y tế huyện Yên Thế", "Trung tâm Kiểm soát bệnh tật tỉnh", "Công an huyện Việt Yên",
                                  "Ủy ban MTTQ huyện Tân Yên", "Sở Y tế Bắc Giang", "Bệnh viện Phổi Bắc Giang", "Chi cục Dân số"};
    static const char* cats[] = {"lanh-dao-so", "huyen-uy", "cong-an", "dan-van", "tuyen-giao", "mttq", "ban-chi-dao", "khach-moi", "can-bo"};
    std::mt19937 rng(seed);
    auto pick = [&](const auto& arr) { return arr[rng() % (sizeof(arr) / sizeof(arr[0]))]; };
    std::vector<core::Delegate> out;
    out.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        core::Delegate d;
        char code[24]; // "S" + up to 20 digits + NUL
        std::snprintf(code, sizeof code, "S%06zu", i + 1);
        d.code = code;
        d.name = std::string(pick(ho)) + " " + pick(dem) + " " + pick(dem) + " " + pick(ten);
        d.title = "Chuyên viên";
        d.unit = pick(units);
        d.categoryId = i % 50 == 0 ? pick(cats) : "can-bo";
        d.rank = 900 + static_cast<int>(i % 100);
        d.seat = "Z" + std::to_string(i % 500);
        out.push_back(std::move(d));
    }
    return out;
}

/// The same delegates as CSV text (header in Vietnamese).
inline std::string syntheticCsv(const std::vector<core::Delegate>& ds) {
    std::string out = "mã,họ và tên,chức vụ,đơn vị,thành phần,ghế\r\n";
    for (const auto& d : ds) out += d.code + "," + d.name + "," + d.title + ",\"" + d.unit + "\"," + d.categoryId + "," + d.seat + "\r\n";
    return out;
}

} // namespace kiosk::bench
