#include "ui/app.h"

#include <algorithm>
#include <cstdio>
#include <utility>

#include <imgui.h>

#include "core/plugin/plugin_json.h"
#include "core/serial/archive.h"
#include "core/session/plugin_settings.h"
#include "core/session/workspace.h"
#include "core/util/json.h"
#include "ui/locator.h"
#include "ui/screens/passphrase.h"
#include "ui/screens/screen.h"

namespace nuanxin {
namespace {

constexpr const char* kLangSetting = "lang";
constexpr const char* kStoreSetting = "store";
/// Share of a 60 Hz frame a running matching may take, so the bar and the cancel button stay
/// responsive; the rest is left for drawing.
constexpr double kMatchSliceMs = 12.0;
constexpr float kNavWidth = 168.0f;

const char* langCode(Lang lang) { return lang == Lang::Zh ? "zh" : "en"; }

/// A panel's rectangle on screen.
struct Area {
    ImVec2 min;
    ImVec2 max;
};

/// Paints the main window's colour where the two panels (side by side on one band of rows) are
/// not: above and below the band, left of the navigation, between the panels, right of the page.
void paintMargins(const Area& nav, const Area& page) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 colour = ImGui::GetColorU32(ImGuiCol_WindowBg);
    const ImVec2 lo = ImGui::GetWindowPos();
    const ImVec2 hi(lo.x + ImGui::GetWindowWidth(), lo.y + ImGui::GetWindowHeight());
    const float top = std::min(nav.min.y, page.min.y);
    const float bottom = std::max(nav.max.y, page.max.y);
    draw->AddRectFilled(lo, ImVec2(hi.x, top), colour);
    draw->AddRectFilled(ImVec2(lo.x, bottom), hi, colour);
    draw->AddRectFilled(ImVec2(lo.x, top), ImVec2(nav.min.x, bottom), colour);
    draw->AddRectFilled(ImVec2(nav.max.x, top), ImVec2(page.min.x, bottom), colour);
    draw->AddRectFilled(ImVec2(page.max.x, top), ImVec2(hi.x, bottom), colour);
}

struct NavEntry {
    ScreenId id;
    Str label;
    const char* mark; ///< the locator's name of the entry
};
constexpr NavEntry kNav[] = {
    {ScreenId::Dashboard, Str::UiNavDashboard, "nav.dashboard"},
    {ScreenId::Households, Str::UiNavHouseholds, "nav.households"},
    {ScreenId::Offers, Str::UiNavOffers, "nav.offers"},
    {ScreenId::Matching, Str::UiNavMatching, "nav.matching"},
    {ScreenId::Work, Str::UiNavWork, "nav.work"},
    {ScreenId::Volunteer, Str::UiNavVolunteer, "nav.volunteer"},
    {ScreenId::Reports, Str::UiNavReports, "nav.reports"},
    {ScreenId::Files, Str::UiNavFiles, "nav.files"},
    {ScreenId::Plugins, Str::UiNavPlugins, "nav.plugins"},
    {ScreenId::Audit, Str::UiNavAudit, "nav.audit"},
};

/// The UTC wall clock, in seconds: what the journal records as "when".
Timestamp wallClock() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

App::App(Backend& backend)
    : m_backend(backend), m_passphrase(std::make_unique<PassphraseDialog>()) {}
App::~App() = default;

void App::init(std::optional<Lang> lang) {
    if (const auto saved = m_backend.loadSetting(kLangSetting)) {
        if (const auto parsed = parseLang(*saved)) m_lang = *parsed;
    }
    if (lang) m_lang = *lang;

    ImGui::GetIO().IniFilename = nullptr; // the layout is fixed; no imgui.ini in the cwd
    applyTheme();
    m_fonts = loadFonts(m_backend.fontPath(), "");

    m_screens[static_cast<std::size_t>(ScreenId::Dashboard)] = makeDashboardScreen();
    m_screens[static_cast<std::size_t>(ScreenId::Households)] = makeHouseholdsScreen();
    m_screens[static_cast<std::size_t>(ScreenId::Offers)] = makeOffersScreen();
    m_screens[static_cast<std::size_t>(ScreenId::Matching)] = makeMatchingScreen();
    m_screens[static_cast<std::size_t>(ScreenId::Files)] = makeFilesScreen();
    m_screens[static_cast<std::size_t>(ScreenId::Plugins)] = makePluginsScreen();
    m_screens[static_cast<std::size_t>(ScreenId::Audit)] = makeAuditScreen();
    m_screens[static_cast<std::size_t>(ScreenId::Work)] = makeWorkScreen();
    m_screens[static_cast<std::size_t>(ScreenId::Volunteer)] = makeVolunteerScreen();
    m_screens[static_cast<std::size_t>(ScreenId::Reports)] = makeReportsScreen();
    if (!m_backend.platformFiles()) m_fileBrowser = makeFileBrowser();

    if (openStore(m_backend.storeDir()) && m_backend.demoRequested() && m_workspace->empty()) {
        loadDemo();
    }
}

bool App::openStore(const std::string& dir, const Secret* passphrase) {
    auto opened = Store::open(m_backend.fileSystem(), dir, DivisionRegistry::builtIn(),
                              Store::Options{Store::Mode::ReadWrite, passphrase, KdfLimits::interactive()});
    if (!opened.ok()) {
        if (!passphrase && opened.errors().front().reason == Str::StoreEncrypted) m_passphrase->ask(dir);
        // Kept in English as well: it goes to the test hook and the log besides the screen.
        m_storeError.clear();
        for (const auto& error : opened.errors()) {
            if (!m_storeError.empty()) m_storeError += "; ";
            m_storeError += error.describe(m_lang);
        }
        return false;
    }
    WorkspaceConfig config;
    config.clock = wallClock;
    config.lang = m_lang;
    m_workspace = std::make_unique<Workspace>(std::move(opened.value()), m_backend.plugins().host(),
                                              std::move(config));
    ++m_storeGeneration;
    m_storeError.clear();
    m_backend.saveSetting(kStoreSetting, dir);
    return true;
}

bool App::loadDemo() {
    if (m_workspace == nullptr) return false;
    auto demo = loadDatasetFile(m_backend.dataPath());
    if (!demo.ok()) {
        notify(std::string(tr(Str::UiDemoFailed, m_lang)) + ": " +
                   demo.errors().front().describe(m_lang),
               true);
        return false;
    }
    auto loaded = m_workspace->loadDataset(demo.value());
    if (!loaded.ok()) {
        notify(std::string(tr(Str::UiDemoFailed, m_lang)) + ": " +
                   loaded.errors().front().describe(m_lang),
               true);
        return false;
    }
    notify(tr(Str::UiDemoLoaded, m_lang));
    return true;
}

void App::setLang(Lang lang) {
    if (lang == m_lang) return;
    m_lang = lang;
    if (m_workspace) m_workspace->setLang(lang);
    m_backend.saveSetting(kLangSetting, langCode(lang));
}

void App::requestFile(FilePurpose purpose, std::string_view accept) {
    if (m_backend.platformFiles()) {
        m_backend.pickFile(purpose, accept);
    } else if (m_fileBrowser) {
        m_fileBrowser->openFor(purpose, accept);
    }
}

void App::receiveFile(FilePurpose purpose, std::string name, std::string bytes) {
    m_incoming = IncomingFile{purpose, std::move(name), std::move(bytes)};
    // A dropped file or an import goes to the screen that previews it, wherever the user was.
    if (purpose == FilePurpose::Dropped || purpose == FilePurpose::Import) show(ScreenId::Files);
    if (purpose == FilePurpose::Plugin) show(ScreenId::Plugins);
}

std::optional<IncomingFile> App::takeFile(FilePurpose purpose) {
    if (!m_incoming) return std::nullopt;
    const bool matches = m_incoming->purpose == purpose ||
                         (purpose == FilePurpose::Import && m_incoming->purpose == FilePurpose::Dropped);
    if (!matches) return std::nullopt;
    std::optional<IncomingFile> out = std::move(m_incoming);
    m_incoming.reset();
    return out;
}

void App::saveFile(std::string name, std::string bytes, std::string_view mime) {
    if (m_backend.platformFiles()) {
        m_backend.download(name, bytes, mime);
    } else if (m_fileBrowser) {
        m_fileBrowser->saveAs(std::move(name), std::move(bytes));
    }
}

void App::notify(std::string text, bool error) {
    m_notice = std::move(text);
    m_noticeError = error;
}

void App::syncPluginSettings() {
    // The store's plugin settings go into the host when a store opens and whenever plugins come
    // or go (the browser loads its deployed plugins after the first frame; an upload; a removal).
    // Not during a run, which reads the settings it started with.
    if (m_workspace == nullptr || m_workspace->matching()) return;
    PluginHost& host = m_backend.plugins().host();
    if (m_settingsGeneration == m_storeGeneration && m_settingsPlugins == host.generation()) return;
    (void)applyStoredPluginSettings(*m_workspace, host);
    m_settingsGeneration = m_storeGeneration;
    m_settingsPlugins = host.generation();
}

void App::frame() {
    const auto now = std::chrono::steady_clock::now();
    if (m_lastFrame) {
        m_frames.add(std::chrono::duration<double, std::milli>(now - *m_lastFrame).count());
    }
    m_lastFrame = now;
    beginLocatorFrame();

    syncPluginSettings();
    if (m_workspace && m_workspace->matching()) m_workspace->stepMatching(kMatchSliceMs);

    drawMenuBar();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoBackground;
    ImGui::Begin("##main", nullptr, flags);
    const float statusHeight = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    // The shell clears the frame to the panels' colour (canvasColour()); the panels and everything
    // nested in them draw no background of their own, and only the margins around the panels are
    // painted: a software GL renderer pays for every fragment, and filling the screen three times
    // over was most of a frame's time in headless Chromium.
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
    drawNavigation();
    const Area nav{ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
    ImGui::SameLine();
    ImGui::BeginChild("##page", ImVec2(0.0f, -statusHeight), false);
    if (m_workspace == nullptr) {
        ImGui::PushFont(m_fonts.heading);
        ImGui::TextUnformatted(tr(Str::UiStoreOpenFailed, m_lang));
        ImGui::PopFont();
        ImGui::TextWrapped("%s", m_storeError.c_str());
    } else if (m_workspace->empty() && m_screen == ScreenId::Dashboard) {
        drawFirstVisit();
    } else {
        m_screens[static_cast<std::size_t>(m_screen)]->draw(*this);
    }
    ImGui::EndChild();
    const Area page{ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
    ImGui::PopStyleColor();
    paintMargins(nav, page);
    drawStatusBar();
    ImGui::End();
    if (m_fileBrowser) m_fileBrowser->draw(*this);
    m_passphrase->draw(*this);
    endLocatorFrame();
}

void App::drawNavigation() {
    const float statusHeight = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    ImGui::BeginChild("##nav", ImVec2(kNavWidth, -statusHeight), true);
    for (const NavEntry& entry : kNav) {
        if (ImGui::Selectable(tr(entry.label, m_lang), m_screen == entry.id, 0,
                              ImVec2(0.0f, ImGui::GetFrameHeight()))) {
            show(entry.id);
        }
        markItem(entry.mark);
    }
    ImGui::EndChild();
}

void App::drawFirstVisit() {
    ImGui::Spacing();
    ImGui::PushFont(m_fonts.heading);
    ImGui::TextUnformatted(tr(Str::UiFirstVisitTitle, m_lang));
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::TextWrapped("%s", tr(Str::UiFirstVisitText, m_lang));
    ImGui::Spacing();
    if (ImGui::Button(tr(Str::UiLoadDemo, m_lang))) loadDemo();
    markItem("first.demo");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::UiImportFiles, m_lang))) show(ScreenId::Files);
    markItem("first.import");
}

