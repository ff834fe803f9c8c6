// The plugins screen: files first (what an administrator acts on), then the plugins in force,
// the refusals, and the chosen plugin's regions and settings.
#include "ui/screens/plugins_screen.h"

#include <string>

#include <imgui.h>

#include "core/plugin/host.h"
#include "core/session/workspace.h"
#include "ui/locator.h"
#include "ui/widgets/form_field.h"

namespace nuanxin {
namespace {

const ImVec4 kMuted = mutedColour();
const ImVec4 kError = errorColour();

std::string joined(const std::vector<std::string>& items, Lang lang) {
    std::string out;
    for (const std::string& item : items) {
        if (!out.empty()) out += lang == Lang::Zh ? "、" : ", ";
        out += item;
    }
    return out;
}

} // namespace

void PluginsScreen::draw(App& app) {
    const Lang lang = app.lang();
    ImGui::PushFont(app.fonts().heading);
    ImGui::TextUnformatted(tr(Str::UiPlugTitle, lang));
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(kMuted, "%s", tr(Str::UiPlugIntro, lang));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    drawFiles(app);
    ImGui::Spacing();
    drawPlugins(app);
    drawRefusals(app);
    ImGui::Spacing();
    drawDetail(app);
    drawApproveModal(app);
}

void PluginsScreen::drawPlugins(App& app) {
    const Lang lang = app.lang();
    const PluginHost& host = app.backend().plugins().host();
    const DivisionRegistry& divisions = DivisionRegistry::builtIn();
    ImGui::PushFont(app.fonts().heading);
    ImGui::TextUnformatted(tr(Str::UiPlugInForce, lang));
    ImGui::PopFont();
    const std::vector<const Plugin*> plugins = host.plugins();
    if (m_selected.empty() && !plugins.empty()) m_selected = plugins.front()->id();
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("##plugins", 9, flags)) return;
    ImGui::TableSetupColumn(tr(Str::UiPlugColId, lang), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(Str::UiPlugColName, lang), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn(tr(Str::UiPlugColVersion, lang), ImGuiTableColumnFlags_WidthStretch, 0.5f);
    ImGui::TableSetupColumn(tr(Str::UiPlugColAbi, lang), ImGuiTableColumnFlags_WidthStretch, 0.4f);
    ImGui::TableSetupColumn(tr(Str::UiPlugColExtends, lang), ImGuiTableColumnFlags_WidthStretch, 0.6f);
    ImGui::TableSetupColumn(tr(Str::UiPlugColGoverns, lang), ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn(tr(Str::UiPlugColOrigin, lang), ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn("SHA-256", ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn(tr(Str::UiPlugColState, lang), ImGuiTableColumnFlags_WidthStretch, 0.7f);
    ImGui::TableHeadersRow();
    for (const Plugin* plugin : plugins) {
        const PluginRow row = pluginRow(*plugin, divisions, lang);
        ImGui::TableNextRow();
        ImGui::PushID(plugin);
        ImGui::TableNextColumn();
        // The row selects the plugin whose regions and settings are shown below.
        if (ImGui::Selectable(row.id.c_str(), m_selected == row.id && !row.shadowed,
                              ImGuiSelectableFlags_SpanAllColumns) && !row.shadowed) {
            m_selected = row.id;
        }
        markItem(("plugins.row." + row.id).c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", row.name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.version.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.abi.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.extends.empty() ? "—" : row.extends.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", joined(row.governs, lang).c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", row.origin.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.hash.empty() ? "—" : row.hash.c_str());
        if (!plugin->sha256().empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", plugin->sha256().c_str());
        ImGui::TableNextColumn();
        if (row.shadowed) {
            ImGui::TextColored(kMuted, "%s", tr(Str::UiPlugShadowed, lang));
        } else {
            ImGui::TextUnformatted(tr(Str::UiPlugActive, lang));
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void PluginsScreen::drawRefusals(App& app) {
    const Lang lang = app.lang();
    const auto& refusals = app.backend().plugins().host().refusals();
    if (refusals.empty()) return;
    ImGui::Spacing();
    ImGui::PushFont(app.fonts().heading);
    ImGui::TextUnformatted(tr(Str::UiPlugRefusals, lang));
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0.0f);
    // Newest first: the last attempt is the one an administrator just made.
    for (auto it = refusals.rbegin(); it != refusals.rend(); ++it) {
        ImGui::TextColored(kError, "%s", it->describe(lang).c_str());
    }
    ImGui::PopTextWrapPos();
}

std::unique_ptr<Screen> makePluginsScreen() { return std::make_unique<PluginsScreen>(); }

} // namespace nuanxin
