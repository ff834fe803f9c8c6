// The work screen's actions on the selection: approve (with what the approval takes and who
// gave it), assign to a volunteer, confirm, and cancel / reject / reassign with a reason typed
// in a modal; the plugins' derived tasks. Each refusal is listed with the item it concerns.
#include <algorithm>
#include <functional>

#include <imgui.h>

#include "core/view/household_search.h"
#include "core/view/household_text.h"
#include "ui/locator.h"
#include "ui/screens/dashboard_widgets.h"
#include "ui/screens/work_parts.h"
#include "ui/widgets/form_field.h"

namespace nuanxin {
namespace {

/// "分配 #3：第3级（县级民政部门），需 2 人，已有 1 人：zhao" from what the store recorded.
std::string approvalLine(const Workspace& ws, AllocationId id, Lang lang) {
    std::string line = life::workRefText(WorkRef::allocation(id), lang) + ": ";
    const Progress* p = ws.state().progress(id);
    if (p == nullptr) return line + tr(Str::AllocApproved, lang);
    std::string names;
    for (const Approval& a : p->approvals) {
        if (!names.empty()) names += ", ";
        names += a.user;
    }
    line += fillSlots(tr(Str::UiLifeApprovalLine, lang),
                      {life::tierText(p->requiredTier, lang), std::to_string(p->approversNeeded),
                       std::to_string(p->approvals.size()), names});
    const int missing = p->approversNeeded - static_cast<int>(p->approvals.size());
    line += " · ";
    line += p->approved || missing <= 0 ? tr(Str::UiLifeApprovalDone, lang)
                                        : fillSlots(tr(Str::UiLifeApprovalMissing, lang), {std::to_string(missing)});
    return line;
}

/// The refusal of one item's action, named by the item.
std::string refusalFor(WorkRef ref, const FieldErrors& errors, Lang lang) {
    return life::workRefText(ref, lang) + ": " + life::refusalText(errors, lang);
}

constexpr int kLinesListed = 6; ///< per-item lines written after an action on many

} // namespace

std::vector<WorkRef> WorkScreen::selection() const { return {m_selected.begin(), m_selected.end()}; }

void WorkScreen::actionBar(App& app) {
    const Lang lang = app.lang();
    Workspace& ws = *app.workspace();
    const bool none = m_selected.empty();
    const std::string all = fillSlots(tr(Str::UiLifeSelectAll, lang), {widgets::grouped(static_cast<std::int64_t>(m_rows.size()))});
    if (ImGui::Button(all.c_str())) {
        for (const WorkRow& row : m_rows) m_selected.insert(row.item.ref);
    }
    markItem("work.select_all");
    ImGui::SameLine();
    ImGui::BeginDisabled(none);
    if (ImGui::Button(tr(Str::UiLifeClearSelection, lang))) m_selected.clear();
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    widgets::mutedText(fillSlots(tr(Str::UiLifeSelected, lang), {widgets::grouped(static_cast<std::int64_t>(m_selected.size()))}).c_str());

    ImGui::SameLine(0.0f, 20.0f);
    ImGui::BeginDisabled(none || ws.matching());
    if (ImGui::Button(tr(Str::UiLifeApprove, lang))) approve(app);
    markItem("work.approve");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip("%s", fillSlots(tr(Str::UiLifeApproveTip, lang), {ws.user()}).c_str());
    }
    ImGui::SameLine(0.0f, 20.0f);
    ImGui::EndDisabled();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(Str::UiLifeAssignTo, lang));
    ImGui::SameLine();
    life::volunteerCombo("##assign_to", ws, m_assignTo, lang, "work.assign.volunteer", Str::Count_,
                         ImGui::GetFontSize() * 9.0f);
    ImGui::SameLine();
    ImGui::BeginDisabled(none || m_assignTo == 0 || ws.matching());
    if (ImGui::Button(tr(Str::UiLifeAssign, lang))) assign(app);
    markItem("work.assign");
    ImGui::EndDisabled();
    ImGui::SameLine(0.0f, 20.0f);
    ImGui::BeginDisabled(none || ws.matching());
    if (ImGui::Button(tr(Str::UiLifeConfirm, lang))) confirm(app);
    markItem("work.confirm");
    ImGui::EndDisabled();

    ImGui::BeginDisabled(none || ws.matching());
    const auto askReason = [this](ReasonAction action) {
        m_reasonAction = action;
        m_reason.open();
        m_reassignTo = 0;
    };
    if (ImGui::Button(tr(Str::UiLifeReassign, lang))) askReason(ReasonAction::Reassign);
    markItem("work.reassign");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::UiLifeCancelWork, lang))) askReason(ReasonAction::Cancel);
    markItem("work.cancel");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::UiLifeReject, lang))) askReason(ReasonAction::Reject);
    markItem("work.reject");
    ImGui::EndDisabled();
    ImGui::SameLine(0.0f, 20.0f);
    ImGui::BeginDisabled(ws.matching());
    if (ImGui::Button(tr(Str::UiLifeDerive, lang))) derive(app);
    markItem("work.derive");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr(Str::UiLifeDeriveTip, lang));
    ImGui::EndDisabled();
}

