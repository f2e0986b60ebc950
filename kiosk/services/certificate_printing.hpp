#pragma once
// Certificates (Giấy khen) for the award recipients of the ceremony, the festival's winners,
// or a list from a CSV file, printed from the pack's template.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/paper/pdf_certificates.hpp"
#include "kiosk/services/session.hpp"

namespace kiosk::services {

/// Who gets a certificate and from which template.
struct CertificateOptions {
    bool awards = true;        ///< the ceremony's award recipients, in reading order
    bool winners = true;       ///< the festival's prize winners, contest by contest
    std::string recipientsCsv; ///< when set, only these (columns name, unit, achievement, decision; vi or en headers)
    std::string templateFile;  ///< when set, instead of the pack's certificate.toml
};

/// The recipients: the ceremony's awards and the festival's winners, or the CSV's rows alone.
/// nullopt and a localized error when the CSV cannot be read or lacks a name column.
std::optional<std::vector<paper::CertificateRecipient>> certificateRecipients(Session& session,
                                                                             const CertificateOptions& options,
                                                                             std::string& error);

/// Prints every recipient's certificate into path.
paper::PaperStatus printCertificates(Session& session, const CertificateOptions& options, const std::string& path,
                                     const paper::Progress& progress = {});

} // namespace kiosk::services
