#include "kiosk/services/event_pack.hpp"

#include <filesystem>
#include <fstream>
#include <sodium.h>
#include <sstream>
#include <toml++/toml.h>

#include "kiosk/core/badge.hpp"
#include "kiosk/core/i18n.hpp"
#include "kiosk/core/limits.hpp"
#include "kiosk/core/text.hpp"
#include "kiosk/core/time.hpp"
#include "kiosk/paper/csv_reader.hpp"
#include "kiosk/services/ceremony_pack.hpp"
#include "kiosk/services/delegate_import.hpp"
#include "kiosk/services/festival_pack.hpp"
#include "kiosk/services/paper_pack.hpp"
#include "kiosk/services/session.hpp"
#include "kiosk/store/event_repo.hpp"

namespace kiosk::services {

namespace fs = std::filesystem;

namespace {

std::string str(const toml::node_view<const toml::node>& n, const std::string& fallback = "") {
    return n.value_or(fallback);
}

std::vector<std::string> strings(const toml::node_view<const toml::node>& n) {
    std::vector<std::string> out;
    if (const auto* arr = n.as_array())
        for (const auto& v : *arr)
            if (auto s = v.value<std::string>()) out.push_back(*s);
    return out;
}

void removeDatabase(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
}

} // namespace

bool loadEventToml(const std::string& path, core::Event& e, std::vector<core::CheckinList>& lists, std::string& defaultPin,
                   std::vector<std::string>& problems) {
    toml::table t;
    try {
        t = toml::parse_file(path);
    } catch (const toml::parse_error& err) {
        problems.push_back(core::trf("init.bad_toml", {{"path", path},
                                                       {"line", std::to_string(err.source().begin.line)},
                                                       {"detail", std::string(err.description())}}));
        return false;
    }
    const toml::node_view<const toml::node> ev = std::as_const(t)["event"];
    e.id = str(ev["id"]);
    e.prefix = core::asciiUpper(str(ev["prefix"]));
    e.name = str(ev["name"]);
    e.parentUnit = str(ev["parent_unit"]);
    e.unit = str(ev["unit"]);
    e.docNumber = str(ev["doc_number"]);
    e.date = str(ev["date"]);
    e.venue = str(ev["venue"]);
    e.place = str(ev["place"]);
    e.timezone = str(ev["timezone"], "Asia/Ho_Chi_Minh");
    e.bannerLines = strings(ev["banner"]);
    e.slogans = strings(ev["slogans"]);
    e.acceptPlainCodes = ev["accept_plain_codes"].value_or(false);
    defaultPin = str(ev["default_pin"]);
    const auto offset = core::parseUtcOffset(str(ev["utc_offset"], "+07:00"));
    if (!offset) problems.push_back(core::trf("init.bad_field", {{"field", "event.utc_offset"}}));
    else e.utcOffsetMin = *offset;
    if (e.id.empty()) problems.push_back(core::trf("init.bad_field", {{"field", "event.id"}}));
    if (e.name.empty()) problems.push_back(core::trf("init.bad_field", {{"field", "event.name"}}));
    if (e.unit.empty()) problems.push_back(core::trf("init.bad_field", {{"field", "event.unit"}}));
    if (!core::parseDate(e.date)) problems.push_back(core::trf("init.bad_field", {{"field", "event.date"}}));
    bool prefixOk = !e.prefix.empty() && e.prefix.size() <= 8;
    for (char c : e.prefix) prefixOk = prefixOk && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
    if (!prefixOk) problems.push_back(core::trf("init.bad_field", {{"field", "event.prefix"}}));
    if (const toml::node* scale = t["display"]["text_scale"].node()) {
        // An integer (2) is a number too; a string ("1.3") or a value off the range is refused.
        const std::optional<double> v = scale->is_number() ? scale->value<double>() : std::nullopt;
        if (v && *v >= core::kMinTextScale && *v <= core::kMaxTextScale) {
            e.textScale = static_cast<float>(*v);
        } else {
            std::ostringstream shown;
            scale->visit([&](const auto& value) { shown << value; });
            problems.push_back(core::trf("init.bad_text_scale",
                                         {{"value", shown.str()}, {"min", "0.5"}, {"max", "2.0"}}));
        }
    }

    if (const auto* arr = t["lists"].as_array()) {
        for (const auto& node : *arr) {
            const auto* lt = node.as_table();
            if (!lt) continue;
            const toml::node_view<const toml::node> l{lt};
            core::CheckinList list;
            list.id = str(l["id"]);
            list.name = str(l["name"]);
            list.categories = strings(l["categories"]);
            list.opens = str(l["opens"]);
            list.closes = str(l["closes"]);
            list.toleranceMin = static_cast<int>(l["tolerance_min"].value_or(0));
            list.reentry = l["reentry"].value_or(true);
            if (list.id.empty() || !core::parseHourMinute(list.opens) || !core::parseHourMinute(list.closes))
                problems.push_back(core::trf("init.bad_field", {{"field", "lists." + (list.id.empty() ? "?" : list.id)}}));
            lists.push_back(std::move(list));
        }
    }
    if (lists.empty()) problems.push_back(core::trf("init.bad_field", {{"field", "lists"}}));
    return problems.empty();
}

bool loadCategoriesCsv(const std::string& path, std::vector<core::Category>& out, std::vector<std::string>& problems) {
    const auto doc = paper::readCsvFile(path);
    if (!doc.ok() || doc.rows.size() < 2) {
        problems.push_back(core::trf("init.bad_file", {{"path", path}}));
        return false;
    }
    // Columns: id, name, name_en, rank, color.
    for (size_t i = 1; i < doc.rows.size(); ++i) {
        const auto& f = doc.rows[i].fields;
        if (f.size() < 4 || f[0].empty() || f[1].empty()) {
            problems.push_back(core::trf("init.bad_row", {{"path", path}, {"line", std::to_string(doc.rows[i].line)}}));
            continue;
        }
        core::Category c{f[0], f[1], f[2], 100, f.size() > 4 ? f[4] : "#888888"};
        try {
            c.rank = std::stoi(f[3]);
        } catch (...) {
            problems.push_back(core::trf("init.bad_row", {{"path", path}, {"line", std::to_string(doc.rows[i].line)}}));
        }
        out.push_back(std::move(c));
    }
    return problems.empty();
}

std::string hashPin(const std::string& pin) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("out of memory hashing the PIN");
    return out;
}

