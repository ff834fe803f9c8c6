// The charts of a coverage report: the totals, each area of a drill-down level (province → city
// → county) as a stacked bar of a need's life, the kinds, unmet needs by why, the approval
// tiers, the 先行救助 cases, the campaign over time and what each offer gave. Everything is read
// from the report and the series made when it was computed.
#include <algorithm>
#include <cinttypes>
#include <cstdio>

#include <imgui.h>

#include "core/model/catalogue.h"
#include "core/session/workspace.h"
#include "core/view/household_text.h"
#include "ui/screens/dashboard_widgets.h"
#include "ui/screens/life_parts.h"
#include "ui/screens/reports_parts.h"
#include "ui/widgets/form_field.h"

namespace nuanxin::reports {
namespace {

using namespace widgets;

const ImVec4 kConfirmedBar(0.12f, 0.40f, 0.22f, 1.0f);
const ImVec4 kMatchedBar(0.55f, 0.70f, 0.84f, 1.0f);
constexpr Str kWhyLabels[kUnmetWhyCount] = {Str::LifeUnmetNoEligibleOffer, Str::LifeUnmetOffersUsedUp,
                                            Str::LifeUnmetCapReached, Str::LifeUnmetNotMatchedYet};

void bar(const CoverageBar& b, double scale, const std::string& text) {
    stackedBar({{static_cast<double>(b.confirmed), kConfirmedBar},
                {static_cast<double>(b.deliveredOnly), kDoneBar},
                {static_cast<double>(b.approvedOnly), kOfferBar},
                {static_cast<double>(b.matchedOnly), kMatchedBar},
                {static_cast<double>(b.unmet), kNeedBar},
                {static_cast<double>(b.other), kRestBar}},
               scale, text.c_str());
}

std::string barText(const App& app, const CoverageBar& b) {
    return fillSlots(tr(Str::UiLifeBarText, app.lang()),
                     {grouped(b.confirmed + b.deliveredOnly), grouped(b.registered), grouped(b.unmet)});
}

void legend(const App& app) {
    const Lang lang = app.lang();
    const std::pair<ImVec4, Str> items[] = {{kConfirmedBar, Str::ColConfirmed}, {kDoneBar, Str::ColDelivered},
                                            {kOfferBar, Str::ColApproved},      {kMatchedBar, Str::UiLifeMatched},
                                            {kNeedBar, Str::UiLifeUnmet},       {kRestBar, Str::UiLifeOther}};
    bool first = true;
    for (const auto& [colour, text] : items) {
        if (!first) ImGui::SameLine(0.0f, 14.0f);
        first = false;
        legendSwatch(colour, tr(text, lang));
    }
}

void totals(const App& app, const CoverageReport& r) {
    const Lang lang = app.lang();
    const CoverageFigures& f = r.total.all;
    const std::pair<Str, std::int64_t> cards[] = {
        {Str::ColHouseholds, static_cast<std::int64_t>(f.households)},
        {Str::ColNeeds, static_cast<std::int64_t>(f.needs)},
        {Str::ColEligible, static_cast<std::int64_t>(f.eligibleNeeds)},
        {Str::ColMatchedNeeds, static_cast<std::int64_t>(f.matchedNeeds)},
        {Str::ColApprovedNeeds, static_cast<std::int64_t>(f.approvedNeeds)},
        {Str::ColDeliveredNeeds, static_cast<std::int64_t>(f.deliveredNeeds)},
        {Str::ColConfirmedNeeds, static_cast<std::int64_t>(f.confirmedNeeds)},
        {Str::ColUnmetNeeds, static_cast<std::int64_t>(f.unmetNeeds)},
        {Str::ColTasks, static_cast<std::int64_t>(r.tasks)},
        {Str::ColTasksDone, static_cast<std::int64_t>(r.tasksDone)},
    };
    if (!ImGui::BeginTable("##totals", 5, ImGuiTableFlags_SizingStretchSame)) return;
    for (const auto& [label, value] : cards) {
        ImGui::TableNextColumn();
        mutedText(tr(label, lang));
        ImGui::PushFont(app.fonts().figure);
        ImGui::TextUnformatted(grouped(value).c_str());
        ImGui::PopFont();
    }
    ImGui::EndTable();
}

void kindCombo(const App& app, ChartView& view) {
    const Lang lang = app.lang();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
    const char* now = view.kind < 0 ? tr(Str::ColAllKinds, lang) : tr(label(static_cast<Kind>(view.kind)), lang);
    if (!ImGui::BeginCombo("##report_kind", now)) return;
    if (ImGui::Selectable(tr(Str::ColAllKinds, lang), view.kind < 0)) view.kind = -1;
    for (const Kind k : allOf<Kind>()) {
        if (ImGui::Selectable(tr(label(k), lang), view.kind == static_cast<int>(k))) view.kind = static_cast<int>(k);
    }
    ImGui::EndCombo();
}

void areas(App& app, const CoverageReport& r, ChartView& view) {
    const Lang lang = app.lang();
    sectionTitle(app, Str::UiLifeAreasTitle);
    const std::vector<std::string> path = drillPath(view.parent);
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (i > 0) {
            ImGui::SameLine();
            mutedText(">");
            ImGui::SameLine();
        }
        const std::string name = path[i].empty() ? tr(Str::UiLifeEverywhere, lang) : areaName(path[i]);
        ImGui::PushID(static_cast<int>(i));
        if (i + 1 < path.size()) {
            if (ImGui::SmallButton(name.c_str())) view.parent = path[i];
        } else {
            ImGui::TextUnformatted(name.c_str());
        }
        ImGui::PopID();
    }
    ImGui::SameLine(0.0f, 24.0f);
    kindCombo(app, view);
    ImGui::SameLine();
    mutedText(tr(view.kind < 0 ? Str::UiLifeInNeeds : Str::UiLifeInUnits, lang));
    legend(app);

