#include "kiosk/services/ceremony_pack.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <toml++/toml.h>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/json.hpp"
#include "kiosk/core/text.hpp"
#include "kiosk/paper/csv_reader.hpp"
#include "kiosk/paper/csv_writer.hpp"
#include "kiosk/services/program_runner.hpp"
#include "kiosk/store/ceremony_repo.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "kiosk/store/event_repo.hpp"

namespace kiosk::services {

namespace {

bool writeFile(const std::string& path, const std::vector<std::vector<std::string>>& rows, std::string& error) {
    paper::CsvWriter out(path);
    for (const auto& r : rows) {
        for (const auto& f : r) out.field(f);
        out.endRow();
    }
    if (out.close().ok()) return true;
    error = core::trf("ceremony.file.cannot_write", {{"file", path}});
    return false;
}

std::optional<std::string> readFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return std::nullopt;
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// Column lookup by header name; a row reads its fields through it and reports where it failed.
using paper::CsvRow;

class Columns {
public:
    Columns(const CsvRow& header, const std::string& file, CeremonyFileReport& report) : m_file(file), m_report(report) {
        for (std::size_t i = 0; i < header.fields.size(); ++i) m_index[core::fold(core::trim(header.fields[i]))] = i;
    }
    bool require(std::initializer_list<const char*> names) {
        bool ok = true;
        for (const char* n : names)
            if (!m_index.count(n)) ok = false, fail(1, n, core::trf("ceremony.file.missing_column", {{"column", n}}));
        return ok;
    }
    bool has(const char* name) const { return m_index.count(name) != 0; }
    std::string text(const CsvRow& row, const char* name) const {
        auto it = m_index.find(name);
        if (it == m_index.end() || it->second >= row.fields.size()) return {};
        return std::string(core::trim(row.fields[it->second]));
    }
    int number(const CsvRow& row, const char* name, int fallback, int min) {
        const std::string t = text(row, name);
        if (t.empty()) return fallback;
        try {
            std::size_t used = 0;
            const int v = std::stoi(t, &used);
            if (used == t.size() && v >= min) return v;
        } catch (const std::exception&) {
        }
        fail(row.line, name, core::trf("ceremony.file.bad_number", {{"value", t}}));
        return fallback;
    }
    bool flag(const CsvRow& row, const char* name) {
        const std::string t = core::fold(text(row, name));
        if (t.empty() || t == "0" || t == "no" || t == "khong" || t == "false") return false;
        if (t == "1" || t == "yes" || t == "co" || t == "true" || t == "x") return true;
        fail(row.line, name, core::trf("ceremony.file.bad_flag", {{"value", text(row, name)}}));
        return false;
    }
    void fail(int line, std::string_view column, const std::string& message) {
        m_report.ok = false;
        m_report.errors.push_back(m_file + ":" + std::to_string(line) + ":" + std::string(column) + ": " + message);
    }

private:
    std::string m_file;
    CeremonyFileReport& m_report;
    std::map<std::string, std::size_t> m_index;
};

// The rows of a CSV text; a text the reader cannot make sense of reports its problems and gives no rows.
std::vector<CsvRow> csvRows(std::string_view text, const std::string& fileName, CeremonyFileReport& report) {
    auto doc = paper::parseCsv(text);
    for (const auto& p : doc.problems) {
        report.ok = false;
        report.errors.push_back(fileName + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": " +
                                core::trf("ceremony.file.bad_csv", {{"code", p.code}}));
    }
    if (!doc.ok()) return {};
    return std::move(doc.rows);
}

const char* const kProgramHeader[] = {"id", "order", "title", "minutes", "optional", "warn_s",
                                      "danger_s", "speaker", "kind", "script"};

} // namespace

std::vector<core::ProgramItem> parseProgramCsv(const std::string& text, const std::string& fileName,
                                               CeremonyFileReport& report,
                                               const std::vector<core::ProgramItem>& existing) {
    std::vector<core::ProgramItem> items;
    const auto rows = csvRows(text, fileName, report);
    if (rows.empty()) return items;
    Columns cols(rows[0], fileName, report);
    if (!cols.require({"id", "title", "minutes"})) return items;
    std::set<std::string> seen;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const CsvRow& row = rows[r];
        const std::string id = cols.text(row, "id");
        const auto known = std::find_if(existing.begin(), existing.end(), [&](const auto& e) { return e.id == id; });
        core::ProgramItem i = known != existing.end() ? *known : core::ProgramItem{};
        i.id = id;
        i.order = cols.number(row, "order", static_cast<int>(r), 0);
        i.title = cols.text(row, "title");
        i.plannedMin = cols.number(row, "minutes", 0, 0);
        // A column the file does not have leaves a known item's field as it is (a file with only
        // the titles and minutes must not wipe the MC's script).
        const bool fresh = known == existing.end();
        if (fresh || cols.has("optional")) i.optional = cols.flag(row, "optional");
        if (fresh || cols.has("warn_s")) i.warnSec = cols.number(row, "warn_s", 60, 0);
        if (fresh || cols.has("danger_s")) i.dangerSec = cols.number(row, "danger_s", 15, 0);
        if (fresh || cols.has("speaker")) i.speaker = cols.text(row, "speaker");
        if (fresh || cols.has("kind")) i.kind = cols.text(row, "kind");
        if (fresh || cols.has("script")) i.script = cols.text(row, "script");
        for (const auto& p : core::checkProgramItem(i)) cols.fail(row.line, p.field, p.message);
        if (!i.id.empty() && !seen.insert(i.id).second)
            cols.fail(row.line, "id", core::trf("ceremony.file.duplicate", {{"value", i.id}}));
        items.push_back(std::move(i));
    }
    report.items = static_cast<int>(items.size());
    return items;
}