void App::drawStatusBar() {
    ImGui::Separator();
    const ImVec4 muted(0.45f, 0.42f, 0.39f, 1.0f);
    if (m_workspace && m_workspace->matching()) {
        const MatchProgress p = m_workspace->matchingProgress();
        ImGui::Text("%s · %s", tr(Str::UiMatchingRunning, m_lang), tr(p.phase, m_lang));
        ImGui::SameLine();
        ImGui::ProgressBar(static_cast<float>(p.fraction), ImVec2(200.0f, 0.0f));
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(Str::UiCancel, m_lang))) m_workspace->cancelMatching();
        markItem("status.cancel");
        ImGui::SameLine();
    }
    if (!m_notice.empty()) {
        ImGui::TextColored(m_noticeError ? ImVec4(0.80f, 0.20f, 0.12f, 1.0f) : muted, "%s",
                           m_notice.c_str());
    } else if (m_workspace) {
        ImGui::TextColored(muted, "%s: %s", tr(Str::UiStore, m_lang), m_workspace->store().dir().c_str());
    }
    ImGui::SameLine();
    char timing[96];
    std::snprintf(timing, sizeof timing, "%s  p50 %.1f ms  p95 %.1f ms", tr(Str::UiFrameTime, m_lang),
                  m_frames.percentile(50.0), m_frames.percentile(95.0));
    const float width = ImGui::CalcTextSize(timing).x;
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - width);
    ImGui::TextColored(muted, "%s", timing);
}

