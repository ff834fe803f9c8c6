// The work screen's detail of the last clicked item: what it is, what approving it takes and
// who approved it, its progress (volunteer, delivery, confirmation, last reason) and every
// journal record that touched it, with who and when.
#include <algorithm>

#include <imgui.h>

#include "core/model/catalogue.h"
#include "core/view/household_text.h"
#include "core/view/match_proposals.h"
#include "ui/screens/dashboard_widgets.h"
#include "ui/screens/work_parts.h"
#include "ui/widgets/form_field.h"

namespace nuanxin {
namespace {

using namespace widgets;

constexpr std::size_t kHistoryLimit = 100;

void field(const char* name, const std::string& value) {
    ImGui::TextColored(mutedColour(), "%s", name);
    ImGui::SameLine();
    ImGui::TextWrapped("%s", value.c_str());
}

std::string approvalsText(const std::vector<Approval>& approvals, Lang lang) {
    std::string text;
    for (const Approval& a : approvals) {
        if (!text.empty()) text += "; ";
        text += fillSlots(tr(Str::UiLifeApprovalBy, lang), {a.user, std::to_string(a.tierHeld), timeText(a.when)});
    }
    return text.empty() ? std::string(tr(Str::UiLifeNone, lang)) : text;
}

} // namespace

void WorkScreen::detail(App& app) {
    const Lang lang = app.lang();
    Workspace& ws = *app.workspace();
    const auto item = WorkspaceTasks(ws).item(*m_focus);
    ImGui::Separator();
    if (!item) {
        m_focus.reset();
        return;
    }
    ImGui::Text("%s · %s · %s %s %s", life::workRefText(item->ref, lang).c_str(), tr(label(item->status), lang),
                tr(label(item->kind), lang), grouped(item->quantity).c_str(), tr(label(item->unit), lang));
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(Str::UiLifeCloseDetail, lang))) {
        m_focus.reset();
        return;
    }
    const float half = ImGui::GetContentRegionAvail().x * 0.5f;
    ImGui::BeginChild("##work_detail", ImVec2(half, 0.0f), false);
    if (item->household != 0) {
        const Household* h = ws.state().household(item->household);
        std::string who = "#" + std::to_string(item->household);
        if (h != nullptr && !headName(*h).empty()) who += " " + headName(*h);
        field(tr(Str::UiLifeHousehold, lang), who + " · " + areaName(item->county));
    } else {
        field(tr(Str::UiLifeHousehold, lang), std::string(tr(Str::LifeInstitution, lang)) + " · " + areaName(item->county));
    }
    if (!item->what.empty()) field(tr(Str::UiLifeColTitle, lang), item->what);
    if (!item->ref.isTask()) field(tr(Str::UiLifeColAmount, lang), life::yuanText(item->amountFen));
    field(tr(Str::UiLifeColDeadline, lang), item->deadline.iso());
    approvalBlock(app, *item);
    progressBlock(app, *item);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##work_history", ImVec2(0.0f, 0.0f), true);
    historyBlock(app, *item);
    ImGui::EndChild();
}

void WorkScreen::approvalBlock(App& app, const WorkItem& item) {
    const Lang lang = app.lang();
    if (item.ref.isTask()) {
        field(tr(Str::UiLifeColApproval, lang), tr(Str::UiLifeNoApproval, lang));
        return;
    }
    Workspace& ws = *app.workspace();
    const auto need = WorkspaceTasks(ws).approvalNeed(item.ref.id);
    if (!need.ok()) {
        // Not waiting for an approval any more: what was recorded when it was approved.
        const Progress& p = item.progress;
        if (p.requiredTier >= 0) {
            field(tr(Str::UiLifeColApproval, lang),
                  fillSlots(tr(Str::UiLifeNeedText, lang), {life::tierText(p.requiredTier, lang), std::to_string(p.approversNeeded)}));
        }
        field(tr(Str::UiLifeApprovedBy, lang), approvalsText(p.approvals, lang));
        return;
    }
    const ApprovalNeed& n = need.value();
    field(tr(Str::UiLifeColApproval, lang),
          fillSlots(tr(Str::UiLifeNeedText, lang), {life::tierText(n.tier, lang), std::to_string(n.approversNeeded)}));
    if (!n.text.empty()) field(tr(Str::UiLifeRule, lang), n.text);
    field(tr(Str::UiLifeApprovedBy, lang), approvalsText(n.approvals, lang));
    if (n.deliverBeforeApproval) ImGui::TextColored(kNeedBar, "%s", tr(Str::UiLifeAdvanceAllowed, lang));
    if (n.approved) {
        ImGui::TextColored(kDoneBar, "%s", tr(Str::UiLifeApprovalDone, lang));
    } else if (n.userMay) {
        ImGui::TextColored(kDoneBar, "%s", fillSlots(tr(Str::UiLifeYouMayApprove, lang), {ws.user()}).c_str());
    } else {
        ImGui::TextColored(mutedColour(), "%s", fillSlots(tr(Str::UiLifeYouMayNotApprove, lang), {ws.user()}).c_str());
    }
}

void WorkScreen::progressBlock(App& app, const WorkItem& item) {
    const Lang lang = app.lang();
    const Progress& p = item.progress;
    if (p.advance) ImGui::TextColored(kNeedBar, "%s", tr(Str::LifeWordAdvance, lang));
    if (p.volunteer != 0) {
        field(tr(Str::UiLifeColVolunteer, lang),
              life::volunteerText(*app.workspace(), p.volunteer) + (p.assigned != 0 ? " · " + timeText(p.assigned) : ""));
    }
    if (p.delivered) {
        std::string text = timeText(p.delivery.when);
        if (p.delivery.volunteer != 0) text += " · " + life::volunteerText(*app.workspace(), p.delivery.volunteer);
        field(tr(Str::UiLifeDeliveredAt, lang), text);
        if (!p.delivery.note.empty()) field(tr(Str::UiLifeNote, lang), p.delivery.note);
        if (!p.delivery.photo.empty()) field(tr(Str::UiLifePhoto, lang), p.delivery.photo);
    }
    if (p.confirmed != 0) field(tr(Str::UiLifeConfirmedAt, lang), timeText(p.confirmed) + " · " + p.confirmedBy);
    if (!p.reason.empty()) field(tr(Str::UiLifeReason, lang), p.reason);
}

void WorkScreen::historyBlock(App& app, const WorkItem& item) {
    const Lang lang = app.lang();
    const Workspace& ws = *app.workspace();
    if (m_historyRef != item.ref || m_historyRevision != ws.revision()) {
        HistoryFilter filter;
        if (item.ref.isTask()) {
            filter.task = item.ref.id;
        } else {
            filter.allocation = item.ref.id;
        }
        filter.limit = kHistoryLimit;
        m_history = ws.history(filter);
        m_historyRef = item.ref;
        m_historyRevision = ws.revision();
    }
    ImGui::TextUnformatted(tr(Str::UiLifeHistory, lang));
    if (m_history.empty()) ImGui::TextColored(mutedColour(), "%s", tr(Str::UiLifeNone, lang));
    for (const HistoryEntry& e : m_history) {
        ImGui::TextColored(mutedColour(), "%s · %s", timeText(e.when).c_str(), e.who.c_str());
        const auto& lines = e.described.empty() ? e.commands : e.described;
        for (const std::string& line : lines) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", line.c_str());
        }
    }
}

} // namespace nuanxin
