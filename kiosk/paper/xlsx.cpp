#include "kiosk/paper/xlsx.hpp"

#include <xlsxwriter.h>

#include <algorithm>

#include "kiosk/core/text.hpp"

namespace kiosk::paper {

namespace {

constexpr size_t kMaxCellBytes = 32767;
constexpr double kExcelEpochDays = 25569.0; // 1970-01-01 in Excel's 1900 date system
constexpr double kMsPerDay = 86400000.0;

// Cuts text to Excel's cell limit without splitting a UTF-8 sequence.
std::string_view clampUtf8(std::string_view s) {
    if (s.size() <= kMaxCellBytes) return s;
    size_t n = kMaxCellBytes;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(0, n);
}

// The first `chars` characters of valid UTF-8 (a byte cut could split a character and make the
// workbook's XML malformed).
std::string_view clampUtf8Chars(std::string_view s, size_t chars) {
    size_t seen = 0;
    for (size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && seen++ == chars) return s.substr(0, i);
    return s;
}

} // namespace

std::string xlsxSheetName(std::string_view name) {
    std::string out;
    for (char c : name) {
        if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '_';
        out.push_back(c);
    }
    if (out.empty()) out = "Sheet";
    // 31 characters, counted as UTF-8 code points.
    size_t chars = 0, i = 0;
    for (; i < out.size(); ++i) {
        if ((static_cast<unsigned char>(out[i]) & 0xC0) != 0x80) {
            if (chars == 31) break;
            ++chars;
        }
    }
    out.resize(i);
    // A leading or trailing apostrophe is refused by Excel.
    if (out.front() == '\'') out.front() = '_';
    if (out.back() == '\'') out.back() = '_';
    return out;
}

XlsxWorkbook::XlsxWorkbook(const std::string& path, const XlsxOptions& options) : m_options(options) {
    lxw_workbook_options opts{};
    opts.constant_memory = options.constantMemory ? LXW_TRUE : LXW_FALSE;
    opts.tmpdir = nullptr;
    opts.use_zip64 = LXW_FALSE;
    m_workbook = workbook_new_opt(path.c_str(), &opts);
    if (!m_workbook) {
        m_error = "cannot create workbook: " + path;
        return;
    }
    m_headerFormat = workbook_add_format(m_workbook);
    format_set_bold(m_headerFormat);
    format_set_bg_color(m_headerFormat, 0xDDEBF7);
    format_set_bottom(m_headerFormat, LXW_BORDER_THIN);
    format_set_text_wrap(m_headerFormat);
    format_set_align(m_headerFormat, LXW_ALIGN_VERTICAL_CENTER);
    m_timeFormat = workbook_add_format(m_workbook);
    format_set_num_format(m_timeFormat, "dd/mm/yyyy hh:mm:ss");
    m_dateFormat = workbook_add_format(m_workbook);
    format_set_num_format(m_dateFormat, "dd/mm/yyyy");
}

XlsxWorkbook::~XlsxWorkbook() {
    // Not closed: drop it without writing a half-made file.
    if (m_workbook) lxw_workbook_free(m_workbook);
}

void XlsxWorkbook::check(int lxwError, const char* what) {
    if (lxwError != LXW_NO_ERROR && m_error.empty())
        m_error = std::string(what) + ": " + lxw_strerror(static_cast<lxw_error>(lxwError));
}

void XlsxWorkbook::finishSheet() {
    if (!m_sheet || m_columns == 0) return;
    const lxw_row_t last = m_nextRow > 0 ? m_nextRow - 1 : 0;
    check(worksheet_autofilter(m_sheet, 0, 0, last, static_cast<lxw_col_t>(m_columns - 1)), "autofilter");
}

void XlsxWorkbook::addSheet(std::string_view name, const std::vector<Column>& columns) {
    if (!m_workbook) return;
    finishSheet();
    std::string sheetName = xlsxSheetName(name);
    for (int n = 2; std::find(m_sheetNames.begin(), m_sheetNames.end(), sheetName) != m_sheetNames.end(); ++n)
        sheetName = xlsxSheetName(std::string(clampUtf8Chars(xlsxSheetName(name), 24)) + " (" + std::to_string(n) + ")");
    m_sheetNames.push_back(sheetName);
    m_sheet = workbook_add_worksheet(m_workbook, sheetName.c_str());
    if (!m_sheet) {
        if (m_error.empty()) m_error = "cannot add sheet: " + sheetName;
        return;
    }
    ++m_sheets;
    m_columns = static_cast<std::uint16_t>(std::min<size_t>(columns.size(), LXW_COL_MAX));
    for (std::uint16_t c = 0; c < m_columns; ++c) {
        check(worksheet_set_column(m_sheet, c, c, columns[c].width, nullptr), "set_column");
        check(worksheet_write_string(m_sheet, 0, c, columns[c].header.c_str(), m_headerFormat), "header");
    }
    worksheet_freeze_panes(m_sheet, 1, 0);
    m_nextRow = 1;
}

void XlsxWorkbook::write(std::uint32_t row, std::uint16_t col, const Cell& cell) {
    if (!m_sheet) {
        if (m_error.empty()) m_error = "no sheet to write to";
        return;
    }
    switch (cell.kind) {
    case Cell::Kind::Empty: break;
    case Cell::Kind::Text: {
        // Always a string cell (never a formula); bytes that are not UTF-8 would make the XML malformed.
        const std::string clean = core::sanitizeText(cell.text);
        const std::string_view text = clampUtf8(clean);
        if (text.empty()) break;
        m_scratch.assign(text);
        check(worksheet_write_string(m_sheet, row, col, m_scratch.c_str(), nullptr), "write_string");
        break;
    }
    case Cell::Kind::Integer:
        check(worksheet_write_number(m_sheet, row, col, static_cast<double>(cell.i64), nullptr), "write_number");
        break;
    case Cell::Kind::Number: check(worksheet_write_number(m_sheet, row, col, cell.f64, nullptr), "write_number"); break;
    case Cell::Kind::Boolean: check(worksheet_write_boolean(m_sheet, row, col, cell.i64 != 0, nullptr), "write_boolean"); break;
    case Cell::Kind::Time: {
        const double local = static_cast<double>(cell.i64) + m_options.utcOffsetMin * 60000.0;
        check(worksheet_write_number(m_sheet, row, col, local / kMsPerDay + kExcelEpochDays, m_timeFormat), "write_time");
        break;
    }
    case Cell::Kind::Date:
        check(worksheet_write_number(m_sheet, row, col, static_cast<double>(cell.i64) + kExcelEpochDays, m_dateFormat),
              "write_date");
        break;
    }
}

void XlsxWorkbook::appendRow(std::span<const Cell> cells) {
    if (!m_sheet) {
        if (m_error.empty()) m_error = "no sheet to write to";
        return;
    }
    if (m_nextRow >= LXW_ROW_MAX) {
        if (m_error.empty()) m_error = "too many rows for one sheet";
        return;
    }
    for (size_t c = 0; c < cells.size() && c < LXW_COL_MAX; ++c) write(m_nextRow, static_cast<std::uint16_t>(c), cells[c]);
    ++m_nextRow;
    ++m_dataRows;
}

PaperStatus XlsxWorkbook::close() {
    PaperStatus status;
    if (!m_workbook) {
        status.error = m_error.empty() ? "workbook already closed" : m_error;
        return status;
    }
    finishSheet();
    if (m_sheets == 0) addSheet("Sheet1", {});
    const lxw_error err = workbook_close(m_workbook);
    m_workbook = nullptr; // workbook_close frees it, whatever the outcome
    check(err, "write");
    status.error = m_error;
    status.pages = m_sheets;
    status.rows = m_dataRows;
    return status;
}

} // namespace kiosk::paper
