#pragma once
// The event's domain model: the event, delegate categories, check-in lists, delegates.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/time.hpp"

namespace kiosk::core {

/// The event as the pack describes it.
struct Event {
    std::string id;          ///< short id, e.g. "ngay-hoi-antq-2023"
    std::string prefix;      ///< badge prefix, uppercase alphanumeric, e.g. "ANTQ23"
    std::string name;        ///< "Ngày hội toàn dân bảo vệ an ninh Tổ quốc"
    std::string parentUnit;  ///< "UBND TỈNH BẮC GIANG" (line above the unit in the header)
    std::string unit;        ///< organizing unit, "Sở Y tế Bắc Giang"
    std::string docNumber;   ///< "83/KH-SYT"
    std::string date;        ///< "YYYY-MM-DD", local
    std::string venue;
    std::string place;       ///< place name used in the banner and the report header ("Bắc Giang")
    std::string timezone;    ///< "Asia/Ho_Chi_Minh"
    int utcOffsetMin = 420;  ///< fixed offset of the time zone (Viet Nam has no DST)
    std::vector<std::string> bannerLines;
    std::vector<std::string> slogans;
    bool acceptPlainCodes = false;
    /// [display] text_scale: multiplies the gate's and the stage's text (a far or small screen).
    float textScale = 1.0f;
};
/// The range a pack's [display] text_scale must lie in (beyond it a name no longer fits a line).
inline constexpr float kMinTextScale = 0.5f;
inline constexpr float kMaxTextScale = 2.0f;

/// A kind of delegate ("Lãnh đạo Sở", "Công an huyện"...), with a protocol rank (1 = first).
struct Category {
    std::string id;
    std::string name;
    std::string nameEn;
    int rank = 100;
    std::string color; ///< "#RRGGBB"
};

/// A check-in list: one part of the day with its own door rules.
struct CheckinList {
    std::string id;    ///< "le" or "hoi"
    std::string name;
    std::vector<std::string> categories; ///< admitted categories; empty admits all
    std::string opens;                   ///< "HH:MM" local, on the event date
    std::string closes;                  ///< "HH:MM" local, on the event date
    int toleranceMin = 0;                ///< minutes accepted before opening and after closing
    bool reentry = true;                 ///< may a delegate come back in after an exit
};

/// One delegate.
struct Delegate {
    std::int64_t id = 0;
    std::string code;         ///< registry code, e.g. "D0042"
    std::string name;
    std::string title;
    std::string unit;
    std::string categoryId;
    int rank = 100;           ///< protocol rank inside the event (lower is introduced first)
    std::string seat;
    bool introduce = false;   ///< the MC names this delegate in the introduction
    std::string externalCode; ///< a code from another system, accepted when the pack allows
    std::string phone;        ///< where the list has one (the desk calls a leader who is late)
    int badgeSerial = 1;      ///< bumps on reissue; older badges are refused
    bool revoked = false;
    bool walkIn = false;
};

/// Window of a list on a given day, as instants; tolerance included.
struct ListWindow {
    Millis opens = 0;
    Millis closes = 0;
    Millis opensWithTolerance = 0;
    Millis closesWithTolerance = 0;
};

/// The category a person means by text: its id, its name or its English name, compared
/// without case, diacritics or punctuation ("Khách mời", "khach moi", "khach-moi"); nullptr when none.
/// Import, walk-ins and every other place that reads a category from a person use this.
const Category* findCategory(const std::vector<Category>& categories, std::string_view text);

/// Protocol order, as the MC introduces: category rank, then the delegate's rank, then name.
bool protocolBefore(int categoryRankA, const Delegate& a, int categoryRankB, const Delegate& b);

/// Computes a list's window on the event date; nullopt fields are treated as always open.
bool listWindow(const Event& event, const CheckinList& list, ListWindow& out);

} // namespace kiosk::core
