#pragma once
// CSV output per RFC 4180: CRLF line ends, fields quoted when they hold the delimiter, a quote
// or a line break; optionally a UTF-8 byte order mark so Excel reads Vietnamese correctly.
#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "kiosk/paper/table.hpp"

namespace kiosk::paper {

/// How a CSV file is written.
struct CsvOptions {
    bool bom = true;        ///< UTF-8 BOM first: Excel otherwise reads the bytes as the ANSI code page
    char delimiter = ',';   ///< ';' suits an Excel whose list separator is the semicolon
    bool crlf = true;
    int utcOffsetMin = 420; ///< for Time cells
};

/// A spreadsheet cell that Excel or LibreOffice would read as a formula (it starts with = + - @
/// TAB or CR) gets a leading apostrophe, as OWASP advises for CSV injection; other text is unchanged.
std::string neutraliseFormula(std::string_view text);

/// Appends field to out, quoted and with quotes doubled when needed.
void appendCsvField(std::string& out, std::string_view field, char delimiter);

/// A CSV file being written row by row (buffered; errors kept until close()).
class CsvWriter {
public:
    CsvWriter(const std::string& path, const CsvOptions& options = {});
    ~CsvWriter();
    CsvWriter(const CsvWriter&) = delete;
    CsvWriter& operator=(const CsvWriter&) = delete;

    bool ok() const { return m_error.empty(); }
    /// Adds one field to the current row.
    void field(std::string_view text);
    /// Ends the current row.
    void endRow();
    /// Writes a whole row.
    void writeRow(std::span<const std::string_view> fields);
    /// Flushes and closes; the status carries the first error and the number of rows ended.
    PaperStatus close();
    const CsvOptions& options() const { return m_options; }

private:
    void flushIfFull();
    struct FileCloser {
        void operator()(std::FILE* f) const { std::fclose(f); }
    };
    std::unique_ptr<std::FILE, FileCloser> m_file;
    CsvOptions m_options;
    std::string m_buffer;
    std::string m_error;
    std::string m_path;
    bool m_rowStarted = false;
    std::int64_t m_rows = 0;
};

/// A TableSink over one CSV file: the header row, then data; times as local date-times.
class CsvTableSink final : public TableSink {
public:
    CsvTableSink(const std::string& path, const CsvOptions& options = {});
    void beginSheet(std::string_view name, const std::vector<Column>& columns) override;
    void row(std::span<const Cell> cells) override;
    PaperStatus finish() override;
    bool failed() const override { return !m_writer.ok() || !m_error.empty(); }
    bool multiSheet() const override { return false; }

private:
    CsvWriter m_writer;
    std::string m_error;
    std::string m_scratch;
    int m_sheets = 0;
    std::int64_t m_dataRows = 0;
};

} // namespace kiosk::paper
