#pragma once
// The desktop's own entry in the main menu bar: open another store folder. The in-app file
// browser picks files, not folders, so the folder is typed into a small dialog of its own.
#include <string>

namespace nuanxin {

class App;
class DesktopBackend;

class StoreMenu {
public:
    /// @brief Draws the menu entry (inside BeginMainMenuBar) and, while open, the dialog.
    /// Locator ids: menu.open_store, store.path, store.ok, store.cancel.
    void draw(App& app, DesktopBackend& backend);

private:
    void drawDialog(App& app, DesktopBackend& backend);
    void submit(App& app, DesktopBackend& backend);

    bool m_openRequested = false;
    char m_path[1024] = {};
    std::string m_error;
};

} // namespace nuanxin
