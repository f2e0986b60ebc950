#include <catch2/catch.hpp>

#include "kiosk/core/text.hpp"

using namespace kiosk::core;

TEST_CASE("fold strips Vietnamese diacritics and case, and maps đ to d") {
    CHECK(fold("Nguyễn Văn Bình") == "nguyen van binh");
    CHECK(fold("ĐẶNG THỊ ĐÀO") == "dang thi dao");
    CHECK(fold("Sở Y tế Bắc Giang") == "so y te bac giang");
    CHECK(fold("Trần Quốc Hưng") == "tran quoc hung");
    CHECK(fold("ABC-123") == "abc-123");
}

TEST_CASE("fold is the same for precomposed and decomposed input") {
    // "ệ" precomposed (U+1EC7) and as e + combining circumflex + combining dot below.
    CHECK(fold("Nguy\xe1\xbb\x87n") == fold("Nguye\xcc\x82\xcc\xa3n"));
}

TEST_CASE("tokens split folded text on anything but letters and digits") {
    CHECK(tokens("nguyen van  binh, ubnd-huyen") == std::vector<std::string>{"nguyen", "van", "binh", "ubnd", "huyen"});
    CHECK(tokens("").empty());
}

TEST_CASE("invalid UTF-8 is detected") {
    CHECK(isValidUtf8("Bình"));
    CHECK_FALSE(isValidUtf8("B\xff\xfeinh"));
    CHECK(fold("B\xffINH") == "b\xffinh");
}

TEST_CASE("utf8Chars splits text into whole characters") {
    using kiosk::core::utf8Chars;
    CHECK(utf8Chars("Đ1ễ") == std::vector<std::string>{"Đ", "1", "ễ"});
    CHECK(utf8Chars("") .empty());
    // A stray continuation byte or a cut sequence stands alone rather than swallowing its neighbours.
    CHECK(utf8Chars("a\x80" "b") == std::vector<std::string>{"a", "\x80", "b"});
    CHECK(utf8Chars("\xE1\xBB") == std::vector<std::string>{"\xE1", "\xBB"});
}

TEST_CASE("utf8Prefix cuts between characters, never inside one") {
    using kiosk::core::utf8Prefix;
    const std::string text = "Câu hỏi về Luật An ninh mạng";
    const std::string cut = utf8Prefix(text, 6);
    CHECK(cut == "Câu hỏ…");
    CHECK(kiosk::core::isValidUtf8(cut));
    CHECK(utf8Prefix("Đ1", 5) == "Đ1");
    // A byte cut (what substr did) of the same text is not UTF-8 at all.
    CHECK_FALSE(kiosk::core::isValidUtf8(text.substr(0, 7)));
}
