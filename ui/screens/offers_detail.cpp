// The selected offer: its facts, its allocations to households with their reasons, the
// distribution list to hand out, and "assign by hand", which opens the matching screen's
// by-hand view on this offer.
#include <cinttypes>
#include <cstdio>

#include <imgui.h>

#include "core/io/export.h"
#include "core/view/household_text.h"
#include "ui/locator.h"
#include "ui/screens/offers_parts.h"

namespace nuanxin {
namespace {

void fact(const char* label, const std::string& value) {
    ImGui::TextColored(mutedColour(), "%s", label);
    ImGui::SameLine();
    ImGui::TextUnformatted(value.c_str());
}

} // namespace

void OffersScreen::drawDetail(App& app) {
    const Lang lang = app.lang();
    const Workspace& ws = *app.workspace();
    const long row = selectedRow(ws);
    if (row < 0) {
        ImGui::TextWrapped("%s", tr(Str::UiOfSelectHint, lang));
        return;
    }
    const Offer& o = ws.data().offers[static_cast<std::size_t>(row)];
    const OfferUsage& u = m_table.usage[static_cast<std::size_t>(row)];

    // The heading face holds the translation table's glyphs only: the title (data) is in the body
    // face beside it.
    ImGui::PushFont(app.fonts().heading);
    ImGui::TextUnformatted(trFill(Str::UiOfDetailTitle, lang, std::to_string(o.id)).c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextUnformatted(o.title.c_str());
    if (ImGui::Button(tr(Str::UiOfEdit, lang))) openOfferForm(app, &o);
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::UiOfHand, lang))) {
        // The matching screen reads the handed-over offer and opens its by-hand view on it.
        app.selectOffer(o.id);
        app.show(ScreenId::Matching);
    }
    markItem("offers.hand");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::UiOfExport, lang))) exportDistribution(app, o);
    markItem("offers.export");

    const Donor* donor = ws.state().donor(o.donor);
    fact(tr(Str::UiOfColDonor, lang), donor != nullptr ? donor->name : std::to_string(o.donor));
    ImGui::SameLine(0.0f, ImGui::GetFontSize() * 2.0f);
    fact(tr(Str::UiOfColKind, lang),
         std::string(tr(label(o.kind), lang)) + " · " + tr(label(o.status), lang));
    ImGui::SameLine(0.0f, ImGui::GetFontSize() * 2.0f);
    fact(tr(Str::UiOfColCapacity, lang),
         groupedNumber(o.capacity) + " " + tr(label(o.unit), lang) + " · " +
             trFill(Str::UiOfUsage, lang, groupedNumber(u.used)) + " · " +
             trFill(Str::UiOfPromised, lang, groupedNumber(u.promised)));
    std::string coverage;
    for (const std::string& code : o.coverage) {
        if (!coverage.empty()) coverage += lang == Lang::Zh ? "\xE3\x80\x81" : ", ";
        coverage += ws.divisions().fullName(code);
    }
    fact(tr(Str::UiOfColCoverage, lang), coverage);
    fact(tr(Str::UiOfColGroups, lang),
         o.targetGroups.empty() ? tr(Str::UiOfAllGroups, lang)
                                : categoryList(o.targetGroups, lang, false));
    fact(tr(Str::UiOfColWindow, lang), o.windowStart.iso() + " ~ " + o.windowEnd.iso());
    ImGui::SameLine(0.0f, ImGui::GetFontSize() * 2.0f);
    fact(tr(Str::UiOfColCap, lang),
         o.perHouseholdCap > 0 ? groupedNumber(o.perHouseholdCap) : tr(Str::UiOfNoCap, lang));
    ImGui::Spacing();
    drawAllocations(app, static_cast<std::uint32_t>(row));
}

void OffersScreen::drawAllocations(App& app, std::uint32_t row) {
    const Lang lang = app.lang();
    const Workspace& ws = *app.workspace();
    const Dataset& data = ws.data();
    const std::uint32_t begin = m_table.allocStart[row];
    const std::uint32_t end = m_table.allocStart[row + 1];
    if (begin == end) {
        ImGui::TextColored(mutedColour(), "%s", tr(Str::UiOfNoAllocations, lang));
        return;
    }
    ImGui::TextUnformatted(tr(Str::UiOfAllocations, lang));
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##of_allocations", 8, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Str::UiOfColHousehold, lang), 0, 0.6f);
    ImGui::TableSetupColumn(tr(Str::UiOfColHead, lang), 0, 0.8f);
    ImGui::TableSetupColumn(tr(Str::UiOfColCounty, lang), 0, 0.9f);
    ImGui::TableSetupColumn(tr(Str::UiOfColNeed, lang), 0, 1.0f);
    ImGui::TableSetupColumn(tr(Str::UiOfColQuantity, lang), 0, 0.6f);
    ImGui::TableSetupColumn(tr(Str::UiOfColAllocStatus, lang), 0, 0.7f);
    ImGui::TableSetupColumn(tr(Str::UiOfColLocked, lang), 0, 0.5f);
    ImGui::TableSetupColumn(tr(Str::UiOfColReasons, lang), 0, 2.6f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(end - begin));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Allocation& a = data.allocations[m_table.allocOrder[begin + static_cast<std::uint32_t>(i)]];
            const Need* need = ws.state().need(a.need);
            const Household* h = need != nullptr ? ws.state().household(need->household) : nullptr;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (h != nullptr) ImGui::Text("%" PRIu64, h->id);
            ImGui::TableNextColumn();
            if (h != nullptr && !h->members.empty()) {
                ImGui::TextUnformatted(h->members.front().name.c_str());
            }
            ImGui::TableNextColumn();
            if (h != nullptr) {
                const Division* county = ws.divisions().find(h->divisionCode);
                ImGui::TextUnformatted(county != nullptr ? county->name.c_str()
                                                         : h->divisionCode.c_str());
            }
            ImGui::TableNextColumn();
            if (need != nullptr) {
                ImGui::Text("%" PRIu64 " · %" PRId64 " %s", need->id, need->quantity,
                            tr(label(need->unit), lang));
            }
            ImGui::TableNextColumn();
            ImGui::Text("%" PRId64, a.quantity);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tr(label(a.status), lang));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.locked ? tr(Str::UiOfLockedYes, lang) : "");
            ImGui::TableNextColumn();
            std::string reasons;
            for (const Reason& r : a.reasons) {
                if (!reasons.empty()) reasons += "; ";
                reasons += reasonText(r, lang);
            }
            // One line per row (the clipper needs equal heights): the whole text on hover.
            ImGui::TextUnformatted(reasons.c_str());
            if (!reasons.empty() && ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
                ImGui::TextUnformatted(reasons.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        }
    }
    ImGui::EndTable();
}

void OffersScreen::exportDistribution(App& app, const Offer& offer) {
    const Workspace& ws = *app.workspace();
    auto csv = distributionListCsv(ws.state(), offer.id, ws.divisions(), app.lang());
    if (!csv.ok()) {
        app.notify(std::string(tr(Str::UiOfExportFailed, app.lang())) + ": " +
                       csv.errors().front().describe(app.lang()),
                   true);
        return;
    }
    app.saveFile("distribution-offer-" + std::to_string(offer.id) + ".csv", std::move(csv.value()),
                 "text/csv");
    app.notify(tr(Str::UiOfExported, app.lang()));
}

} // namespace nuanxin
