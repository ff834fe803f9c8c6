// The households table: sortable columns over the prepared row order, and only the visible rows
// drawn (ImGuiListClipper), so a million households cost what forty do.
#include <cinttypes>
#include <cstdio>

#include <imgui.h>

#include "core/view/household_text.h"
#include "ui/locator.h"
#include "ui/screens/households_parts.h"
#include "ui/widgets/data_table.h"

namespace nuanxin {
namespace {

const ImVec4 kMuted = mutedColour();
const ImVec4 kWaiting(0.78f, 0.30f, 0.12f, 1.0f);
const ImVec4 kServed(0.20f, 0.50f, 0.28f, 1.0f);

struct ColumnSpec {
    Str label;
    HouseholdColumn column;
};
constexpr ColumnSpec kColumns[] = {
    {Str::UiHhColId, HouseholdColumn::Id},
    {Str::County, HouseholdColumn::County},
    {Str::UiHhColHead, HouseholdColumn::Head},
    {Str::UiHhColMembers, HouseholdColumn::Members},
    {Str::Category, HouseholdColumn::Categories},
    {Str::UiHhColOpenNeeds, HouseholdColumn::OpenNeeds},
    {Str::UiHhColStatus, HouseholdColumn::Stage},
    {Str::UiHhColRegistered, HouseholdColumn::Registered},
};
constexpr int kColumnCount = static_cast<int>(sizeof kColumns / sizeof kColumns[0]);

ImVec4 stageColour(HouseholdStage stage) {
    switch (stage) {
    case HouseholdStage::Waiting: return kWaiting;
    case HouseholdStage::Served: return kServed;
    case HouseholdStage::NoNeeds: return kMuted;
    default: break;
    }
    return ImGui::GetStyleColorVec4(ImGuiCol_Text);
}

} // namespace

void HouseholdsScreen::drawTable(App& app, float width, float height) {
    const Lang lang = app.lang();
    const Workspace& ws = *app.workspace();
    const Dataset& data = ws.data();
    const DivisionRegistry& registry = ws.divisions();

    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX;
    if (!ImGui::BeginTable("##households", kColumnCount, flags, ImVec2(width, height))) return;
    // Columns fit their content (no header cut short); a narrow window scrolls sideways with
    // the id column kept in view.
    ImGui::TableSetupScrollFreeze(1, 1);
    for (const ColumnSpec& c : kColumns) {
        ImGuiTableColumnFlags cf = ImGuiTableColumnFlags_WidthFixed;
        if (c.column == HouseholdColumn::Id) cf |= ImGuiTableColumnFlags_DefaultSort;
        ImGui::TableSetupColumn(tr(c.label, lang), cf, 0.0f, static_cast<ImGuiID>(c.column));
    }
    ImGui::TableHeadersRow();

    // The sort changes only when a header is clicked: rebuild the order then, never per frame.
    int sortColumn = 0;
    if (takeSortChange(sortColumn, m_query.descending, static_cast<int>(HouseholdColumn::Id))) {
        m_query.sortBy = static_cast<HouseholdColumn>(sortColumn);
        rebuildRows(ws);
    }
    if (m_rows.empty()) emptyTableRow(tr(Str::UiHhNone, lang));

    int marked = 0; // the first visible rows are named for the end-to-end tests
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const std::uint32_t row = m_rows[static_cast<std::size_t>(i)];
            const Household& h = data.households[row];
            const HouseholdFacts& f = m_table.facts[row];
            ImGui::TableNextRow();

            if (selectableIdCell(h.id, h.id == m_selected, "households.row", marked)) {
                m_selected = h.id;
                m_selectedRow = row;
            }

            ImGui::TableSetColumnIndex(1);
            const Division* county = registry.find(h.divisionCode);
            ImGui::TextUnformatted(county != nullptr ? county->name.c_str() : h.divisionCode.c_str());
            if (county != nullptr && ImGui::IsItemHovered()) {
                ImGui::SetTooltip("%s (%s)", registry.fullName(h.divisionCode).c_str(),
                                  h.divisionCode.c_str());
            }

            ImGui::TableSetColumnIndex(2);
            if (!h.members.empty()) ImGui::TextUnformatted(h.members.front().name.c_str());

            ImGui::TableSetColumnIndex(3);
            ImGui::Text("%zu", h.members.size());

            ImGui::TableSetColumnIndex(4);
            ImGui::TextUnformatted(categoryList(h.categories, lang, true).c_str());

            ImGui::TableSetColumnIndex(5);
            if (f.openNeeds > 0) {
                ImGui::TextColored(kWaiting, "%u / %u", f.openNeeds, f.needs);
            } else {
                ImGui::TextColored(kMuted, "0 / %u", f.needs);
            }

            ImGui::TableSetColumnIndex(6);
            ImGui::TextColored(stageColour(f.stage), "%s", tr(label(f.stage), lang));
            if (f.allocations > 0) {
                ImGui::SameLine(0.0f, 4.0f);
                ImGui::TextColored(kMuted, "(%u)", f.allocations);
            }

            ImGui::TableSetColumnIndex(7);
            ImGui::TextUnformatted(h.registered.iso().c_str());
        }
    }
    ImGui::EndTable();
    markItem("households.table");
}

} // namespace nuanxin
