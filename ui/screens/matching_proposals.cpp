// The review tab of the matching screen: the allocations a filter selects (Proposed by
// default), one checkbox each, and approve / reject / lock / unlock for the selection, each one
// journaled transaction (all or nothing); approving takes the approver tier the region's plugin
// names for each amount (core/session/workspace_tasks.h). Rows come from an index vector
// rebuilt only when the store or the filter changes; the clipper draws the visible ones
// (100,000+ rows stay smooth).
#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/model/catalogue.h"
#include "core/session/workspace_tasks.h"
#include "core/view/household_text.h"
#include "ui/locator.h"
#include "ui/screens/dashboard_widgets.h"
#include "ui/screens/matching_parts.h"

namespace nuanxin::matching {
namespace {

using namespace widgets;

constexpr Str kFilterLabels[] = {Str::UiMatchShowProposed, Str::UiMatchShowApproved,
                                 Str::UiMatchShowLocked, Str::UiMatchShowAll};

/// Table columns and the sort key each one stands for (Count_: not sortable).
enum Column { ColSelect, ColId, ColHousehold, ColNeed, ColOffer, ColQuantity, ColTier, ColStatus, ColLocked, ColReasons, ColCount };
constexpr ProposalSort kSortOf[ColCount] = {
    ProposalSort::Count_, ProposalSort::Id,     ProposalSort::Household, ProposalSort::Count_,
    ProposalSort::Offer,  ProposalSort::Quantity, ProposalSort::Tier,    ProposalSort::Count_,
    ProposalSort::Count_, ProposalSort::Count_};

void refresh(const Workspace& ws, ProposalsState& s) {
    if (!s.dirty && s.workspace == &ws && s.revision == ws.revision()) return;
    const bool storeChanged = s.workspace != &ws;
    s.workspace = &ws;
    s.revision = ws.revision();
    s.dirty = false;
    s.query.text = s.search;
    s.rows = filterProposals(ws.state(), s.query);
    if (storeChanged) s.selected.clear();
    // Keep only selected rows that are still listed (an approved one leaves the Proposed list).
    if (!s.selected.empty()) {
        std::unordered_set<AllocationId> still;
        const auto& all = ws.data().allocations;
        for (std::size_t i : s.rows) {
            if (s.selected.count(all[i].id) != 0) still.insert(all[i].id);
        }
        s.selected.swap(still);
    }
}

void filterBar(const App& app, ProposalsState& s) {
    const Lang lang = app.lang();
    for (std::size_t i = 0; i < std::size(kFilterLabels); ++i) {
        if (i > 0) ImGui::SameLine();
        if (ImGui::RadioButton(tr(kFilterLabels[i], lang), s.query.filter == static_cast<ProposalFilter>(i))) {
            s.query.filter = static_cast<ProposalFilter>(i);
            s.dirty = true;
        }
    }
    ImGui::SameLine(0.0f, 24.0f);
    ImGui::SetNextItemWidth(ImGui::CalcTextSize(tr(Str::KindHomeAdaptation, lang)).x + ImGui::GetFrameHeight() * 2.0f);
    if (ImGui::BeginCombo("##kind", s.query.kind ? tr(label(*s.query.kind), lang) : tr(Str::UiMatchAllKinds, lang))) {
        if (ImGui::Selectable(tr(Str::UiMatchAllKinds, lang), !s.query.kind)) {
            s.query.kind.reset();
            s.dirty = true;
        }
        for (const Kind k : allOf<Kind>()) {
            if (ImGui::Selectable(tr(label(k), lang), s.query.kind == k)) {
                s.query.kind = k;
                s.dirty = true;
            }
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::CalcTextSize(tr(Str::UiMatchAllTiers, lang)).x + ImGui::GetFrameHeight() * 2.0f);
    const std::string tierNow = s.query.tier < 0 ? tr(Str::UiMatchAllTiers, lang) : tierText(s.query.tier, lang);
    if (ImGui::BeginCombo("##tier", tierNow.c_str())) {
        if (ImGui::Selectable(tr(Str::UiMatchAllTiers, lang), s.query.tier < 0)) {
            s.query.tier = -1;
            s.dirty = true;
        }
        for (int t = 0; t < kMaxTiers; ++t) {
            if (ImGui::Selectable(tierText(t, lang).c_str(), s.query.tier == t)) {
                s.query.tier = t;
                s.dirty = true;
            }
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::max(160.0f, ImGui::GetContentRegionAvail().x));
    if (ImGui::InputTextWithHint("##search", tr(Str::UiMatchSearchHint, lang), s.search, sizeof s.search)) {
        s.dirty = true;
    }
}

/// Applies one review action to the selection (one transaction) and reports it.
template <class Action>
void act(App& app, ProposalsState& s, Str label, Action action) {
    std::vector<AllocationId> ids(s.selected.begin(), s.selected.end());
    std::sort(ids.begin(), ids.end());
    const auto result = action(*app.workspace(), ids);
    const std::string done = fillSlots(tr(Str::UiMatchApplied, app.lang()),
                                  {grouped(static_cast<std::int64_t>(ids.size())), tr(label, app.lang())});
    if (report(app, result, done)) s.selected.clear();
}

void actionBar(App& app, ProposalsState& s) {
    const Lang lang = app.lang();
    const bool running = app.workspace()->matching();
    const std::string selectAll = fillSlots(tr(Str::UiMatchSelectAll, lang), {grouped(static_cast<std::int64_t>(s.rows.size()))});
    if (ImGui::Button(selectAll.c_str())) {
        const auto& all = app.workspace()->data().allocations;
        for (std::size_t i : s.rows) s.selected.insert(all[i].id);
    }
    markItem("match.select_all");
    ImGui::SameLine();
    ImGui::BeginDisabled(s.selected.empty());
    if (ImGui::Button(tr(Str::UiMatchClearSelection, lang))) s.selected.clear();
    ImGui::EndDisabled();
    ImGui::SameLine(0.0f, 24.0f);

    ImGui::BeginDisabled(s.selected.empty() || running);
    if (ImGui::Button(tr(Str::UiMatchApprove, lang))) {
        act(app, s, Str::UiMatchApprove, [](Workspace& ws, const std::vector<AllocationId>& ids) {
            // Approval by the tier the region's plugin names for each amount, as on the work
            // screen: a selection holding one the user may not approve is refused whole.
            return WorkspaceTasks(ws).approve(ids);
        });
    }
    markItem("match.approve");
    ImGui::SameLine();
    // A rejection is journaled with its reason, as on the work screen.
    if (ImGui::Button(tr(Str::UiMatchReject, lang))) s.rejectReason.open();
    markItem("match.reject");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::UiMatchLock, lang))) {
        act(app, s, Str::UiMatchLock, [](Workspace& ws, const std::vector<AllocationId>& ids) {
            return ws.setLocked(ids, true);
        });
    }
    markItem("match.lock");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::UiMatchUnlock, lang))) {
        act(app, s, Str::UiMatchUnlock, [](Workspace& ws, const std::vector<AllocationId>& ids) {
            return ws.setLocked(ids, false);
        });
    }
    markItem("match.unlock");
    ImGui::EndDisabled();
    const std::string title = fillSlots(tr(Str::UiLifeRejectTitle, lang), {grouped(static_cast<std::int64_t>(s.selected.size()))});
    if (s.rejectReason.draw(title, lang, 12.0f) == ReasonPrompt::Answer::Confirmed) {
        const std::string reason = s.rejectReason.reason();
        act(app, s, Str::UiMatchReject, [&reason](Workspace& ws, const std::vector<AllocationId>& ids) {
            return WorkspaceTasks(ws).reject(ids, reason);
        });
    }
    ImGui::SameLine(0.0f, 24.0f);
    ImGui::AlignTextToFramePadding();
    mutedText((fillSlots(tr(Str::UiMatchSelected, lang), {grouped(static_cast<std::int64_t>(s.selected.size()))}) + " · " +
               fillSlots(tr(Str::UiMatchRows, lang), {grouped(static_cast<std::int64_t>(s.rows.size()))}))
                  .c_str());
}

