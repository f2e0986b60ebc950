#include <catch2/catch.hpp>

#include "kiosk/core/checkin_rules.hpp"
#include "kiosk/core/i18n.hpp"

using namespace kiosk::core;

TEST_CASE("the vi and en string tables hold the same keys, none empty but the hints that may be") {
    const auto vi = StringTable::load("vi");
    const auto en = StringTable::load("en");
    for (const auto& k : vi.keys()) CHECK((en.has(k) ? std::string() : k) == "");
    for (const auto& k : en.keys()) CHECK((vi.has(k) ? std::string() : k) == "");
    CHECK(vi.keys().size() > 50);
}

TEST_CASE("every check-in reason has a message and a short name in both languages") {
    for (const char* lang : {"vi", "en"}) {
        const auto t = StringTable::load(lang);
        for (auto r : {Reason::Ok, Reason::ExitOk, Reason::AlreadyCheckedIn, Reason::NotCheckedIn, Reason::Unknown,
                       Reason::Revoked, Reason::WrongEvent, Reason::BadSignature, Reason::Malformed, Reason::NotOnList,
                       Reason::OutsideWindow, Reason::DuplicateScan}) {
            const std::string name(reasonName(r));
            CHECK(t.has("checkin.reason." + name));
            CHECK(t.has("checkin.reason_short." + name));
            CHECK(t.has("checkin.hint." + name));
        }
    }
}

TEST_CASE("format fills placeholders and leaves unknown ones visible") {
    CHECK(format("{name} lúc {time}", {{"name", "Bình"}, {"time", "07:42"}}) == "Bình lúc 07:42");
    CHECK(format("{x} {y}", {{"x", "1"}}) == "1 {y}");
}

TEST_CASE("a missing key shows the key, not an empty string") {
    const auto vi = StringTable::load("vi");
    CHECK(vi.get("no.such.key") == "no.such.key");
}