void WorkScreen::approve(App& app) {
    Workspace& ws = *app.workspace();
    const Lang lang = app.lang();
    m_log.clear();
    std::vector<AllocationId> ids;
    for (const WorkRef& ref : m_selected) {
        if (!ref.isTask()) ids.push_back(ref.id);
    }
    if (ids.empty()) {
        m_log.refused(tr(Str::UiLifeTasksNeedNoApproval, lang));
        return;
    }
    const auto result = WorkspaceTasks(ws).approve(ids);
    if (!result.ok()) {
        // One transaction: nothing was approved. Say which item stopped it and why.
        const std::string head = fillSlots(tr(Str::UiLifeApproveRefused, lang), {std::to_string(ids.size()), ws.user()});
        const std::string why = life::refusalText(result.errors(), lang);
        m_log.refused(head);
        m_log.refused(why);
        app.notify(head + " " + why.substr(0, why.find('\n')), true);
        return;
    }
    const std::string done = fillSlots(tr(Str::UiLifeApproved, lang), {std::to_string(ids.size()), ws.user()});
    m_log.done(done);
    for (std::size_t i = 0; i < ids.size() && i < kLinesListed; ++i) m_log.done(approvalLine(ws, ids[i], lang));
    app.notify(done);
    m_selected.clear();
}

void WorkScreen::assign(App& app) {
    Workspace& ws = *app.workspace();
    const Lang lang = app.lang();
    m_log.clear();
    WorkspaceTasks tasks(ws);
    std::size_t assigned = 0;
    int refusals = 0;
    for (const WorkRef& ref : selection()) {
        const auto r = tasks.assign(ref, m_assignTo);
        if (r.ok()) {
            ++assigned;
            m_selected.erase(ref);
        } else if (refusals++ < kLinesListed) {
            m_log.refused(refusalFor(ref, r.errors(), lang));
        }
    }
    const std::string done = fillSlots(tr(Str::UiLifeAssigned, lang),
                                       {std::to_string(assigned), life::volunteerText(ws, m_assignTo)});
    m_log.done(done);
    app.notify(refusals > 0 ? done + " · " + fillSlots(tr(Str::UiLifeRefusedCount, lang), {std::to_string(refusals)}) : done,
               refusals > 0);
}

void WorkScreen::confirm(App& app) {
    Workspace& ws = *app.workspace();
    const Lang lang = app.lang();
    m_log.clear();
    const std::vector<WorkRef> refs = selection();
    const auto result = WorkspaceTasks(ws).confirm(refs);
    if (!result.ok()) {
        const std::string head = fillSlots(tr(Str::UiLifeConfirmRefused, lang), {std::to_string(refs.size())});
        const std::string why = life::refusalText(result.errors(), lang);
        m_log.refused(head);
        m_log.refused(why);
        app.notify(head + " " + why.substr(0, why.find('\n')), true);
        return;
    }
    const std::string done = fillSlots(tr(Str::UiLifeConfirmed, lang), {std::to_string(refs.size())});
    m_log.done(done);
    app.notify(done);
    m_selected.clear();
}

