#pragma once
// The screens of the app. Each keeps its own state (selection, filters, caches) between frames
// and rebuilds its caches when the workspace's revision moves.
#include <memory>
#include <string>
#include <string_view>

#include "ui/app.h"

namespace nuanxin {

class Screen {
public:
    virtual ~Screen() = default;
    /// @brief Draws the screen into the current window's remaining space.
    virtual void draw(App& app) = 0;
};

/// @brief The in-app file browser the desktop uses in place of a platform picker.
class FileBrowserScreen : public Screen {
public:
    /// @brief Shows it as a modal: pick a file for `purpose`, or (save) choose where `bytes` go.
    virtual void openFor(FilePurpose purpose, std::string_view accept) = 0;
    virtual void saveAs(std::string name, std::string bytes) = 0;
};

[[nodiscard]] std::unique_ptr<Screen> makeDashboardScreen();
[[nodiscard]] std::unique_ptr<Screen> makeHouseholdsScreen();
[[nodiscard]] std::unique_ptr<Screen> makeOffersScreen();
[[nodiscard]] std::unique_ptr<Screen> makeMatchingScreen();
[[nodiscard]] std::unique_ptr<Screen> makeFilesScreen();
[[nodiscard]] std::unique_ptr<Screen> makePluginsScreen();
[[nodiscard]] std::unique_ptr<Screen> makeAuditScreen();
[[nodiscard]] std::unique_ptr<Screen> makeWorkScreen();
[[nodiscard]] std::unique_ptr<Screen> makeVolunteerScreen();
[[nodiscard]] std::unique_ptr<Screen> makeReportsScreen();
[[nodiscard]] std::unique_ptr<FileBrowserScreen> makeFileBrowser();

/// @brief The current user's name and role in the menu bar (ui/screens/user_menu.cpp); the
/// name is remembered in the backend's settings and given to the workspace.
void drawUserControl(App& app);
/// @brief The lifecycle figures the test hook adds, empty without a store: `,"user"` (who uses
/// the app), `"delivered"`, `"gap"`, `"matched_units"`, `"needs_delivered"` (the dashboard's
/// totals), `"volunteers"`, `"users"` (with a role), `"approvals"` (given so far), `"tasks"`,
/// `"tasks_done"` and `"statuses":{"proposed":n,...}` (allocations per status).
[[nodiscard]] std::string lifecycleHookJson(const Workspace* workspace);

} // namespace nuanxin
