// The dashboard's list of the most urgent unmet needs: where, what, how much and by when, with
// the head's name and nothing else of the household (no ID numbers, phones or addresses here).
#include <string>

#include <imgui.h>

#include "core/geo/divisions.h"
#include "core/model/catalogue.h"
#include "core/session/workspace.h"
#include "core/view/match_proposals.h"
#include "ui/screens/dashboard_parts.h"
#include "ui/screens/dashboard_widgets.h"

namespace nuanxin::dashboard {

void urgentPanel(const App& app, const DashboardFigures& figures) {
    using namespace widgets;
    const Lang lang = app.lang();
    const State& state = app.workspace()->state();
    sectionTitle(app, Str::UiDashUrgent);
    if (figures.urgent.empty()) {
        ImGui::TextDisabled("%s", tr(Str::UiDashUrgentNone, lang));
        return;
    }
    mutedText(fillSlots(tr(Str::UiDashUrgentNote, lang), {std::to_string(figures.urgent.size())}).c_str());
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##urgent", 8, flags)) return;
    ImGui::TableSetupColumn(tr(Str::UiDashNeedId, lang), ImGuiTableColumnFlags_WidthStretch, 0.5f);
    ImGui::TableSetupColumn(tr(Str::UiDashTier, lang), ImGuiTableColumnFlags_WidthStretch, 0.4f);
    ImGui::TableSetupColumn(tr(Str::UiDashUrgency, lang), ImGuiTableColumnFlags_WidthStretch, 0.5f);
    ImGui::TableSetupColumn(tr(Str::UiDashDeadline, lang), ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn(tr(Str::Kind, lang), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(Str::UiDashUnmet, lang), ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn(tr(Str::County, lang), ImGuiTableColumnFlags_WidthStretch, 1.8f);
    ImGui::TableSetupColumn(tr(Str::UiDashHead, lang), ImGuiTableColumnFlags_WidthStretch, 0.7f);
    ImGui::TableHeadersRow();
    const DivisionRegistry& divisions = DivisionRegistry::builtIn();
    for (const UrgentNeed& u : figures.urgent) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%llu", static_cast<unsigned long long>(u.need));
        ImGui::TableNextColumn();
        ImGui::Text("%d", u.tier);
        ImGui::TableNextColumn();
        if (u.urgency == Urgency::Normal) {
            ImGui::TextUnformatted(tr(label(u.urgency), lang));
        } else {
            ImGui::TextColored(kNeedBar, "%s", tr(label(u.urgency), lang));
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(u.deadline.iso().c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(label(u.kind), lang));
        ImGui::TableNextColumn();
        rightAlignedText(grouped(u.unmet) + " " + tr(label(kindInfo(u.kind).unit), lang));
        ImGui::TableNextColumn();
        const std::string county = divisions.fullName(u.county);
        ImGui::TextUnformatted(county.empty() ? u.county.c_str() : county.c_str());
        ImGui::TableNextColumn();
        const Household* h = state.household(u.household);
        ImGui::TextUnformatted(h != nullptr ? headName(*h).c_str() : "-");
    }
    ImGui::EndTable();
}

} // namespace nuanxin::dashboard
