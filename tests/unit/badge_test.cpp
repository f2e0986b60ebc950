#include <catch2/catch.hpp>

#include "kiosk/core/badge.hpp"

using namespace kiosk::core;

TEST_CASE("a badge made with the key verifies, and is uppercase alphanumeric-mode text") {
    const BadgeKey key = generateBadgeKey();
    const std::string text = makeBadgeText(key, "antq23", "D0042", 1);
    CHECK(text.rfind("ANTQ23-D0042-1-", 0) == 0);
    CHECK(text.size() <= 40);
    for (char c : text) CHECK(((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'));
    const ParsedBadge p = parseBadge(text);
    REQUIRE(p.kind == ParsedBadge::Kind::Signed);
    CHECK(p.prefix == "ANTQ23");
    CHECK(p.code == "D0042");
    CHECK(p.serial == 1);
    CHECK(verifyBadge(key, p));
}

TEST_CASE("any change to a badge breaks its signature") {
    const BadgeKey key = generateBadgeKey();
    const std::string text = makeBadgeText(key, "ANTQ23", "D0042", 1);
    std::string forgedCode = text;
    forgedCode.replace(forgedCode.find("D0042"), 5, "D0043");
    CHECK_FALSE(verifyBadge(key, parseBadge(forgedCode)));
    std::string forgedSerial = text;
    forgedSerial.replace(forgedSerial.find("-1-"), 3, "-2-");
    CHECK_FALSE(verifyBadge(key, parseBadge(forgedSerial)));
    std::string forgedMac = text;
    forgedMac.back() = forgedMac.back() == 'A' ? 'B' : 'A';
    CHECK_FALSE(verifyBadge(key, parseBadge(forgedMac)));
    CHECK_FALSE(verifyBadge(generateBadgeKey(), parseBadge(text)));
}

TEST_CASE("codes with dashes keep them, and lowercase scans are read as uppercase") {
    const BadgeKey key = generateBadgeKey();
    const std::string text = makeBadgeText(key, "ANTQ23", "SYT-001", 3);
    const ParsedBadge p = parseBadge(text);
    REQUIRE(p.kind == ParsedBadge::Kind::Signed);
    CHECK(p.code == "SYT-001");
    CHECK(p.serial == 3);
    std::string lower = text;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK(verifyBadge(key, parseBadge(lower)));
}

TEST_CASE("scanner noise is stripped") {
    CHECK(cleanScan("ANTQ23-D1-1-AAAA\r\n") == "ANTQ23-D1-1-AAAA");
    CHECK(cleanScan("  ANTQ23-D1-1-AAAA\t") == "ANTQ23-D1-1-AAAA");
    CHECK(cleanScan("]Q1ANTQ23-D1-1-AAAA\n") == "ANTQ23-D1-1-AAAA");
    CHECK(cleanScan("]C0NV100200\r") == "NV100200");
    CHECK(cleanScan("\r\n") == "");
}

TEST_CASE("what is not a signed badge is plain text or malformed") {
    CHECK(parseBadge("").kind == ParsedBadge::Kind::Malformed);
    CHECK(parseBadge("AB\x01" "CD").kind == ParsedBadge::Kind::Malformed);
    CHECK(parseBadge("B\xff\xfe").kind == ParsedBadge::Kind::Malformed);
    CHECK(parseBadge(std::string(600, 'A')).kind == ParsedBadge::Kind::Malformed);
    CHECK(parseBadge("https://example.org/x").kind == ParsedBadge::Kind::Plain);
    CHECK(parseBadge("NV100200").kind == ParsedBadge::Kind::Plain);
    // Right shape but a MAC of the wrong length or alphabet: not signed.
    CHECK(parseBadge("ANTQ23-D1-1-ABC").kind == ParsedBadge::Kind::Plain);
    CHECK(parseBadge("ANTQ23-D1-1-ABCDEFGHIJKLMN01").kind == ParsedBadge::Kind::Plain);
}

TEST_CASE("keys survive a hex round trip and bad hex is refused") {
    const BadgeKey key = generateBadgeKey();
    BadgeKey back{};
    REQUIRE(keyFromHex(keyToHex(key), back));
    CHECK(back == key);
    CHECK_FALSE(keyFromHex("zz", back));
    CHECK_FALSE(keyFromHex(std::string(64, 'g'), back));
}

TEST_CASE("base32 follows RFC 4648") {
    const std::string foobar = "foobar";
    CHECK(base32(reinterpret_cast<const std::uint8_t*>(foobar.data()), 6) == "MZXW6YTBOI");
    CHECK(base32(reinterpret_cast<const std::uint8_t*>(foobar.data()), 1) == "MY");
}
