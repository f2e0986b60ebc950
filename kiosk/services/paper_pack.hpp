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

/// What report.toml sets.
struct ReportSettings {
    std::string number;
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

/// The certificate template from a file when given, else from the database; nullopt and
/// *error when there is none or it does not parse.
std::optional<paper::CertificateTemplate> certificateTemplate(Session& session, const std::string& file,
                                                              std::string* error);

} // namespace kiosk::services
