// The results tab of the matching screen: the last run's statistics, its totals per tier, the
// needs it left unmet grouped by reason, and what changed against the allocations before it.
#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "core/model/catalogue.h"
#include "ui/screens/dashboard_widgets.h"
#include "ui/screens/matching_parts.h"

namespace nuanxin::matching {
namespace {

using namespace widgets;

std::string ms(double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", value);
    return buf;
}

std::string count(std::size_t value) { return grouped(static_cast<std::int64_t>(value)); }

void refresh(const Workspace& ws, const MatchOutcome& outcome, ResultsCache& cache) {
    if (cache.outcome == &outcome && cache.workspace == &ws && cache.revision == ws.revision()) return;
    cache.outcome = &outcome;
    cache.workspace = &ws;
    cache.revision = ws.revision();
    cache.tiers = tierRows(outcome.result);
    cache.unmet = unmetByReason(outcome.result.unmet, ws.state());
    cache.counts = countChanges(outcome.changes);
}

void statsLine(const App& app, const MatchStats& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, kMuted);
    ImGui::TextWrapped("%s", fillSlots(tr(Str::UiMatchStats, app.lang()),
                                  {ms(s.totalMs), ms(s.prepareMs + s.policyMs), ms(s.buildMs + s.solveMs),
                                   ms(s.handoutMs + s.reasonsMs), count(s.needs), count(s.offers),
                                   count(s.classes), count(s.arcs), count(s.components)})
                                 .c_str());
    ImGui::PopStyleColor();
}

void tierTable(const App& app, const std::vector<TierRow>& tiers) {
    const Lang lang = app.lang();
    sectionTitle(app, Str::UiMatchTiersTitle);
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("##tiers", 7, flags)) return;
    // Fixed widths from the headers (and a typical figure): the numbers never get cut.
    const float number = ImGui::CalcTextSize("0,000,000").x;
    const auto column = [number, lang](Str key) {
        ImGui::TableSetupColumn(tr(key, lang), ImGuiTableColumnFlags_WidthFixed,
                                std::max(number, ImGui::CalcTextSize(tr(key, lang)).x));
    };
    ImGui::TableSetupColumn(tr(Str::UiMatchColTier, lang), ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize(tierText(kMaxTiers - 1, lang).c_str()).x);
    column(Str::UiMatchColNeeds);
    column(Str::UiMatchColFully);
    column(Str::UiMatchColDemand);
    column(Str::UiMatchColServed);
    column(Str::UiMatchColLockedUnits);
    ImGui::TableSetupColumn(tr(Str::UiMatchColCoverage, lang), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (const TierRow& t : tiers) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tierText(t.tier, lang).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::UiMatchTierHint, lang));
        for (const std::int64_t v : {static_cast<std::int64_t>(t.needs), static_cast<std::int64_t>(t.fullyServed),
                                     t.demand, t.served, t.locked}) {
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            rightAlignedText(grouped(v));
        }
        ImGui::TableNextColumn();
        char text[24];
        std::snprintf(text, sizeof text, "%.1f%%", 100.0 * t.coverage);
        valueBar(static_cast<float>(t.coverage), text, t.coverage >= 1.0 ? kDoneBar : kOfferBar);
    }
    ImGui::EndTable();
}

void unmetTable(const App& app, const std::vector<UnmetGroup>& groups) {
    const Lang lang = app.lang();
    sectionTitle(app, Str::UiMatchUnmetTitle);
    if (groups.empty()) {
        ImGui::TextDisabled("%s", tr(Str::UiMatchUnmetNone, lang));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##unmet", 3, flags)) return;
    ImGui::TableSetupColumn(tr(Str::UiMatchColReasonKind, lang), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(tr(Str::UiMatchColNeeds, lang), ImGuiTableColumnFlags_WidthStretch, 0.5f);
    ImGui::TableSetupColumn(tr(Str::Quantity, lang), ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableHeadersRow();
    for (const UnmetGroup& g : groups) {
        // The reason as a row that opens onto its kinds (closed: a run can leave many kinds).
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushStyleColor(ImGuiCol_Text, kNeedBar);
        const bool open = ImGui::TreeNodeEx(tr(g.reason, lang), ImGuiTreeNodeFlags_SpanFullWidth);
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(g.reason, lang));
        ImGui::TableNextColumn();
        rightAlignedText(count(g.needs));
        ImGui::TableNextColumn();
        if (!open) continue;
        for (const UnmetKind& k : g.kinds) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Indent();
            ImGui::TextUnformatted(tr(label(k.kind), lang));
            ImGui::Unindent();
            ImGui::TableNextColumn();
            rightAlignedText(count(k.needs));
            ImGui::TableNextColumn();
            rightAlignedText(grouped(k.quantity) + " " + tr(label(kindInfo(k.kind).unit), lang));
        }
        ImGui::TreePop();
    }
    ImGui::EndTable();
}

} // namespace

