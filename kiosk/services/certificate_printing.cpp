#include "kiosk/services/certificate_printing.hpp"

#include <algorithm>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/text.hpp"
#include "kiosk/paper/csv_reader.hpp"
#include "kiosk/services/festival_results.hpp"
#include "kiosk/services/paper_pack.hpp"
#include "kiosk/store/ceremony_repo.hpp"

namespace kiosk::services {

namespace {

// Header names accepted for each field, folded (no case, no diacritics).
int findColumn(const std::vector<std::string>& header, std::initializer_list<const char*> names) {
    for (size_t i = 0; i < header.size(); ++i) {
        const std::string h = core::fold(header[i]);
        for (const char* n : names)
            if (h == n) return static_cast<int>(i);
    }
    return -1;
}

std::optional<std::vector<paper::CertificateRecipient>> fromCsv(const std::string& path, std::string& error) {
    const paper::CsvDocument doc = paper::readCsvFile(path);
    if (!doc.ok()) {
        const auto& p = doc.problems.front();
        error = core::trf("export.csv_problem", {{"file", path}, {"line", std::to_string(p.line)},
                                                 {"column", std::to_string(p.column)}, {"problem", p.code}});
        return std::nullopt;
    }
    if (doc.rows.empty()) return std::vector<paper::CertificateRecipient>{};
    const auto& header = doc.rows.front().fields;
    const int name = findColumn(header, {"name", "ho va ten", "ho ten", "ten", "tap the, ca nhan"});
    const int unit = findColumn(header, {"unit", "don vi"});
    const int achievement = findColumn(header, {"achievement", "citation", "thanh tich"});
    const int decision = findColumn(header, {"decision", "quyet dinh", "so quyet dinh"});
    if (name < 0) {
        error = core::trf("export.csv_no_name", {{"file", path}});
        return std::nullopt;
    }
    auto field = [](const paper::CsvRow& r, int col) { return col >= 0 && col < static_cast<int>(r.fields.size()) ? r.fields[static_cast<size_t>(col)] : std::string(); };
    std::vector<paper::CertificateRecipient> out;
    for (size_t i = 1; i < doc.rows.size(); ++i) {
        const auto& r = doc.rows[i];
        if (field(r, name).empty()) continue;
        out.push_back({field(r, name), field(r, unit), field(r, achievement), field(r, decision)});
    }
    return out;
}

} // namespace

std::optional<std::vector<paper::CertificateRecipient>> certificateRecipients(Session& session,
                                                                             const CertificateOptions& options,
                                                                             std::string& error) {
    if (!options.recipientsCsv.empty()) return fromCsv(options.recipientsCsv, error);
    std::vector<paper::CertificateRecipient> out;
    if (options.awards)
        for (const auto& a : store::loadAwards(session.db())) out.push_back({a.recipient, a.unit, a.citation, a.decision});
    if (options.winners)
        for (const auto& c : allResults(session.db()))
            for (const auto& l : c.lines) {
                if (l.prize == core::Prize::None || !l.hasResult) continue;
                const std::string prize = core::tr(core::prizeKey(l.prize));
                if (c.contest.kind == core::ContestKind::Judged) {
                    // A performance wins for its unit: the certificate names the unit in full and
                    // its performers where the pack lists them; the title is what they won with.
                    out.push_back({l.fullUnit, l.performers,
                                   core::trf("export.certificate.winner_performance",
                                             {{"prize", prize}, {"contest", c.contest.name}, {"title", l.name}}),
                                   ""});
                    continue;
                }
                out.push_back({l.name, l.fullUnit == l.name ? "" : l.fullUnit,
                               core::trf("export.certificate.winner", {{"prize", prize}, {"contest", c.contest.name}}), ""});
            }
    return out;
}

paper::PaperStatus printCertificates(Session& session, const CertificateOptions& options, const std::string& path,
                                     const paper::Progress& progress) {
    std::string error;
    const auto tmpl = certificateTemplate(session, options.templateFile, &error);
    if (!tmpl) return paper::PaperStatus::failure(error);
    const auto recipients = certificateRecipients(session, options, error);
    if (!recipients) return paper::PaperStatus::failure(error);
    const auto& e = session.event();
    return paper::writeCertificatesPdf(*tmpl, *recipients, {e.name, e.place, e.date}, path, progress);
}

} // namespace kiosk::services
