#pragma once
// Private to the dashboard's files: the panels drawn from the figures of core/view.
#include <string>

#include "core/view/dashboard_figures.h"
#include "ui/app.h"

namespace nuanxin::dashboard {

/// @brief Where the area panel is: the area whose children are listed ("" = the provinces) and
/// the kind it counts (-1 = all kinds, in needs).
struct AreaView {
    std::string parent;
    int kind = -1;
};

/// @brief Needed, matched, delivered and gaps per province → city → county, as stacked bars;
/// clicking a province or a city lists its children.
void areaPanel(const App& app, const DashboardFigures& figures, AreaView& view);
/// @brief Needs against offers per kind, with matched / delivered / gap as a stacked bar.
void kindTable(const App& app, const DashboardFigures& figures);
/// @brief The most urgent open needs with units unmatched.
void urgentPanel(const App& app, const DashboardFigures& figures);

} // namespace nuanxin::dashboard
