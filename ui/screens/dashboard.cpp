// The first screen: the campaign's headline figures, who the households are and where, and
// (dashboard_areas.cpp) how much is matched, delivered and missing, where and of what.
#include "core/session/workspace.h"
#include "ui/screens/screen.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/io/export.h"
#include "core/model/catalogue.h"
#include "core/plugin/plugin_policy.h"
#include "ui/app.h"
#include "ui/screens/dashboard_parts.h"
#include "ui/screens/dashboard_widgets.h"

namespace nuanxin {
namespace {

using namespace widgets;

const ImVec4 kCardAccent(0.80f, 0.33f, 0.18f, 1.0f);
const ImVec4 kCategoryBar(0.87f, 0.50f, 0.20f, 1.0f);

std::string grouped(std::size_t value) { return widgets::grouped(static_cast<std::int64_t>(value)); }

double share(std::size_t part, std::size_t whole) {
    return percent(static_cast<std::int64_t>(part), static_cast<std::int64_t>(whole));
}

/// One headline figure: a caption above a large number, in a bordered card.
void totalCard(const App& app, const char* id, Str caption, std::size_t value, Str unit,
               float width, float height) {
    ImGui::BeginChild(id, ImVec2(width, height), true, ImGuiWindowFlags_NoScrollbar);
    const ImVec2 min = ImGui::GetWindowPos();
    ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(min.x + 5.0f, min.y + height),
                                              ImGui::GetColorU32(kCardAccent), 6.0f,
                                              ImDrawFlags_RoundCornersLeft);
    mutedText(tr(caption, app.lang()));
    ImGui::PushFont(app.fonts().figure);
    ImGui::TextUnformatted(grouped(value).c_str());
    ImGui::PopFont();
    if (const char* unitText = tr(unit, app.lang()); *unitText != '\0') { // English has no counters
        ImGui::SameLine();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + app.fonts().figure->FontSize -
                             ImGui::GetFontSize() - 2.0f);
        mutedText(unitText);
    }
    ImGui::EndChild();
}

/// A labelled horizontal bar: name | bar scaled to `max` with "value (share)" written on it.
struct BarRow {
    std::string label;
    std::size_t value = 0;
};

void barList(const char* id, const std::vector<BarRow>& rows, std::size_t total,
             const ImVec4& colour, float barHeight) {
    std::size_t max = 1;
    float labelWidth = 0.0f;
    for (const auto& row : rows) {
        max = std::max(max, row.value);
        labelWidth = std::max(labelWidth, ImGui::CalcTextSize(row.label.c_str()).x);
    }
    if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingFixedFit)) return;
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, labelWidth);
    ImGui::TableSetupColumn("bar", ImGuiTableColumnFlags_WidthStretch);
    for (const auto& row : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        // Centre the label on the bar, whatever the bar's thickness.
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (barHeight - ImGui::GetTextLineHeight()) / 2.0f);
        ImGui::TextUnformatted(row.label.c_str());
        ImGui::TableNextColumn();
        char overlay[64];
        std::snprintf(overlay, sizeof overlay, "%s  (%.1f%%)", grouped(row.value).c_str(),
                      share(row.value, total));
        valueBar(static_cast<float>(row.value) / static_cast<float>(max), overlay, colour, barHeight);
    }
    ImGui::EndTable();
}

/// Households per province as thick bars, filling about `height` so the panel lines up with
/// the category table beside it.
void provinceBars(const App& app, float height) {
    const Summary& s = app.workspace()->summary();
    std::vector<BarRow> rows;
    for (const auto& [code, count] : s.householdsByProvince) rows.push_back({areaName(code), count});
    if (rows.empty()) {
        ImGui::TextDisabled("%s", tr(Str::UiNoData, app.lang()));
        return;
    }
    const float gap = ImGui::GetStyle().CellPadding.y * 2.0f;
    const float fitted = height / static_cast<float>(rows.size()) - gap;
    const float barHeight = std::clamp(fitted, ImGui::GetFrameHeight(), 2.2f * ImGui::GetFrameHeight());
    barList("##provinces", rows, s.households, kNeedBar, barHeight);
}

/// Households per category and province, with the category's share of all households as a bar.
/// Categories are the rows: their names are long (in English especially), provinces are few.
void categoryProvinceTable(const App& app) {
    const Summary& s = app.workspace()->summary();
    const Lang lang = app.lang();
    const int columns = static_cast<int>(s.householdsByProvince.size()) + 3;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("##category_province", columns, flags)) return;
    float categoryWidth = ImGui::CalcTextSize(tr(Str::Category, lang)).x;
    for (const Category c : allOf<Category>()) {
        categoryWidth = std::max(categoryWidth, ImGui::CalcTextSize(tr(label(c), lang)).x);
    }
    const float numberWidth = ImGui::CalcTextSize("00,000").x;
    ImGui::TableSetupColumn(tr(Str::Category, lang), ImGuiTableColumnFlags_WidthFixed, categoryWidth);
    std::vector<std::string> names;
    for (const auto& entry : s.householdsByProvince) names.push_back(areaName(entry.first));
    for (const auto& name : names) {
        ImGui::TableSetupColumn(name.c_str(), ImGuiTableColumnFlags_WidthFixed,
                                std::max(numberWidth, ImGui::CalcTextSize(name.c_str()).x));
    }
    ImGui::TableSetupColumn(tr(Str::Total, lang), ImGuiTableColumnFlags_WidthFixed,
                            std::max(numberWidth, ImGui::CalcTextSize(tr(Str::Total, lang)).x));
    ImGui::TableSetupColumn(tr(Str::UiShareOfTotal, lang), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();

    for (const Category c : allOf<Category>()) {
        const auto ci = static_cast<std::size_t>(c);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(label(c), lang));
        for (const auto& entry : s.householdsByProvince) {
            const auto perCategory = s.categoriesByProvince.find(entry.first);
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            rightAlignedText(grouped(perCategory != s.categoriesByProvince.end() ? perCategory->second[ci] : 0));
        }
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        rightAlignedText(grouped(s.householdsByCategory[ci]));
        ImGui::TableNextColumn();
        char overlay[32];
        std::snprintf(overlay, sizeof overlay, "%.1f%%", share(s.householdsByCategory[ci], s.households));
        valueBar(static_cast<float>(share(s.householdsByCategory[ci], s.households) / 100.0), overlay,
                 kCategoryBar);
    }
    // The households row: each household once, however many categories it has.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(Str::Households, lang));
    for (const auto& entry : s.householdsByProvince) {
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        rightAlignedText(grouped(entry.second));
    }
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    rightAlignedText(grouped(s.households));
    ImGui::TableNextColumn();
    ImGui::EndTable();
    ImGui::PushStyleColor(ImGuiCol_Text, kMuted);
    ImGui::TextWrapped("%s", tr(Str::UiCategoryNote, lang));
    ImGui::PopStyleColor();
}

