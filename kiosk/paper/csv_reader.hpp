#pragma once
// Reads CSV as organizers really have it: UTF-8 with or without BOM, CRLF or LF, comma or
// semicolon (detected from the header), quoted fields with embedded newlines and "" escapes.
// Problems are values with a line and column, never exceptions.
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::paper {

/// One problem in the file; line and column are 1-based, column counts characters in the line.
struct CsvProblem {
    int line = 0;
    int column = 0;
    std::string code; ///< "bad_encoding", "unterminated_quote", "stray_quote"
};

/// A parsed row and the line it starts on.
struct CsvRow {
    int line = 0;
    std::vector<std::string> fields;
};

struct CsvDocument {
    char delimiter = ',';
    std::vector<CsvRow> rows; ///< header included, blank lines skipped
    std::vector<CsvProblem> problems;
    bool ok() const { return problems.empty(); }
};

/// Parses the whole text. A file with problems still returns the rows it could read.
CsvDocument parseCsv(std::string_view data);

/// Reads and parses a file; a file that cannot be read gives a single problem with code "unreadable".
CsvDocument readCsvFile(const std::string& path);

} // namespace kiosk::paper
