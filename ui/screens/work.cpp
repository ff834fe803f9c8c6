// The work screen: every allocation and task after its proposal, filtered, with the approval,
// assignment, confirmation, cancellation and rejection of one or many, and the chosen item's
// progress and history. The list is rebuilt when the store, the user or a filter changes, never
// per frame; the table draws only its visible rows.
#include <algorithm>
#include <cinttypes>
#include <cstdio>

#include <imgui.h>

#include "core/model/catalogue.h"
#include "core/view/household_search.h"
#include "core/view/household_text.h"
#include "ui/locator.h"
#include "ui/screens/dashboard_widgets.h"
#include "ui/screens/work_parts.h"
#include "ui/widgets/form_field.h"

namespace nuanxin {
namespace {

/// Items listed at once (WorkFilter::limit); narrower filters show the rest.
constexpr std::size_t kListLimit = 5000;
/// Rows whose approval is asked of the plugins per rebuild (one call each).
constexpr std::size_t kApprovalLookups = 2000;

constexpr AllocationStatus kStatuses[] = {
    AllocationStatus::Proposed,  AllocationStatus::Approved, AllocationStatus::Assigned,
    AllocationStatus::Delivered, AllocationStatus::Confirmed, AllocationStatus::Rejected,
    AllocationStatus::Cancelled};

bool waitsForApproval(const WorkItem& item) {
    return !item.ref.isTask() &&
           (item.status == AllocationStatus::Proposed || item.awaitingApprovalAfterDelivery());
}

/// Newest first, allocations still before tasks (items() lists each kind by ascending id).
void newestFirst(std::vector<WorkItem>& items) {
    const auto firstTask = std::find_if(items.begin(), items.end(),
                                        [](const WorkItem& i) { return i.ref.isTask(); });
    std::reverse(items.begin(), firstTask);
    std::reverse(firstTask, items.end());
}

} // namespace

void WorkScreen::refresh(App& app) {
    Workspace& ws = *app.workspace();
    if (!m_dirty && m_workspace == &ws && m_revision == ws.revision() && m_user == ws.user()) return;
    if (m_workspace != &ws) {
        m_selected.clear();
        m_focus.reset();
    }
    if (m_user != ws.user()) {
        // Approvers open on what waits for them; others on everything.
        m_mine = WorkspaceTasks(ws).role(ws.user()).approverTier > 0;
    }
    m_workspace = &ws;
    m_revision = ws.revision();
    m_user = ws.user();
    m_dirty = false;

    WorkFilter filter;
    if (m_status >= 0) filter.status = static_cast<AllocationStatus>(m_status);
    if (m_type >= 0) filter.type = static_cast<WorkRef::Type>(m_type);
    // A division code has 2, 4 or 6 digits: anything shorter is still being typed.
    const std::string area(trimAscii(m_area));
    if (area.size() == 2 || area.size() == 4 || area.size() == 6) filter.area = area;
    filter.awaitingApproval = m_mine;
    filter.advanceOnly = m_advanceOnly;
    filter.limit = kListLimit;
    WorkspaceTasks tasks(ws);
    std::vector<WorkItem> items = tasks.items(filter);
    m_truncated = items.size() >= kListLimit;
    if (m_newestFirst) newestFirst(items);

    m_rows.clear();
    m_rows.reserve(items.size());
    std::size_t lookups = 0;
    std::set<WorkRef> still;
    for (WorkItem& item : items) {
        WorkRow row;
        if (waitsForApproval(item) && lookups++ < kApprovalLookups) {
            if (auto need = tasks.approvalNeed(item.ref.id); need.ok()) row.need = std::move(need.value());
        }
        row.countyName = widgets::areaName(item.county);
        row.volunteer = life::volunteerText(ws, item.progress.volunteer);
        if (m_selected.count(item.ref) != 0) still.insert(item.ref);
        row.item = std::move(item);
        m_rows.push_back(std::move(row));
    }
    // A selected item that left the list (approved out of "waiting for me") is no longer acted on.
    m_selected.swap(still);
}

void WorkScreen::filterBar(App& app) {
    const Lang lang = app.lang();
    const float em = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(Str::UiLifeColStatus, lang));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 7.0f);
    const char* statusNow = m_status < 0 ? tr(Str::UiLifeAllStatuses, lang)
                                         : tr(label(static_cast<AllocationStatus>(m_status)), lang);
    if (ImGui::BeginCombo("##status", statusNow)) {
        if (ImGui::Selectable(tr(Str::UiLifeAllStatuses, lang), m_status < 0)) {
            m_status = -1;
            m_dirty = true;
        }
        markItem("work.status.all");
        for (const AllocationStatus s : kStatuses) {
            if (ImGui::Selectable(tr(label(s), lang), m_status == static_cast<int>(s))) {
                m_status = static_cast<int>(s);
                m_dirty = true;
            }
            markItem(("work.status." + std::string(name(s))).c_str());
        }
        ImGui::EndCombo();
    } else {
        markItem("work.status");
    }
    ImGui::SameLine(0.0f, 16.0f);
    ImGui::SetNextItemWidth(em * 8.0f);
    const Str typeLabels[] = {Str::UiLifeAllTypes, Str::UiLifeTypeAllocations, Str::UiLifeTypeTasks};
    if (ImGui::BeginCombo("##type", tr(typeLabels[m_type + 1], lang))) {
        for (int t = -1; t <= 1; ++t) {
            if (ImGui::Selectable(tr(typeLabels[t + 1], lang), m_type == t)) {
                m_type = t;
                m_dirty = true;
            }
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine(0.0f, 16.0f);
    ImGui::SetNextItemWidth(em * 7.0f);
    if (inputString("##area", m_area, tr(Str::UiLifeAreaHint, lang), ImGuiInputTextFlags_CharsDecimal)) {
        m_dirty = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::UiLifeAreaTip, lang));
    ImGui::SameLine(0.0f, 16.0f);
    if (ImGui::Checkbox(tr(Str::UiLifeMine, lang), &m_mine)) m_dirty = true;
    markItem("work.mine");
    ImGui::SameLine();
    if (ImGui::Checkbox(tr(Str::UiLifeAdvanceOnly, lang), &m_advanceOnly)) m_dirty = true;
    markItem("work.advance");
    ImGui::SameLine();
    if (ImGui::Checkbox(tr(Str::UiLifeNewestFirst, lang), &m_newestFirst)) m_dirty = true;
}