void header(const App& app) {
    const Lang lang = app.lang();
    const Workspace& ws = *app.workspace();
    const Dataset& data = ws.data();
    // A store keeps its title as a setting (the data set it was loaded from named it); its data
    // are as of today, a loaded file's as of its own reference date.
    std::string title = storeTitle(ws.state());
    if (title.empty()) title = data.title;
    if (title.empty()) title = tr(Str::UiUntitledDataset, lang);
    // The body face: the heading face holds only the translation table's characters, and a
    // store's title can be anything.
    ImGui::TextUnformatted(title.c_str());
    ImGui::SameLine();
    const Date day = data.asOf == Date{} ? dateOf(ws.now()) : data.asOf;
    const std::string asOf = std::string(tr(Str::UiDataAsOf, lang)) + "  " + day.iso();
    ImGui::PushStyleColor(ImGuiCol_Text, kMuted);
    rightAlignedText(asOf);
    ImGui::PopStyleColor();
    ImGui::Separator();
    ImGui::Spacing();
}

void totals(const App& app) {
    const Summary& s = app.workspace()->summary();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float width = (ImGui::GetContentRegionAvail().x - 4.0f * spacing) / 5.0f;
    const float height = ImGui::GetTextLineHeightWithSpacing() + app.fonts().figure->FontSize +
                         2.0f * ImGui::GetStyle().WindowPadding.y + 4.0f;
    totalCard(app, "##households", Str::Households, s.households, Str::UiUnitHouseholds, width, height);
    ImGui::SameLine();
    totalCard(app, "##members", Str::Members, s.members, Str::UiUnitPersons, width, height);
    ImGui::SameLine();
    totalCard(app, "##needs", Str::Needs, s.needs, Str::UiUnitRecords, width, height);
    ImGui::SameLine();
    totalCard(app, "##offers", Str::Offers, s.offers, Str::UiUnitRecords, width, height);
    ImGui::SameLine();
    totalCard(app, "##donors", Str::Donors, s.donors, Str::UiUnitDonors, width, height);
    ImGui::Spacing();
}

class DashboardScreen final : public Screen {
public:
    void draw(App& app) override {
        refresh(*app.workspace());
        if (!app.fonts().cjkLoaded) ImGui::TextColored(kNeedBar, "%s", tr(Str::UiFontMissing, app.lang()));
        header(app);
        totals(app);

        // Where the households are, beside who they are.
        if (ImGui::BeginTable("##panels", 2, ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("provinces", ImGuiTableColumnFlags_WidthStretch, 0.36f);
            ImGui::TableSetupColumn("categories", ImGuiTableColumnFlags_WidthStretch, 0.64f);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            sectionTitle(app, Str::UiHouseholdsByProvince);
            // As tall as the table beside it: header, one row per category, the total row.
            const float rowHeight = ImGui::GetFrameHeight() + 2.0f * ImGui::GetStyle().CellPadding.y;
            provinceBars(app, rowHeight * static_cast<float>(static_cast<int>(Category::Count_) + 2));
            ImGui::TableNextColumn();
            sectionTitle(app, Str::UiProvinceByCategory);
            categoryProvinceTable(app);
            ImGui::EndTable();
        }
        ImGui::Spacing();

        sectionTitle(app, Str::UiNeedsAndOffersByKind);
        dashboard::kindTable(app, m_figures);
        ImGui::Spacing();
        dashboard::areaPanel(app, m_figures, m_area);
        ImGui::Spacing();
        dashboard::urgentPanel(app, m_figures);
    }

private:
    /// Recomputes the figures when the store changed (or another store was opened); the ranking
    /// of urgent needs asks the region plugins for each open need's tier, as a run would.
    void refresh(const Workspace& ws) {
        if (&ws == m_workspace && ws.revision() == m_revision) return;
        m_workspace = &ws;
        m_revision = ws.revision();
        const NationalDefaultPolicy root;
        const PluginPolicy policy(ws.plugins(), root, ws.lang(), ws.data().donors);
        const Date asOf = dateOf(ws.now());
        const TierOf tierOf = [&](const Household& h, const Need& n) {
            return policy.priority(h, n, asOf).tier;
        };
        m_figures = computeDashboard(ws.state(), tierOf);
    }

    const Workspace* m_workspace = nullptr;
    std::uint64_t m_revision = 0;
    DashboardFigures m_figures;
    dashboard::AreaView m_area;
};

} // namespace

std::unique_ptr<Screen> makeDashboardScreen() { return std::make_unique<DashboardScreen>(); }

} // namespace nuanxin
