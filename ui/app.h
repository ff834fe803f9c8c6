#pragma once
#include <chrono>
#include <optional>
#include <string>

#include "core/i18n/tr.h"
#include "core/model/types.h"
#include "core/report/summary.h"
#include "ui/frame_stats.h"
#include "ui/theme.h"

namespace nuanxin {

class Backend;

/// @brief The application as both front ends see it: the loaded data set, its summary, the
/// current language, the fonts and the frame times. The front end owns the window and the loop
/// and calls frame() between ImGui::NewFrame() and ImGui::Render().
class App {
public:
    explicit App(Backend& backend);

    /// @brief Reads settings and the data set, adds the fonts and the theme. Call once, after
    /// ImGui::CreateContext() and before the first frame. `lang` overrides the saved setting
    /// without replacing it (a command-line choice is for this run only).
    void init(std::optional<Lang> lang);
    /// @brief Builds one frame of UI and records the time since the previous one.
    void frame();

    [[nodiscard]] Lang lang() const { return m_lang; }
    /// @brief Switches the language and remembers it for the next start.
    void setLang(Lang lang);
    /// @brief Shows another data set in place of the one init() loaded (the browser shows its
    /// store once the store holds data); `source` is what the dashboard names as its origin.
    void showData(Dataset data, std::string source);

    [[nodiscard]] bool dataLoaded() const { return m_loaded; }
    /// @brief Why the data set could not be read (empty when it was).
    [[nodiscard]] const std::string& loadError() const { return m_loadError; }
    [[nodiscard]] const std::string& dataPath() const { return m_dataPath; }
    [[nodiscard]] const Dataset& dataset() const { return m_data; }
    [[nodiscard]] const Summary& summary() const { return m_summary; }
    [[nodiscard]] const Fonts& fonts() const { return m_fonts; }
    [[nodiscard]] const FrameStats& frameStats() const { return m_frames; }

    /// @brief The read-only test hook's answer (desktop --self-test, browser window.nuanxin):
    /// {"households","members","needs","offers","donors","allocations","plugins":[],
    ///  "frame_ms_p50","frame_ms_p95","frames","lang","error"}. The App holds no plugins: each
    /// front end fills "plugins" from its own plugin host (wasm/nuanxin_glue.js, the desktop's
    /// --self-test).
    [[nodiscard]] std::string testHookJson() const;

private:
    void drawMenuBar();

    Backend& m_backend;
    Lang m_lang = Lang::Zh;
    bool m_loaded = false;
    std::string m_loadError;
    std::string m_dataPath;
    Dataset m_data;
    Summary m_summary;
    Fonts m_fonts;
    FrameStats m_frames;
    std::optional<std::chrono::steady_clock::time_point> m_lastFrame;
};

} // namespace nuanxin
