#pragma once
// The outcome of writing a file: a value, never an exception.
#include <cstdint>
#include <functional>
#include <string>

namespace kiosk::paper {

/// What a writer produced, or why it could not.
struct PaperStatus {
    std::string error;      ///< empty when the file was written
    int pages = 0;          ///< PDF pages (or sheets for a workbook)
    std::int64_t rows = 0;  ///< data rows written (tables)

    bool ok() const { return error.empty(); }
    static PaperStatus failure(std::string why) {
        PaperStatus s;
        s.error = std::move(why);
        return s;
    }
};

/// Progress of a long write: items done of total. Called from the writing thread.
using Progress = std::function<void(std::size_t done, std::size_t total)>;

} // namespace kiosk::paper
