#include "ui/screens/dashboard.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/geo/divisions.h"
#include "core/model/catalogue.h"
#include "ui/app.h"

namespace nuanxin {
namespace {

const ImVec4 kMuted(0.45f, 0.42f, 0.39f, 1.0f);
const ImVec4 kNeedBar(0.80f, 0.33f, 0.18f, 1.0f);  // warm: what is missing
const ImVec4 kOfferBar(0.24f, 0.47f, 0.66f, 1.0f); // calm: what is given
const ImVec4 kCardAccent(0.80f, 0.33f, 0.18f, 1.0f);
const ImVec4 kCategoryBar(0.87f, 0.50f, 0.20f, 1.0f);

/// "12,345": digits grouped by thousands, as both Chinese and English reports print them.
std::string grouped(std::int64_t value) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return value < 0 ? "-" + out : out;
}
std::string grouped(std::size_t value) { return grouped(static_cast<std::int64_t>(value)); }

double percent(std::size_t part, std::size_t whole) {
    return whole > 0 ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

std::string provinceName(const std::string& code) {
    const Division* division = DivisionRegistry::builtIn().find(code);
    return division != nullptr ? division->name : code;
}

void sectionTitle(const App& app, Str key) {
    ImGui::PushFont(app.fonts().heading);
    ImGui::TextUnformatted(tr(key, app.lang()));
    ImGui::PopFont();
    ImGui::Spacing();
}

void rightAlignedText(const std::string& text) {
    const float width = ImGui::CalcTextSize(text.c_str()).x;
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - width);
    ImGui::TextUnformatted(text.c_str());
}

/// One headline figure: a caption above a large number, in a bordered card.
void totalCard(const App& app, const char* id, Str caption, std::size_t value, Str unit,
               float width, float height) {
    ImGui::BeginChild(id, ImVec2(width, height), true, ImGuiWindowFlags_NoScrollbar);
    const ImVec2 min = ImGui::GetWindowPos();
    ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(min.x + 5.0f, min.y + height),
                                              ImGui::GetColorU32(kCardAccent), 6.0f,
                                              ImDrawFlags_RoundCornersLeft);
    ImGui::PushStyleColor(ImGuiCol_Text, kMuted);
    ImGui::TextUnformatted(tr(caption, app.lang()));
    ImGui::PopStyleColor();
    ImGui::PushFont(app.fonts().figure);
    ImGui::TextUnformatted(grouped(value).c_str());
    ImGui::PopFont();
    if (const char* unitText = tr(unit, app.lang()); *unitText != '\0') { // English has no counters
        ImGui::SameLine();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + app.fonts().figure->FontSize -
                             ImGui::GetFontSize() - 2.0f);
        ImGui::PushStyleColor(ImGuiCol_Text, kMuted);
        ImGui::TextUnformatted(unitText);
        ImGui::PopStyleColor();
    }
    ImGui::EndChild();
}

/// A horizontal bar filled to `fraction` (0..1) with `text` inside the fill when it fits there
/// (light on the colour), else just after it: a label never straddles the fill's edge.
void valueBar(float fraction, const char* text, const ImVec4& colour, float height = 0.0f) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float h = height > 0.0f ? height : ImGui::GetFrameHeight();
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + h);
    ImGui::Dummy(ImVec2(width, h));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().FrameRounding;
    draw->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_FrameBg), rounding);
    const float fillEnd = min.x + width * std::clamp(fraction, 0.0f, 1.0f);
    if (fillEnd > min.x) draw->AddRectFilled(min, ImVec2(fillEnd, max.y), ImGui::GetColorU32(colour), rounding);
    const ImVec2 size = ImGui::CalcTextSize(text);
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float y = min.y + (h - size.y) / 2.0f;
    if (fillEnd - min.x >= size.x + 2.0f * pad) {
        draw->AddText(ImVec2(fillEnd - pad - size.x, y), IM_COL32(255, 255, 255, 255), text);
    } else {
        draw->AddText(ImVec2(std::min(fillEnd + pad, max.x - size.x - pad), y),
                      ImGui::GetColorU32(ImGuiCol_Text), text);
    }
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
                      percent(row.value, total));
        valueBar(static_cast<float>(row.value) / static_cast<float>(max), overlay, colour, barHeight);
    }
    ImGui::EndTable();
}

