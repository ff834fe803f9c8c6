// The selected household: who lives there (ID numbers masked), what they need, what was
// allocated to them and why, and the journal records that touched them.
#include <algorithm>
#include <cinttypes>
#include <cstdio>

#include <imgui.h>

#include "core/id/resident_id.h"
#include "core/util/personal.h"
#include "core/view/household_text.h"
#include "ui/locator.h"
#include "ui/screens/households_parts.h"

namespace nuanxin {
namespace {

const ImVec4 kMuted = mutedColour();
const ImVec4 kWaiting(0.78f, 0.30f, 0.12f, 1.0f);

constexpr ImGuiTableFlags kDetailTable = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                         ImGuiTableFlags_SizingStretchProp |
                                         ImGuiTableFlags_ScrollY;

void field(const char* label, const std::string& value) {
    ImGui::TextColored(kMuted, "%s", label);
    ImGui::SameLine();
    ImGui::TextWrapped("%s", value.c_str());
}

/// Column headers; `weights` (when given, one per label) share the width out.
void headers(std::initializer_list<Str> labels, Lang lang,
             std::initializer_list<float> weights = {}) {
    auto w = weights.begin();
    for (Str s : labels) {
        ImGui::TableSetupColumn(tr(s, lang), 0, w != weights.end() ? *w++ : 0.0f);
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableHeadersRow();
}

} // namespace

void HouseholdsScreen::drawDetail(App& app) {
    const Lang lang = app.lang();
    const Workspace& ws = *app.workspace();
    const Household* h = selected(ws);
    if (h == nullptr) {
        ImGui::TextWrapped("%s", tr(Str::UiHhSelectHint, lang));
        return;
    }
    m_selectedRow = static_cast<std::uint32_t>(h - ws.data().households.data());

    ImGui::PushFont(app.fonts().heading);
    ImGui::TextUnformatted(trFill(Str::UiHhDetailTitle, lang, std::to_string(h->id)).c_str());
    ImGui::PopFont();
    ImGui::TextColored(kMuted, "%s (%s)", ws.divisions().fullName(h->divisionCode).c_str(),
                       h->divisionCode.c_str());
    if (ImGui::Button(tr(Str::UiHhEdit, lang))) openEditForm(app, *h);
    markItem("households.edit");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::UiHhAddNeed, lang))) openNeedForm(app, *h);
    markItem("households.add_need");

    ImGui::Spacing();
    field(tr(Str::UiHhAddress, lang), maskAddress(h->address));
    field(tr(Str::UiHhPhone, lang), maskPhone(h->phone));
    field(tr(Str::Category, lang), categoryList(h->categories, lang, false));
    field(tr(Str::UiHhConsentShort, lang),
          tr(h->consentToShare ? Str::UiHhYes : Str::UiHhNo, lang));
    field(tr(Str::UiHhRegisteredBy, lang), h->registered.iso() + "  " + h->registeredBy);
    ImGui::Spacing();

    if (ImGui::BeginTabBar("##hh_tabs")) {
        const bool membersOpen = ImGui::BeginTabItem(tr(Str::UiHhTabMembers, lang));
        markItem("households.tab.members");
        if (membersOpen) {
            drawMembers(app, *h);
            ImGui::EndTabItem();
        }
        const bool needsOpen = ImGui::BeginTabItem(tr(Str::UiHhTabNeeds, lang));
        markItem("households.tab.needs");
        if (needsOpen) {
            drawNeeds(app, *h);
            ImGui::EndTabItem();
        }
        const bool allocationsOpen = ImGui::BeginTabItem(tr(Str::UiHhTabAllocations, lang));
        markItem("households.tab.allocations");
        if (allocationsOpen) {
            drawAllocations(app, *h);
            ImGui::EndTabItem();
        }
        const bool historyOpen = ImGui::BeginTabItem(tr(Str::UiHhTabHistory, lang));
        markItem("households.tab.history");
        if (historyOpen) {
            drawHistory(app, *h);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
}

void HouseholdsScreen::drawMembers(App& app, const Household& h) {
    const Lang lang = app.lang();
    const Date today = dateOf(app.workspace()->now());
    // Four columns fit the panel: the relation goes with the name, the age with the sex.
    if (!ImGui::BeginTable("##hh_members", 4, kDetailTable)) return;
    // The masked number and "sex age" are never cut: fixed to their widths; the rest stretch.
    const float pad = ImGui::GetStyle().CellPadding.x * 2.0f;
    const float idWidth = std::max(ImGui::CalcTextSize("1310**********1234").x,
                                   ImGui::CalcTextSize(tr(Str::UiHhColIdNumber, lang)).x);
    const float sexWidth = std::max(ImGui::CalcTextSize(tr(Str::UiHhColSexAge, lang)).x,
                                    ImGui::CalcTextSize("Female 100").x);
    ImGui::TableSetupColumn(tr(Str::UiHhColName, lang), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(Str::UiHhColIdNumber, lang), ImGuiTableColumnFlags_WidthFixed,
                            idWidth + pad);
    ImGui::TableSetupColumn(tr(Str::UiHhColSexAge, lang), ImGuiTableColumnFlags_WidthFixed,
                            sexWidth + pad);
    ImGui::TableSetupColumn(tr(Str::UiHhColAttributes, lang), ImGuiTableColumnFlags_WidthStretch,
                            1.4f);
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < h.members.size(); ++i) {
        const Member& m = h.members[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(m.name.c_str());
        if (i == 0) {
            ImGui::SameLine(0.0f, 4.0f);
            ImGui::TextColored(kMuted, "%s", tr(Str::UiHhRelationHead, lang));
        }
        ImGui::TableNextColumn();
        if (m.idNumber.empty()) {
            ImGui::TextColored(kMuted, "%s", tr(Str::UiHhNoPapers, lang));
        } else {
            ImGui::TextUnformatted(maskIdNumber(m.idNumber).c_str());
        }
        ImGui::TableNextColumn();
        ImGui::Text("%s %d", tr(label(m.sex), lang), m.birth.yearsUntil(today));
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", attributeList(m.attributes, lang).c_str());
    }
    ImGui::EndTable();
}

void HouseholdsScreen::drawNeeds(App& app, const Household& h) {
    (void)h;
    const Lang lang = app.lang();
    const Dataset& data = app.workspace()->data();
    const std::uint32_t begin = m_table.needStart[m_selectedRow];
    const std::uint32_t end = m_table.needStart[m_selectedRow + 1];
    if (begin == end) {
        ImGui::TextColored(kMuted, "%s", tr(Str::UiHhNoNeeds, lang));
        return;
    }
    if (!ImGui::BeginTable("##hh_needs", 5, kDetailTable)) return;
    headers({Str::UiHhColNeed, Str::Quantity, Str::UiHhColDeadline, Str::UiHhColNeedStatus,
             Str::UiHhColAllocated},
            lang, {1.6f, 1.1f, 1.1f, 0.9f, 1.1f});
    for (std::uint32_t k = begin; k < end; ++k) {
        const std::uint32_t pos = m_table.needOrder[k];
        const Need& n = data.needs[pos];
        const NeedProgress& p = m_table.needProgress[pos];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        // The kind, and its urgency when it is more than normal.
        ImGui::TextUnformatted(tr(label(n.kind), lang));
        if (n.urgency != Urgency::Normal) {
            ImGui::SameLine(0.0f, 4.0f);
            ImGui::TextColored(kWaiting, "%s", tr(label(n.urgency), lang));
        }
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip("%" PRIu64 "  %s", n.id, n.note.c_str());
        }
        ImGui::TableNextColumn();
        ImGui::Text("%" PRId64 " %s", n.quantity, tr(label(n.unit), lang));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(n.deadline.iso().c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(label(n.status), lang));
        ImGui::TableNextColumn();
        if (p.open(n)) {
            ImGui::TextColored(kWaiting, "%" PRId64 " / %" PRId64, p.allocated, n.quantity);
        } else {
            ImGui::Text("%" PRId64 " / %" PRId64, p.allocated, n.quantity);
        }
    }
    ImGui::EndTable();
}

