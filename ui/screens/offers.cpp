// The donors and offers screen: two tabs. Offers: a filter bar, the table (offers_table.cpp),
// the selected offer's allocations with its distribution list and "assign by hand"
// (offers_detail.cpp), the add and edit forms (offers_form.cpp). Donors: a table and an add
// form. This file keeps the caches and draws the tabs and filter bars.
#include <algorithm>

#include <imgui.h>

#include "core/view/household_text.h"
#include "ui/locator.h"
#include "ui/screens/offers_parts.h"

namespace nuanxin {

std::unique_ptr<Screen> makeOffersScreen() { return std::make_unique<OffersScreen>(); }

long OffersScreen::selectedRow(const Workspace& ws) const {
    if (m_selected == 0) return -1;
    const Offer* o = ws.state().offer(m_selected);
    return o == nullptr ? -1 : static_cast<long>(o - ws.data().offers.data());
}

void OffersScreen::refresh(App& app) {
    const Workspace& ws = *app.workspace();
    if (&ws != m_workspace || ws.revision() != m_revision) {
        if (&ws != m_workspace) m_selected = 0; // another store: other offers
        m_workspace = &ws;
        m_revision = ws.revision();
        m_table = buildOfferTable(ws.data());
        m_rowsDirty = true;
        m_donorRowsDirty = true;
    }
    if (m_rowsDirty) {
        m_query.kind = m_kind < 0 ? std::nullopt : std::optional<Kind>(static_cast<Kind>(m_kind));
        m_query.status = m_status < 0 ? std::nullopt
                                      : std::optional<OfferStatus>(static_cast<OfferStatus>(m_status));
        m_query.search = m_search;
        m_rows = buildOfferRows(ws.data(), m_table, m_query);
        m_rowsDirty = false;
    }
    if (m_donorRowsDirty) {
        m_donorRows = buildDonorRows(ws.data(), m_donorSearch);
        m_donorRowsDirty = false;
    }
}

void OffersScreen::draw(App& app) {
    refresh(app);
    const Lang lang = app.lang();
    if (ImGui::BeginTabBar("##offers_tabs")) {
        const bool offersOpen = ImGui::BeginTabItem(tr(Str::UiOfTabOffers, lang));
        markItem("offers.tab.offers");
        if (offersOpen) {
            drawOffersTab(app);
            ImGui::EndTabItem();
        }
        const bool donorsOpen = ImGui::BeginTabItem(tr(Str::UiOfTabDonors, lang));
        markItem("offers.tab.donors");
        if (donorsOpen) {
            drawDonorsTab(app);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    drawOfferForm(app);
    drawDonorForm(app);
}

void OffersScreen::drawOffersTab(App& app) {
    const Lang lang = app.lang();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(em * 14.0f);
    if (inputString("##of_search", m_search, tr(Str::UiOfSearchHint, lang))) m_rowsDirty = true;
    ImGui::SameLine();
    if (filterCombo<Kind>("##of_kind", m_kind, Str::UiOfAllKinds, lang, em * 9.0f)) {
        m_rowsDirty = true;
    }
    ImGui::SameLine();
    if (filterCombo<OfferStatus>("##of_status", m_status, Str::UiOfAllStatuses, lang, em * 7.0f)) {
        m_rowsDirty = true;
    }
    ImGui::SameLine();
    if (ImGui::Checkbox(tr(Str::UiOfWithRoom, lang), &m_query.withRoom)) m_rowsDirty = true;
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::UiOfAdd, lang))) openOfferForm(app, nullptr);
    markItem("offers.add");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(mutedColour(), "%s",
                       trFill(Str::UiOfShown, lang,
                              groupedNumber(static_cast<std::int64_t>(m_rows.size())))
                           .c_str());
    if (m_rowsDirty) refresh(app);

    // The table takes a little over half; the selected offer's allocations the rest.
    const float avail = ImGui::GetContentRegionAvail().y;
    drawOfferTable(app, std::max(ImGui::GetFrameHeight() * 5.0f, avail * 0.48f));
    ImGui::BeginChild("##of_detail", ImVec2(0.0f, 0.0f), true);
    drawDetail(app);
    ImGui::EndChild();
}

void OffersScreen::drawDonorsTab(App& app) {
    const Lang lang = app.lang();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(em * 14.0f);
    if (inputString("##donor_search", m_donorSearch, tr(Str::UiOfDonorSearchHint, lang))) {
        m_donorRowsDirty = true;
        refresh(app);
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::UiOfDonorAdd, lang))) openDonorForm();
    markItem("donors.add");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(mutedColour(), "%s",
                       trFill(Str::UiOfDonorShown, lang,
                              groupedNumber(static_cast<std::int64_t>(m_donorRows.size())))
                           .c_str());
    drawDonorTable(app);
}

} // namespace nuanxin