void WorkScreen::draw(App& app) {
    Workspace& ws = *app.workspace();
    const Lang lang = app.lang();
    const UserRole role = WorkspaceTasks(ws).role(ws.user());
    if (role.volunteer != 0 && role.approverTier == 0) {
        // A volunteer's own view is the volunteer screen: their tasks and nobody else's.
        ImGui::TextWrapped("%s", fillSlots(tr(Str::UiLifeWorkIsForStaff, lang), {ws.user()}).c_str());
        if (ImGui::Button(tr(Str::UiLifeGoToMyTasks, lang))) app.show(ScreenId::Volunteer);
        markItem("work.my_tasks");
        return;
    }
    refresh(app);
    filterBar(app);
    actionBar(app);
    refresh(app); // an action above may have changed the store: never draw stale rows
    m_log.draw(lang);
    reasonModal(app);
    if (m_truncated) {
        ImGui::TextColored(mutedColour(), "%s",
                           fillSlots(tr(Str::UiLifeTruncated, lang), {groupedNumber(static_cast<std::int64_t>(kListLimit))}).c_str());
    }

    const float avail = ImGui::GetContentRegionAvail().y;
    const bool withDetail = m_focus.has_value();
    table(app, withDetail ? std::max(avail * 0.52f, ImGui::GetFrameHeight() * 6.0f) : 0.0f);
    if (withDetail) detail(app);
}

std::unique_ptr<Screen> makeWorkScreen() { return std::make_unique<WorkScreen>(); }

} // namespace nuanxin