/// Households per province as thick bars, filling about `height` so the panel lines up with
/// the category table beside it.
void provinceBars(const App& app, float height) {
    const Summary& s = app.summary();
    std::vector<BarRow> rows;
    for (const auto& [code, count] : s.householdsByProvince) rows.push_back({provinceName(code), count});
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
    const Summary& s = app.summary();
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
    for (const auto& entry : s.householdsByProvince) names.push_back(provinceName(entry.first));
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
        std::snprintf(overlay, sizeof overlay, "%.1f%%", percent(s.householdsByCategory[ci], s.households));
        valueBar(static_cast<float>(percent(s.householdsByCategory[ci], s.households) / 100.0), overlay,
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

/// Needs against offers per kind: counts, quantities in the kind's unit, and a bar of the
/// offered share of what is needed (capped at 100%: a surplus is not coverage).
void kindTable(const App& app) {
    const Summary& s = app.summary();
    const Lang lang = app.lang();
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##kinds", 6, flags)) return;
    ImGui::TableSetupColumn(tr(Str::Kind, lang), ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn(tr(Str::Needs, lang), ImGuiTableColumnFlags_WidthStretch, 0.7f);
    ImGui::TableSetupColumn(tr(Str::Quantity, lang), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(tr(Str::Offers, lang), ImGuiTableColumnFlags_WidthStretch, 0.7f);
    ImGui::TableSetupColumn(tr(Str::Capacity, lang), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(tr(Str::UiCoverageRatio, lang), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableHeadersRow();
    for (const Kind kind : allOf<Kind>()) {
        const auto k = static_cast<std::size_t>(kind);
        if (s.needsByKind[k] == 0 && s.offersByKind[k] == 0) continue;
        const char* unit = tr(label(kindInfo(kind).unit), lang);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding(); // text cells line up with the bar in the last one
        ImGui::TextUnformatted(tr(label(kind), lang));
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        rightAlignedText(grouped(s.needsByKind[k]));
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        rightAlignedText(grouped(s.needQuantityByKind[k]) + " " + unit);
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        rightAlignedText(grouped(s.offersByKind[k]));
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        rightAlignedText(grouped(s.offerCapacityByKind[k]) + " " + unit);
        ImGui::TableNextColumn();
        const double needed = static_cast<double>(s.needQuantityByKind[k]);
        const double offered = static_cast<double>(s.offerCapacityByKind[k]);
        const double ratio = needed > 0 ? offered / needed : 0.0;
        char overlay[32];
        if (needed > 0) {
            std::snprintf(overlay, sizeof overlay, "%.0f%%", 100.0 * ratio);
        } else {
            std::snprintf(overlay, sizeof overlay, "-");
        }
        valueBar(static_cast<float>(std::min(ratio, 1.0)), overlay, ratio >= 1.0 ? kOfferBar : kNeedBar);
    }
    ImGui::EndTable();
}

void header(const App& app) {
    const Lang lang = app.lang();
    const Dataset& data = app.dataset();
    ImGui::PushFont(app.fonts().heading);
    ImGui::TextUnformatted(data.title.empty() ? tr(Str::UiUntitledDataset, lang) : data.title.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    const std::string asOf = std::string(tr(Str::UiDataAsOf, lang)) + "  " + data.asOf.iso();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + app.fonts().heading->FontSize - ImGui::GetFontSize());
    ImGui::PushStyleColor(ImGuiCol_Text, kMuted);
    rightAlignedText(asOf);
    ImGui::PopStyleColor();
    ImGui::Separator();
    ImGui::Spacing();
}

void totals(const App& app) {
    const Summary& s = app.summary();
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

void statusBar(const App& app) {
    const Lang lang = app.lang();
    const FrameStats& frames = app.frameStats();
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, kMuted);
    ImGui::Text("%s: %s", tr(Str::UiDataFile, lang), app.dataPath().c_str());
    ImGui::SameLine();
    char timing[96];
    std::snprintf(timing, sizeof timing, "%s  p50 %.1f ms  p95 %.1f ms", tr(Str::UiFrameTime, lang),
                  frames.percentile(50.0), frames.percentile(95.0));
    rightAlignedText(timing);
    ImGui::PopStyleColor();
}

} // namespace

void drawDashboard(const App& app) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##dashboard", nullptr, flags);

    const float statusHeight = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    ImGui::BeginChild("##page", ImVec2(0.0f, -statusHeight), false);
    if (!app.dataLoaded()) {
        ImGui::PushFont(app.fonts().heading);
        ImGui::TextColored(kNeedBar, "%s", tr(Str::UiLoadFailed, app.lang()));
        ImGui::PopFont();
        ImGui::TextWrapped("%s", app.loadError().c_str());
    } else {
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
        kindTable(app);
    }
    ImGui::EndChild();
    statusBar(app);
    ImGui::End();
}

} // namespace nuanxin
