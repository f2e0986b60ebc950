#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>
#include <catch2/catch.hpp>

#include <set>

#include "kiosk/core/badge.hpp"
#include "kiosk/paper/pdf_badges.hpp"
#include "kiosk/paper/qr_matrix.hpp"
#include "tests/unit/paper_support.hpp"

using namespace kiosk;
using namespace kiosk::paper;

namespace {

core::BadgeKey fixedKey() {
    core::BadgeKey key{};
    for (size_t i = 0; i < key.size(); ++i) key[i] = static_cast<std::uint8_t>(i * 7 + 3);
    return key;
}

BadgeSheet sampleSheet(int count) {
    const char* names[] = {"Nguyễn Văn Bình", "Trần Thị Thu Hương", "Lê Đức Thắng", "Phạm Ngọc Ánh",
                           "Hoàng Quốc Việt", "Đặng Thị Ngọc Diệp", "Vũ Minh Khôi", "Bùi Thị Hằng Nga",
                           "Ngô Xuân Trường", "Đỗ Thị Phương Thảo"};
    const char* colors[] = {"#C00000", "#1F4E79", "#FFD966", "#548235"};
    const char* cats[] = {"Lãnh đạo Sở", "Đại biểu huyện, thành phố", "Khách mời", "Cán bộ, viên chức"};
    BadgeSheet sheet;
    sheet.eventLines = {"SỞ Y TẾ BẮC GIANG", "NGÀY HỘI TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2023"};
    const auto key = fixedKey();
    for (int i = 0; i < count; ++i) {
        Badge b;
        b.name = names[i % 10];
        b.title = i % 3 == 0 ? "Phó Giám đốc Sở" : "Trưởng phòng Tổ chức - Hành chính";
        b.unit = "Trung tâm Kiểm soát bệnh tật tỉnh Bắc Giang";
        b.seat = i % 2 == 0 ? "A" + std::to_string(i + 1) : "";
        b.categoryName = cats[i % 4];
        b.categoryColor = colors[i % 4];
        char code[8];
        std::snprintf(code, sizeof code, "D%04d", i + 1);
        b.code = core::makeBadgeText(key, "ANTQ23", code, 1);
        sheet.badges.push_back(b);
    }
    return sheet;
}

} // namespace

TEST_CASE("badge codes encode as small QR symbols (version 4 or less)") {
    const auto key = fixedKey();
    const std::string text = core::makeBadgeText(key, "ANTQ23", "D0042", 1);
    std::string why;
    auto qr = encodeQr(text, &why);
    REQUIRE(qr);
    CHECK(qr->version >= 1);
    CHECK(qr->version <= 4);
    CHECK(qr->size == 17 + 4 * qr->version);
    // Finder pattern corners are dark, the separator next to them is light.
    CHECK(qr->at(0, 0));
    CHECK(qr->at(qr->size - 1, 0));
    CHECK(qr->at(0, qr->size - 1));
    CHECK_FALSE(qr->at(7, 7));
}

TEST_CASE("a text too long for any QR version is refused as a value") {
    std::string why;
    CHECK_FALSE(encodeQr(std::string(8000, 'A'), &why));
    CHECK_FALSE(why.empty());
    CHECK_FALSE(encodeQr("", &why));
}

TEST_CASE("a badge sheet PDF keeps Vietnamese names and every QR decodes from the printed page") {
    test::TempDir dir;
    const BadgeSheet sheet = sampleSheet(10);
    const std::string pdf = dir.file("badges.pdf");
    size_t lastDone = 0, lastTotal = 0;
    const PaperStatus status = writeBadgesPdf(sheet, pdf, {}, [&](size_t done, size_t total) {
        lastDone = done;
        lastTotal = total;
    });
    REQUIRE(status.ok());
    CHECK(status.pages == 2);
    CHECK(lastDone == 10);
    CHECK(lastTotal == 10);
    CHECK(test::pdfPages(pdf) == 2);
    CHECK(test::pdfPageSize(pdf).rfind("595.276 x 841.89", 0) == 0);

    const std::string text = test::pdfText(pdf);
    for (const auto& b : sheet.badges) {
        CHECK(text.find(b.name) != std::string::npos);
        CHECK(text.find(b.categoryName) != std::string::npos);
        CHECK(text.find(b.code) != std::string::npos);
    }
    CHECK(text.find("NGÀY HỘI TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2023") != std::string::npos);
    CHECK(text.find("Ghế: A1") != std::string::npos);

    const auto pages = test::renderPages(pdf, dir.path(), 150);
    REQUIRE(pages.size() == 2);
    std::set<std::string> decoded;
    for (const auto& page : pages) {
        CHECK(page.ink() > 0.02);
        ZXing::DecodeHints hints;
        hints.setFormats(ZXing::BarcodeFormat::QRCode);
        for (const auto& r : ZXing::ReadBarcodes(ZXing::ImageView(page.pixels.data(), page.width, page.height, ZXing::ImageFormat::Lum), hints))
            decoded.insert(r.text());
    }
    for (const auto& b : sheet.badges) CHECK(decoded.count(b.code) == 1);
}

TEST_CASE("low-resolution page renders of a badge sheet are not blank") {
    test::TempDir dir;
    const std::string pdf = dir.file("badges.pdf");
    REQUIRE(writeBadgesPdf(sampleSheet(3), pdf).ok());
    const auto pages = test::renderPages(pdf, dir.path(), 30);
    REQUIRE(pages.size() == 1);
    CHECK(std::abs(pages[0].width - 248) <= 1); // 210 mm at 30 dpi
    CHECK(pages[0].ink() > 0.02);
}

TEST_CASE("a badge sheet with nothing on it, or an unwritable path, fails as a value") {
    test::TempDir dir;
    CHECK_FALSE(writeBadgesPdf(BadgeSheet{}, dir.file("empty.pdf")).ok());
    const PaperStatus s = writeBadgesPdf(sampleSheet(1), dir.file("no/such/dir/badges.pdf"));
    CHECK_FALSE(s.ok());
    CHECK_FALSE(s.error.empty());
}
