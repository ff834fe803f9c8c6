#pragma once
// The desktop's read-only test hook: what --self-test prints and what --hook FILE keeps up to
// date for an end-to-end test driving the real window with xdotool:
//   {"summary": App::testHookJson() + "plugin_refusals", "window":[w,h], "store_dir",
//    "locate": locatorJson() (where each named widget was drawn, in window pixels)}.
#include <chrono>
#include <string>

namespace nuanxin {

class App;
class DesktopPlugins;

/// @brief The hook's JSON object for the current state.
[[nodiscard]] std::string desktopHookJson(const App& app, const DesktopPlugins& plugins,
                                          int windowWidth, int windowHeight);

/// @brief Writes `text` to `path` through a temporary file and a rename, so a reader never
/// sees half a file. False when it could not be written.
bool writeFileAtomically(const std::string& path, const std::string& text);

/// @brief Rewrites the hook file at most every `period` (a test polls it; writing every frame
/// of an unthrottled loop would only burn the disk).
class HookFile {
public:
    explicit HookFile(std::string path,
                      std::chrono::milliseconds period = std::chrono::milliseconds(100))
        : m_path(std::move(path)), m_period(period) {}

    [[nodiscard]] bool enabled() const { return !m_path.empty(); }
    /// @brief Writes when the period has passed since the last write (or `force`).
    void update(const App& app, const DesktopPlugins& plugins, int width, int height,
                bool force = false);

private:
    std::string m_path;
    std::chrono::milliseconds m_period;
    std::chrono::steady_clock::time_point m_last{};
    bool m_written = false;
};

} // namespace nuanxin
