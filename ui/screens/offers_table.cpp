// The offers table (sortable; only the visible rows drawn) and the donors table.
#include <cinttypes>
#include <cstdio>

#include <imgui.h>

#include "core/util/personal.h"
#include "core/view/household_text.h"
#include "ui/locator.h"
#include "ui/screens/offers_parts.h"
#include "ui/widgets/data_table.h"

namespace nuanxin {
namespace {

struct ColumnSpec {
    Str label;
    OfferColumn column; ///< Count_: not sortable
};
constexpr ColumnSpec kColumns[] = {
    {Str::UiOfColId, OfferColumn::Id},
    {Str::UiOfColTitle, OfferColumn::Count_},
    {Str::UiOfColDonor, OfferColumn::Donor},
    {Str::UiOfColKind, OfferColumn::Kind},
    {Str::UiOfColCapacity, OfferColumn::Capacity},
    {Str::UiOfColUsed, OfferColumn::Used},
    {Str::UiOfColRemaining, OfferColumn::Remaining},
    {Str::UiOfColCoverage, OfferColumn::Count_},
    {Str::UiOfColGroups, OfferColumn::Count_},
    {Str::UiOfColWindow, OfferColumn::WindowEnd},
    {Str::UiOfColCap, OfferColumn::Count_},
    {Str::UiOfColStatus, OfferColumn::Status},
};
constexpr int kColumnCount = static_cast<int>(sizeof kColumns / sizeof kColumns[0]);

/// The names of an offer's coverage codes ("成都市、河北省").
std::string coverageNames(const Offer& o, const DivisionRegistry& registry, Lang lang) {
    std::string out;
    for (const std::string& code : o.coverage) {
        if (!out.empty()) out += lang == Lang::Zh ? "\xE3\x80\x81" : ", ";
        const Division* d = registry.find(code);
        out += d != nullptr ? d->name : code;
    }
    return out;
}

} // namespace

void OffersScreen::drawOfferTable(App& app, float height) {
    const Lang lang = app.lang();
    const Workspace& ws = *app.workspace();
    const Dataset& data = ws.data();
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX;
    if (!ImGui::BeginTable("##offers", kColumnCount, flags, ImVec2(0.0f, height))) return;
    // Columns fit their content; a narrow window scrolls sideways with the id kept in view.
    ImGui::TableSetupScrollFreeze(1, 1);
    for (const ColumnSpec& c : kColumns) {
        ImGuiTableColumnFlags cf = ImGuiTableColumnFlags_WidthFixed;
        if (c.column == OfferColumn::Count_) cf |= ImGuiTableColumnFlags_NoSort;
        if (c.column == OfferColumn::Id) cf |= ImGuiTableColumnFlags_DefaultSort;
        ImGui::TableSetupColumn(tr(c.label, lang), cf, 0.0f, static_cast<ImGuiID>(c.column));
    }
    ImGui::TableHeadersRow();
    int sortColumn = 0;
    if (takeSortChange(sortColumn, m_query.descending, static_cast<int>(OfferColumn::Id))) {
        m_query.sortBy = static_cast<OfferColumn>(sortColumn);
        m_rowsDirty = true;
        refresh(app);
    }
    if (m_rows.empty()) emptyTableRow(tr(Str::UiOfNone, lang));

    int marked = 0;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const std::uint32_t row = m_rows[static_cast<std::size_t>(i)];
            const Offer& o = data.offers[row];
            const OfferUsage& u = m_table.usage[row];
            ImGui::TableNextRow();
            if (selectableIdCell(o.id, o.id == m_selected, "offers.row", marked)) {
                m_selected = o.id;
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(o.title.c_str());
            ImGui::TableNextColumn();
            const Donor* donor = ws.state().donor(o.donor);
            ImGui::TextUnformatted(donor != nullptr ? donor->name.c_str() : "");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tr(label(o.kind), lang));
            ImGui::TableNextColumn();
            ImGui::Text("%s %s", groupedNumber(o.capacity).c_str(), tr(label(o.unit), lang));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(groupedNumber(u.used).c_str());
            ImGui::TableNextColumn();
            const std::int64_t left = remaining(o, u);
            if (left <= 0) {
                ImGui::TextColored(mutedColour(), "%s", groupedNumber(left).c_str());
            } else {
                ImGui::TextUnformatted(groupedNumber(left).c_str());
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(coverageNames(o, ws.divisions(), lang).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(o.targetGroups.empty()
                                       ? tr(Str::UiOfAllGroups, lang)
                                       : categoryList(o.targetGroups, lang, true).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%s ~ %s", o.windowStart.iso().c_str(), o.windowEnd.iso().c_str());
            ImGui::TableNextColumn();
            if (o.perHouseholdCap > 0) {
                ImGui::TextUnformatted(groupedNumber(o.perHouseholdCap).c_str());
            } else {
                ImGui::TextColored(mutedColour(), "%s", tr(Str::UiOfNoCap, lang));
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tr(label(o.status), lang));
        }
    }
    ImGui::EndTable();
}

void OffersScreen::drawDonorTable(App& app) {
    const Lang lang = app.lang();
    const Workspace& ws = *app.workspace();
    const Dataset& data = ws.data();
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##donors", 6, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Str::UiOfColId, lang), 0, 0.5f);
    ImGui::TableSetupColumn(tr(Str::UiOfDonorColName, lang), 0, 2.0f);
    ImGui::TableSetupColumn(tr(Str::UiOfDonorColType, lang), 0, 1.0f);
    ImGui::TableSetupColumn(tr(Str::UiOfDonorColDivision, lang), 0, 1.6f);
    ImGui::TableSetupColumn(tr(Str::UiOfDonorColPhone, lang), 0, 1.1f);
    ImGui::TableSetupColumn(tr(Str::UiOfDonorColOffers, lang), 0, 0.6f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_donorRows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const std::uint32_t row = m_donorRows[static_cast<std::size_t>(i)];
            const Donor& d = data.donors[row];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%" PRIu64, d.id);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(d.name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tr(label(d.type), lang));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(ws.divisions().fullName(d.divisionCode).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(maskPhone(d.phone).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%u", m_table.donorOffers[row]);
        }
    }
    ImGui::EndTable();
}

} // namespace nuanxin
