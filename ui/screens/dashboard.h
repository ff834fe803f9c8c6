#pragma once

namespace nuanxin {

class App;

/// @brief The first screen: the data set's counts (totals, households per province and per
/// category, province × category, needs against offers per kind). Fills the window below
/// the main menu bar.
void drawDashboard(const App& app);

} // namespace nuanxin
