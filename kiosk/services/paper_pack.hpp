#pragma once
// The pack's paper settings: report.toml (number, title, recipients, signer) and
// certificate.toml (the Giấy khen template). `kiosk init` keeps both texts in the database, so
// a database alone prints the same papers on any machine.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/paper/pdf_certificates.hpp"
#include "kiosk/services/session.hpp"
#include "kiosk/store/db.hpp"

namespace kiosk::services {

/// A group of categories the department counts together (part 2.4 of the plan).
struct CategoryGroup {
    std::string name;
    std::vector<std::string> categoryIds;
};

/// What report.toml sets.
struct ReportSettings {
    std::string number;
    std::string symbol;   ///< "BC-SYT": the unit's report symbol, after the number
    std::string unitCode; ///< the unit's code on the department's list ("SYT")
    std::string unitName; ///< the unit as a sentence names it ("Sở Y tế Bắc Giang")
    std::string plan;     ///< "Kế hoạch số 83/KH-SYT ngày 22/5/2023 của Sở Y tế"
    std::string deadline; ///< "2023-08-10": the report reaches the department before this date
    std::vector<CategoryGroup> groups;
    std::string title;
    std::string subtitle;
    std::vector<std::string> recipients;
    std::vector<std::string> signerLines;
    std::string signerName;
};

/// The pack loader (registered in packLoaders()): stores report.toml and certificate.toml;
/// a file that does not parse is a problem (init refuses the pack), a missing one is skipped.
void loadPaperPack(store::Database& db, const std::string& packDir, std::vector<std::string>& problems);

/// The report settings, defaults filled in from the event where the pack says nothing.
ReportSettings reportSettings(Session& session);

/// The number as printed: "125" with symbol "BC-SYT" gives "125/BC-SYT", an empty number gives
/// "....../BC-SYT"; a number that already has a slash is kept whole.
std::string reportNumber(const std::string& number, const std::string& symbol);

/// The certificate template from a file when given, else from the database; nullopt and
/// *error when there is none or it does not parse.
std::optional<paper::CertificateTemplate> certificateTemplate(Session& session, const std::string& file,
                                                              std::string* error);

} // namespace kiosk::services
