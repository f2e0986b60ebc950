#include "kiosk/paper/csv_writer.hpp"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <system_error>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk::paper {

namespace {
// errno in words; std::strerror shares a buffer between threads (exports run off the UI thread).
std::string systemError() { return std::error_code(errno, std::generic_category()).message(); }
} // namespace

namespace {
constexpr size_t kFlushAt = 1 << 16;
} // namespace

std::string neutraliseFormula(std::string_view text) {
    if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
        return "'" + std::string(text);
    return std::string(text);
}

void appendCsvField(std::string& out, std::string_view field, char delimiter) {
    bool quote = false;
    for (char c : field)
        if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
            quote = true;
            break;
        }
    if (!quote) {
        out.append(field);
        return;
    }
    out.push_back('"');
    for (char c : field) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

CsvWriter::CsvWriter(const std::string& path, const CsvOptions& options) : m_options(options), m_path(path) {
    // Written beside the target and renamed into place by a clean close(): a refused or failed
    // export leaves no file, never a half-written one a person could take for the whole export.
    m_file.reset(std::fopen(partPath().c_str(), "wb"));
    if (!m_file) {
        m_error = path + ": " + systemError();
        return;
    }
    m_buffer.reserve(kFlushAt + 4096);
    if (m_options.bom) m_buffer.append("\xEF\xBB\xBF");
}

CsvWriter::~CsvWriter() {
    if (m_file) {
        m_file.reset();
        std::remove(partPath().c_str());
    }
}

void CsvWriter::field(std::string_view text) {
    if (m_rowStarted) m_buffer.push_back(m_options.delimiter);
    m_rowStarted = true;
    appendCsvField(m_buffer, text, m_options.delimiter);
}

void CsvWriter::endRow() {
    m_buffer.append(m_options.crlf ? "\r\n" : "\n");
    m_rowStarted = false;
    ++m_rows;
    flushIfFull();
}

void CsvWriter::writeRow(std::span<const std::string_view> fields) {
    for (auto f : fields) field(f);
    endRow();
}

void CsvWriter::flushIfFull() {
    if (m_buffer.size() < kFlushAt || !m_file) return;
    if (std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file.get()) != m_buffer.size() && m_error.empty())
        m_error = m_path + ": " + systemError();
    m_buffer.clear();
}

PaperStatus CsvWriter::close() {
    if (m_file) {
        if (!m_buffer.empty() && std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file.get()) != m_buffer.size() &&
            m_error.empty())
            m_error = m_path + ": " + systemError();
        m_buffer.clear();
        // fclose reports a write the buffer held back (a full disk shows here).
        if (std::fclose(m_file.release()) != 0 && m_error.empty()) m_error = m_path + ": " + systemError();
        if (m_error.empty() && std::rename(partPath().c_str(), m_path.c_str()) != 0)
            m_error = m_path + ": " + systemError();
        if (!m_error.empty()) std::remove(partPath().c_str());
    }
    PaperStatus status;
    status.error = m_error;
    status.rows = m_rows;
    status.pages = 1;
    return status;
}

CsvTableSink::CsvTableSink(const std::string& path, const CsvOptions& options) : m_writer(path, options) {}

void CsvTableSink::beginSheet(std::string_view, const std::vector<Column>& columns) {
    if (++m_sheets > 1) {
        if (m_error.empty()) m_error = core::tr("paper.error.csv_one_sheet");
        return;
    }
    for (const auto& c : columns) m_writer.field(c.header);
    m_writer.endRow();
}

void CsvTableSink::row(std::span<const Cell> cells) {
    if (m_sheets != 1) return;
    char num[32];
    for (const Cell& c : cells) {
        switch (c.kind) {
        case Cell::Kind::Empty: m_writer.field({}); break;
        case Cell::Kind::Text:
            // Exported cells come from scanners and walk-ins: never a formula, never bad UTF-8.
            m_scratch = neutraliseFormula(core::sanitizeText(c.text));
            m_writer.field(m_scratch);
            break;
        case Cell::Kind::Integer:
        case Cell::Kind::Boolean: {
            auto r = std::to_chars(num, num + sizeof num, c.i64);
            m_writer.field(std::string_view(num, static_cast<size_t>(r.ptr - num)));
            break;
        }
        case Cell::Kind::Number: {
            auto r = std::to_chars(num, num + sizeof num, c.f64);
            m_writer.field(std::string_view(num, static_cast<size_t>(r.ptr - num)));
            break;
        }
        case Cell::Kind::Time:
            m_scratch = formatLocalDateTime(c.i64, m_writer.options().utcOffsetMin);
            m_writer.field(m_scratch);
            break;
        case Cell::Kind::Date:
            m_scratch = core::formatDate(c.i64);
            m_writer.field(m_scratch);
            break;
        }
    }
    m_writer.endRow();
    ++m_dataRows;
}

PaperStatus CsvTableSink::finish() {
    PaperStatus status = m_writer.close();
    if (status.ok() && !m_error.empty()) status.error = m_error;
    status.rows = m_dataRows;
    return status;
}

} // namespace kiosk::paper
