#include "ui/app.h"

#include <cstdio>
#include <utility>

#include <imgui.h>

#include "core/serial/archive.h"
#include "core/util/json.h"
#include "ui/backend.h"
#include "ui/screens/dashboard.h"

namespace nuanxin {
namespace {

constexpr const char* kLangSetting = "lang";

const char* langCode(Lang lang) { return lang == Lang::Zh ? "zh" : "en"; }


} // namespace

App::App(Backend& backend) : m_backend(backend) {}

void App::init(std::optional<Lang> lang) {
    if (const auto saved = m_backend.loadSetting(kLangSetting)) {
        if (const auto parsed = parseLang(*saved)) m_lang = *parsed;
    }
    if (lang) m_lang = *lang;

    m_dataPath = m_backend.dataPath();
    auto loaded = loadDatasetFile(m_dataPath);
    if (loaded.ok()) {
        m_data = std::move(loaded.value());
        m_summary = summarize(m_data);
        m_loaded = true;
    } else {
        // Kept in English: it goes to logs and the test hook as well as the screen.
        for (const auto& error : loaded.errors()) {
            if (!m_loadError.empty()) m_loadError += "; ";
            m_loadError += error.describe(Lang::En);
        }
        if (m_loadError.empty()) m_loadError = m_dataPath;
    }

    ImGui::GetIO().IniFilename = nullptr; // the layout is fixed; no imgui.ini in the cwd
    applyTheme();
    m_fonts = loadFonts(m_backend.fontPath(), m_data.title);
}

void App::setLang(Lang lang) {
    if (lang == m_lang) return;
    m_lang = lang;
    m_backend.saveSetting(kLangSetting, langCode(lang));
}

void App::showData(Dataset data, std::string source) {
    m_data = std::move(data);
    m_summary = summarize(m_data);
    m_dataPath = std::move(source);
    m_loaded = true;
    m_loadError.clear();
}

void App::frame() {
    const auto now = std::chrono::steady_clock::now();
    if (m_lastFrame) {
        m_frames.add(std::chrono::duration<double, std::milli>(now - *m_lastFrame).count());
    }
    m_lastFrame = now;

    drawMenuBar();
    drawDashboard(*this);
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
        if (ImGui::Selectable(en, m_lang == Lang::En, 0, ImVec2(ImGui::CalcTextSize(en).x, 0))) {
            setLang(Lang::En);
        }
        ImGui::EndMainMenuBar();
    }
    ImGui::PopStyleColor(4);
}

std::string App::testHookJson() const {
    char numbers[512];
    std::snprintf(numbers, sizeof numbers,
                  "{\"households\":%zu,\"members\":%zu,\"needs\":%zu,\"offers\":%zu,"
                  "\"donors\":%zu,\"allocations\":%zu,\"plugins\":[],"
                  "\"frame_ms_p50\":%.3f,\"frame_ms_p95\":%.3f,\"frames\":%zu,\"lang\":\"%s\"",
                  m_summary.households, m_summary.members, m_summary.needs, m_summary.offers,
                  m_summary.donors, m_summary.allocations, m_frames.percentile(50.0),
                  m_frames.percentile(95.0), m_frames.total(), langCode(m_lang));
    std::string json = numbers;
    json += ",\"error\":" + (m_loadError.empty() ? std::string("null") : jsonQuoted(m_loadError));
    return json + "}";
}

} // namespace nuanxin
