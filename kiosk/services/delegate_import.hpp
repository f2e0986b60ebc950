#pragma once
// Importing delegates from CSV: all or nothing. A file with any bad row is refused whole,
// with every problem listed by line and column, and the database is untouched.
#include <string>
#include <vector>

#include "kiosk/core/model.hpp"
#include "kiosk/store/db.hpp"

namespace kiosk::services {

/// One problem, already localized.
struct ImportProblem {
    int line = 0;
    int column = 0;
    std::string code;    ///< machine name: missing_name, unknown_category, duplicate_code, ...
    std::string message; ///< in the current language
};

/// What an import changes on one delegate already in the database.
struct DelegateChange {
    std::string code;
    std::vector<std::string> fields; ///< name, title, unit, category, rank, seat, introduce, external_code, phone
};

struct ImportReport {
    bool ok = false;
    bool dryRun = false;
    int rows = 0;
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
    std::vector<ImportProblem> problems;
    /// The file's recognised columns (field names as in DelegateChange); an absent column leaves
    /// that field of existing delegates alone, a present empty cell clears it.
    std::vector<std::string> columns;
    std::vector<DelegateChange> changes; ///< updated delegates and what changes on each
};

/// A header or a name folded for comparison: no diacritics, lower case, single spaces.
std::string normalizeHeader(const std::string& header);

/// Parses and validates a delegate CSV against the categories; fills delegates when valid.
ImportReport validateDelegatesCsv(const std::string& data, const std::vector<core::Category>& categories,
                                  std::vector<core::Delegate>& delegates);

/// Validates, then (unless dryRun) upserts every row by code in one transaction.
ImportReport importDelegatesCsv(store::Database& db, const std::string& data, bool dryRun);

/// Reads the file and imports it; an unreadable file is one problem.
ImportReport importDelegatesFile(store::Database& db, const std::string& path, bool dryRun);

} // namespace kiosk::services