void WorkScreen::derive(App& app) {
    const Lang lang = app.lang();
    m_log.clear();
    const auto result = WorkspaceTasks(*app.workspace()).deriveTasks();
    if (!result.ok()) {
        m_log.refused(tr(Str::UiLifeDeriveFailed, lang));
        m_log.refused(life::refusalText(result.errors(), lang));
        app.notify(tr(Str::UiLifeDeriveFailed, lang), true);
        return;
    }
    const std::string done = result.value().empty()
                                 ? std::string(tr(Str::UiLifeDeriveNone, lang))
                                 : fillSlots(tr(Str::UiLifeDerived, lang), {std::to_string(result.value().size())});
    m_log.done(done);
    app.notify(done);
}

void WorkScreen::endWith(App& app, ReasonAction action) {
    Workspace& ws = *app.workspace();
    const Lang lang = app.lang();
    m_log.clear();
    WorkspaceTasks tasks(ws);
    const std::string reason = m_reason.reason();
    std::size_t done = 0;
    int refusals = 0;
    for (const WorkRef& ref : selection()) {
        Result<std::uint64_t> r = FieldError{"work", "", Str::LifeErrTaskNotRejected, ""};
        switch (action) {
        case ReasonAction::Cancel: r = tasks.cancel(ref, reason); break;
        case ReasonAction::Reassign: r = tasks.reassign(ref, m_reassignTo, reason); break;
        case ReasonAction::Reject:
            if (!ref.isTask()) r = tasks.reject({ref.id}, reason);
            break;
        case ReasonAction::None: break;
        }
        if (r.ok()) {
            ++done;
            m_selected.erase(ref);
        } else if (refusals++ < kLinesListed) {
            m_log.refused(refusalFor(ref, r.errors(), lang));
        }
    }
    const Str doneText = action == ReasonAction::Cancel   ? Str::UiLifeCancelled
                         : action == ReasonAction::Reject ? Str::UiLifeRejected
                                                          : Str::UiLifeReassigned;
    const std::string text = fillSlots(tr(doneText, lang), {std::to_string(done)});
    m_log.done(text);
    app.notify(refusals > 0 ? text + " · " + fillSlots(tr(Str::UiLifeRefusedCount, lang), {std::to_string(refusals)}) : text,
               refusals > 0);
}

void WorkScreen::reasonModal(App& app) {
    const Lang lang = app.lang();
    const Str titleKey = m_reasonAction == ReasonAction::Cancel   ? Str::UiLifeCancelTitle
                         : m_reasonAction == ReasonAction::Reject ? Str::UiLifeRejectTitle
                                                                  : Str::UiLifeReassignTitle;
    const std::string title = fillSlots(tr(titleKey, lang), {std::to_string(m_selected.size())});
    const auto reassignTo = [&] {
        ImGui::TextUnformatted(tr(Str::UiLifeReassignTo, lang));
        life::volunteerCombo("##reassign_to", *app.workspace(), m_reassignTo, lang, "reason.volunteer",
                             Str::UiLifeBackToPool, -1.0f);
    };
    const bool reassign = m_reasonAction == ReasonAction::Reassign;
    const ReasonPrompt::Answer answer =
        m_reason.draw(title, lang, reassign ? 15.0f : 12.0f, reassign ? std::function<void()>(reassignTo) : nullptr);
    if (answer == ReasonPrompt::Answer::Confirmed) endWith(app, m_reasonAction);
    if (answer != ReasonPrompt::Answer::Pending) m_reasonAction = ReasonAction::None;
}

} // namespace nuanxin
