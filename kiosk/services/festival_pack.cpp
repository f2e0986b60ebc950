#include "kiosk/core/limits.hpp"
#include "kiosk/services/festival_pack.hpp"

#include <filesystem>
#include <map>
#include <toml++/toml.h>

#include "kiosk/core/i18n.hpp"
#include "kiosk/paper/csv_reader.hpp"
#include "kiosk/services/event_pack.hpp"
#include "kiosk/store/festival_repo.hpp"

namespace kiosk::services {

namespace fs = std::filesystem;

namespace {

using Node = toml::node_view<const toml::node>;

/// A CSV file read by header name, so organizers may reorder or add columns.
struct CsvTable {
    std::string path;
    std::map<std::string, std::size_t> columns;
    std::vector<paper::CsvRow> rows;

    std::string get(const paper::CsvRow& row, const std::string& name) const {
        auto it = columns.find(name);
        return it == columns.end() || it->second >= row.fields.size() ? std::string() : row.fields[it->second];
    }
    std::string badRow(const paper::CsvRow& row) const {
        return core::trf("init.bad_row", {{"path", path}, {"line", std::to_string(row.line)}});
    }
};

std::optional<CsvTable> readTable(const std::string& path, const std::vector<std::string>& required,
                                  std::vector<std::string>& problems) {
    auto doc = paper::readCsvFile(path);
    if (!doc.ok() || doc.rows.empty()) {
        problems.push_back(core::trf("init.bad_file", {{"path", path}}));
        return std::nullopt;
    }
    CsvTable t{path, {}, {}};
    for (std::size_t i = 0; i < doc.rows[0].fields.size(); ++i) t.columns[doc.rows[0].fields[i]] = i;
    for (const auto& name : required)
        if (!t.columns.count(name)) problems.push_back(core::trf("init.bad_field", {{"field", path + ": " + name}}));
    t.rows.assign(doc.rows.begin() + 1, doc.rows.end());
    return t;
}

std::optional<int> toInt(const std::string& s) {
    try {
        std::size_t used = 0;
        int v = std::stoi(s, &used);
        if (used == s.size()) return v;
    } catch (...) {
    }
    return std::nullopt;
}

core::PrizeCounts prizesOf(const Node& n) {
    core::PrizeCounts p;
    p.first = n["first"].value_or(p.first);
    p.second = n["second"].value_or(p.second);
    p.third = n["third"].value_or(p.third);
    p.consolation = n["consolation"].value_or(p.consolation);
    return p;
}

void bad(std::vector<std::string>& problems, const std::string& field) {
    problems.push_back(core::trf("init.bad_field", {{"field", field}}));
}

/// One [[contest]] table: the contest row, its rounds or criteria, its team list.
void loadContest(store::Database& db, const Node& n, int pos, std::vector<std::string>& teamsSeen,
                 std::vector<std::string>& problems) {
    core::Contest c;
    c.id = n["id"].value_or(std::string());
    c.name = n["name"].value_or(std::string());
    const std::string where = "contests.toml: " + (c.id.empty() ? std::string("?") : c.id);
    auto kind = core::parseContestKind(n["kind"].value_or(std::string()));
    if (c.id.empty() || c.name.empty() || !kind) return bad(problems, where);
    c.kind = *kind;
    c.pos = pos;
    c.prizes = prizesOf(n["prizes"]);
    auto agg = core::parseAggregation(n["aggregation"].value_or(std::string("trimmed_mean")));
    if (!agg) bad(problems, where + ".aggregation");
    c.aggregation = agg.value_or(core::Aggregation::TrimmedMean);
    if (const auto* arr = n["tie_breaks"].as_array())
        for (const auto& item : *arr) {
            auto tb = core::parseTieBreak(item.value_or(std::string()));
            if (tb) c.tieBreaks.push_back(*tb);
            else bad(problems, where + ".tie_breaks");
        }
    c.decimals = n["decimals"].value_or(2);
    // A misspelt direction would silently rank a race backwards: a problem, like any unknown code.
    const auto better = core::kBetterCodes.parse(n["better"].value_or(std::string("higher")));
    if (!better) bad(problems, where + ".better");
    c.better = better.value_or(core::Better::Higher);
    c.resultUnit = n["unit"].value_or(std::string());
    c.timeResults = n["time_results"].value_or(false);
    c.tiePlaces = n["tie_places"].value_or(1);
    store::saveContest(db, c);

    int i = 0;
    if (const auto* teams = n["teams"].as_array())
        for (const auto& t : *teams) {
            auto id = t.value_or(std::string());
            store::addContestTeam(db, c.id, id, i++);
            teamsSeen.push_back(id);
        }
    i = 0;
    if (const auto* rounds = n["round"].as_array())
        for (const auto& r : *rounds) {
            Node rn{r};
            core::QuizRound round;
            round.id = rn["id"].value_or(std::string());
            round.name = rn["name"].value_or(round.id);
            auto rk = core::parseRoundKind(rn["kind"].value_or(std::string("everyone")));
            if (round.id.empty() || !rk) {
                bad(problems, where + ".round");
                continue;
            }
            round.kind = *rk;
            round.wrongPoints = rn["wrong_points"].value_or(0);
            round.falseStart = {rn["false_start_penalty"].value_or(0), rn["false_start_lockout"].value_or(true)};
            store::saveRound(db, c.id, round, i++);
        }
    i = 0;
    if (const auto* criteria = n["criterion"].as_array())
        for (const auto& cr : *criteria) {
            Node cn{cr};
            core::Criterion crit{cn["id"].value_or(std::string()), cn["name"].value_or(std::string()),
                                 cn["weight"].value_or(1.0), cn["max"].value_or(10.0), cn["step"].value_or(0.0)};
            if (crit.id.empty() || crit.name.empty() || crit.maxScore <= 0 || crit.weight < 0) {
                bad(problems, where + ".criterion");
                continue;
            }
            store::saveCriterion(db, c.id, crit, i++);
        }
    if (c.kind == core::ContestKind::Judged && i == 0) bad(problems, where + ".criterion");
    for (const auto& tb : c.tieBreaks)
        if (tb.kind == core::TieBreak::Kind::Criterion) {
            auto criteria = store::loadCriteria(db, c.id);
            bool known = false;
            for (const auto& cr : criteria) known = known || cr.id == tb.criterionId;
            if (!known) bad(problems, where + ".tie_breaks: " + tb.criterionId);
        }
}

void loadTeamsCsv(store::Database& db, const std::string& path, std::vector<std::string>& problems) {
    auto t = readTable(path, {"id", "name"}, problems);
    if (!t) return;
    int pos = 0;
    for (const auto& row : t->rows) {
        core::QuizTeam team{t->get(row, "id"), t->get(row, "name"), t->get(row, "unit"), t->get(row, "buzzer_key")};
        if (team.id.empty() || team.name.empty()) {
            problems.push_back(t->badRow(row));
            continue;
        }
        if (auto tooLong = core::lengthProblem(core::TextField::Name, team.name)) {
            problems.push_back(path + ": " + team.id + ": " + *tooLong);
            continue;
        }
        store::saveTeam(db, team, pos++);
    }
}

void loadQuestionsCsv(store::Database& db, const std::string& path, std::vector<std::string>& problems) {
    auto t = readTable(path, {"contest", "id", "round", "type", "question", "answer"}, problems);
    if (!t) return;
    for (const auto& row : t->rows) {
        core::QuizQuestion q;
        std::string contest = t->get(row, "contest");
        q.id = t->get(row, "id");
        q.roundId = t->get(row, "round");
        q.pos = toInt(t->get(row, "pos")).value_or(0);
        std::string type = t->get(row, "type");
        q.multipleChoice = type == "choice";
        q.text = t->get(row, "question");
        for (const char* col : {"a", "b", "c", "d"})
            if (auto v = t->get(row, col); !v.empty()) q.choices.push_back(v);
        q.answer = t->get(row, "answer");
        q.explanation = t->get(row, "source");
        q.points = toInt(t->get(row, "points")).value_or(10);
        q.timeLimitSec = toInt(t->get(row, "time_limit")).value_or(30);
        bool choiceOk = !q.multipleChoice ||
                        (q.choices.size() >= 2 && q.answer.size() == 1 && q.answer[0] >= 'A' &&
                         q.answer[0] < char('A' + q.choices.size()));
        bool ok = !contest.empty() && !q.id.empty() && !q.text.empty() && !q.answer.empty() &&
                  (type == "choice" || type == "open") && choiceOk && q.timeLimitSec > 0;
        if (!ok) {
            problems.push_back(t->badRow(row));
            continue;
        }
        try {
            store::saveQuestion(db, contest, q);
        } catch (const store::DbError&) {
            // A question naming an unknown contest or round breaks a foreign key.
            problems.push_back(t->badRow(row));
        }
    }
}

void loadPerformancesCsv(store::Database& db, const std::string& path, std::vector<std::string>& problems) {
    auto t = readTable(path, {"contest", "id", "title"}, problems);
    if (!t) return;
    for (const auto& row : t->rows) {
        core::Performance p{t->get(row, "id"), t->get(row, "title"), t->get(row, "team"), t->get(row, "performers"),
                            t->get(row, "genre"), toInt(t->get(row, "pos")).value_or(0)};
        std::string contest = t->get(row, "contest");
        if (contest.empty() || p.id.empty() || p.title.empty() || !store::loadContest(db, contest)) {
            problems.push_back(t->badRow(row));
            continue;
        }
        store::savePerformance(db, contest, p);
    }
}

void loadJudgesCsv(store::Database& db, const std::string& path, std::vector<std::string>& problems) {
    auto t = readTable(path, {"contest", "id", "name", "pin"}, problems);
    if (!t) return;
    int pos = 0;
    for (const auto& row : t->rows) {
        core::Judge j{t->get(row, "id"), t->get(row, "name"), t->get(row, "title"), t->get(row, "head") == "1", ++pos};
        std::string contest = t->get(row, "contest");
        std::string pin = t->get(row, "pin");
        if (contest.empty() || j.id.empty() || j.name.empty() || pin.size() < 4 || !store::loadContest(db, contest)) {
            problems.push_back(t->badRow(row));
            continue;
        }
        store::saveJudge(db, contest, j, hashPin(pin));
    }
}

} // namespace

void loadFestivalPack(store::Database& db, const std::string& packDir, std::vector<std::string>& problems) {
    const std::string contestsPath = packDir + "/contests.toml";
    if (!fs::exists(contestsPath)) return; // a pack without a festival
    toml::table doc;
    try {
        doc = toml::parse_file(contestsPath);
    } catch (const toml::parse_error& err) {
        problems.push_back(core::trf("init.bad_toml", {{"path", contestsPath},
                                                       {"line", std::to_string(err.source().begin.line)},
                                                       {"detail", std::string(err.description())}}));
        return;
    }
    store::Transaction tx(db);
    if (fs::exists(packDir + "/teams.csv")) loadTeamsCsv(db, packDir + "/teams.csv", problems);
    std::vector<std::string> teamsSeen;
    int pos = 0;
    if (const auto* contests = std::as_const(doc)["contest"].as_array())
        for (const auto& c : *contests) loadContest(db, Node{c}, pos++, teamsSeen, problems);
    auto known = store::loadTeams(db);
    for (const auto& id : teamsSeen) {
        bool found = false;
        for (const auto& t : known) found = found || t.id == id;
        if (!found) bad(problems, "contests.toml: teams: " + id);
    }
    for (const auto& [file, loader] :
         {std::pair{"/questions.csv", &loadQuestionsCsv}, std::pair{"/performances.csv", &loadPerformancesCsv},
          std::pair{"/judges.csv", &loadJudgesCsv}})
        if (fs::exists(packDir + file)) loader(db, packDir + file, problems);
    tx.commit();
}

} // namespace kiosk::services
