// The plugin files of the plugins screen: load one (it waits unapproved), approve its hash
// after a confirmation that says what approving means (loading runs the file's code), remove.
#include "ui/screens/plugins_screen.h"

#include <cstdio>
#include <string>

#include <imgui.h>

#include "core/plugin/host.h"
#include "core/view/import_mapping.h"
#include "ui/locator.h"
#include "ui/widgets/form_field.h"

namespace nuanxin {
namespace {

const ImVec4 kMuted = mutedColour();
const ImVec4 kError = errorColour();
const ImVec4 kGood(0.18f, 0.50f, 0.24f, 1.0f);
const ImVec4 kWarn(0.78f, 0.48f, 0.05f, 1.0f);
constexpr const char* kApprovePopup = "###approve";
/// files() hashes every file of the folder: often enough to see the browser's asynchronous
/// compile finish, rarely enough to cost nothing.
constexpr double kFilesRefreshSeconds = 1.0;

/// Why a file is not in force, in the screen's language: the host's newest refusal of that file
/// (the backend's text may be in another language), else what the backend says.
std::string problemText(App& app, const PluginFileInfo& info) {
    if (info.loaded) return {};
    const auto& refusals = app.backend().plugins().host().refusals();
    for (auto it = refusals.rbegin(); it != refusals.rend(); ++it) {
        const std::string& path = it->file;
        const bool same = path == info.file ||
                          (path.size() > info.file.size() && path[path.size() - info.file.size() - 1] == '/' &&
                           path.compare(path.size() - info.file.size(), info.file.size(), info.file) == 0);
        if (same) return it->describe(app.lang());
    }
    return info.problem;
}

} // namespace

void PluginsScreen::refreshFiles(App& app, bool now) {
    const double time = ImGui::GetTime();
    if (!now && m_filesAt >= 0.0 && time - m_filesAt < kFilesRefreshSeconds) return;
    m_files = app.backend().plugins().files();
    m_filesAt = time;
}

void PluginsScreen::drawFiles(App& app) {
    const Lang lang = app.lang();
    PluginAdmin& admin = app.backend().plugins();
    if (auto file = app.takeFile(FilePurpose::Plugin)) {
        admin.add(file->name, std::move(file->bytes));
        app.notify(fillSlots(tr(Str::UiPlugAdded, lang), {file->name}));
        refreshFiles(app, true);
    }
    refreshFiles(app, false);

    ImGui::PushFont(app.fonts().heading);
    ImGui::TextUnformatted(tr(Str::UiPlugFiles, lang));
    ImGui::PopFont();
    if (ImGui::Button(tr(Str::UiPlugLoad, lang))) app.requestFile(FilePurpose::Plugin, ".so,.wasm");
    markItem("plugins.load");
    ImGui::SameLine();
    ImGui::TextColored(kMuted, "%s", tr(Str::UiPlugLoadHint, lang));
    if (m_files.empty()) {
        ImGui::TextColored(kMuted, "%s", tr(Str::UiPlugNoFiles, lang));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##files", 5, flags)) return;
    ImGui::TableSetupColumn(tr(Str::UiPlugColFile, lang), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("SHA-256", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn(tr(Str::UiPlugColState, lang), ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn(tr(Str::UiPlugColProblem, lang), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(tr(Str::UiPlugColActions, lang), ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableHeadersRow();
    std::string removed;
    for (const PluginFileInfo& info : m_files) {
        ImGui::TableNextRow();
        ImGui::PushID(info.file.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", info.file.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(shortHash(info.sha256).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", info.sha256.c_str());
        ImGui::TableNextColumn();
        const std::string state = info.loaded     ? fillSlots(tr(Str::UiPlugLoadedAs, lang), {info.pluginId})
                                  : info.approved ? std::string(tr(Str::UiPlugApprovedNotLoaded, lang))
                                                  : std::string(tr(Str::UiPlugNotApproved, lang));
        ImGui::PushStyleColor(ImGuiCol_Text, info.loaded ? kGood : info.approved ? kWarn : kMuted);
        ImGui::TextWrapped("%s", state.c_str());
        ImGui::PopStyleColor();
        ImGui::TableNextColumn();
        if (const std::string problem = problemText(app, info); !problem.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, kError);
            ImGui::TextWrapped("%s", problem.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::TableNextColumn();
        if (!info.approved) {
            if (ImGui::SmallButton(tr(Str::UiPlugApprove, lang))) {
                m_approving = info.file;
                m_approvingHash = info.sha256;
                m_openApprove = true;
            }
            markItem(("plugins.approve." + info.file).c_str());
            ImGui::SameLine();
        }
        if (ImGui::SmallButton(tr(Str::UiPlugRemove, lang))) removed = info.file;
        markItem(("plugins.remove." + info.file).c_str());
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (!removed.empty()) {
        admin.remove(removed);
        app.notify(fillSlots(tr(Str::UiPlugRemoved, lang), {removed}));
        refreshFiles(app, true);
    }
}

void PluginsScreen::drawApproveModal(App& app) {
    const Lang lang = app.lang();
    const std::string title = std::string(tr(Str::UiPlugApproveTitle, lang)) + kApprovePopup;
    if (m_openApprove) {
        ImGui::OpenPopup(kApprovePopup);
        m_openApprove = false;
    }
    ImGui::SetNextWindowSize(ImVec2(640.0f, 0.0f), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::Text("%s: %s", tr(Str::UiPlugColFile, lang), m_approving.c_str());
    ImGui::TextUnformatted("SHA-256:");
    // The whole hash, selectable, so it can be compared with the one the region published.
    char hash[72];
    std::snprintf(hash, sizeof hash, "%s", m_approvingHash.c_str());
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputText("##hash", hash, sizeof hash, ImGuiInputTextFlags_ReadOnly);
    ImGui::Spacing();
    ImGui::TextColored(kWarn, "%s", tr(Str::UiPlugApproveWarning, lang));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (ImGui::Button(tr(Str::UiPlugApproveConfirm, lang))) {
        // approve() pins the hash the file has now: if it changed since the dialog showed it,
        // the administrator would approve bytes nobody looked at.
        refreshFiles(app, true);
        bool unchanged = false;
        for (const PluginFileInfo& info : m_files) {
            if (info.file == m_approving) unchanged = info.sha256 == m_approvingHash;
        }
        if (unchanged) {
            app.backend().plugins().approve(m_approving);
            app.notify(fillSlots(tr(Str::UiPlugApproved, lang), {m_approving}));
            refreshFiles(app, true);
        } else {
            app.notify(fillSlots(tr(Str::UiPlugChangedMeanwhile, lang), {m_approving}), true);
        }
        ImGui::CloseCurrentPopup();
    }
    markItem("plugins.approve.confirm");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::UiCancel, lang))) ImGui::CloseCurrentPopup();
    markItem("plugins.approve.cancel");
    ImGui::EndPopup();
}

} // namespace nuanxin
