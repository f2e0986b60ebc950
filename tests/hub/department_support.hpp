#pragma once
// Units of a department for the hub tests: each one's event made from the default pack (its own
// event code, unit, venue, date), a number of delegates checked in, its ceremony run in full or
// in part, relay results; and reading an XLSX sheet back as rows of cell texts.
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "hub_support.hpp"
#include "tests/unit/paper_support.hpp"

namespace kiosk::test {

/// One unit's event.
struct DemoUnit {
    std::string code, name, date;
    int present = 0;                ///< delegates D0001.. checked in on "le"
    bool fullCeremony = false;      ///< every item run, else the first three only
    std::vector<std::string> relay; ///< "team time" results of the relay race
    std::string eventCode;          ///< default "ev-<code in lower case>"
    std::string db, pack;
};

inline void replaceOnce(std::string& text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("pack text not found: " + from);
    text.replace(at, from.size(), to);
}

inline void editFile(const std::string& path,
                     const std::vector<std::pair<std::string, std::string>>& edits) {
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    for (const auto& [from, to] : edits)
        replaceOnce(text, from, to);
    std::ofstream(path, std::ios::binary) << text;
}

inline std::string delegateCode(int n) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "D%04d", n);
    return buf;
}

/// Checks in delegates from..from+count-1 on "le" at 07:30 of the unit's day, by code at the desk.
inline void checkInMore(const DemoUnit& u, int from, int count) {
    for (int i = from + 1; i <= from + count; ++i) {
        const auto r =
            runKiosk("--db " + q(u.db) + " checkin " + delegateCode(i) +
                     " --manual --list le --kiosk Cổng --at " + u.date + "T07:30:00+07:00");
        if (r.code != 0) throw std::runtime_error("checkin: " + r.out);
    }
}

/// Makes the unit's pack and database under dir and plays its day.
inline void makeUnitEvent(const TempDir& dir, DemoUnit& u) {
    if (u.eventCode.empty()) {
        u.eventCode = "ev-" + u.code;
        for (auto& c : u.eventCode)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    u.pack = dir.file("pack-" + u.code);
    u.db = dir.file(u.code + ".db");
    std::filesystem::copy(defaultPack(), u.pack, std::filesystem::copy_options::recursive);
    editFile(
        u.pack + "/event.toml",
        {{"id = \"ngay-hoi-antq-2023\"", "id = \"" + u.eventCode + "\""},
         {"unit = \"SỞ Y TẾ BẮC GIANG\"", "unit = \"" + u.name + "\""},
         {"venue = \"Hội trường Sở Y tế Bắc Giang\"", "venue = \"Hội trường " + u.name + "\""}});
    editFile(u.pack + "/report.toml",
             {{"unit_code = \"SYT\"", "unit_code = \"" + u.code + "\""},
              {"unit_name = \"Sở Y tế Bắc Giang\"", "unit_name = \"" + u.name + "\""},
              {"symbol = \"BC-SYT\"", "symbol = \"BC-" + u.code + "\""}});
    const auto init =
        runKiosk("--db " + q(u.db) + " init --pack " + q(u.pack) + " --date " + u.date);
    if (init.code != 0) throw std::runtime_error("init: " + init.out);
    checkInMore(u, 0, u.present);
    const std::string at = " --at " + u.date + "T08:";
    runKiosk("--db " + q(u.db) + " program start" + at + "00:00+07:00");
    for (int i = 1; i <= (u.fullCeremony ? 30 : 2); ++i) {
        char mm[8];
        std::snprintf(mm, sizeof mm, "%02d", std::min(i * 3, 59));
        if (runKiosk("--db " + q(u.db) + " program next" + at + mm + ":00+07:00").code != 0) break;
    }
    for (const auto& r : u.relay)
        runKiosk("--db " + q(u.db) + " results --contest tiep-suc --at " + u.date +
                 "T15:00 record " + r);
}

/// The rows of sheet n (1-based) of an .xlsx as cell texts (shared strings resolved, numbers as
/// written).
inline std::vector<std::vector<std::string>> readSheet(const std::string& xlsx, int n) {
    auto unzip = [&](const std::string& entry) {
        return run("unzip -p " + shellQuote(xlsx) + " " + shellQuote(entry) + " 2>/dev/null");
    };
    std::vector<std::string> shared;
    const std::string ss = unzip("xl/sharedStrings.xml");
    const std::regex si("<si>(.*?)</si>"), t("<t[^>]*>([^<]*)</t>");
    for (auto it = std::sregex_iterator(ss.begin(), ss.end(), si); it != std::sregex_iterator();
         ++it) {
        const std::string inner = (*it)[1];
        std::string text;
        for (auto jt = std::sregex_iterator(inner.begin(), inner.end(), t);
             jt != std::sregex_iterator(); ++jt)
            text += (*jt)[1];
        shared.push_back(text);
    }
    const std::string sheet = unzip("xl/worksheets/sheet" + std::to_string(n) + ".xml");
    std::vector<std::vector<std::string>> rows;
    const std::regex row("<row[^>]*>(.*?)</row>"),
        cell("<c r=\"([A-Z]+)[0-9]+\"([^>]*?)(/>|>(.*?)</c>)"), v("<v>([^<]*)</v>");
    for (auto it = std::sregex_iterator(sheet.begin(), sheet.end(), row);
         it != std::sregex_iterator(); ++it) {
        const std::string inner = (*it)[1];
        std::vector<std::string> cells;
        for (auto ct = std::sregex_iterator(inner.begin(), inner.end(), cell);
             ct != std::sregex_iterator(); ++ct) {
            const std::string col = (*ct)[1], attrs = (*ct)[2], body = (*ct)[4];
            size_t index = 0;
            for (char ch : col)
                index = index * 26 + static_cast<size_t>(ch - 'A' + 1);
            cells.resize(std::max(cells.size(), index));
            std::smatch m;
            if (!std::regex_search(body, m, v)) continue;
            const std::string value = m[1];
            cells[index - 1] =
                attrs.find("t=\"s\"") != std::string::npos ? shared.at(std::stoul(value)) : value;
        }
        rows.push_back(std::move(cells));
    }
    return rows;
}

} // namespace kiosk::test
