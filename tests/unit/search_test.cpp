#include <catch2/catch.hpp>

#include "kiosk/core/search.hpp"

using namespace kiosk::core;

namespace {

SearchIndex sample() {
    SearchIndex index;
    index.build({
        {1, "Nguyễn Văn Bình", "Sở Y tế Bắc Giang", "D0001"},
        {2, "Nguyễn Văn Bính", "Bệnh viện Phổi", "D0002"},
        {3, "Bình Thị Nguyệt", "Trung tâm Kiểm soát bệnh tật tỉnh", "D0003"},
        {4, "Trần Thị Hoa", "Công an huyện Việt Yên", "D0004"},
        {5, "Đặng Văn Đông", "Bệnh viện Đa khoa tỉnh", "NV100200"},
        {6, "Nguyễn Thị Vân", "Sở Y tế Bắc Giang", "D0006"},
    });
    return index;
}

std::vector<std::int64_t> ids(const std::vector<SearchHit>& hits) {
    std::vector<std::int64_t> out;
    for (const auto& h : hits) out.push_back(h.id);
    return out;
}

} // namespace

TEST_CASE("token prefixes without diacritics, in any order") {
    const auto index = sample();
    CHECK(ids(index.search("ng v binh", 10)).front() == 1);
    CHECK(ids(index.search("binh nguyen", 10)).front() == 1);
    CHECK(ids(index.search("NGUYỄN VĂN BÌNH", 10)).front() == 1);
    // "binh" is a whole token of 1 and a prefix of "binh" in 2 (Bính folds to binh too).
    const auto both = ids(index.search("ng v binh", 10));
    CHECK(std::find(both.begin(), both.end(), 2) != both.end());
    CHECK(std::find(both.begin(), both.end(), 3) == both.end()); // no "v" token
}

TEST_CASE("đ folds to d, unit and code are searched") {
    const auto index = sample();
    CHECK(ids(index.search("dang dong", 10)) == std::vector<std::int64_t>{5});
    CHECK(ids(index.search("viet yen", 10)) == std::vector<std::int64_t>{4});
    CHECK(ids(index.search("nv1002", 10)) == std::vector<std::int64_t>{5});
    CHECK(ids(index.search("d0004", 10)) == std::vector<std::int64_t>{4});
}

TEST_CASE("name matches rank above unit matches") {
    const auto index = sample();
    // "binh" is in names 1, 2 (as bính) and 3, and nowhere in units; "giang" only in units.
    const auto hits = ids(index.search("van bac giang", 10));
    REQUIRE(hits.size() == 2);
    CHECK(std::find(hits.begin(), hits.end(), 1) != hits.end());
    CHECK(std::find(hits.begin(), hits.end(), 6) != hits.end());
}

TEST_CASE("nothing for an empty query or no match, the limit holds") {
    const auto index = sample();
    CHECK(index.search("", 10).empty());
    CHECK(index.search("   ", 10).empty());
    CHECK(index.search("zzz", 10).empty());
    CHECK(index.search("nguyen", 2).size() == 2);
}

TEST_CASE("a repeated word counts once") {
    const auto index = sample();
    CHECK(ids(index.search("van van", 10)) == ids(index.search("van", 10)));
}