void HouseholdsScreen::drawAllocations(App& app, const Household& h) {
    (void)h;
    const Lang lang = app.lang();
    const Workspace& ws = *app.workspace();
    const Dataset& data = ws.data();
    const std::uint32_t begin = m_table.needStart[m_selectedRow];
    const std::uint32_t end = m_table.needStart[m_selectedRow + 1];
    bool any = false;
    for (std::uint32_t k = begin; k < end && !any; ++k) {
        const std::uint32_t n = m_table.needOrder[k];
        any = m_table.allocStart[n] != m_table.allocStart[n + 1];
    }
    if (!any) {
        ImGui::TextColored(kMuted, "%s", tr(Str::UiHhNoAllocations, lang));
        return;
    }
    if (!ImGui::BeginTable("##hh_allocations", 4, kDetailTable)) return;
    headers({Str::UiHhColNeed, Str::UiHhColOffer, Str::UiHhColNeedStatus, Str::UiHhColReasons},
            lang, {1.2f, 1.4f, 1.0f, 2.4f});
    for (std::uint32_t k = begin; k < end; ++k) {
        const std::uint32_t n = m_table.needOrder[k];
        const Need& need = data.needs[n];
        for (std::uint32_t j = m_table.allocStart[n]; j < m_table.allocStart[n + 1]; ++j) {
            const Allocation& a = data.allocations[m_table.allocOrder[j]];
            const Offer* offer = ws.state().offer(a.offer);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s %" PRId64 " %s", tr(label(need.kind), lang), a.quantity,
                               tr(label(need.unit), lang));
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%" PRIu64 " %s", a.offer, offer != nullptr ? offer->title.c_str() : "");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tr(label(a.status), lang));
            if (a.locked) ImGui::TextColored(kMuted, "%s", tr(Str::UiOfLockedYes, lang));
            ImGui::TableNextColumn();
            for (const Reason& r : a.reasons) {
                ImGui::PushTextWrapPos(0.0f);
                ImGui::TextUnformatted(reasonText(r, lang).c_str());
                ImGui::PopTextWrapPos();
            }
        }
    }
    ImGui::EndTable();
}

void HouseholdsScreen::drawHistory(App& app, const Household& h) {
    const Lang lang = app.lang();
    const Workspace& ws = *app.workspace();
    // Reading the journal is not free: once per household and revision, not per frame.
    if (m_historyFor != h.id || m_historyRevision != ws.revision()) {
        HistoryFilter filter;
        filter.household = h.id;
        filter.limit = 200;
        m_history = ws.history(filter);
        m_historyFor = h.id;
        m_historyRevision = ws.revision();
    }
    if (m_history.empty()) {
        ImGui::TextColored(kMuted, "%s", tr(Str::UiHhNoHistory, lang));
        return;
    }
    if (!ImGui::BeginTable("##hh_history", 3, kDetailTable)) return;
    headers({Str::UiHhColWhen, Str::UiHhColWho, Str::UiHhColWhat}, lang);
    for (const HistoryEntry& e : m_history) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(timeText(e.when).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(e.who.c_str());
        ImGui::TableNextColumn();
        for (const std::string& line : e.commands) ImGui::TextWrapped("%s", line.c_str());
    }
    ImGui::EndTable();
}

} // namespace nuanxin
