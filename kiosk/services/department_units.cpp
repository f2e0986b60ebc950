#include "kiosk/services/department_units.hpp"

#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/text.hpp"
#include "kiosk/paper/csv_reader.hpp"

namespace kiosk::services {

namespace {

enum class Column { Code, Name, District, Contact, Phone };

// Headers as the department's officers write them, compared after folding.
const std::vector<std::pair<Column, std::vector<std::string>>> kHeaders = {
    {Column::Code, {"code", "unit code", "ma", "ma don vi", "ma dv", "ky hieu"}},
    {Column::Name,
     {"name", "unit", "ten", "ten don vi", "don vi", "co quan, don vi", "co quan don vi"}},
    {Column::District,
     {"district", "huyen", "huyen/tp", "huyen, thanh pho", "huyen/thanh pho", "dia ban",
      "dia chi"}},
    {Column::Contact, {"contact", "lien he", "nguoi lien he", "dau moi", "can bo dau moi"}},
    {Column::Phone, {"phone", "dien thoai", "so dien thoai", "sdt"}},
};

constexpr size_t kMaxField =
    300; // a unit's name or contact never needs more; longer is a broken file

std::optional<Column> columnFor(const std::string& header) {
    const std::string n = normalizeHeader(header);
    for (const auto& [col, names] : kHeaders)
        for (const auto& name : names)
            if (normalizeHeader(name) == n) return col;
    return std::nullopt;
}

bool validCode(const std::string& code) {
    if (code.empty() || code.size() > 32) return false;
    for (char c : code)
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
            return false;
    return true;
}

} // namespace

UnitsImport parseUnitsCsv(const std::string& data) {
    UnitsImport out;
    auto problem = [&](int line, int column, const std::string& code,
                       std::vector<std::pair<std::string, std::string>> values) {
        values.emplace_back("line", std::to_string(line));
        values.emplace_back("column", std::to_string(column));
        const std::string key = core::strings().has("department.problem." + code)
                                    ? "department.problem." + code
                                    : "import.problem." + code;
        out.problems.push_back(ImportProblem{line, column, code, core::trf(key, values)});
    };
    const paper::CsvDocument doc = paper::parseCsv(data);
    for (const auto& p : doc.problems)
        problem(p.line, p.column, p.code, {});
    if (doc.rows.empty()) {
        if (out.problems.empty()) problem(1, 1, "empty_file", {});
        return out;
    }
    if (!out.problems.empty()) return out;

    const auto& header = doc.rows.front();
    std::map<Column, int> index;
    for (size_t i = 0; i < header.fields.size(); ++i) {
        const auto col = columnFor(header.fields[i]);
        if (!col) continue; // "STT" and other columns are left out, not refused
        if (index.count(*col))
            problem(header.line, static_cast<int>(i) + 1, "duplicate_column",
                    {{"header", header.fields[i]}});
        index[*col] = static_cast<int>(i);
    }
    if (!index.count(Column::Code))
        problem(header.line, 0, "missing_column", {{"header", "Mã đơn vị"}});
    if (!index.count(Column::Name))
        problem(header.line, 0, "missing_column", {{"header", "Tên đơn vị"}});
    if (!out.problems.empty()) return out;

    std::map<std::string, int> firstLine;
    for (size_t r = 1; r < doc.rows.size(); ++r) {
        const auto& row = doc.rows[r];
        auto get = [&](Column c) -> std::string {
            auto it = index.find(c);
            if (it == index.end() || it->second >= static_cast<int>(row.fields.size())) return "";
            return std::string(core::trim(row.fields[static_cast<size_t>(it->second)]));
        };
        auto col = [&](Column c) { return index.count(c) ? index[c] + 1 : 0; };
        ++out.rows;
        core::DeptUnit u{core::asciiUpper(get(Column::Code)), get(Column::Name),
                         get(Column::District), get(Column::Contact)};
        if (const std::string phone = get(Column::Phone); !phone.empty())
            u.contact = u.contact.empty() ? phone : u.contact + " - " + phone;
        bool ok = true;
        if (u.code.empty()) {
            problem(row.line, col(Column::Code), "missing_code", {});
            ok = false;
        } else if (!validCode(u.code)) {
            problem(row.line, col(Column::Code), "bad_code", {{"value", u.code.substr(0, 40)}});
            ok = false;
        } else if (auto it = firstLine.find(u.code); it != firstLine.end()) {
            problem(row.line, col(Column::Code), "duplicate_code",
                    {{"value", u.code}, {"first", std::to_string(it->second)}});
            ok = false;
        } else {
            firstLine[u.code] = row.line;
        }
        if (u.name.empty()) {
            problem(row.line, col(Column::Name), "missing_name", {});
            ok = false;
        }
        for (const auto& [c, v] : {std::pair{Column::Name, &u.name},
                                   {Column::District, &u.district},
                                   {Column::Contact, &u.contact}})
            if (v->size() > kMaxField) {
                problem(row.line, col(c), "too_long", {{"max", std::to_string(kMaxField)}});
                ok = false;
            }
        if (ok) out.units.push_back(std::move(u));
    }
    out.ok = out.problems.empty();
    if (!out.ok) out.units.clear();
    return out;
}

UnitsImport readUnitsFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        UnitsImport out;
        out.problems.push_back(
            {0, 0, "unreadable", core::trf("import.problem.unreadable", {{"path", path}})});
        return out;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parseUnitsCsv(text.str());
}

} // namespace kiosk::services
