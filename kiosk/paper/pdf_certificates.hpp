#pragma once
// Certificates (Giấy khen): landscape A4, one page per recipient, laid out from a template in
// the event pack (certificate.toml) whose texts hold {placeholders}.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/paper/status.hpp"

namespace kiosk::paper {

/// The certificate's fixed texts and colours. Texts may use {name}, {unit}, {achievement},
/// {decision} (its full text), {decision_no} (its number alone), {event}, {place}, {day}, {month}, {year}.
struct CertificateTemplate {
    std::vector<std::string> header;   ///< national name and motto, centred at the top
    std::vector<std::string> issuer;   ///< "GIÁM ĐỐC SỞ Y TẾ BẮC GIANG"
    std::string verb = "TẶNG";
    std::string title = "GIẤY KHEN";
    std::string recipient = "{name}";
    std::vector<std::string> body;     ///< lines under the recipient's name
    std::string number;                ///< bottom left, e.g. "Số: {decision}"
    std::string placeDate;             ///< bottom right, above the signature
    std::vector<std::string> signerLines;
    std::string signerName;
    std::string borderColor = "#B8860B";
    std::string titleColor = "#C00000";
};

/// Reads a template file; nullopt and *error on a missing file, a TOML error or a missing title.
std::optional<CertificateTemplate> loadCertificateTemplate(const std::string& path, std::string* error = nullptr);
/// Parses template text (source names it in errors).
std::optional<CertificateTemplate> parseCertificateTemplate(std::string_view text, const std::string& source,
                                                            std::string* error = nullptr);

/// One certificate to print.
struct CertificateRecipient {
    std::string name;
    std::string unit;
    std::string achievement;
    std::string decision; ///< the decision, e.g. "Quyết định số 1125/QĐ-SYT ngày 14/8/2023"
};

/// Values shared by every certificate of a run (event name, place, date).
struct CertificateContext {
    std::string event;
    std::string place;
    std::string date; ///< "YYYY-MM-DD"
};

/// Writes one landscape A4 page per recipient; fails (as a value) when there is no recipient
/// or the file cannot be written.
PaperStatus writeCertificatesPdf(const CertificateTemplate& tmpl, const std::vector<CertificateRecipient>& recipients,
                                 const CertificateContext& context, const std::string& path,
                                 const Progress& progress = {});

} // namespace kiosk::paper
