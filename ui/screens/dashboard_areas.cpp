// The dashboard's coverage panels: per kind (in the kind's unit) and per area (drilling down
// from provinces to cities to counties), each as a stacked bar of delivered, matched, gap.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/model/catalogue.h"
#include "core/session/workspace.h"
#include "ui/screens/dashboard_parts.h"
#include "ui/screens/dashboard_widgets.h"

namespace nuanxin::dashboard {
namespace {

using namespace widgets;

/// The four parts of a stacked bar and its total, in units (one kind) or needs (all kinds).
struct Parts {
    double delivered = 0, matchedOnly = 0, gap = 0, other = 0, total = 0;
    std::int64_t matched = 0, needed = 0, gapValue = 0;
};

Parts parts(const GapFigures& f, bool units) {
    Parts p;
    if (units) {
        p.matched = f.matched;
        p.needed = f.needed;
        p.gapValue = f.gap;
        p.delivered = static_cast<double>(f.delivered);
        p.matchedOnly = static_cast<double>(f.matched - f.delivered);
        p.gap = static_cast<double>(f.gap);
        p.total = static_cast<double>(f.needed);
    } else {
        p.matched = static_cast<std::int64_t>(f.needsMatched);
        p.needed = static_cast<std::int64_t>(f.needs);
        p.gapValue = static_cast<std::int64_t>(f.needsWithGap);
        p.delivered = static_cast<double>(f.needsDelivered);
        p.matchedOnly = static_cast<double>(f.needsMatched - f.needsDelivered);
        p.gap = static_cast<double>(f.needsWithGap);
        p.total = static_cast<double>(f.needs);
    }
    p.other = std::max(0.0, p.total - p.delivered - p.matchedOnly - p.gap);
    return p;
}

void partsBar(const Parts& p, double scale, const std::string& text, float height = 0.0f) {
    stackedBar({{p.delivered, kDoneBar}, {p.matchedOnly, kOfferBar}, {p.gap, kNeedBar}, {p.other, kRestBar}},
               scale, text.c_str(), height);
}

std::string barText(const App& app, const Parts& p, const char* unit) {
    const std::string u = *unit != '\0' ? std::string(" ") + unit : std::string();
    return fillSlots(tr(Str::UiDashBarText, app.lang()),
                {grouped(p.matched), grouped(p.needed) + u, grouped(p.gapValue) + u});
}

void legend(const App& app) {
    const Lang lang = app.lang();
    legendSwatch(kDoneBar, tr(Str::UiDashDelivered, lang));
    ImGui::SameLine(0.0f, 16.0f);
    legendSwatch(kOfferBar, tr(Str::UiDashMatchedOnly, lang));
    ImGui::SameLine(0.0f, 16.0f);
    legendSwatch(kNeedBar, tr(Str::UiDashGap, lang));
    ImGui::SameLine(0.0f, 16.0f);
    legendSwatch(kRestBar, tr(Str::UiDashOther, lang));
}

/// The breadcrumb "All provinces > Sichuan > Chengdu": each step but the last goes back there.
void breadcrumb(const App& app, AreaView& view) {
    std::vector<std::string> steps = {""};
    if (view.parent.size() >= 2) steps.push_back(view.parent.substr(0, 2));
    if (view.parent.size() >= 4) steps.push_back(view.parent.substr(0, 4));
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const std::string label = steps[i].empty() ? tr(Str::UiDashAllProvinces, app.lang()) : areaName(steps[i]);
        if (i > 0) {
            ImGui::SameLine();
            mutedText(">");
            ImGui::SameLine();
        }
        if (i + 1 == steps.size()) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(label.c_str());
        } else {
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Button(label.c_str())) view.parent = steps[i];
            ImGui::PopID();
        }
    }
}

void kindCombo(const App& app, AreaView& view) {
    const Lang lang = app.lang();
    const char* current = view.kind < 0 ? tr(Str::UiDashAllKinds, lang)
                                        : tr(label(static_cast<Kind>(view.kind)), lang);
    const float width = ImGui::CalcTextSize(tr(Str::UiDashAllKinds, lang)).x + ImGui::GetFrameHeight() * 2.0f;
    ImGui::SameLine();
    const float x = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - width -
                    ImGui::CalcTextSize(tr(Str::UiDashKindFilter, lang)).x - ImGui::GetStyle().ItemSpacing.x;
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), x));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(Str::UiDashKindFilter, lang));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo("##area_kind", current)) {
        if (ImGui::Selectable(tr(Str::UiDashAllKinds, lang), view.kind < 0)) view.kind = -1;
        for (const Kind k : allOf<Kind>()) {
            if (ImGui::Selectable(tr(label(k), lang), view.kind == static_cast<int>(k))) {
                view.kind = static_cast<int>(k);
            }
        }
        ImGui::EndCombo();
    }
}

} // namespace