void App::drawMenuBar() {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    ImGui::PushStyleColor(ImGuiCol_Header, ImVec4(1, 1, 1, 0.25f));
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, ImVec4(1, 1, 1, 0.35f));
    ImGui::PushStyleColor(ImGuiCol_HeaderActive, ImVec4(1, 1, 1, 0.45f));
    if (ImGui::BeginMainMenuBar()) {
        ImGui::TextUnformatted(tr(Str::AppName, m_lang));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0.88f, 0.80f, 1));
        ImGui::TextUnformatted(tr(Str::AppTagline, m_lang));
        ImGui::PopStyleColor();
        m_backend.drawMenu(*this);
        m_passphrase->drawMenu(*this);
        drawUserControl(*this);

        // The language switch sits at the right edge, always visible: both names are written
        // in their own language so a reader of either can find theirs.
        const char* label = tr(Str::Language, m_lang);
        const char* zh = tr(Str::LanguageName, Lang::Zh);
        const char* en = tr(Str::LanguageName, Lang::En);
        const ImGuiStyle& style = ImGui::GetStyle();
        const float pad = style.ItemSpacing.x * 2.0f;
        const float width = ImGui::CalcTextSize(label).x + ImGui::CalcTextSize(zh).x +
                            ImGui::CalcTextSize(en).x + 3.0f * pad + style.WindowPadding.x;
        ImGui::SetCursorPosX(ImGui::GetWindowWidth() - width);
        ImGui::TextUnformatted(label);
        if (ImGui::Selectable(zh, m_lang == Lang::Zh, 0, ImVec2(ImGui::CalcTextSize(zh).x, 0))) {
            setLang(Lang::Zh);
        }
        markItem("lang.zh");
        if (ImGui::Selectable(en, m_lang == Lang::En, 0, ImVec2(ImGui::CalcTextSize(en).x, 0))) {
            setLang(Lang::En);
        }
        markItem("lang.en");
        ImGui::EndMainMenuBar();
    }
    ImGui::PopStyleColor(4);
}

