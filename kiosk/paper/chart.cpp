#include "kiosk/paper/chart.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/paper/pdf_doc.hpp"

namespace kiosk::paper {

namespace {
const Rgb kAxis{0.25, 0.25, 0.25};
const Rgb kGrid{0.85, 0.85, 0.85};

std::string tickText(double v) {
    char buf[32];
    if (std::fabs(v - std::round(v)) < 1e-9) std::snprintf(buf, sizeof buf, "%.0f", v);
    else std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}
} // namespace

double niceStep(double maxValue, int ticks) {
    if (maxValue <= 0 || ticks < 1) return 1;
    const double raw = maxValue / ticks;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (raw <= m * mag) return std::max(m * mag, 1.0);
    return std::max(10 * mag, 1.0);
}

void drawBarChart(cairo_t* cr, const BarChart& chart, double x, double y, double w, double h) {
    const double font = std::clamp(h / 22.0, 6.0, 28.0);
    TextStyle titleStyle{kSansFamily, font * 1.15, true};
    titleStyle.align = Align::Center;
    TextStyle small{kSansFamily, font};

    double top = y;
    if (!chart.title.empty()) top += drawText(cr, chart.title, x, y, w, titleStyle) + font * 0.4;

    // Legend on one line under the title.
    if (chart.series.size() > 1) {
        double lx = x + font * 3.5;
        const double swatch = font * 0.8;
        for (const auto& s : chart.series) {
            cairo_save(cr);
            setColor(cr, parseColor(s.color));
            cairo_rectangle(cr, lx, top + font * 0.2, swatch, swatch);
            cairo_fill(cr);
            cairo_restore(cr);
            lx += swatch + font * 0.4;
            drawText(cr, s.name, lx, top, 0, small);
            lx += textWidth(cr, s.name, small) + font * 1.2;
        }
        top += font * 1.6;
    }

    size_t n = chart.labels.size();
    for (const auto& s : chart.series) n = std::max(n, s.values.size());
    std::vector<double> totals(n, 0.0);
    for (const auto& s : chart.series)
        for (size_t i = 0; i < s.values.size(); ++i) totals[i] += std::max(0.0, s.values[i]);
    const double maxTotal = totals.empty() ? 0 : *std::max_element(totals.begin(), totals.end());
    const double step = niceStep(maxTotal, 5);
    const double axisMax = std::max(step, std::ceil(maxTotal / step) * step);

    const double yAxisWidth = std::max(textWidth(cr, tickText(axisMax), small), font) + font * 0.8;
    const double labelHeight = font * 1.6;
    const double left = x + yAxisWidth + (chart.yLabel.empty() ? 0 : font * 1.4);
    const double right = x + w - font * 0.5;
    const double bottom = y + h - labelHeight;
    const double plotH = std::max(1.0, bottom - top - font * 0.5);
    const double plotTop = bottom - plotH;

    if (!chart.yLabel.empty()) {
        cairo_save(cr);
        cairo_translate(cr, x, bottom);
        cairo_rotate(cr, -M_PI / 2);
        TextStyle st = small;
        st.align = Align::Center;
        drawText(cr, chart.yLabel, 0, 0, plotH, st);
        cairo_restore(cr);
    }

    // Grid and y ticks.
    for (double v = 0; v <= axisMax + step * 0.5; v += step) {
        const double gy = bottom - v / axisMax * plotH;
        line(cr, left, gy, right, gy, v == 0 ? 0.8 : 0.4, v == 0 ? kAxis : kGrid);
        TextStyle st = small;
        st.align = Align::Right;
        const std::string t = tickText(v);
        drawText(cr, t, left - yAxisWidth, gy - font * 0.7, yAxisWidth - font * 0.4, st);
    }
    line(cr, left, plotTop, left, bottom, 0.8, kAxis);
    if (n == 0) return;

    const double slot = (right - left) / static_cast<double>(n);
    const double barW = slot * 0.72;
    for (size_t i = 0; i < n; ++i) {
        double base = 0;
        const double bx = left + slot * static_cast<double>(i) + (slot - barW) / 2;
        for (const auto& s : chart.series) {
            const double v = i < s.values.size() ? std::max(0.0, s.values[i]) : 0.0;
            if (v <= 0) continue;
            const double y0 = bottom - (base + v) / axisMax * plotH;
            cairo_save(cr);
            setColor(cr, parseColor(s.color, {0.2, 0.4, 0.7}));
            cairo_rectangle(cr, bx, y0, barW, v / axisMax * plotH);
            cairo_fill(cr);
            cairo_restore(cr);
            base += v;
        }
    }

    // Labels under the bars; thinned to every k-th so they never overlap.
    double widest = 0;
    for (const auto& l : chart.labels) widest = std::max(widest, textWidth(cr, l, small));
    const size_t every = std::max<size_t>(1, static_cast<size_t>(std::ceil((widest + font) / slot)));
    for (size_t i = 0; i < chart.labels.size(); i += every) {
        TextStyle st = small;
        st.align = Align::Center;
        const double cx = left + slot * (static_cast<double>(i) + 0.5);
        drawText(cr, chart.labels[i], cx - widest, bottom + font * 0.3, 2 * widest + font, st);
    }
}

PaperStatus writeChartPng(const BarChart& chart, const std::string& path, int width, int height) {
    ImageCanvas canvas(width, height);
    const double pad = std::max(4.0, height / 40.0);
    drawBarChart(canvas.cr(), chart, pad, pad, width - 2 * pad, height - 2 * pad);
    return canvas.writePng(path);
}

} // namespace kiosk::paper
