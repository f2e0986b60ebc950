#include "kiosk/paper/pdf_certificates.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "kiosk/core/i18n.hpp"
#include "kiosk/paper/admin_doc.hpp"
#include "kiosk/paper/pdf_doc.hpp"

namespace kiosk::paper {

namespace {

std::vector<std::string> stringList(toml::node_view<toml::node> node) {
    std::vector<std::string> out;
    if (const auto* arr = node.as_array())
        for (const auto& v : *arr)
            if (auto s = v.value<std::string>()) out.push_back(*s);
    if (auto s = node.value<std::string>()) out.push_back(*s);
    return out;
}

using Values = std::vector<std::pair<std::string, std::string>>;

Values valuesFor(const CertificateRecipient& r, const CertificateContext& c) {
    const DateParts d = vietnameseDateParts(c.date);
    return {{"name", r.name},   {"unit", r.unit},   {"achievement", r.achievement}, {"decision", r.decision}, {"decision_no", decisionNumber(r.decision)},
            {"event", c.event}, {"place", c.place}, {"day", d.day}, {"month", d.month}, {"year", d.year}};
}

void drawBorder(cairo_t* cr, double w, double h, Rgb color) {
    cairo_save(cr);
    setColor(cr, color);
    cairo_set_line_width(cr, 3.0);
    cairo_rectangle(cr, 10 * kMm, 10 * kMm, w - 20 * kMm, h - 20 * kMm);
    cairo_stroke(cr);
    cairo_set_line_width(cr, 0.8);
    cairo_rectangle(cr, 12.5 * kMm, 12.5 * kMm, w - 25 * kMm, h - 25 * kMm);
    cairo_stroke(cr);
    // Corner ornaments: small diamonds.
    for (double cx : {12.5 * kMm, w - 12.5 * kMm})
        for (double cy : {12.5 * kMm, h - 12.5 * kMm}) {
            const double r = 3.5 * kMm;
            cairo_move_to(cr, cx, cy - r);
            cairo_line_to(cr, cx + r, cy);
            cairo_line_to(cr, cx, cy + r);
            cairo_line_to(cr, cx - r, cy);
            cairo_close_path(cr);
            cairo_fill(cr);
        }
    cairo_restore(cr);
}

void drawCertificate(cairo_t* cr, const CertificateTemplate& t, const Values& v, double w, double h) {
    const Rgb border = parseColor(t.borderColor, {0.72, 0.53, 0.04});
    const Rgb titleColor = parseColor(t.titleColor, {0.75, 0, 0});
    drawBorder(cr, w, h, border);

    const double x = 25 * kMm, width = w - 50 * kMm;
    double y = 20 * kMm;
    TextStyle center{kSerifFamily, 13, true};
    center.align = Align::Center;
    for (size_t i = 0; i < t.header.size(); ++i) {
        TextStyle st = center;
        st.size = i == 0 ? 13 : 14;
        const std::string text = core::format(t.header[i], v);
        y += drawText(cr, text, x, y, width, st);
        if (i + 1 == t.header.size()) {
            const double tw = textWidth(cr, text, st);
            line(cr, x + (width - tw) / 2, y + 1.5, x + (width + tw) / 2, y + 1.5, 0.6, {});
        }
    }
    y += 8 * kMm;
    for (const auto& line : t.issuer) {
        TextStyle st = center;
        st.size = 16;
        y += drawText(cr, core::format(line, v), x, y, width, st);
    }
    {
        TextStyle st = center;
        st.size = 15;
        y += drawText(cr, core::format(t.verb, v), x, y, width, st) + 2 * kMm;
    }
    {
        TextStyle st = center;
        st.size = 40;
        st.color = titleColor;
        y += drawText(cr, core::format(t.title, v), x, y, width, st) + 3 * kMm;
    }
    {
        TextStyle st = center;
        st.size = 22;
        st.italic = true;
        st.color = {0.05, 0.15, 0.45};
        const std::string name = core::format(t.recipient, v);
        st.size = fitTextSize(cr, name, width, st, 1, 14);
        y += drawText(cr, name, x, y, width, st) + 2 * kMm;
    }
    for (const auto& b : t.body) {
        TextStyle st{kSerifFamily, 15};
        st.align = Align::Center;
        st.maxLines = 3;
        y += drawText(cr, core::format(b, v), x + 15 * kMm, y, width - 30 * kMm, st) + 1 * kMm;
    }

    // Bottom: the number at left, place and date then the signature at right.
    const double sigX = x + width * 0.5, sigW = width * 0.5;
    double sy = std::max(y + 5 * kMm, h - 78 * kMm);
    // No decision (a contest prize handed on the day): no number line rather than an empty "Số:".
    const bool hasDecision = std::any_of(v.begin(), v.end(), [](const auto& kv) { return kv.first == "decision" && !kv.second.empty(); });
    if (!t.number.empty() && hasDecision) {
        TextStyle st{kSerifFamily, 13};
        st.align = Align::Center;
        drawText(cr, core::format(t.number, v), x, sy + 7 * kMm, width * 0.45, st);
    }
    if (!t.placeDate.empty()) {
        TextStyle st{kSerifFamily, 13};
        st.italic = true;
        st.align = Align::Center;
        sy += drawText(cr, core::format(t.placeDate, v), sigX, sy, sigW, st);
    }
    drawSignature(cr, t.signerLines, t.signerName, sigX, sy, sigW, kSerifFamily, 14);
}

} // namespace

std::optional<CertificateTemplate> loadCertificateTemplate(const std::string& path, std::string* error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (error) *error = path + ": " + std::strerror(errno);
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parseCertificateTemplate(text.str(), path, error);
}

std::optional<CertificateTemplate> parseCertificateTemplate(std::string_view text, const std::string& path,
                                                            std::string* error) {
    toml::table root;
    try {
        root = toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        if (error) *error = path + ": " + std::string(e.description());
        return std::nullopt;
    }
    CertificateTemplate t;
    t.header = stringList(root["header"]);
    t.issuer = stringList(root["issuer"]);
    t.verb = root["verb"].value_or(t.verb);
    t.title = root["title"].value_or(std::string());
    t.recipient = root["recipient"].value_or(t.recipient);
    t.body = stringList(root["body"]);
    t.number = root["number"].value_or(std::string());
    t.placeDate = root["place_date"].value_or(std::string());
    t.signerLines = stringList(root["signer"]["lines"]);
    t.signerName = root["signer"]["name"].value_or(std::string());
    t.borderColor = root["style"]["border_color"].value_or(t.borderColor);
    t.titleColor = root["style"]["title_color"].value_or(t.titleColor);
    if (t.title.empty()) {
        if (error) *error = path + ": " + core::tr("paper.error.template_title");
        return std::nullopt;
    }
    return t;
}

PaperStatus writeCertificatesPdf(const CertificateTemplate& tmpl, const std::vector<CertificateRecipient>& recipients,
                                 const CertificateContext& context, const std::string& path, const Progress& progress) {
    if (recipients.empty()) return PaperStatus::failure(core::tr("paper.error.no_recipients"));
    PdfDocument doc(path, kA4Height, kA4Width);
    if (!doc.ok()) return PaperStatus::failure(doc.error() + ": " + path);
    doc.setMetadata(tmpl.title, context.event);
    for (size_t i = 0; i < recipients.size(); ++i) {
        if (i > 0) doc.newPage();
        drawCertificate(doc.cr(), tmpl, valuesFor(recipients[i], context), doc.width(), doc.height());
        if (progress) progress(i + 1, recipients.size());
    }
    PaperStatus status = doc.finish();
    status.rows = static_cast<std::int64_t>(recipients.size());
    return status;
}

} // namespace kiosk::paper