std::string App::testHookJson() const {
    std::size_t households = 0, members = 0, needs = 0, offers = 0, donors = 0, allocations = 0;
    std::size_t proposed = 0, approved = 0, locked = 0;
    std::string plugins = "[]";
    if (m_workspace) {
        const Summary& s = m_workspace->summary();
        households = s.households;
        members = s.members;
        needs = s.needs;
        offers = s.offers;
        donors = s.donors;
        allocations = s.allocations;
        for (const Allocation& a : m_workspace->data().allocations) {
            if (a.status == AllocationStatus::Proposed) ++proposed;
            if (a.status == AllocationStatus::Approved) ++approved;
            if (a.locked) ++locked;
        }
        plugins = activePluginIdsJson(m_workspace->plugins());
    }
    char numbers[640];
    std::snprintf(numbers, sizeof numbers,
                  "{\"households\":%zu,\"members\":%zu,\"needs\":%zu,\"offers\":%zu,"
                  "\"donors\":%zu,\"allocations\":%zu,\"proposed\":%zu,\"approved\":%zu,"
                  "\"locked\":%zu,\"frame_ms_p50\":%.3f,\"frame_ms_p95\":%.3f,\"frames\":%zu,"
                  "\"lang\":\"%s\",\"screen\":%d,\"matching\":%s",
                  households, members, needs, offers, donors, allocations, proposed, approved,
                  locked, m_frames.percentile(50.0), m_frames.percentile(95.0), m_frames.total(),
                  langCode(m_lang), static_cast<int>(m_screen),
                  m_workspace && m_workspace->matching() ? "true" : "false");
    std::string json = numbers;
    json += ",\"plugins\":" + plugins + lifecycleHookJson(m_workspace.get());
    json += ",\"store_error\":" + (m_storeError.empty() ? std::string("null") : jsonQuoted(m_storeError));
    return json + "}";
}

} // namespace nuanxin