bool checkPin(const std::string& hash, const std::string& pin) {
    if (sodium_init() < 0) return false;
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

std::vector<PackLoader> packLoaders() {
    return {
        &loadPaperPack,        // paper_pack.cpp: report.toml, certificate.toml
        loadCeremonyPackPart, // ceremony_pack.cpp: program.csv, awards.csv, ceremony.toml
        &loadFestivalPack,    // festival_pack.cpp: contests.toml, teams, questions, judges, performances
    };
}

InitResult initEvent(const InitOptions& o) {
    InitResult result;
    core::Event event;
    std::vector<core::CheckinList> lists;
    std::vector<core::Category> categories;
    std::string defaultPin;
    loadEventToml(o.packDir + "/event.toml", event, lists, defaultPin, result.problems);
    loadCategoriesCsv(o.packDir + "/categories.csv", categories, result.problems);
    if (o.date) {
        if (core::parseDate(*o.date)) {
            event.date = *o.date;
            // The banner's last line is the place and date of the template: it moves with the event.
            if (event.bannerLines.size() >= 4)
                event.bannerLines.back() = core::trf("event.date_line", {{"place", event.place},
                                                                         {"day", std::to_string(std::stoi(event.date.substr(8, 2)))},
                                                                         {"month", std::to_string(std::stoi(event.date.substr(5, 2)))},
                                                                         {"year", event.date.substr(0, 4)}});
        } else {
            result.problems.push_back(core::trf("init.bad_field", {{"field", "--date"}}));
        }
    }
    if (o.wholeDayWindows)
        for (auto& l : lists) {
            l.opens = "00:00";
            l.closes = "23:59";
        }
    for (const auto& l : lists)
        for (const auto& c : l.categories) {
            bool known = false;
            for (const auto& cat : categories) known = known || cat.id == c;
            if (!known) result.problems.push_back(core::trf("init.unknown_category", {{"list", l.id}, {"value", c}}));
        }
    const std::string pin = !o.pin.empty() ? o.pin : (!defaultPin.empty() ? defaultPin : "1908");
    if (auto bad = core::pinProblem(pin)) result.problems.push_back(*bad);
    if (!result.problems.empty()) return result;

    if (fs::exists(o.dbPath)) {
        if (!o.force) {
            result.problems.push_back(core::trf("init.exists", {{"path", o.dbPath}}));
            return result;
        }
    }
    // Build into a temporary file and move it into place: a failed init leaves nothing behind
    // and never destroys the previous database.
    const std::string tmp = o.dbPath + ".init-tmp";
    removeDatabase(tmp);
    try {
        {
            auto db = Session::create(tmp);
            store::Transaction tx(*db);
            store::saveEvent(*db, event);
            store::saveCategories(*db, categories);
            store::saveLists(*db, lists);
            store::setSetting(*db, "badge_key", core::keyToHex(core::generateBadgeKey()));
            result.pinUsed = pin;
            store::setSetting(*db, "pin_hash", hashPin(result.pinUsed));
            store::setSetting(*db, "pack_dir", fs::absolute(o.packDir).string());
            tx.commit();
            const std::string delegatesCsv = o.packDir + "/delegates.csv";
            if (fs::exists(delegatesCsv)) {
                const auto report = importDelegatesFile(*db, delegatesCsv, false);
                for (const auto& p : report.problems) result.problems.push_back(p.message);
                result.delegates = report.inserted;
            }
            for (const auto& loader : packLoaders()) loader(*db, o.packDir, result.problems);
            db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        if (!result.problems.empty()) {
            removeDatabase(tmp);
            return result;
        }
        removeDatabase(o.dbPath);
        fs::rename(tmp, o.dbPath);
        removeDatabase(tmp);
    } catch (const std::exception& e) {
        removeDatabase(tmp);
        result.problems.push_back(e.what());
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace kiosk::services
