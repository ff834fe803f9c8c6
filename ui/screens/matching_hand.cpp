// The "by hand" tab of the matching screen, as volunteers match: pick an offer, read the open
// needs it may serve ranked with their reasons (the region's rules, as the engine applies
// them), give one of them a quantity, take a hand-made allocation back. Hand-made allocations
// are locked, so the next run keeps them.
#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <optional>
#include <string>

#include <imgui.h>

#include "core/model/catalogue.h"
#include "core/view/household_text.h"
#include "ui/screens/dashboard_widgets.h"
#include "ui/screens/matching_parts.h"

namespace nuanxin::matching {
namespace {

using namespace widgets;

constexpr Str kDistance[] = {Str::MatchDistCounty, Str::MatchDistCity, Str::MatchDistProvince,
                             Str::MatchDistWider};

/// The width a button with this label takes (a column that holds it is never narrower).
float buttonWidth(const char* label) {
    return ImGui::CalcTextSize(label).x + 2.0f * ImGui::GetStyle().FramePadding.x;
}

void refresh(const Workspace& ws, HandState& s) {
    const bool changed = s.workspace != &ws || s.revision != ws.revision();
    if (changed || s.searchDirty) {
        s.offers = searchOffers(ws.state(), s.search, s.openOnly);
        s.searchDirty = false;
    }
    if (!changed && s.cachedOffer == s.offer) return;
    if (s.workspace != &ws) s.quantities.clear();
    s.workspace = &ws;
    s.revision = ws.revision();
    s.cachedOffer = s.offer;
    s.candidates.clear();
    s.use = OfferUse{};
    if (s.offer == 0 || ws.state().offer(s.offer) == nullptr) return;
    s.candidates = ws.candidatesFor(s.offer, kCandidateLimit);
    s.use = offerUse(ws.state(), s.offer);
}

void offerList(const App& app, HandState& s) {
    const Lang lang = app.lang();
    const Dataset& data = app.workspace()->data();
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::InputTextWithHint("##offer_search", tr(Str::UiMatchOfferSearch, lang), s.search, sizeof s.search)) {
        s.searchDirty = true;
    }
    if (ImGui::Checkbox(tr(Str::UiMatchOpenOnly, lang), &s.openOnly)) s.searchDirty = true;
    ImGui::SameLine();
    mutedText(fillSlots(tr(Str::UiMatchRows, lang), {grouped(static_cast<std::int64_t>(s.offers.size()))}).c_str());
    ImGui::BeginChild("##offer_list", ImVec2(0.0f, 0.0f), true);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(s.offers.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Offer& o = data.offers[s.offers[static_cast<std::size_t>(i)]];
            const std::string text = "#" + std::to_string(o.id) + "  " + offerLabel(app.workspace()->state(), o.id) +
                                     "  (" + tr(label(o.kind), lang) + ")";
            ImGui::PushID(static_cast<int>(o.id));
            if (ImGui::Selectable(text.c_str(), o.id == s.offer)) s.offer = o.id;
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

void offerHeader(const App& app, const Offer& o, const OfferUse& use) {
    const Lang lang = app.lang();
    const State& state = app.workspace()->state();
    const char* unit = tr(label(o.unit), lang);
    // The body face: the heading face holds only the translation table's characters, not the
    // titles and names of the data.
    ImGui::TextUnformatted(offerLabel(state, o.id).c_str());
    std::string facts = "#" + std::to_string(o.id) + " · " + tr(label(o.kind), lang) + " · " +
                        tr(label(o.status), lang) + " · " + o.windowStart.iso() + " – " + o.windowEnd.iso();
    if (o.perHouseholdCap > 0) {
        facts += " · " + fillSlots(tr(Str::UiMatchPerHouseholdCap, lang), {grouped(o.perHouseholdCap) + " " + unit});
    }
    mutedText(facts.c_str());
    std::string coverage;
    for (const std::string& code : o.coverage) {
        if (!coverage.empty()) coverage += "、";
        coverage += areaName(code);
    }
    if (!coverage.empty()) mutedText(coverage.c_str());
    const std::string remaining = fillSlots(tr(Str::UiMatchRemaining, lang),
                                       {grouped(use.remaining) + " " + unit, grouped(use.capacity) + " " + unit});
    const float fraction = use.capacity > 0 ? static_cast<float>(use.remaining) / static_cast<float>(use.capacity) : 0.0f;
    valueBar(fraction, remaining.c_str(), kDoneBar);
    mutedText(tr(Str::UiMatchHandNote, lang));
}

void candidates(App& app, HandState& s, const Offer& o, float height) {
    const Lang lang = app.lang();
    Workspace& ws = *app.workspace();
    const State& state = ws.state();
    ImGui::PushFont(app.fonts().heading);
    ImGui::TextUnformatted(fillSlots(tr(Str::UiMatchCandidates, lang), {std::to_string(kCandidateLimit)}).c_str());
    ImGui::PopFont();
    if (s.candidates.empty()) {
        ImGui::TextDisabled("%s", tr(Str::UiMatchNoCandidates, lang));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##candidates", 9, flags, ImVec2(0.0f, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Str::UiMatchColNeed, lang), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(tr(Str::UiMatchColHousehold, lang), ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn(tr(Str::UiMatchColTier, lang), ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn(tr(Str::UiMatchColDistance, lang), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(tr(Str::UiMatchColDeadline, lang), ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn(tr(Str::UiMatchColOpen, lang), ImGuiTableColumnFlags_WidthStretch, 0.55f);
    ImGui::TableSetupColumn(tr(Str::UiMatchColPossible, lang), ImGuiTableColumnFlags_WidthStretch, 0.55f);
    ImGui::TableSetupColumn(tr(Str::UiMatchColAssign, lang), ImGuiTableColumnFlags_WidthStretch, 0.7f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, buttonWidth(tr(Str::UiMatchAssign, lang)));
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(s.candidates.size()));
    std::optional<std::pair<NeedId, std::int64_t>> assign;
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Candidate& c = s.candidates[static_cast<std::size_t>(i)];
            const Need* need = state.need(c.need);
            ImGui::TableNextRow();
            ImGui::PushID(static_cast<int>(c.need));
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            if (need != nullptr) {
                ImGui::Text("#%" PRIu64 " %s %s", c.need, grouped(need->quantity).c_str(),
                            tr(label(need->unit), lang));
                if (need->urgency != Urgency::Normal) {
                    ImGui::SameLine();
                    ImGui::TextColored(kNeedBar, "%s", tr(label(need->urgency), lang));
                }
            } else {
                ImGui::Text("#%" PRIu64, c.need);
            }
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(householdLabel(state, c.household).c_str());
            if (ImGui::IsItemHovered() && !c.reasons.empty()) {
                ImGui::SetTooltip("%s", reasonsText(c.reasons, lang).c_str());
            }
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::Text("%s · %d", tierText(c.tier, lang).c_str(), c.score);
            if (ImGui::IsItemHovered()) {
                const std::string tip = std::string(tr(Str::UiMatchColScore, lang)) + " " + std::to_string(c.score) +
                                        (c.reasons.empty() ? "" : "\n" + reasonsText(c.reasons, lang));
                ImGui::SetTooltip("%s", tip.c_str());
            }
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(tr(kDistance[std::clamp(c.distance, 0, 3)], lang));
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(c.deadline.iso().c_str());
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            rightAlignedText(grouped(c.open));
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            rightAlignedText(grouped(c.possible));
            ImGui::TableNextColumn();
            // Nothing to give (offer used up, cap reached): no field and no button to press.
            if (c.possible > 0) {
                auto it = s.quantities.try_emplace(c.need, c.possible).first;
                ImGui::SetNextItemWidth(-1.0f);
                if (ImGui::InputScalar("##qty", ImGuiDataType_S64, &it->second, nullptr, nullptr, "%lld")) {
                    it->second = std::max<std::int64_t>(1, it->second);
                }
                ImGui::TableNextColumn();
                ImGui::BeginDisabled(ws.matching());
                if (ImGui::Button(tr(Str::UiMatchAssign, lang))) assign = std::make_pair(c.need, it->second);
                ImGui::EndDisabled();
            } else {
                ImGui::TableNextColumn();
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
    // After the table: assigning changes the store, and with it the rows drawn above.
    if (assign) {
        const auto result = ws.assign(assign->first, o.id, assign->second);
        const std::string done = result.ok() ? fillSlots(tr(Str::UiMatchAssigned, lang), {std::to_string(result.value())})
                                             : std::string();
        if (report(app, result, done)) s.quantities.erase(assign->first);
    }
}

void current(App& app, HandState& s) {
    const Lang lang = app.lang();
    Workspace& ws = *app.workspace();
    const State& state = ws.state();
    sectionTitle(app, Str::UiMatchCurrent);
    if (s.use.allocations.empty()) {
        ImGui::TextDisabled("%s", tr(Str::UiMatchNoCurrent, lang));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##current", 7, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Str::UiMatchColId, lang), ImGuiTableColumnFlags_WidthStretch, 0.5f);
    ImGui::TableSetupColumn(tr(Str::UiMatchColHousehold, lang), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn(tr(Str::UiMatchColNeed, lang), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(Str::Quantity, lang), ImGuiTableColumnFlags_WidthStretch, 0.6f);
    ImGui::TableSetupColumn(tr(Str::UiMatchColStatus, lang), ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn(tr(Str::UiMatchColReasons, lang), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, buttonWidth(tr(Str::UiMatchUnassign, lang)));
    ImGui::TableHeadersRow();
    const auto& all = ws.data().allocations;
    std::optional<AllocationId> unassign;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(s.use.allocations.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Allocation& a = all[s.use.allocations[static_cast<std::size_t>(i)]];
            const Need* need = state.need(a.need);
            ImGui::TableNextRow();
            ImGui::PushID(static_cast<int>(a.id));
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::Text("%" PRIu64, a.id);
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(need != nullptr ? householdLabel(state, need->household).c_str() : "-");
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::Text("#%" PRIu64 " %s", a.need, need != nullptr ? grouped(need->quantity).c_str() : "");
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            rightAlignedText(grouped(a.quantity));
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(tr(label(a.status), lang));
            if (a.locked) {
                ImGui::SameLine();
                ImGui::TextColored(kOfferBar, "(%s)", tr(Str::UiMatchShowLocked, lang));
            }
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            const Reason* reason = mainReason(a);
            ImGui::TextUnformatted(reason != nullptr ? shortReason(*reason, lang).c_str() : "");
            if (ImGui::IsItemHovered() && !a.reasons.empty()) {
                ImGui::SetTooltip("%s", reasonsText(a.reasons.list(), lang).c_str());
            }
            ImGui::TableNextColumn();
            // Only what is still a proposal can be taken back; approved and later go through
            // the review (reject / cancel).
            ImGui::BeginDisabled(a.status != AllocationStatus::Proposed || ws.matching());
            if (ImGui::SmallButton(tr(Str::UiMatchUnassign, lang))) unassign = a.id;
            ImGui::EndDisabled();
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
    if (unassign) {
        const auto result = ws.unassign(*unassign);
        report(app, result, fillSlots(tr(Str::UiMatchUnassigned, lang), {std::to_string(*unassign)}));
    }
}

} // namespace

void handTab(App& app, HandState& state) {
    Workspace& ws = *app.workspace();
    refresh(ws, state);
    if (!ImGui::BeginTable("##hand", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable |
                                            ImGuiTableFlags_BordersInnerV)) {
        return;
    }
    ImGui::TableSetupColumn("offers", ImGuiTableColumnFlags_WidthStretch, 0.3f);
    ImGui::TableSetupColumn("needs", ImGuiTableColumnFlags_WidthStretch, 0.7f);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::BeginChild("##hand_left", ImVec2(0.0f, ImGui::GetContentRegionAvail().y), false);
    offerList(app, state);
    ImGui::EndChild();
    ImGui::TableNextColumn();
    ImGui::BeginChild("##hand_right", ImVec2(0.0f, ImGui::GetContentRegionAvail().y), false);
    refresh(ws, state); // a click in the list above may have picked another offer
    const Offer* offer = ws.state().offer(state.offer);
    if (offer == nullptr) {
        ImGui::TextWrapped("%s", tr(Str::UiMatchPickOffer, app.lang()));
    } else {
        offerHeader(app, *offer, state.use);
        ImGui::Spacing();
        const float candidatesHeight = std::max(ImGui::GetContentRegionAvail().y * 0.55f, 8.0f * ImGui::GetFrameHeightWithSpacing());
        candidates(app, state, *offer, candidatesHeight);
        refresh(ws, state); // an assignment above changed the store
        ImGui::Spacing();
        current(app, state);
    }
    ImGui::EndChild();
    ImGui::EndTable();
}

} // namespace nuanxin::matching
