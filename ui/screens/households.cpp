// The households screen: a filter bar, the table (households_table.cpp) and the selected
// household's detail (households_detail.cpp), with the add and edit forms
// (households_form.cpp). This file keeps the caches and draws the filters.
#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "core/view/household_text.h"
#include "ui/locator.h"
#include "ui/screens/households_parts.h"

namespace nuanxin {
namespace {

const ImVec4 kMuted = mutedColour();
/// Up to this many households a search runs at each keystroke (a few milliseconds).
constexpr std::size_t kInstantSearchRows = 50000;

std::string divisionName(const DivisionRegistry& registry, const std::string& code) {
    const Division* d = registry.find(code);
    return d != nullptr ? d->name : code;
}

/// One division combo: "all" and the codes given (each once, in order).
bool divisionCombo(const char* id, std::string& chosen, const std::vector<std::string>& codes,
                   Str all, const DivisionRegistry& registry, Lang lang, float width) {
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    const std::string preview = chosen.empty() ? tr(all, lang) : divisionName(registry, chosen);
    if (ImGui::BeginCombo(id, preview.c_str())) {
        if (ImGui::Selectable(tr(all, lang), chosen.empty())) {
            changed = !chosen.empty();
            chosen.clear();
        }
        for (const std::string& code : codes) {
            const std::string label = divisionName(registry, code) + "##" + code;
            if (ImGui::Selectable(label.c_str(), chosen == code) && chosen != code) {
                chosen = code;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

/// The codes of `prefixLength` digits that some county code starting with `parent` has.
std::vector<std::string> childCodes(const std::vector<std::string>& counties,
                                    const std::string& parent, std::size_t prefixLength) {
    std::vector<std::string> out;
    for (const std::string& county : counties) {
        if (county.size() < prefixLength || county.compare(0, parent.size(), parent) != 0) continue;
        std::string code = county.substr(0, prefixLength);
        if (out.empty() || out.back() != code) out.push_back(std::move(code));
    }
    return out;
}

} // namespace

std::unique_ptr<Screen> makeHouseholdsScreen() { return std::make_unique<HouseholdsScreen>(); }

const Household* HouseholdsScreen::selected(const Workspace& ws) const {
    return m_selected == 0 ? nullptr : ws.state().household(m_selected);
}

void HouseholdsScreen::refresh(App& app) {
    const Workspace& ws = *app.workspace();
    if (&ws != m_workspace || ws.revision() != m_revision) {
        if (&ws != m_workspace) {
            m_selected = 0; // another store: its ids mean other households
            m_history.clear();
            m_historyFor = 0;
        }
        m_workspace = &ws;
        m_revision = ws.revision();
        m_table = buildHouseholdTable(ws.data());
        updateDivisionChoices();
        m_rowsDirty = true;
    }
    if (m_rowsDirty) rebuildRows(ws);
}

void HouseholdsScreen::updateDivisionChoices() {
    m_provinces = childCodes(m_table.counties, "", 2);
    m_cities = m_province.empty() ? std::vector<std::string>() : childCodes(m_table.counties, m_province, 4);
    m_countyCodes = m_city.empty() ? std::vector<std::string>() : childCodes(m_table.counties, m_city, 6);
}

void HouseholdsScreen::rebuildRows(const Workspace& ws) {
    m_query.division = !m_county.empty() ? m_county : !m_city.empty() ? m_city : m_province;
    m_query.category = m_category < 0 ? std::nullopt
                                      : std::optional<Category>(static_cast<Category>(m_category));
    m_query.kind = m_kind < 0 ? std::nullopt : std::optional<Kind>(static_cast<Kind>(m_kind));
    m_query.search = m_search;
    m_rows = buildHouseholdRows(ws.data(), m_table, m_query);
    m_rowsDirty = false;
}

void HouseholdsScreen::draw(App& app) {
    refresh(app);
    drawFilters(app);
    // A search over a large store waits for a pause in the typing: every keystroke would
    // otherwise scan every member of every household.
    if (m_searchPending &&
        (m_table.facts.size() < kInstantSearchRows || ImGui::GetTime() - m_searchEditedAt > 0.25)) {
        m_searchPending = false;
        m_rowsDirty = true;
    }
    if (m_rowsDirty) rebuildRows(*app.workspace());

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float detailWidth = std::max(360.0f, avail.x * 0.40f);
    drawTable(app, std::max(200.0f, avail.x - detailWidth - spacing), avail.y);
    ImGui::SameLine();
    ImGui::BeginChild("##hh_detail", ImVec2(0.0f, avail.y), true);
    drawDetail(app);
    ImGui::EndChild();

    drawHouseholdForm(app);
    drawNeedForm(app);
}

void HouseholdsScreen::drawDivisionFilter(App& app) {
    const Lang lang = app.lang();
    const DivisionRegistry& registry = app.workspace()->divisions();
    const float width = ImGui::GetFontSize() * 7.5f;
    if (divisionCombo("##hh_province", m_province, m_provinces, Str::UiHhAllProvinces, registry,
                      lang, width)) {
        m_city.clear();
        m_county.clear();
        updateDivisionChoices();
        m_rowsDirty = true;
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(m_province.empty());
    if (divisionCombo("##hh_city", m_city, m_cities, Str::UiHhAllCities, registry, lang, width)) {
        m_county.clear();
        updateDivisionChoices();
        m_rowsDirty = true;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(m_city.empty());
    if (divisionCombo("##hh_county", m_county, m_countyCodes, Str::UiHhAllCounties, registry,
                      lang, width)) {
        m_rowsDirty = true;
    }
    ImGui::EndDisabled();
}

void HouseholdsScreen::drawFilters(App& app) {
    const Lang lang = app.lang();
    const float em = ImGui::GetFontSize();
    drawDivisionFilter(app);
    ImGui::SameLine();
    if (filterCombo<Category>("##hh_category", m_category, Str::UiHhAllCategories, lang, em * 9.0f)) {
        m_rowsDirty = true;
    }
    ImGui::SameLine();
    if (filterCombo<Kind>("##hh_kind", m_kind, Str::UiHhAllKinds, lang, em * 9.0f)) {
        m_rowsDirty = true;
    }
    ImGui::SameLine();
    // "Any" is the combo's "all" entry, not one of its values.
    int status = m_query.status == HouseholdStatusFilter::Any ? -1 : static_cast<int>(m_query.status);
    if (filterCombo<HouseholdStatusFilter>("##hh_status", status, Str::UiHhFilterAny, lang,
                                         em * 9.0f, 1)) {
        m_query.status = status < 0 ? HouseholdStatusFilter::Any
                                    : static_cast<HouseholdStatusFilter>(status);
        m_rowsDirty = true;
    }

    ImGui::SetNextItemWidth(em * 18.0f);
    if (inputString("##hh_search", m_search, tr(Str::UiHhSearchHint, lang))) {
        m_searchEditedAt = ImGui::GetTime();
        m_searchPending = true;
    }
    markItem("households.search");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::UiHhAdd, lang))) openAddForm(app);
    markItem("households.add");
    ImGui::SameLine();
    const std::string shown = trFill(Str::UiHhShown, lang, groupedNumber(static_cast<std::int64_t>(m_rows.size())));
    const std::string total = trFill(Str::UiHhOfTotal, lang,
                                     groupedNumber(static_cast<std::int64_t>(m_table.facts.size())));
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(kMuted, "%s  %s", shown.c_str(), total.c_str());
}

} // namespace nuanxin
