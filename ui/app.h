#pragma once
#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/i18n/tr.h"
#include "ui/backend.h"
#include "ui/frame_stats.h"
#include "ui/theme.h"

namespace nuanxin {

class Workspace;
class Screen;
class FileBrowserScreen;
class PassphraseDialog;
class Secret;

/// @brief The screens of the left-hand navigation. Appended ones keep the numbers the test hook
/// reports ("screen"); app.cpp's list gives the order they are shown in.
enum class ScreenId : std::uint8_t {
    Dashboard, Households, Offers, Matching, Files, Plugins, Audit, Work, Volunteer, Reports, Count_
};

/// @brief A file the user picked or dropped, waiting for the screen that asked for it.
struct IncomingFile {
    FilePurpose purpose = FilePurpose::Import;
    std::string name;
    std::string bytes;
};

/// @brief The application as both front ends see it: the open store (a Workspace), the screens,
/// the language, the fonts and the frame times. The front end owns the window and the loop and
/// calls frame() between ImGui::NewFrame() and ImGui::Render().
class App {
public:
    explicit App(Backend& backend);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    /// @brief Reads settings, adds the fonts and the theme, opens the store at
    /// backend.storeDir(). Call once, after ImGui::CreateContext() and before the first frame.
    /// `lang` overrides the saved setting for this run only.
    void init(std::optional<Lang> lang);
    /// @brief Builds one frame of UI (and advances a running matching by a slice of the frame)
    /// and records the time since the previous one.
    void frame();

    [[nodiscard]] Lang lang() const { return m_lang; }
    /// @brief Switches the language and remembers it for the next start.
    void setLang(Lang lang);
    [[nodiscard]] Backend& backend() { return m_backend; }

    /// @brief The open store; nullptr when it could not be opened (storeError() says why).
    [[nodiscard]] Workspace* workspace() { return m_workspace.get(); }
    [[nodiscard]] const Workspace* workspace() const { return m_workspace.get(); }
    [[nodiscard]] const std::string& storeError() const { return m_storeError; }
    /// @brief Opens another store folder (created when missing) in place of the current one and
    /// remembers it ("store" setting). False with storeError() set when it cannot be opened; an
    /// encrypted store opened without its passphrase makes the passphrase dialog ask for it.
    bool openStore(const std::string& dir, const Secret* passphrase = nullptr);
    /// @brief Registers the demo data set (backend.dataPath()) into the empty store.
    bool loadDemo();

    [[nodiscard]] ScreenId screen() const { return m_screen; }
    void show(ScreenId screen) { m_screen = screen; }

    /// @brief An offer handed from the Offers screen to the Matching screen's "assign by hand"
    /// (an OfferId; 0: none). The Matching screen opens on it and sets it back to 0.
    void selectOffer(std::uint64_t offer) { m_selectedOffer = offer; }
    [[nodiscard]] std::uint64_t selectedOffer() const { return m_selectedOffer; }

    /// @brief Asks the user for a file: the platform's picker, or the in-app file browser.
    void requestFile(FilePurpose purpose, std::string_view accept);
    /// @brief A picked or dropped file arrives (from the front end or the in-app browser).
    void receiveFile(FilePurpose purpose, std::string name, std::string bytes);
    /// @brief The file waiting for `purpose`, handed over once (Dropped files answer Import too).
    [[nodiscard]] std::optional<IncomingFile> takeFile(FilePurpose purpose);
    /// @brief Gives a file to the user: a browser download, or the in-app browser's save dialog.
    void saveFile(std::string name, std::string bytes, std::string_view mime);

    /// @brief A one-line message at the foot of the window (already translated).
    void notify(std::string text, bool error = false);

    [[nodiscard]] const Fonts& fonts() const { return m_fonts; }
    [[nodiscard]] const FrameStats& frameStats() const { return m_frames; }

    /// @brief The read-only test hook's answer (desktop --self-test, browser window.nuanxin):
    /// {"households","members","needs","offers","donors","allocations","proposed","approved",
    ///  "locked","plugins":[ids],"frame_ms_p50","frame_ms_p95","frames","lang","screen",
    ///  "matching","store_error"}.
    [[nodiscard]] std::string testHookJson() const;

private:
    void drawMenuBar();
    void drawNavigation();
    void drawStatusBar();
    void drawFirstVisit();
    void syncPluginSettings();

    Backend& m_backend;
    Lang m_lang = Lang::Zh;
    std::unique_ptr<Workspace> m_workspace;
    std::uint64_t m_storeGeneration = 0;    ///< one more each time a store opens
    std::uint64_t m_settingsGeneration = 0; ///< the store whose plugin settings the host holds
    std::uint64_t m_settingsPlugins = 0;    ///< the host's plugin generation then
    std::string m_storeError;
    ScreenId m_screen = ScreenId::Dashboard;
    std::uint64_t m_selectedOffer = 0;
    std::array<std::unique_ptr<Screen>, static_cast<std::size_t>(ScreenId::Count_)> m_screens;
    std::unique_ptr<FileBrowserScreen> m_fileBrowser; ///< the in-app file browser (desktop)
    std::unique_ptr<PassphraseDialog> m_passphrase;   ///< an encrypted store's passphrase
    std::optional<IncomingFile> m_incoming;
    std::string m_notice;
    bool m_noticeError = false;
    Fonts m_fonts;
    FrameStats m_frames;
    std::optional<std::chrono::steady_clock::time_point> m_lastFrame;
};

} // namespace nuanxin
