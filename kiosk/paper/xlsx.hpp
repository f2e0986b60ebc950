#pragma once
// A thin RAII layer over libxlsxwriter: a workbook of sheets of typed cells, with a bold frozen
// header row, column widths and an autofilter. libxlsxwriter's error codes become values.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/paper/table.hpp"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace kiosk::paper {

/// How a workbook is written.
struct XlsxOptions {
    /// Rows stream to a temporary file instead of memory (large exports); strings are then
    /// stored inline in each sheet rather than in xl/sharedStrings.xml.
    bool constantMemory = false;
    int utcOffsetMin = 420; ///< for Time cells, stored as Excel local date-times
};

/// Makes a name Excel accepts for a sheet: at most 31 characters, none of []:*?/\ .
std::string xlsxSheetName(std::string_view name);

/// An .xlsx file being written. Cells are written by (row, column), rows in increasing order
/// when constantMemory is set. Nothing reaches the disk before close().
class XlsxWorkbook {
public:
    XlsxWorkbook(const std::string& path, const XlsxOptions& options = {});
    ~XlsxWorkbook();
    XlsxWorkbook(const XlsxWorkbook&) = delete;
    XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

    bool ok() const { return m_error.empty(); }
    const std::string& error() const { return m_error; }

    /// Adds a sheet and makes it current; its header row is bold, frozen and filterable.
    void addSheet(std::string_view name, const std::vector<Column>& columns);
    /// Writes one cell of the current sheet.
    void write(std::uint32_t row, std::uint16_t col, const Cell& cell);
    /// Writes a row of the current sheet after the last one written.
    void appendRow(std::span<const Cell> cells);
    /// Writes the file; the status carries the first error, the sheets and the data rows.
    PaperStatus close();

private:
    void check(int lxwError, const char* what);
    void finishSheet();
    lxw_workbook* m_workbook = nullptr;
    lxw_worksheet* m_sheet = nullptr;
    lxw_format* m_headerFormat = nullptr;
    lxw_format* m_timeFormat = nullptr;
    lxw_format* m_dateFormat = nullptr;
    XlsxOptions m_options;
    std::string m_error;
    std::string m_scratch;
    std::uint32_t m_nextRow = 0;
    std::uint16_t m_columns = 0;
    int m_sheets = 0;
    std::int64_t m_dataRows = 0;
    std::vector<std::string> m_sheetNames;
};

/// A TableSink over an XlsxWorkbook: one worksheet per beginSheet().
class XlsxTableSink final : public TableSink {
public:
    XlsxTableSink(const std::string& path, const XlsxOptions& options = {}) : m_book(path, options) {}
    void beginSheet(std::string_view name, const std::vector<Column>& columns) override {
        m_book.addSheet(name, columns);
    }
    void row(std::span<const Cell> cells) override { m_book.appendRow(cells); }
    PaperStatus finish() override { return m_book.close(); }
    bool failed() const override { return !m_book.ok(); }
    bool multiSheet() const override { return true; }

private:
    XlsxWorkbook m_book;
};

} // namespace kiosk::paper