void row(const App& app, ProposalsState& s, const Allocation& a) {
    const Lang lang = app.lang();
    const State& state = app.workspace()->state();
    const Need* need = state.need(a.need);
    ImGui::TableNextRow();
    ImGui::PushID(static_cast<int>(a.id));
    ImGui::TableNextColumn();
    bool selected = s.selected.count(a.id) != 0;
    if (ImGui::Checkbox("##sel", &selected)) {
        if (selected) {
            s.selected.insert(a.id);
        } else {
            s.selected.erase(a.id);
        }
    }
    ImGui::TableNextColumn();
    ImGui::Text("%" PRIu64, a.id);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(need != nullptr ? householdLabel(state, need->household).c_str() : "-");
    ImGui::TableNextColumn();
    if (need != nullptr) {
        ImGui::Text("%s %s %s", tr(label(need->kind), lang), grouped(need->quantity).c_str(),
                    tr(label(need->unit), lang));
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(offerLabel(state, a.offer).c_str());
    ImGui::TableNextColumn();
    rightAlignedText(grouped(a.quantity));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tierText(allocationTier(a), lang).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr(label(a.status), lang));
    ImGui::TableNextColumn();
    if (a.locked) ImGui::TextColored(kOfferBar, "%s", tr(Str::UiMatchYes, lang));
    ImGui::TableNextColumn();
    if (const Reason* r = mainReason(a); r != nullptr) {
        ImGui::TextUnformatted(shortReason(*r, lang).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", reasonsText(a.reasons.list(), lang).c_str());
    }
    ImGui::PopID();
}

void table(const App& app, ProposalsState& s) {
    const Lang lang = app.lang();
    if (s.rows.empty()) {
        ImGui::TextDisabled("%s", tr(Str::UiMatchNoRows, lang));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Sortable |
                                  ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("##proposals", ColCount, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    const ImGuiTableColumnFlags fixed = ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort;
    ImGui::TableSetupColumn("", fixed, ImGui::GetFrameHeight());
    ImGui::TableSetupColumn(tr(Str::UiMatchColId, lang), ImGuiTableColumnFlags_DefaultSort, 0.5f);
    ImGui::TableSetupColumn(tr(Str::UiMatchColHousehold, lang), 0, 1.5f);
    ImGui::TableSetupColumn(tr(Str::UiMatchColNeed, lang), ImGuiTableColumnFlags_NoSort, 1.3f);
    ImGui::TableSetupColumn(tr(Str::UiMatchColOffer, lang), 0, 2.0f);
    ImGui::TableSetupColumn(tr(Str::Quantity, lang), 0, 0.75f);
    ImGui::TableSetupColumn(tr(Str::UiMatchColTier, lang), 0, 0.6f);
    ImGui::TableSetupColumn(tr(Str::UiMatchColStatus, lang), ImGuiTableColumnFlags_NoSort, 0.6f);
    ImGui::TableSetupColumn(tr(Str::UiMatchColLocked, lang), ImGuiTableColumnFlags_NoSort, 0.4f);
    ImGui::TableSetupColumn(tr(Str::UiMatchColReasons, lang), ImGuiTableColumnFlags_NoSort, 1.6f);
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs != nullptr && specs->SpecsDirty) {
        if (specs->SpecsCount > 0) {
            const ImGuiTableColumnSortSpecs& spec = specs->Specs[0];
            const ProposalSort sort = kSortOf[spec.ColumnIndex];
            if (sort != ProposalSort::Count_) s.query.sort = sort;
            s.query.descending = spec.SortDirection == ImGuiSortDirection_Descending;
            s.dirty = true; // the rows are re-ordered next frame (they are rebuilt, not sorted here)
        }
        specs->SpecsDirty = false;
    }
    const auto& all = app.workspace()->data().allocations;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(s.rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            row(app, s, all[s.rows[static_cast<std::size_t>(i)]]);
        }
    }
    ImGui::EndTable();
}

} // namespace

void proposalsTab(App& app, ProposalsState& state) {
    Workspace& ws = *app.workspace();
    refresh(ws, state);
    filterBar(app, state);
    actionBar(app, state);
    refresh(ws, state); // an action above may have changed the store: never draw stale rows
    ImGui::Spacing();
    table(app, state);
}

} // namespace nuanxin::matching
