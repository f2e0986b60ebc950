#include "kiosk/services/delegate_import.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <tuple>
#include <unordered_map>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/limits.hpp"
#include "kiosk/core/text.hpp"
#include "kiosk/core/time.hpp"
#include "kiosk/paper/csv_reader.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "kiosk/store/event_repo.hpp"

namespace kiosk::services {

namespace {

enum class Column { Code, Name, Title, Unit, Category, Rank, Seat, Introduce, ExternalCode, Phone };
const char* const kColumnNames[] = {"code", "name", "title", "unit", "category", "rank", "seat", "introduce", "external_code", "phone"};

// Headers as organizers write them, in Vietnamese or English, compared after folding.
const std::vector<std::pair<Column, std::vector<std::string>>> kHeaders = {
    {Column::Code, {"code", "ma", "ma dai bieu", "ma so", "id"}},
    {Column::Name, {"name", "full name", "ho va ten", "ho ten", "ten", "dai bieu"}},
    {Column::Title, {"title", "position", "chuc vu", "chuc danh"}},
    {Column::Unit, {"unit", "organization", "organisation", "don vi", "co quan", "don vi cong tac"}},
    {Column::Category, {"category", "group", "thanh phan", "loai", "nhom", "loai dai bieu"}},
    {Column::Rank, {"rank", "order", "thu tu", "thu tu nghi thuc", "stt nghi thuc"}},
    {Column::Seat, {"seat", "ghe", "cho ngoi", "vi tri", "so ghe"}},
    {Column::Introduce, {"introduce", "gioi thieu"}},
    {Column::ExternalCode, {"external code", "external_code", "ma ngoai", "ma khac", "ma he thong khac"}},
    {Column::Phone, {"phone", "telephone", "mobile", "so dien thoai", "dien thoai", "sdt", "dt"}},
};

std::optional<Column> columnFor(const std::string& header) {
    const std::string n = normalizeHeader(header);
    for (const auto& [col, names] : kHeaders)
        for (const auto& name : names)
            if (normalizeHeader(name) == n) return col;
    return std::nullopt;
}

std::optional<bool> parseFlag(const std::string& v) {
    const std::string f = core::fold(core::trim(v));
    if (f.empty() || f == "0" || f == "no" || f == "false" || f == "khong" || f == "n") return false;
    if (f == "1" || f == "yes" || f == "true" || f == "co" || f == "x" || f == "y") return true;
    return std::nullopt;
}

bool validCode(const std::string& code) {
    if (code.empty() || code.size() > 32) return false;
    for (char c : code)
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return code.front() != '-' && code.back() != '-';
}

} // namespace

std::string normalizeHeader(const std::string& h) {
    std::string out;
    for (const auto& t : core::tokens(core::fold(h))) {
        if (!out.empty()) out += ' ';
        out += t;
    }
    return out;
}

ImportReport validateDelegatesCsv(const std::string& data, const std::vector<core::Category>& categories,
                                  std::vector<core::Delegate>& delegates) {
    ImportReport report;
    auto problem = [&](int line, int column, const std::string& code, std::vector<std::pair<std::string, std::string>> values) {
        values.emplace_back("line", std::to_string(line));
        values.emplace_back("column", std::to_string(column));
        report.problems.push_back(ImportProblem{line, column, code, core::trf("import.problem." + code, values)});
    };

    const paper::CsvDocument doc = paper::parseCsv(data);
    for (const auto& p : doc.problems) problem(p.line, p.column, p.code, {});
    if (doc.rows.empty()) {
        if (report.problems.empty()) problem(1, 1, "empty_file", {});
        return report;
    }

    // Header.
    const size_t problemsBeforeHeader = report.problems.size();
    const auto& header = doc.rows.front();
    std::map<Column, int> index;
    for (size_t i = 0; i < header.fields.size(); ++i) {
        const auto col = columnFor(header.fields[i]);
        if (!col) continue; // extra columns are kept out, not refused
        if (index.count(*col)) problem(header.line, static_cast<int>(i) + 1, "duplicate_column", {{"header", header.fields[i]}});
        index[*col] = static_cast<int>(i);
    }
    for (Column required : {Column::Code, Column::Name, Column::Category})
        if (!index.count(required)) {
            problem(header.line, 0, "missing_column", {{"header", kColumnNames[static_cast<int>(required)]}});
        }
    if (report.problems.size() != problemsBeforeHeader) return report;
    for (const auto& [col, at] : index) report.columns.emplace_back(kColumnNames[static_cast<int>(col)]);

    std::unordered_map<std::string, int> firstLineOfCode;
    std::unordered_map<std::string, std::string> categoryOfValue; // the same few values repeat on every row

    for (size_t r = 1; r < doc.rows.size(); ++r) {
        const auto& row = doc.rows[r];
        auto get = [&](Column c) -> std::string {
            auto it = index.find(c);
            if (it == index.end() || it->second >= static_cast<int>(row.fields.size())) return "";
            return std::string(core::trim(row.fields[static_cast<size_t>(it->second)]));
        };
        auto col = [&](Column c) { return index.count(c) ? index[c] + 1 : 0; };
        ++report.rows;
        core::Delegate d;
        d.code = core::asciiUpper(get(Column::Code));
        d.name = get(Column::Name);
        d.title = get(Column::Title);
        d.unit = get(Column::Unit);
        d.seat = get(Column::Seat);
        d.externalCode = core::asciiUpper(get(Column::ExternalCode)); // scans are upper-cased (BADGES.md)
        d.phone = get(Column::Phone);
        const std::string category = get(Column::Category);
        bool rowOk = true;

        if (d.code.empty()) {
            problem(row.line, col(Column::Code), "missing_code", {});
            rowOk = false;
        } else if (!validCode(d.code)) {
            problem(row.line, col(Column::Code), "bad_code", {{"value", d.code}});
            rowOk = false;
        } else if (auto it = firstLineOfCode.find(d.code); it != firstLineOfCode.end()) {
            problem(row.line, col(Column::Code), "duplicate_code", {{"value", d.code}, {"first", std::to_string(it->second)}});
            rowOk = false;
        } else {
            firstLineOfCode[d.code] = row.line;
        }
        if (d.name.empty()) {
            problem(row.line, col(Column::Name), "missing_name", {});
            rowOk = false;
        }
        for (const auto& [column, field, value] : {std::tuple{Column::Name, core::TextField::Name, &d.name},
                                                   std::tuple{Column::Title, core::TextField::Title, &d.title},
                                                   std::tuple{Column::Unit, core::TextField::Unit, &d.unit},
                                                   std::tuple{Column::Seat, core::TextField::Seat, &d.seat},
                                                   std::tuple{Column::ExternalCode, core::TextField::ExternalCode, &d.externalCode}})
            if (auto tooLong = core::lengthProblem(field, *value)) {
                problem(row.line, col(column), "too_long", {{"detail", *tooLong}});
                rowOk = false;
            }
        auto known = categoryOfValue.find(category);
        if (known == categoryOfValue.end()) {
            const core::Category* found = core::findCategory(categories, category);
            known = categoryOfValue.emplace(category, found ? found->id : std::string()).first;
        }
        if (category.empty() || known->second.empty()) {
            problem(row.line, col(Column::Category), "unknown_category", {{"value", category}});
            rowOk = false;
        } else {
            d.categoryId = known->second;
        }
        if (const std::string rank = get(Column::Rank); !rank.empty()) {
            try {
                size_t used = 0;
                d.rank = std::stoi(rank, &used);
                if (used != rank.size()) throw std::invalid_argument(rank);
            } catch (...) {
                problem(row.line, col(Column::Rank), "bad_number", {{"value", rank}});
                rowOk = false;
            }
        } else if (const auto* c = [&]() -> const core::Category* {
                       for (const auto& cat : categories)
                           if (cat.id == d.categoryId) return &cat;
                       return nullptr;
                   }()) {
            d.rank = c->rank * 100;
        }
        if (const auto flag = parseFlag(get(Column::Introduce)); flag) {
            d.introduce = *flag;
        } else {
            problem(row.line, col(Column::Introduce), "bad_flag", {{"value", get(Column::Introduce)}});
            rowOk = false;
        }
        if (rowOk) delegates.push_back(std::move(d));
    }
    report.ok = report.problems.empty();
    return report;
}

ImportReport importDelegatesCsv(store::Database& db, const std::string& data, bool dryRun) {
    std::vector<core::Delegate> delegates;
    ImportReport report = validateDelegatesCsv(data, store::loadCategories(db), delegates);
    report.dryRun = dryRun;
    if (!report.ok) return report;

    store::Transaction tx(db);
    const core::Millis now = core::nowMillis();
    // One read of who is already there, rather than one lookup per row (100k rows: one scan).
    std::unordered_map<std::string, core::Delegate> known;
    for (auto& d : store::allDelegates(db)) known.emplace(d.code, std::move(d));
    const auto has = [&](const char* column) {
        return std::find(report.columns.begin(), report.columns.end(), column) != report.columns.end();
    };
    for (auto& d : delegates) {
        const auto found = known.find(d.code);
        const core::Delegate* existing = found == known.end() ? nullptr : &found->second;
        if (!existing) {
            ++report.inserted;
            if (!dryRun) store::upsertDelegate(db, d, now);
            continue;
        }
        // A column the file does not have says nothing about that field: keep what is stored.
        DelegateChange change{d.code, {}};
        const auto field = [&](const char* column, auto member) {
            if (!has(column)) d.*member = existing->*member;
            else if (d.*member != existing->*member) change.fields.emplace_back(column);
        };
        field("name", &core::Delegate::name);
        field("title", &core::Delegate::title);
        field("unit", &core::Delegate::unit);
        field("category", &core::Delegate::categoryId);
        field("rank", &core::Delegate::rank);
        field("seat", &core::Delegate::seat);
        field("introduce", &core::Delegate::introduce);
        field("external_code", &core::Delegate::externalCode);
        field("phone", &core::Delegate::phone);
        if (change.fields.empty()) {
            ++report.unchanged;
            continue;
        }
        ++report.updated;
        report.changes.push_back(std::move(change));
        if (!dryRun) store::upsertDelegate(db, d, now);
    }
    if (!dryRun) {
        store::touchDelegates(db);
        store::audit(db, "import", "delegates.import",
                     std::to_string(report.inserted) + " inserted, " + std::to_string(report.updated) + " updated");
        tx.commit();
    }
    // A dry run rolls back in the transaction's destructor: nothing was written anyway.
    return report;
}

ImportReport importDelegatesFile(store::Database& db, const std::string& path, bool dryRun) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ImportReport report;
        report.dryRun = dryRun;
        report.problems.push_back(ImportProblem{0, 0, "unreadable", core::trf("import.problem.unreadable", {{"path", path}})});
        return report;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return importDelegatesCsv(db, buffer.str(), dryRun);
}

} // namespace kiosk::services