std::vector<core::Award> parseAwardsCsv(const std::string& text, const std::string& fileName,
                                        CeremonyFileReport& report, store::Database* db) {
    std::vector<core::Award> awards;
    const auto rows = csvRows(text, fileName, report);
    if (rows.empty()) return awards;
    Columns cols(rows[0], fileName, report);
    if (!cols.require({"id", "kind", "recipient"})) return awards;
    std::set<std::string> seen;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const CsvRow& row = rows[r];
        core::Award a;
        a.id = cols.text(row, "id");
        a.order = cols.number(row, "order", static_cast<int>(r), 0);
        a.kind = cols.text(row, "kind");
        // Organizers write the kind in Vietnamese too.
        if (core::fold(a.kind) == "tap the") a.kind = "collective";
        if (core::fold(a.kind) == "ca nhan") a.kind = "individual";
        a.recipient = cols.text(row, "recipient");
        a.unit = cols.text(row, "unit");
        a.delegateCode = cols.text(row, "delegate_code");
        a.form = cols.text(row, "form");
        a.decision = cols.text(row, "decision");
        a.citation = cols.text(row, "citation");
        if (a.id.empty()) cols.fail(row.line, "id", core::tr("ceremony.file.empty"));
        else if (!seen.insert(a.id).second) cols.fail(row.line, "id", core::trf("ceremony.file.duplicate", {{"value", a.id}}));
        if (!core::isAwardKind(a.kind)) cols.fail(row.line, "kind", core::trf("ceremony.file.bad_kind", {{"value", a.kind}}));
        if (a.recipient.empty()) cols.fail(row.line, "recipient", core::tr("ceremony.file.empty"));
        if (db && !a.delegateCode.empty() && !store::findDelegateByCode(*db, a.delegateCode))
            cols.fail(row.line, "delegate_code", core::trf("ceremony.file.unknown_delegate", {{"value", a.delegateCode}}));
        awards.push_back(std::move(a));
    }
    report.awards = static_cast<int>(awards.size());
    return awards;
}

CeremonyFileReport loadCeremonyPack(store::Database& db, const std::string& packDir, core::Millis now) {
    namespace fs = std::filesystem;
    CeremonyFileReport report;
    std::optional<std::vector<core::ProgramItem>> items;
    std::optional<std::vector<core::Award>> awards;
    if (auto text = readFile((fs::path(packDir) / "program.csv").string()))
        items = parseProgramCsv(*text, "program.csv", report);
    if (auto text = readFile((fs::path(packDir) / "awards.csv").string()))
        awards = parseAwardsCsv(*text, "awards.csv", report, &db);
    std::vector<std::pair<std::string, std::string>> settings;
    const fs::path toml = fs::path(packDir) / "ceremony.toml";
    if (fs::exists(toml)) {
        try {
            const auto t = toml::parse_file(toml.string());
            if (auto start = t["start"].value<std::string>()) {
                if (core::parseHourMinute(*start)) settings.emplace_back(kSettingStart, *start);
                else report.ok = false, report.errors.push_back("ceremony.toml:start: " + core::trf("ceremony.file.bad_time", {{"value", *start}}));
            }
            if (auto list = t["list"].value<std::string>()) settings.emplace_back(kSettingList, *list);
        } catch (const toml::parse_error& e) {
            report.ok = false;
            report.errors.push_back("ceremony.toml: " + std::string(e.description()));
        }
    }
    if (!report.ok) return report;
    store::Transaction tx(db);
    if (items) store::saveProgram(db, *items, now);
    if (awards) store::saveAwards(db, *awards);
    for (const auto& [k, v] : settings) store::setSetting(db, k, v);
    tx.commit();
    return report;
}

void loadCeremonyPackPart(store::Database& db, const std::string& packDir, std::vector<std::string>& problems) {
    const auto report = loadCeremonyPack(db, packDir, core::nowMillis());
    problems.insert(problems.end(), report.errors.begin(), report.errors.end());
}

bool exportProgramCsv(store::Database& db, const std::string& path, std::string& error) {
    std::vector<std::vector<std::string>> rows;
    rows.emplace_back(std::begin(kProgramHeader), std::end(kProgramHeader));
    for (const auto& i : store::loadProgram(db))
        rows.push_back({i.id, std::to_string(i.order), i.title, std::to_string(i.plannedMin), i.optional ? "1" : "0",
                        std::to_string(i.warnSec), std::to_string(i.dangerSec), i.speaker, i.kind, i.script});
    return writeFile(path, rows, error);
}

