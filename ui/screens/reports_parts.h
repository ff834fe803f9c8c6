#pragma once
// Private to the reports screen's files (reports.cpp: the day, the computation and the CSV
// downloads; reports_charts.cpp: the charts and tables of one report).
#include <optional>
#include <string>

#include "core/report/coverage.h"
#include "core/view/report_view.h"
#include "ui/app.h"

namespace nuanxin::reports {

/// @brief A computed report with what its charts need, made once when it is computed.
struct ShownReport {
    CoverageReport report;
    TimelineSeries series;
    double millis = 0.0;           ///< how long the replay took
    std::uint64_t revision = 0;    ///< of the store when computed
};

/// @brief Where the user is in the charts: the drill-down level and the kind (-1: all).
struct ChartView {
    std::string parent;
    int kind = -1;
};

/// @brief Draws every chart and table of the report.
void drawReport(App& app, const ShownReport& shown, ChartView& view);

} // namespace nuanxin::reports