    const bool units = view.kind >= 0;
    const auto rows = reportChildren(r, view.parent);
    if (rows.empty()) {
        mutedText(tr(Str::UiLifeNoAreas, lang));
        return;
    }
    double scale = 0.0;
    for (const AreaCoverage* a : rows) scale = std::max(scale, static_cast<double>(coverageBar(figuresOf(*a, view.kind), units).registered));
    if (!ImGui::BeginTable("##areas", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) return;
    ImGui::TableSetupColumn("", 0, 1.0f);
    ImGui::TableSetupColumn("", 0, 3.2f);
    for (const AreaCoverage* a : rows) {
        const CoverageBar b = coverageBar(figuresOf(*a, view.kind), units);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(a->code.c_str());
        const std::string name = areaName(a->code);
        if (canDrillDown(a->code)) {
            if (ImGui::SmallButton(name.c_str())) view.parent = a->code;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::UiLifeDrillTip, lang));
        } else {
            ImGui::TextUnformatted(name.c_str());
        }
        ImGui::PopID();
        ImGui::TableNextColumn();
        bar(b, scale, barText(app, b));
    }
    ImGui::EndTable();
}

void kinds(App& app, const AreaCoverage& area) {
    const Lang lang = app.lang();
    sectionTitle(app, Str::UiLifeKindsTitle);
    const std::vector<Kind> list = kindsWithNeeds(area);
    if (list.empty()) {
        mutedText(tr(Str::UiLifeNone, lang));
        return;
    }
    if (!ImGui::BeginTable("##kinds", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) return;
    ImGui::TableSetupColumn("", 0, 1.0f);
    ImGui::TableSetupColumn("", 0, 3.0f);
    for (const Kind k : list) {
        // Each kind against its own registered units: units of two kinds do not compare.
        const CoverageBar b = coverageBar(area.byKind[static_cast<std::size_t>(k)], true);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%s (%s)", tr(label(k), lang), tr(label(kindInfo(k).unit), lang));
        ImGui::TableNextColumn();
        bar(b, static_cast<double>(b.registered), barText(app, b));
    }
    ImGui::EndTable();
}

void unmet(App& app, const AreaCoverage& area, int kind) {
    const Lang lang = app.lang();
    sectionTitle(app, Str::UiLifeUnmetTitle);
    const bool units = kind >= 0;
    const auto why = unmetByWhy(figuresOf(area, kind), units);
    const std::int64_t top = *std::max_element(why.begin(), why.end());
    if (top == 0) {
        mutedText(tr(Str::UiLifeNoUnmet, lang));
        return;
    }
    for (std::size_t i = 0; i < kUnmetWhyCount; ++i) {
        ImGui::TextUnformatted(tr(kWhyLabels[i], lang));
        valueBar(static_cast<float>(why[i]) / static_cast<float>(top), grouped(why[i]).c_str(), kNeedBar);
    }
}

void tiers(App& app, const CoverageReport& r) {
    const Lang lang = app.lang();
    sectionTitle(app, Str::UiLifeTiersTitle);
    if (r.tiers.empty()) {
        mutedText(tr(Str::UiLifeNone, lang));
        return;
    }
    const Str heads[] = {Str::ColTier, Str::ColAllocations, Str::ColAmountFen, Str::ColWaiting,
                         Str::ColApproved, Str::ColDelivered, Str::ColAdvance};
    if (!ImGui::BeginTable("##tiers", 7, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
    for (const Str h : heads) ImGui::TableSetupColumn(tr(h == Str::ColAmountFen ? Str::UiLifeColAmount : h, lang));
    ImGui::TableHeadersRow();
    for (const TierUse& t : r.tiers) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(t.tier < 0 ? tr(Str::UiLifeTierNotAsked, lang) : life::tierText(t.tier, lang).c_str());
        ImGui::TableNextColumn();
        rightAlignedText(grouped(static_cast<std::int64_t>(t.allocations)));
        ImGui::TableNextColumn();
        rightAlignedText(life::yuanText(t.amountFen));
        for (const std::size_t v : {t.waiting, t.approved, t.delivered, t.advance}) {
            ImGui::TableNextColumn();
            rightAlignedText(grouped(static_cast<std::int64_t>(v)));
        }
    }
    ImGui::EndTable();
}

void advance(App& app, const CoverageReport& r) {
    const Lang lang = app.lang();
    sectionTitle(app, Str::UiLifeAdvanceTitle);
    if (r.advance.empty()) {
        mutedText(tr(Str::UiLifeNoAdvance, lang));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_ScrollY;
    const float height = ImGui::GetFrameHeightWithSpacing() * static_cast<float>(std::min<std::size_t>(r.advance.size() + 1, 10));
    if (!ImGui::BeginTable("##advance", 7, flags, ImVec2(0.0f, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const Str h : {Str::ColAllocation, Str::ColAreaName, Str::ColKind, Str::UiLifeColAmount, Str::ColTier,
                        Str::ColDeliveredAt, Str::ColApprovedYet}) {
        ImGui::TableSetupColumn(tr(h, lang));
    }
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(r.advance.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const AdvanceCase& c = r.advance[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("#%" PRIu64, c.allocation);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(areaName(c.county).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tr(label(c.kind), lang));
            ImGui::TableNextColumn();
            rightAlignedText(life::yuanText(c.amountFen));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(life::tierText(c.tier, lang).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(c.delivered ? timeText(c.deliveredAt).c_str() : tr(label(c.status), lang));
            ImGui::TableNextColumn();
            if (c.approved) {
                ImGui::TextColored(kDoneBar, "%s", tr(Str::ColYes, lang));
            } else {
                ImGui::TextColored(kNeedBar, "%s", tr(Str::ColNo, lang));
            }
        }
    }
    ImGui::EndTable();
}

void timeline(App& app, const TimelineSeries& s) {
    const Lang lang = app.lang();
    sectionTitle(app, Str::UiLifeTimelineTitle);
    const int n = static_cast<int>(s.days.size());
    if (n == 0) {
        mutedText(tr(Str::UiLifeNone, lang));
        return;
    }
    const float height = ImGui::GetFrameHeight() * 2.6f;
    // PlotLines takes sizes as they are (no "-1: fill" as other widgets do).
    const ImVec2 size(ImGui::GetContentRegionAvail().x, height);
    const auto line = [&](const char* id, const std::vector<float>& values, Str label) {
        const std::string overlay = std::string(tr(label, lang)) + ": " + grouped(static_cast<std::int64_t>(values.back()));
        // A line needs two days; the first day of a campaign is shown as a bar.
        if (n < 2) {
            ImGui::PlotHistogram(id, values.data(), n, 0, overlay.c_str(), 0.0f, std::max(1.0f, s.top), size);
        } else {
            ImGui::PlotLines(id, values.data(), n, 0, overlay.c_str(), 0.0f, std::max(1.0f, s.top), size);
        }
    };
    line("##t_needs", s.needs, Str::ColNeeds);
    line("##t_matched", s.matched, Str::ColMatchedNeeds);
    line("##t_delivered", s.delivered, Str::ColDeliveredNeeds);
    line("##t_confirmed", s.confirmed, Str::ColConfirmedNeeds);
    const float stepTop = *std::max_element(s.deliveredInStep.begin(), s.deliveredInStep.end());
    ImGui::PlotHistogram("##t_step", s.deliveredInStep.data(), n, 0, tr(Str::UiLifeDeliveredPerDay, lang), 0.0f,
                         std::max(1.0f, stepTop), size);
    mutedText((s.days.front() + "  —  " + s.days.back()).c_str());
}

void offers(App& app, const CoverageReport& r) {
    const Lang lang = app.lang();
    sectionTitle(app, Str::UiLifeOffersTitle);
    if (r.offers.empty()) {
        mutedText(tr(Str::UiLifeNone, lang));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_ScrollY;
    const float height = ImGui::GetFrameHeightWithSpacing() * static_cast<float>(std::min<std::size_t>(r.offers.size() + 1, 12));
    if (!ImGui::BeginTable("##offers", 5, flags, ImVec2(0.0f, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Str::ColOffer, lang), 0, 1.4f);
    ImGui::TableSetupColumn(tr(Str::ColKind, lang), 0, 0.7f);
    ImGui::TableSetupColumn(tr(Str::ColCapacity, lang), 0, 0.7f);
    ImGui::TableSetupColumn(tr(Str::ColDelivered, lang), 0, 2.2f);
    ImGui::TableSetupColumn(tr(Str::ColLeft, lang), 0, 0.7f);
    ImGui::TableHeadersRow();
    const State& state = app.workspace()->state();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(r.offers.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const OfferUse& o = r.offers[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const Offer* offer = state.offer(o.offer);
            ImGui::Text("#%" PRIu64 " %s", o.offer, offer != nullptr ? offer->title.c_str() : "");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tr(label(o.kind), lang));
            ImGui::TableNextColumn();
            rightAlignedText(grouped(o.capacity));
            ImGui::TableNextColumn();
            const float fraction = o.capacity > 0 ? static_cast<float>(o.delivered) / static_cast<float>(o.capacity) : 0.0f;
            const std::string text = fillSlots(tr(Str::UiLifeOfferBar, lang),
                                               {grouped(o.delivered), grouped(o.approved), grouped(o.proposed)});
            valueBar(fraction, text.c_str(), kDoneBar);
            ImGui::TableNextColumn();
            rightAlignedText(grouped(o.left));
        }
    }
    ImGui::EndTable();
}

} // namespace

void drawReport(App& app, const ShownReport& shown, ChartView& view) {
    const CoverageReport& r = shown.report;
    totals(app, r);
    ImGui::Spacing();
    areas(app, r, view);
    ImGui::Spacing();
    // The kinds and reasons of the area drilled into (everywhere at the top level).
    const AreaCoverage* area = view.parent.empty() ? &r.total : findArea(r, view.parent);
    if (area == nullptr) area = &r.total;
    if (ImGui::BeginTable("##middle", 2, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextColumn();
        kinds(app, *area);
        ImGui::TableNextColumn();
        unmet(app, *area, view.kind);
        ImGui::EndTable();
    }
    ImGui::Spacing();
    timeline(app, shown.series);
    ImGui::Spacing();
    tiers(app, r);
    ImGui::Spacing();
    advance(app, r);
    ImGui::Spacing();
    offers(app, r);
}

} // namespace nuanxin::reports