void changesPanel(App& app, const MatchOutcome& outcome, const ChangeCounts& counts) {
    const Lang lang = app.lang();
    const State& state = app.workspace()->state();
    sectionTitle(app, Str::UiMatchChangesTitle);
    if (outcome.changes.empty()) {
        ImGui::TextDisabled("%s", tr(Str::UiMatchChangesNone, lang));
        return;
    }
    ImGui::TextUnformatted(fillSlots(tr(Str::UiMatchChangesCounts, lang),
                                {count(counts.added), count(counts.removed), count(counts.changed),
                                 grouped(counts.unitsBefore), grouped(counts.unitsAfter)})
                               .c_str());
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    // Tall enough for a screenful; the clipper keeps 100,000 changes as cheap as 10.
    const float height = std::max(ImGui::GetContentRegionAvail().y, 12.0f * ImGui::GetFrameHeightWithSpacing());
    if (!ImGui::BeginTable("##changes", 6, flags, ImVec2(0.0f, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Str::UiMatchColNeed, lang), ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn(tr(Str::UiMatchColHousehold, lang), ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn(tr(Str::UiMatchColOffer, lang), ImGuiTableColumnFlags_WidthStretch, 1.8f);
    ImGui::TableSetupColumn(tr(Str::UiMatchBefore, lang), ImGuiTableColumnFlags_WidthStretch, 0.6f);
    ImGui::TableSetupColumn(tr(Str::UiMatchAfter, lang), ImGuiTableColumnFlags_WidthStretch, 0.6f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 0.5f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(outcome.changes.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const AllocationChange& c = outcome.changes[static_cast<std::size_t>(row)];
            const Need* need = state.need(c.need);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (need != nullptr) {
                ImGui::Text("#%" PRIu64 " %s", c.need, tr(label(need->kind), lang));
            } else {
                ImGui::Text("#%" PRIu64, c.need);
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(need != nullptr ? householdLabel(state, need->household).c_str() : "-");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(offerLabel(state, c.offer).c_str());
            ImGui::TableNextColumn();
            rightAlignedText(grouped(c.before));
            ImGui::TableNextColumn();
            rightAlignedText(grouped(c.after));
            ImGui::TableNextColumn();
            if (c.before == 0) {
                ImGui::TextColored(kDoneBar, "%s", tr(Str::UiMatchNew, lang));
            } else if (c.after == 0) {
                ImGui::TextColored(kNeedBar, "%s", tr(Str::UiMatchRemoved, lang));
            } else {
                ImGui::TextColored(kOfferBar, "%s", tr(Str::UiMatchResized, lang));
            }
        }
    }
    ImGui::EndTable();
}

void resultsTab(App& app, ResultsCache& cache) {
    const Lang lang = app.lang();
    const Workspace& ws = *app.workspace();
    const MatchOutcome* outcome = ws.lastMatch();
    if (outcome == nullptr) {
        ImGui::TextWrapped("%s", tr(Str::UiMatchNoRun, lang));
        return;
    }
    if (outcome->error) {
        ImGui::TextColored(kErrorText, "%s: %s", tr(Str::UiMatchRunFailed, lang),
                           outcome->error->describe(lang).c_str());
        return;
    }
    if (outcome->cancelled) {
        ImGui::TextUnformatted(tr(Str::MatchCancelled, lang));
        return;
    }
    refresh(ws, *outcome, cache);
    ImGui::BeginChild("##results", ImVec2(0.0f, 0.0f), false);
    statsLine(app, outcome->result.stats);
    ImGui::Spacing();
    if (ImGui::BeginTable("##results_top", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupColumn("tiers", ImGuiTableColumnFlags_WidthStretch, 0.56f);
        ImGui::TableSetupColumn("unmet", ImGuiTableColumnFlags_WidthStretch, 0.44f);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        tierTable(app, cache.tiers);
        ImGui::Spacing();
        changesPanel(app, *outcome, cache.counts);
        ImGui::TableNextColumn();
        unmetTable(app, cache.unmet);
        ImGui::EndTable();
    }
    ImGui::EndChild();
}

} // namespace nuanxin::matching
