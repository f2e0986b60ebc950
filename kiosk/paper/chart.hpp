#pragma once
// Bar charts drawn with cairo: the same drawing goes into the report PDF and into PNG files
// (the organizer console, the README).
#include <cairo.h>

#include <string>
#include <vector>

#include "kiosk/paper/status.hpp"

namespace kiosk::paper {

/// One stacked series: a value per label.
struct ChartSeries {
    std::string name;
    std::string color; ///< "#RRGGBB"
    std::vector<double> values;
};

/// A stacked bar chart: one bar per label, the series stacked in order.
struct BarChart {
    std::string title;
    std::string yLabel;
    std::vector<std::string> labels;
    std::vector<ChartSeries> series;
};

/// A tick step of 1, 2 or 5 times a power of ten giving about `ticks` steps up to maxValue.
double niceStep(double maxValue, int ticks);

/// Draws chart inside the box (x, y, w, h); text scales with the box height.
void drawBarChart(cairo_t* cr, const BarChart& chart, double x, double y, double w, double h);

/// Renders chart to a PNG of width x height pixels.
PaperStatus writeChartPng(const BarChart& chart, const std::string& path, int width, int height);

} // namespace kiosk::paper