CeremonyFileReport importProgramCsv(store::Database& db, const std::string& path, core::Millis now) {
    CeremonyFileReport report;
    const auto text = readFile(path);
    if (!text) {
        report.ok = false;
        report.errors.push_back(core::trf("ceremony.file.cannot_read", {{"file", path}}));
        return report;
    }
    const auto items =
        parseProgramCsv(*text, std::filesystem::path(path).filename().string(), report, store::loadProgram(db));
    if (report.ok && items.empty()) {
        report.ok = false;
        report.errors.push_back(core::tr("ceremony.file.no_items"));
    }
    if (!report.ok) return report;
    store::Transaction tx(db);
    // The show's log names items by id: one that has already run (or been skipped) must stay,
    // or its actual times would vanish from the timeline. Skipping is how it leaves the day.
    std::set<std::string> kept;
    for (const auto& i : items) kept.insert(i.id);
    std::set<std::string> missing;
    for (const auto& a : store::loadShowActions(db))
        for (const std::string* id : {&a.item, &a.target})
            if (!id->empty() && !kept.count(*id)) missing.insert(*id);
    for (const auto& id : missing) {
        report.ok = false;
        report.errors.push_back(core::trf("ceremony.file.removes_logged_item", {{"id", id}}));
    }
    if (!report.ok) return report;
    store::saveProgram(db, items, now);
    store::audit(db, "import", "program.import", path + " (" + std::to_string(items.size()) + ")");
    tx.commit();
    return report;
}

Timeline buildTimeline(store::Database& db, core::Millis now) {
    ProgramRunner runner(db, "report");
    runner.refresh();
    const CeremonyModel& m = runner.model(now);
    Timeline t;
    t.show = m.show;
    if (m.hasEvent) t.utcOffsetMin = m.event.utcOffsetMin;
    for (std::size_t i = 0; i < m.items.size(); ++i) {
        const auto& item = m.items[i];
        const auto& timing = m.show.timeline[i];
        t.rows.push_back(TimelineRow{item.order, item.id, item.title, std::string(core::itemStatusName(timing.status)),
                                     item.optional, timing.inPlan, item.plannedMin, timing.plannedStart,
                                     timing.plannedEnd, timing.actualStart, timing.actualEnd, timing.elapsed});
    }
    return t;
}

bool writeTimelineCsv(const Timeline& t, const std::string& path, std::string& error) {
    auto clock = [&](std::optional<core::Millis> at) { return at ? core::formatClockSeconds(*at, t.utcOffsetMin) : std::string(); };
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"order", "id", "title", "optional", "status", "planned_min", "planned_start", "planned_end",
                    "actual_start", "actual_end", "actual", "difference"});
    for (const auto& r : t.rows) {
        const bool ran = r.actualStart.has_value();
        const bool over = ran && r.status != "current"; // a running item's difference is not known yet
        rows.push_back({std::to_string(r.order), r.id, r.title, r.optional ? "1" : "0", r.status,
                        std::to_string(r.plannedMin), r.inPlan ? clock(r.plannedStart) : "",
                        r.inPlan ? clock(r.plannedEnd) : "", clock(r.actualStart), clock(r.actualEnd),
                        ran ? core::formatDuration(r.elapsed) : "",
                        over ? core::formatDuration(r.elapsed - static_cast<core::Millis>(r.plannedMin) * 60'000) : ""});
    }
    rows.push_back({"", "", core::tr("ceremony.timeline.total"), "", std::string(core::showStateName(t.show.state)), "",
                    clock(t.show.plannedStart), clock(t.show.plannedEnd), clock(t.show.startedAt),
                    clock(t.show.state == core::ShowState::Finished ? t.show.finishedAt : std::optional(t.show.projectedEnd)),
                    "", core::formatDrift(t.show.drift)});
    return writeFile(path, rows, error);
}

std::string timelineJson(const Timeline& t) {
    core::JsonWriter w;
    auto time = [&](std::string_view key, std::optional<core::Millis> at) {
        if (at) w.field(key, core::formatIso(*at, t.utcOffsetMin));
        else w.key(key).null();
    };
    w.beginObject();
    w.field("state", std::string(core::showStateName(t.show.state)));
    time("planned_start", t.show.plannedStart);
    time("planned_end", t.show.plannedEnd);
    time("started_at", t.show.startedAt);
    time("finished_at", t.show.finishedAt);
    time("projected_end", t.show.projectedEnd);
    w.field("drift_s", t.show.drift / 1000);
    w.field("drift", core::formatDrift(t.show.drift));
    w.key("items").beginArray();
    for (const auto& r : t.rows) {
        w.beginObject();
        w.field("order", r.order).field("id", r.id).field("title", r.title).field("status", r.status);
        w.field("optional", r.optional).field("in_plan", r.inPlan).field("planned_min", r.plannedMin);
        time("planned_start", r.plannedStart);
        time("planned_end", r.plannedEnd);
        time("actual_start", r.actualStart);
        time("actual_end", r.actualEnd);
        w.field("actual_s", r.elapsed / 1000);
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.str();
}

} // namespace kiosk::services
