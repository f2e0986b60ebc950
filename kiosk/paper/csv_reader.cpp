#include "kiosk/paper/csv_reader.hpp"

#include <fstream>
#include <sstream>

#include "kiosk/core/text.hpp"

namespace kiosk::paper {

namespace {

// The header decides: whichever of ';' and ',' occurs more often outside quotes.
char detectDelimiter(std::string_view data) {
    int commas = 0, semicolons = 0;
    bool quoted = false;
    for (char c : data) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) break;
        else if (!quoted && c == ',') ++commas;
        else if (!quoted && c == ';') ++semicolons;
    }
    return semicolons > commas ? ';' : ',';
}

// Column in characters (not bytes) of offset pos within its line.
int columnOf(std::string_view data, size_t lineStart, size_t pos) {
    int col = 1;
    for (size_t i = lineStart; i < pos && i < data.size(); ++i)
        if ((static_cast<unsigned char>(data[i]) & 0xC0) != 0x80) ++col;
    return col;
}

} // namespace

CsvDocument parseCsv(std::string_view data) {
    CsvDocument doc;
    if (data.size() >= 3 && static_cast<unsigned char>(data[0]) == 0xEF && static_cast<unsigned char>(data[1]) == 0xBB &&
        static_cast<unsigned char>(data[2]) == 0xBF)
        data.remove_prefix(3);
    doc.delimiter = detectDelimiter(data);

    // Bad encoding is reported per line, with the column of the first bad byte.
    {
        int line = 1;
        size_t lineStart = 0;
        size_t i = 0;
        while (i < data.size()) {
            size_t end = data.find('\n', i);
            if (end == std::string_view::npos) end = data.size();
            const std::string_view text = data.substr(i, end - i);
            if (!core::isValidUtf8(text)) {
                size_t bad = 0;
                while (bad < text.size()) {
                    size_t n = 1;
                    const unsigned char c = static_cast<unsigned char>(text[bad]);
                    if (c >= 0x80) {
                        n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
                        if (c < 0xC2 || bad + n > text.size() || !core::isValidUtf8(text.substr(bad, n))) break;
                    }
                    bad += n;
                }
                doc.problems.push_back(CsvProblem{line, columnOf(data, lineStart, i + bad), "bad_encoding"});
            }
            ++line;
            i = end + 1;
            lineStart = i;
        }
    }

    int line = 1;
    size_t lineStart = 0;
    size_t i = 0;
    CsvRow row;
    std::string field;
    bool rowHasContent = false;
    row.line = 1;
    auto endField = [&] {
        row.fields.push_back(std::move(field));
        field.clear();
    };
    auto endRow = [&] {
        endField();
        const bool blank = row.fields.size() == 1 && row.fields[0].empty() && !rowHasContent;
        if (!blank) doc.rows.push_back(std::move(row));
        row = CsvRow{};
        rowHasContent = false;
    };
    while (i < data.size()) {
        const char c = data[i];
        if (c == '"') {
            const bool atFieldStart = field.empty() && (i == 0 || data[i - 1] == doc.delimiter || data[i - 1] == '\n' || data[i - 1] == '\r');
            if (!atFieldStart) {
                doc.problems.push_back(CsvProblem{line, columnOf(data, lineStart, i), "stray_quote"});
                field.push_back(c);
                ++i;
                continue;
            }
            const int quoteLine = line;
            const size_t quoteLineStart = lineStart;
            const size_t quotePos = i;
            ++i;
            rowHasContent = true;
            bool closed = false;
            while (i < data.size()) {
                if (data[i] == '"') {
                    if (i + 1 < data.size() && data[i + 1] == '"') {
                        field.push_back('"');
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                if (data[i] == '\n') {
                    ++line;
                    lineStart = i + 1;
                }
                if (data[i] == '\r' && i + 1 < data.size() && data[i + 1] == '\n') {
                    ++i; // CRLF inside a quoted field becomes LF
                    continue;
                }
                size_t end = i + 1;
                while (end < data.size() && data[end] != '"' && data[end] != '\n' && data[end] != '\r') ++end;
                field.append(data.data() + i, end - i);
                i = end;
            }
            if (!closed) {
                doc.problems.push_back(CsvProblem{quoteLine, columnOf(data, quoteLineStart, quotePos), "unterminated_quote"});
                break;
            }
            // Only a delimiter or the end of the line may follow a closing quote.
            if (i < data.size() && data[i] != doc.delimiter && data[i] != '\n' && data[i] != '\r') {
                doc.problems.push_back(CsvProblem{line, columnOf(data, lineStart, i), "stray_quote"});
                while (i < data.size() && data[i] != doc.delimiter && data[i] != '\n' && data[i] != '\r') field.push_back(data[i++]);
            }
            continue;
        }
        if (c == doc.delimiter) {
            endField();
            rowHasContent = true;
            ++i;
            continue;
        }
        if (c == '\r' || c == '\n') {
            endRow();
            if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n') ++i;
            ++i;
            ++line;
            lineStart = i;
            row.line = line;
            continue;
        }
        // Plain characters up to the next delimiter, quote or line end, appended in one go.
        size_t end = i + 1;
        while (end < data.size() && data[end] != doc.delimiter && data[end] != '"' && data[end] != '\n' && data[end] != '\r') ++end;
        field.append(data.data() + i, end - i);
        rowHasContent = true;
        i = end;
    }
    if (rowHasContent || !field.empty()) endRow();
    return doc;
}

CsvDocument readCsvFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        CsvDocument doc;
        doc.problems.push_back(CsvProblem{0, 0, "unreadable"});
        return doc;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parseCsv(buffer.str());
}

} // namespace kiosk::paper
