#pragma once
// Shared drawing ground for the PDFs: a RAII cairo PDF document, colours, and pango text in
// boxes. Every length is in PDF points (1/72 inch); kMm converts millimetres.
#include <cairo.h>

#include <memory>
#include <string>
#include <string_view>

#include "kiosk/paper/status.hpp"

namespace kiosk::paper {

constexpr double kMm = 72.0 / 25.4;
constexpr double kA4Width = 210.0 * kMm;
constexpr double kA4Height = 297.0 * kMm;

/// Font families tried in order by fontconfig; both cover Vietnamese.
constexpr const char* kSansFamily = "Noto Sans, DejaVu Sans";
constexpr const char* kSerifFamily = "Noto Serif, DejaVu Serif";
constexpr const char* kMonoFamily = "DejaVu Sans Mono, Noto Sans Mono";

/// A colour with components in 0..1.
struct Rgb {
    double r = 0, g = 0, b = 0;
};

/// Parses "#RRGGBB" (or "RRGGBB"); fallback when the text is not a colour.
Rgb parseColor(std::string_view text, Rgb fallback = {0.5, 0.5, 0.5});
/// Black or white, whichever reads better on background.
Rgb contrastingText(Rgb background);
void setColor(cairo_t* cr, Rgb c);

enum class Align { Left, Center, Right };

/// How a piece of text is set.
struct TextStyle {
    const char* family = kSansFamily;
    double size = 10;          ///< points
    bool bold = false;
    bool italic = false;
    bool underline = false;
    Align align = Align::Left;
    Rgb color{};
    int maxLines = 0;          ///< 0 = unlimited; more lines are ellipsized
};

/// Lays out text (UTF-8, newlines honoured) wrapped to width; draws it at (x, y) top-left
/// unless measureOnly. Returns the height used.
double drawText(cairo_t* cr, std::string_view text, double x, double y, double width, const TextStyle& style,
                bool measureOnly = false);
/// The height text would take; nothing is drawn.
double textHeight(cairo_t* cr, std::string_view text, double width, const TextStyle& style);
/// The natural width of text on one line.
double textWidth(cairo_t* cr, std::string_view text, const TextStyle& style);
/// The largest size <= style.size (down to minSize) at which text fits in maxLines lines of width.
double fitTextSize(cairo_t* cr, std::string_view text, double width, TextStyle style, int maxLines, double minSize);

/// A PDF file being written, page by page. Pages are added with newPage(); finish() flushes
/// and reports. The destructor closes the file quietly if finish() was not called.
class PdfDocument {
public:
    /// Opens path for writing with a first page of width x height; check ok() / error().
    PdfDocument(const std::string& path, double width, double height);
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    bool ok() const;
    std::string error() const;
    cairo_t* cr() const { return m_cr.get(); }
    double width() const { return m_width; }
    double height() const { return m_height; }
    int pages() const { return m_pages; }

    /// Ends the current page and starts the next.
    void newPage();
    /// Sets title and author metadata.
    void setMetadata(const std::string& title, const std::string& author);
    /// Ends the last page and writes the file.
    PaperStatus finish();

private:
    struct SurfaceDeleter {
        void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
    };
    struct ContextDeleter {
        void operator()(cairo_t* c) const { cairo_destroy(c); }
    };
    std::unique_ptr<cairo_surface_t, SurfaceDeleter> m_surface;
    std::unique_ptr<cairo_t, ContextDeleter> m_cr;
    double m_width = 0, m_height = 0;
    int m_pages = 1;
    bool m_finished = false;
};

/// A RAII image surface for PNG output.
class ImageCanvas {
public:
    ImageCanvas(int width, int height);
    ~ImageCanvas();
    ImageCanvas(const ImageCanvas&) = delete;
    ImageCanvas& operator=(const ImageCanvas&) = delete;
    cairo_t* cr() const { return m_cr; }
    /// Writes the image as PNG.
    PaperStatus writePng(const std::string& path);

private:
    cairo_surface_t* m_surface = nullptr;
    cairo_t* m_cr = nullptr;
};

/// Strokes a line from (x0, y0) to (x1, y1).
void line(cairo_t* cr, double x0, double y0, double x1, double y1, double width, Rgb color);

} // namespace kiosk::paper
