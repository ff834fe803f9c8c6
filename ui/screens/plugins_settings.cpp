// The chosen plugin's details on the plugins screen: the regions it governs, the chain it
// extends, its settings form (made from its schema; a refused value keeps its error next to the
// field), and, for any division code, which plugin chain governs it.
#include "ui/screens/plugins_screen.h"

#include <string>

#include <imgui.h>

#include "core/plugin/host.h"
#include "core/session/plugin_settings.h"
#include "core/view/import_mapping.h"
#include "ui/locator.h"
#include "ui/widgets/form_field.h"

namespace nuanxin {
namespace {

const ImVec4 kMuted = mutedColour();
const ImVec4 kError = errorColour();
const ImVec4 kAccent(0.80f, 0.33f, 0.18f, 1.0f);
constexpr float kLabelWidth = 260.0f;
constexpr float kFieldWidth = 180.0f;

std::string chainText(const std::vector<const Plugin*>& chain, Lang lang) {
    std::string out;
    for (const Plugin* p : chain) {
        if (!out.empty()) out += "  >  "; // ASCII: the font subset need not hold an arrow
        out += p->name(lang) + " (" + p->id() + ' ' + p->version() + ')';
    }
    return out;
}

} // namespace

void PluginsScreen::drawDetail(App& app) {
    const Lang lang = app.lang();
    const PluginHost& host = app.backend().plugins().host();
    const Plugin* plugin = host.find(m_selected);
    if (plugin != nullptr) {
        // The body face: a plugin's name comes from its code, and the heading face only holds
        // the glyphs of the translation table.
        ImGui::Separator();
        ImGui::Text("%s · %s", plugin->name(lang).c_str(), plugin->id().c_str());
        ImGui::TextColored(kMuted, "%s", tr(Str::UiPlugGovernsLabel, lang));
        for (const std::string& code : plugin->divisions()) {
            ImGui::BulletText("%s", governedDivisionName(code, DivisionRegistry::builtIn(), lang).c_str());
        }
        const auto chain = host.chain(plugin);
        if (chain.size() > 1) {
            ImGui::TextColored(kMuted, "%s", tr(Str::UiPlugChainLabel, lang));
            ImGui::SameLine();
            ImGui::TextUnformatted(chainText(chain, lang).c_str());
        }
        ImGui::Spacing();
        drawSettings(app, *plugin);
    }
    ImGui::Spacing();
    ImGui::Separator();
    drawGovernance(app);
}

void PluginsScreen::drawSettings(App& app, const Plugin& plugin) {
    const Lang lang = app.lang();
    ImGui::TextUnformatted(tr(Str::UiPlugSettings, lang));
    if (plugin.schema().empty()) {
        ImGui::TextColored(kMuted, "%s", tr(Str::UiPlugNoSettings, lang));
        return;
    }
    ImGui::TextColored(kMuted, "%s", tr(Str::UiPlugSettingsNote, lang));
    ImGui::PushID(plugin.id().c_str());
    for (const SettingRow& row : settingRows(plugin.schema(), plugin.settings(), lang)) {
        drawSettingField(app, plugin, row);
    }
    ImGui::PopID();
}

void PluginsScreen::drawSettingField(App& app, const Plugin& plugin, const SettingRow& row) {
    const Lang lang = app.lang();
    const std::string id = plugin.id() + "/" + row.key;
    ImGui::PushID(row.key.c_str());
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(row.label.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (%s)", row.key.c_str(), std::string(name(row.type)).c_str());
    ImGui::SameLine(kLabelWidth);
    ImGui::SetNextItemWidth(kFieldWidth);
    if (row.type == SettingType::Bool) {
        bool on = row.on;
        if (ImGui::Checkbox("##value", &on)) applySetting(app, plugin, row.key, on ? "true" : "false");
    } else {
        // While the field is typed in, keep the typed text; otherwise show the value in force.
        std::string& text = m_fieldText[id];
        if (m_activeField != id) text = row.text;
        inputString("##value", text);
        if (ImGui::IsItemActive()) {
            m_activeField = id;
        } else if (m_activeField == id) {
            m_activeField.clear();
        }
        if (ImGui::IsItemDeactivatedAfterEdit()) applySetting(app, plugin, row.key, text);
    }
    markItem(("plugins.setting." + row.key).c_str());
    ImGui::SameLine();
    if (row.changed) {
        if (ImGui::SmallButton(tr(Str::UiPlugResetSetting, lang))) applySetting(app, plugin, row.key, row.defaultText);
        ImGui::SameLine();
    }
    const auto error = m_fieldError.find(id);
    if (error != m_fieldError.end()) {
        ImGui::TextColored(kError, "%s", error->second.c_str());
    } else {
        // A switch's default in words; the others as they are typed.
        const std::string shownDefault =
            row.type != SettingType::Bool ? row.defaultText
                                          : tr(row.defaultText == "true" ? Str::UiPlugOn : Str::UiPlugOff, lang);
        ImGui::TextColored(kMuted, "%s  %s: %s", tr(settingHint(row.type), lang), tr(Str::UiPlugDefault, lang),
                           shownDefault.c_str());
    }
    ImGui::PopID();
}

void PluginsScreen::applySetting(App& app, const Plugin& plugin, const std::string& key, const std::string& text) {
    const std::string id = plugin.id() + "/" + key;
    // Kept in the store (journaled) when one is open; else only until the app closes.
    PluginHost& host = app.backend().plugins().host();
    Workspace* ws = app.workspace();
    const auto error = ws != nullptr ? setPluginSetting(*ws, host, plugin.id(), key, text)
                                     : host.setSetting(plugin.id(), key, text);
    if (error) {
        m_fieldError[id] = errorText(*error, app.lang()); // the field is already next to it
    } else {
        m_fieldError.erase(id);
        std::string label = key;
        for (const SettingDecl& decl : plugin.schema()) {
            if (decl.key == key) label = settingLabel(decl, app.lang());
        }
        app.notify(fillSlots(tr(Str::UiPlugSettingSet, app.lang()), {plugin.name(app.lang()), label, text}));
    }
}

void PluginsScreen::drawGovernance(App& app) {
    const Lang lang = app.lang();
    const PluginHost& host = app.backend().plugins().host();
    const DivisionRegistry& divisions = DivisionRegistry::builtIn();
    ImGui::TextUnformatted(tr(Str::UiPlugWhoGoverns, lang));
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(kMuted, "%s", tr(Str::UiPlugDivisionCode, lang));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(120.0f);
    ImGui::InputText("##county", m_county, sizeof m_county, ImGuiInputTextFlags_CharsDecimal);
    markItem("plugins.county");
    ImGui::SameLine();
    const auto code = divisionQuery(m_county, divisions);
    if (!code) {
        ImGui::TextColored(kError, "%s", tr(Str::UiPlugUnknownDivision, lang));
        return;
    }
    ImGui::TextUnformatted(divisions.fullName(*code).c_str());
    const auto chain = host.chainFor(*code);
    if (chain.empty()) {
        ImGui::TextColored(kMuted, "%s", tr(Str::UiPlugNoGoverning, lang));
        return;
    }
    // The governing plugin decides; the ones it extends supply what it leaves to them.
    for (std::size_t i = 0; i < chain.size(); ++i) {
        const Plugin* p = chain[i];
        const bool governing = i + 1 == chain.size();
        const std::string line = p->name(lang) + " (" + p->id() + ' ' + p->version() + ')';
        if (governing) {
            ImGui::BulletText("%s", line.c_str());
            ImGui::SameLine();
            ImGui::TextColored(kAccent, "%s", tr(Str::UiPlugGoverning, lang));
        } else {
            ImGui::BulletText("%s  ·  %s", line.c_str(), tr(Str::UiPlugBase, lang));
        }
    }
}

} // namespace nuanxin