void kindTable(const App& app, const DashboardFigures& figures) {
    const Summary& s = app.workspace()->summary();
    const Lang lang = app.lang();
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##kinds", 7, flags)) return;
    ImGui::TableSetupColumn(tr(Str::Kind, lang), ImGuiTableColumnFlags_WidthStretch, 1.7f);
    ImGui::TableSetupColumn(tr(Str::Needs, lang), ImGuiTableColumnFlags_WidthStretch, 0.5f);
    ImGui::TableSetupColumn(tr(Str::Quantity, lang), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(Str::Offers, lang), ImGuiTableColumnFlags_WidthStretch, 0.5f);
    ImGui::TableSetupColumn(tr(Str::Capacity, lang), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(Str::UiCoverageRatio, lang), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(tr(Str::UiDashKindBar, lang), ImGuiTableColumnFlags_WidthStretch, 2.6f);
    ImGui::TableHeadersRow();
    for (const Kind kind : allOf<Kind>()) {
        const auto k = static_cast<std::size_t>(kind);
        if (s.needsByKind[k] == 0 && s.offersByKind[k] == 0) continue;
        const char* unit = tr(label(kindInfo(kind).unit), lang);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding(); // text cells line up with the bars
        ImGui::TextUnformatted(tr(label(kind), lang));
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        rightAlignedText(grouped(static_cast<std::int64_t>(s.needsByKind[k])));
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        rightAlignedText(grouped(s.needQuantityByKind[k]) + " " + unit);
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        rightAlignedText(grouped(static_cast<std::int64_t>(s.offersByKind[k])));
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        rightAlignedText(grouped(s.offerCapacityByKind[k]) + " " + unit);
        ImGui::TableNextColumn();
        // The offered share of what is needed, capped at 100%: a surplus is not coverage.
        const double needed = static_cast<double>(s.needQuantityByKind[k]);
        const double ratio = needed > 0 ? static_cast<double>(s.offerCapacityByKind[k]) / needed : 0.0;
        char overlay[32];
        if (needed > 0) {
            std::snprintf(overlay, sizeof overlay, "%.0f%%", 100.0 * ratio);
        } else {
            std::snprintf(overlay, sizeof overlay, "-");
        }
        valueBar(static_cast<float>(std::min(ratio, 1.0)), overlay, ratio >= 1.0 ? kOfferBar : kNeedBar);
        ImGui::TableNextColumn();
        const GapFigures& f = figures.byKind[k];
        const Parts p = parts(f, true);
        char text[48];
        std::snprintf(text, sizeof text, "%.0f%% · %.0f%%", percent(f.matched, f.needed),
                      percent(f.delivered, f.needed));
        partsBar(p, p.total, text);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", barText(app, p, unit).c_str());
    }
    ImGui::EndTable();
}

void areaPanel(const App& app, const DashboardFigures& figures, AreaView& view) {
    const Lang lang = app.lang();
    sectionTitle(app, Str::UiDashGapsByArea);
    breadcrumb(app, view);
    kindCombo(app, view);
    legend(app);

    const bool units = view.kind >= 0;
    const auto pick = [&view, units](const AreaFigures& a) -> const GapFigures& {
        return units ? a.byKind[static_cast<std::size_t>(view.kind)] : a.all;
    };
    const char* unit = units ? tr(label(kindInfo(static_cast<Kind>(view.kind)).unit), lang) : "";
    std::vector<const AreaFigures*> rows;
    for (const AreaFigures* a : childAreas(figures, view.parent)) {
        if (pick(*a).needs > 0) rows.push_back(a);
    }
    if (rows.empty()) {
        ImGui::TextDisabled("%s", tr(Str::UiNoData, lang));
        return;
    }
    double scale = 1.0;
    for (const AreaFigures* a : rows) scale = std::max(scale, parts(pick(*a), units).total);

    const bool drillable = view.parent.size() < 4; // provinces and cities have children
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##areas", 4, flags)) {
        ImGui::TableSetupColumn(tr(Str::UiDashArea, lang), ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn(tr(Str::Needs, lang), ImGuiTableColumnFlags_WidthStretch, 0.5f);
        ImGui::TableSetupColumn(tr(Str::UiDashOffersReaching, lang), ImGuiTableColumnFlags_WidthStretch, 0.6f);
        ImGui::TableSetupColumn(tr(Str::UiDashKindBar, lang), ImGuiTableColumnFlags_WidthStretch, 4.0f);
        ImGui::TableHeadersRow();
        // The level's total first: the whole data set, or the province / city drilled into.
        const AreaFigures* parent = view.parent.empty() ? nullptr : findArea(figures, view.parent);
        const GapFigures& whole = parent != nullptr ? pick(*parent)
                                  : units ? figures.byKind[static_cast<std::size_t>(view.kind)]
                                          : figures.total;
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(Str::Total, lang));
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        rightAlignedText(grouped(static_cast<std::int64_t>(whole.needs)));
        ImGui::TableNextColumn();
        ImGui::TableNextColumn();
        const Parts total = parts(whole, units);
        partsBar(total, total.total, barText(app, total, unit));
        std::string next = view.parent;
        for (const AreaFigures* a : rows) {
            const GapFigures& f = pick(*a);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(a->code.c_str());
            const std::string name = areaName(a->code);
            ImGui::AlignTextToFramePadding();
            if (drillable) {
                if (ImGui::Selectable(name.c_str(), false, ImGuiSelectableFlags_SpanAllColumns,
                                      ImVec2(0.0f, ImGui::GetFrameHeight()))) {
                    next = a->code;
                }
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::UiDashDrillHint, lang));
            } else {
                ImGui::TextUnformatted(name.c_str());
            }
            ImGui::PopID();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            rightAlignedText(grouped(static_cast<std::int64_t>(f.needs)));
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            rightAlignedText(grouped(static_cast<std::int64_t>(
                units ? a->offersByKind[static_cast<std::size_t>(view.kind)] : a->offers)));
            ImGui::TableNextColumn();
            const Parts p = parts(f, units);
            partsBar(p, scale, barText(app, p, unit));
        }
        ImGui::EndTable();
        view.parent = next; // after the table: the rows above were drawn from the old level
    }
    ImGui::PushStyleColor(ImGuiCol_Text, kMuted);
    ImGui::TextWrapped("%s %s", tr(Str::UiDashGapNote, lang), tr(Str::UiDashOffersNote, lang));
    ImGui::PopStyleColor();
}

} // namespace nuanxin::dashboard
