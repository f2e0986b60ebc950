#include "kiosk/services/paper_pack.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>

#include "kiosk/core/i18n.hpp"
#include "kiosk/store/event_repo.hpp"

namespace kiosk::services {

namespace {

constexpr const char* kReportKey = "report_toml";
constexpr const char* kCertificateKey = "certificate_toml";

template <class Node> std::vector<std::string> stringList(toml::node_view<Node> node) {
    std::vector<std::string> out;
    if (const auto* arr = node.as_array())
        for (const auto& v : *arr)
            if (auto s = v.template value<std::string>()) out.push_back(*s);
    return out;
}

std::optional<std::string> readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream b;
    b << in.rdbuf();
    return b.str();
}

} // namespace

void loadPaperPack(store::Database& db, const std::string& packDir, std::vector<std::string>& problems) {
    if (const auto text = readText(packDir + "/report.toml")) {
        try {
            (void)toml::parse(std::string_view(*text), packDir + "/report.toml");
            store::setSetting(db, kReportKey, *text);
        } catch (const toml::parse_error& e) {
            problems.push_back(packDir + "/report.toml: " + std::string(e.description()));
        }
    }
    if (const auto text = readText(packDir + "/certificate.toml")) {
        std::string why;
        if (paper::parseCertificateTemplate(*text, packDir + "/certificate.toml", &why))
            store::setSetting(db, kCertificateKey, *text);
        else
            problems.push_back(why);
    }
}

ReportSettings reportSettings(Session& session) {
    ReportSettings s;
    toml::table root;
    if (const auto text = store::getSetting(session.db(), kReportKey)) {
        try {
            root = toml::parse(std::string_view(*text), std::string_view("report.toml"));
        } catch (const toml::parse_error&) {
            // Checked at init; a hand-edited database falls back to the defaults.
        }
    }
    s.number = root["number"].value_or(std::string());
    s.symbol = root["symbol"].value_or(std::string());
    s.unitCode = root["unit_code"].value_or(std::string());
    s.unitName = root["unit_name"].value_or(std::string());
    s.plan = root["plan"].value_or(std::string());
    s.deadline = root["deadline"].value_or(std::string());
    if (const auto* groups = root["groups"].as_array())
        for (const auto& g : *groups)
            if (const auto* t = g.as_table())
                s.groups.push_back({(*t)["name"].value_or(std::string()), stringList((*t)["categories"])});
    s.title = root["title"].value_or(core::tr("export.report.title"));
    s.subtitle = root["subtitle"].value_or(core::trf("export.report.subtitle", {{"event", session.event().name}}));
    s.recipients = stringList(root["recipients"]);
    s.signerLines = stringList(root["signer"]["lines"]);
    s.signerName = root["signer"]["name"].value_or(std::string());
    return s;
}

std::string reportNumber(const std::string& number, const std::string& symbol) {
    if (symbol.empty() || number.find('/') != std::string::npos) return number;
    return (number.empty() ? std::string("......") : number) + "/" + symbol;
}

std::optional<paper::CertificateTemplate> certificateTemplate(Session& session, const std::string& file,
                                                              std::string* error) {
    if (!file.empty()) return paper::loadCertificateTemplate(file, error);
    const auto text = store::getSetting(session.db(), kCertificateKey);
    if (!text) {
        if (error) *error = core::tr("export.no_template");
        return std::nullopt;
    }
    return paper::parseCertificateTemplate(*text, "certificate.toml", error);
}

} // namespace kiosk::services
