// The work screen's table: one row per listed item, clicked to select (many) and to show its
// detail; only the visible rows are drawn (ImGuiListClipper).
#include <cinttypes>
#include <cstdio>

#include <imgui.h>

#include "core/model/catalogue.h"
#include "core/view/household_text.h"
#include "ui/locator.h"
#include "ui/screens/dashboard_widgets.h"
#include "ui/screens/work_parts.h"
#include "ui/widgets/form_field.h"

namespace nuanxin {
namespace {

using namespace widgets;

enum Column { ColRef, ColState, ColWhat, ColTitle, ColArea, ColAmount, ColApproval, ColVolunteer, ColDeadline, ColCount };

/// "第3级 1/2": the tier and the approvals given of those needed; from the plugins' answer when
/// the item waits for one, else from what was recorded.
std::string approvalCell(const WorkRow& row, Lang lang) {
    if (row.item.ref.isTask()) return tr(Str::UiLifeNoApproval, lang);
    int tier = row.item.progress.requiredTier;
    std::size_t given = row.item.progress.approvals.size();
    int needed = row.item.progress.approversNeeded;
    if (row.need) {
        tier = row.need->tier;
        given = row.need->approvals.size();
        needed = row.need->approversNeeded;
    }
    if (tier < 0) return row.item.approved() ? tr(Str::UiLifeApprovedBefore, lang) : "—";
    return fillSlots(tr(Str::UiLifeApprovalCell, lang),
                     {std::to_string(tier), std::to_string(given), std::to_string(needed)});
}

} // namespace

void WorkScreen::tableRow(App& app, const WorkRow& row, int& marked) {
    const Lang lang = app.lang();
    const WorkItem& item = row.item;
    ImGui::TableNextRow();
    ImGui::PushID(static_cast<int>(item.ref.type));
    ImGui::PushID(static_cast<int>(item.ref.id));
    ImGui::TableSetColumnIndex(ColRef);
    const bool selected = m_selected.count(item.ref) != 0;
    // The whole row toggles its selection (many may be chosen) and becomes the one detailed.
    if (ImGui::Selectable("##row", selected, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap)) {
        if (selected) {
            m_selected.erase(item.ref);
        } else {
            m_selected.insert(item.ref);
        }
        m_focus = item.ref;
    }
    ImGui::SameLine(0.0f, 0.0f);
    if (selected) {
        ImGui::TextColored(kOfferBar, "• %s", life::workRefText(item.ref, lang).c_str());
    } else {
        ImGui::TextUnformatted(life::workRefText(item.ref, lang).c_str());
    }
    // Named by its first cell's text: the middle of a spanning row may be a column border,
    // where a click resizes the column instead of selecting.
    if (marked < 10 && ImGui::IsItemVisible()) {
        char mark[32];
        std::snprintf(mark, sizeof mark, "work.row.%d", marked++);
        markItem(mark);
    }
    ImGui::TableSetColumnIndex(ColState);
    ImGui::TextUnformatted(tr(label(item.status), lang));
    if (item.progress.advance) {
        ImGui::SameLine();
        ImGui::TextColored(kNeedBar, "%s", tr(Str::LifeWordAdvance, lang));
    }
    ImGui::TableSetColumnIndex(ColWhat);
    ImGui::Text("%s %s %s", tr(label(item.kind), lang), grouped(item.quantity).c_str(), tr(label(item.unit), lang));
    ImGui::TableSetColumnIndex(ColTitle);
    ImGui::TextUnformatted(item.what.c_str());
    if (!item.what.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", item.what.c_str());
    ImGui::TableSetColumnIndex(ColArea);
    ImGui::TextUnformatted(row.countyName.c_str());
    ImGui::TableSetColumnIndex(ColAmount);
    if (!item.ref.isTask()) rightAlignedText(life::yuanText(item.amountFen));
    ImGui::TableSetColumnIndex(ColApproval);
    const std::string approval = approvalCell(row, lang);
    if (row.need && row.need->userMay) {
        ImGui::TextColored(kDoneBar, "%s", approval.c_str());
    } else {
        ImGui::TextUnformatted(approval.c_str());
    }
    if (row.need && ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s\n%s", life::tierText(row.need->tier, lang).c_str(), row.need->text.c_str());
    }
    ImGui::TableSetColumnIndex(ColVolunteer);
    ImGui::TextUnformatted(row.volunteer.c_str());
    ImGui::TableSetColumnIndex(ColDeadline);
    ImGui::TextUnformatted(item.deadline.iso().c_str());
    ImGui::PopID();
    ImGui::PopID();
}

void WorkScreen::table(App& app, float height) {
    const Lang lang = app.lang();
    if (m_rows.empty()) {
        ImGui::TextColored(mutedColour(), "%s", tr(m_mine ? Str::UiLifeNothingForYou : Str::UiLifeNoItems, lang));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("##work", ColCount, flags, ImVec2(0.0f, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Str::UiLifeColRef, lang), 0, 0.9f);
    ImGui::TableSetupColumn(tr(Str::UiLifeColStatus, lang), 0, 0.9f);
    ImGui::TableSetupColumn(tr(Str::UiLifeColWhat, lang), 0, 1.1f);
    ImGui::TableSetupColumn(tr(Str::UiLifeColTitle, lang), 0, 1.4f);
    ImGui::TableSetupColumn(tr(Str::UiLifeColArea, lang), 0, 0.9f);
    ImGui::TableSetupColumn(tr(Str::UiLifeColAmount, lang), 0, 0.8f);
    ImGui::TableSetupColumn(tr(Str::UiLifeColApproval, lang), 0, 0.8f);
    ImGui::TableSetupColumn(tr(Str::UiLifeColVolunteer, lang), 0, 0.9f);
    ImGui::TableSetupColumn(tr(Str::UiLifeColDeadline, lang), 0, 0.8f);
    ImGui::TableHeadersRow();
    int marked = 0;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            tableRow(app, m_rows[static_cast<std::size_t>(i)], marked);
        }
    }
    ImGui::EndTable();
}

} // namespace nuanxin
