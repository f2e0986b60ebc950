#include "kiosk/paper/pdf_doc.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>

namespace kiosk::paper {

namespace {

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

struct LayoutDeleter {
    void operator()(PangoLayout* l) const { g_object_unref(l); }
};
struct FontDeleter {
    void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

LayoutPtr makeLayout(cairo_t* cr, std::string_view text, double width, const TextStyle& style) {
    LayoutPtr layout(pango_cairo_create_layout(cr));
    std::unique_ptr<PangoFontDescription, FontDeleter> font(pango_font_description_from_string(style.family));
    // Absolute size: one PDF unit is one point, whatever resolution pango assumes.
    pango_font_description_set_absolute_size(font.get(), style.size * PANGO_SCALE);
    pango_font_description_set_weight(font.get(), style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font.get(), style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout.get(), font.get());
    if (width > 0) {
        pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_alignment(layout.get(), style.align == Align::Center  ? PANGO_ALIGN_CENTER
                                             : style.align == Align::Right ? PANGO_ALIGN_RIGHT
                                                                           : PANGO_ALIGN_LEFT);
    if (style.maxLines > 0) {
        pango_layout_set_height(layout.get(), -style.maxLines);
        pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    }
    if (style.underline) {
        PangoAttrList* attrs = pango_attr_list_new();
        pango_attr_list_insert(attrs, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE));
        pango_layout_set_attributes(layout.get(), attrs);
        pango_attr_list_unref(attrs);
    }
    pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
    return layout;
}

} // namespace

Rgb parseColor(std::string_view text, Rgb fallback) {
    if (!text.empty() && text.front() == '#') text.remove_prefix(1);
    if (text.size() != 6) return fallback;
    int v[6];
    for (int i = 0; i < 6; ++i)
        if ((v[i] = hexDigit(text[i])) < 0) return fallback;
    return {(v[0] * 16 + v[1]) / 255.0, (v[2] * 16 + v[3]) / 255.0, (v[4] * 16 + v[5]) / 255.0};
}

Rgb contrastingText(Rgb bg) {
    // Relative luminance (sRGB weights); the threshold favours white on saturated colours.
    const double lum = 0.2126 * bg.r + 0.7152 * bg.g + 0.0722 * bg.b;
    return lum > 0.6 ? Rgb{0, 0, 0} : Rgb{1, 1, 1};
}

void setColor(cairo_t* cr, Rgb c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

double drawText(cairo_t* cr, std::string_view text, double x, double y, double width, const TextStyle& style,
                bool measureOnly) {
    if (text.empty()) return 0;
    LayoutPtr layout = makeLayout(cr, text, width, style);
    int w = 0, h = 0;
    pango_layout_get_size(layout.get(), &w, &h);
    if (!measureOnly) {
        cairo_save(cr);
        setColor(cr, style.color);
        cairo_move_to(cr, x, y);
        pango_cairo_show_layout(cr, layout.get());
        cairo_restore(cr);
    }
    return static_cast<double>(h) / PANGO_SCALE;
}

double textHeight(cairo_t* cr, std::string_view text, double width, const TextStyle& style) {
    return drawText(cr, text, 0, 0, width, style, true);
}

double textWidth(cairo_t* cr, std::string_view text, const TextStyle& style) {
    if (text.empty()) return 0;
    LayoutPtr layout = makeLayout(cr, text, 0, style);
    int w = 0, h = 0;
    pango_layout_get_size(layout.get(), &w, &h);
    return static_cast<double>(w) / PANGO_SCALE;
}

double fitTextSize(cairo_t* cr, std::string_view text, double width, TextStyle style, int maxLines, double minSize) {
    style.maxLines = 0;
    for (; style.size > minSize; style.size -= 0.5) {
        LayoutPtr layout = makeLayout(cr, text, width, style);
        if (pango_layout_get_line_count(layout.get()) <= maxLines) {
            // A word broken inside (WORD_CHAR wrap) reads badly on a badge: also require the
            // longest unbreakable word to fit.
            PangoRectangle ink{}, logical{};
            pango_layout_get_extents(layout.get(), &ink, &logical);
            if (logical.width <= width * PANGO_SCALE + 1) {
                bool wordsFit = true;
                size_t start = 0;
                while (start < text.size() && wordsFit) {
                    size_t end = text.find(' ', start);
                    if (end == std::string_view::npos) end = text.size();
                    if (end > start && textWidth(cr, text.substr(start, end - start), style) > width) wordsFit = false;
                    start = end + 1;
                }
                if (wordsFit) return style.size;
            }
        }
    }
    return minSize;
}

PdfDocument::PdfDocument(const std::string& path, double width, double height) : m_width(width), m_height(height) {
    m_surface.reset(cairo_pdf_surface_create(path.c_str(), width, height));
    m_cr.reset(cairo_create(m_surface.get()));
}

PdfDocument::~PdfDocument() {
    if (!m_finished && m_surface) cairo_surface_finish(m_surface.get());
}

bool PdfDocument::ok() const {
    return cairo_surface_status(m_surface.get()) == CAIRO_STATUS_SUCCESS &&
           cairo_status(m_cr.get()) == CAIRO_STATUS_SUCCESS;
}

std::string PdfDocument::error() const {
    cairo_status_t s = cairo_surface_status(m_surface.get());
    if (s == CAIRO_STATUS_SUCCESS) s = cairo_status(m_cr.get());
    return s == CAIRO_STATUS_SUCCESS ? std::string() : std::string(cairo_status_to_string(s));
}

void PdfDocument::newPage() {
    cairo_show_page(m_cr.get());
    ++m_pages;
}

void PdfDocument::setMetadata(const std::string& title, const std::string& author) {
    cairo_pdf_surface_set_metadata(m_surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(m_surface.get(), CAIRO_PDF_METADATA_AUTHOR, author.c_str());
    cairo_pdf_surface_set_metadata(m_surface.get(), CAIRO_PDF_METADATA_CREATOR, "kiosk");
}

PaperStatus PdfDocument::finish() {
    if (m_finished) return PaperStatus::failure("finished twice");
    m_finished = true;
    cairo_show_page(m_cr.get());
    cairo_surface_finish(m_surface.get());
    PaperStatus status;
    status.error = error();
    status.pages = m_pages;
    return status;
}

ImageCanvas::ImageCanvas(int width, int height) {
    m_surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, std::max(1, width), std::max(1, height));
    m_cr = cairo_create(m_surface);
    cairo_set_source_rgb(m_cr, 1, 1, 1);
    cairo_paint(m_cr);
}

ImageCanvas::~ImageCanvas() {
    cairo_destroy(m_cr);
    cairo_surface_destroy(m_surface);
}

PaperStatus ImageCanvas::writePng(const std::string& path) {
    cairo_surface_flush(m_surface);
    const cairo_status_t s = cairo_surface_write_to_png(m_surface, path.c_str());
    if (s != CAIRO_STATUS_SUCCESS) return PaperStatus::failure(std::string(cairo_status_to_string(s)) + ": " + path);
    PaperStatus ok;
    ok.pages = 1;
    return ok;
}

void line(cairo_t* cr, double x0, double y0, double x1, double y1, double width, Rgb color) {
    cairo_save(cr);
    setColor(cr, color);
    cairo_set_line_width(cr, width);
    cairo_move_to(cr, x0, y0);
    cairo_line_to(cr, x1, y1);
    cairo_stroke(cr);
    cairo_restore(cr);
}

} // namespace kiosk::paper
