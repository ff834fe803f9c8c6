// The staff tab of the volunteer screen: who may approve at which tier and who is which
// volunteer (roles are journaled like any change: who gave them and when stays on record), and
// the volunteers' register with a form that shows each refused field's reason beside it.
#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "core/model/catalogue.h"
#include "core/util/personal.h"
#include "core/view/household_search.h"
#include "ui/locator.h"
#include "ui/screens/dashboard_widgets.h"
#include "ui/screens/volunteer_parts.h"

namespace nuanxin {
namespace {

using namespace widgets;

constexpr int kTiers = 5; ///< approver tiers 0..4

std::string kindsText(const std::vector<Kind>& kinds, Lang lang) {
    if (kinds.empty()) return tr(Str::UiLifeAnyKind, lang);
    std::string text;
    for (const Kind k : kinds) {
        if (!text.empty()) text += "、";
        text += tr(label(k), lang);
    }
    return text;
}

/// One checkbox per kind, four to a row.
void kindCheckboxes(std::vector<Kind>& kinds, Lang lang) {
    if (!ImGui::BeginTable("##kinds", 4, ImGuiTableFlags_SizingStretchSame)) return;
    for (const Kind k : allOf<Kind>()) {
        ImGui::TableNextColumn();
        const auto at = std::find(kinds.begin(), kinds.end(), k);
        bool on = at != kinds.end();
        if (ImGui::Checkbox(tr(label(k), lang), &on)) {
            if (on) {
                kinds.push_back(k);
            } else {
                kinds.erase(at);
            }
        }
    }
    ImGui::EndTable();
}

} // namespace

void VolunteerScreen::adminTab(App& app) {
    const float half = ImGui::GetContentRegionAvail().x * 0.42f;
    ImGui::BeginChild("##roles", ImVec2(half, 0.0f), true);
    rolesForm(app);
    ImGui::Spacing();
    usersTable(app);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##volunteers", ImVec2(0.0f, 0.0f), true);
    volunteersTable(app);
    ImGui::EndChild();
    volunteerForm(app);
}

void VolunteerScreen::rolesForm(App& app) {
    Workspace& ws = *app.workspace();
    const Lang lang = app.lang();
    sectionTitle(app, Str::UiLifeRolesTitle);
    ImGui::PushStyleColor(ImGuiCol_Text, mutedColour());
    ImGui::TextWrapped("%s", tr(Str::UiLifeRolesNote, lang));
    ImGui::PopStyleColor();
    m_roleErrors.beginFrame();
    const float labels = labelColumn({tr(Str::UiLifeColUser, lang), tr(Str::UiLifeApproverTier, lang), tr(Str::UiLifeColVolunteer, lang)});
    if (formText(tr(Str::UiLifeColUser, lang), "##role_user", m_roleUser, m_roleErrors, "user", lang, labels,
                 tr(Str::UiLifeUserHint, lang), ImGuiInputTextFlags_AutoSelectAll, 0.0f, "roles.user")) {
        // A known user's role comes back to be changed; a new name starts with none.
        const UserRole role = WorkspaceTasks(ws).role(std::string(trimAscii(m_roleUser)));
        m_roleTier = role.approverTier;
        m_roleVolunteer = role.volunteer;
    }
    float x = formLabel(tr(Str::UiLifeApproverTier, lang), labels);
    if (ImGui::BeginCombo("##role_tier", life::tierText(m_roleTier, lang).c_str())) {
        for (int t = 0; t < kTiers; ++t) {
            if (ImGui::Selectable(life::tierText(t, lang).c_str(), m_roleTier == t)) m_roleTier = t;
            markItem(("roles.tier." + std::to_string(t)).c_str());
        }
        ImGui::EndCombo();
    } else {
        markItem("roles.tier");
    }
    m_roleErrors.drawFor("approver_tier", lang, false, x);
    m_roleErrors.drawFor("tier", lang, false, x);
    x = formLabel(tr(Str::UiLifeColVolunteer, lang), labels);
    life::volunteerCombo("##role_volunteer", ws, m_roleVolunteer, lang, "roles.volunteer", Str::UiLifeNotAVolunteer, -1.0f);
    m_roleErrors.drawFor("volunteer", lang, false, x);
    m_roleErrors.drawRest(lang);
    if (ImGui::Button(tr(Str::UiFormSave, lang))) saveRole(app);
    markItem("roles.save");
}

void VolunteerScreen::saveRole(App& app) {
    Workspace& ws = *app.workspace();
    const std::string user(trimAscii(m_roleUser));
    if (user.empty()) {
        m_roleErrors.set({FieldError{"user", "", Str::ErrRequired, ""}});
        return;
    }
    UserRole role;
    role.approverTier = m_roleTier;
    role.volunteer = m_roleVolunteer;
    const auto result = WorkspaceTasks(ws).setUserRole(user, role);
    if (!result.ok()) {
        m_roleErrors.set(flatFieldErrors(result.errors()));
        return;
    }
    m_roleErrors.clear();
    app.notify(fillSlots(tr(Str::UiLifeRoleSaved, app.lang()), {user, life::roleText(ws, role, app.lang())}));
    // Ready for the next user.
    m_roleUser.clear();
    m_roleTier = 0;
    m_roleVolunteer = 0;
}

void VolunteerScreen::usersTable(App& app) {
    const Workspace& ws = *app.workspace();
    const Lang lang = app.lang();
    const auto& users = ws.state().data().users;
    if (users.empty()) {
        ImGui::TextColored(mutedColour(), "%s", tr(Str::UiLifeNoUsers, lang));
        return;
    }
    if (!ImGui::BeginTable("##users", 2, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Str::UiLifeColUser, lang));
    ImGui::TableSetupColumn(tr(Str::UiLifeRole, lang));
    ImGui::TableHeadersRow();
    for (const auto& [name, role] : users) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const std::string id = name + "##role_row";
        if (ImGui::Selectable(id.c_str(), name == m_roleUser, ImGuiSelectableFlags_SpanAllColumns)) {
            m_roleUser = name;
            m_roleTier = role.approverTier;
            m_roleVolunteer = role.volunteer;
            m_roleErrors.clear();
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(life::roleText(ws, role, lang).c_str());
    }
    ImGui::EndTable();
}

void VolunteerScreen::volunteersTable(App& app) {
    const Workspace& ws = *app.workspace();
    const Lang lang = app.lang();
    sectionTitle(app, Str::UiLifeVolunteersTitle);
    if (ImGui::Button(tr(Str::UiLifeAddVolunteer, lang))) {
        m_draft = VolunteerDraft{};
        m_volunteerErrors.clear();
        m_openVolunteerForm = true;
    }
    markItem("volunteers.add");
    const auto& volunteers = ws.data().volunteers;
    if (volunteers.empty()) {
        ImGui::TextColored(mutedColour(), "%s", tr(Str::UiLifeNoVolunteers, lang));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##volunteer_list", 6, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Str::UiLifeColName, lang), 0, 1.2f);
    ImGui::TableSetupColumn(tr(Str::UiLifeColPhone, lang), 0, 1.0f);
    ImGui::TableSetupColumn(tr(Str::UiLifeColArea, lang), 0, 1.6f);
    ImGui::TableSetupColumn(tr(Str::UiLifeColKind, lang), 0, 1.4f);
    ImGui::TableSetupColumn(tr(Str::UiLifeColStatus, lang), 0, 0.6f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 3.5f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(volunteers.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Volunteer& v = volunteers[static_cast<std::size_t>(i)];
            ImGui::PushID(i);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(life::volunteerText(ws, v.id).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(maskPhone(v.phone).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(ws.divisions().fullName(v.divisionCode).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(kindsText(v.kinds, lang).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tr(v.active ? Str::UiLifeActive : Str::UiLifeInactive, lang));
            ImGui::TableNextColumn();
            if (ImGui::SmallButton(tr(Str::UiLifeEdit, lang))) {
                m_draft = editVolunteerDraft(v);
                m_volunteerErrors.clear();
                m_openVolunteerForm = true;
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void VolunteerScreen::volunteerForm(App& app) {
    const Lang lang = app.lang();
    const Workspace& ws = *app.workspace();
    if (m_openVolunteerForm) {
        ImGui::OpenPopup("###volunteer_form");
        m_openVolunteerForm = false;
    }
    placeModal(40.0f, 30.0f);
    const bool editing = m_draft.id != 0;
    const std::string title =
        std::string(tr(editing ? Str::UiLifeEditVolunteer : Str::UiLifeAddVolunteer, lang)) + "###volunteer_form";
    bool open = true;
    if (!ImGui::BeginPopupModal(title.c_str(), &open)) return;
    m_volunteerErrors.beginFrame();
    const float labels = labelColumn({tr(Str::UiLifeColName, lang), tr(Str::UiLifeColPhone, lang), tr(Str::UiLifeDivision, lang),
                                      tr(Str::UiLifeColKind, lang)});
    ImGui::BeginChild("##volunteer_form_body", ImVec2(0.0f, -formFooterHeight()));
    formText(tr(Str::UiLifeColName, lang), "##v_name", m_draft.name, m_volunteerErrors, "name", lang, labels, nullptr, 0,
             0.0f, "volunteers.name");
    const Volunteer* original = editing ? ws.state().volunteer(m_draft.id) : nullptr;
    const std::string phoneHint = original != nullptr ? maskPhone(original->phone) : std::string();
    formText(tr(Str::UiLifeColPhone, lang), "##v_phone", m_draft.phone, m_volunteerErrors, "phone", lang, labels,
             original != nullptr ? phoneHint.c_str() : "13900001234", ImGuiInputTextFlags_CharsDecimal, 0.0f,
             "volunteers.phone");
    formText(tr(Str::UiLifeDivision, lang), "##v_division", m_draft.divisionCode, m_volunteerErrors, "division_code",
             lang, labels, tr(Str::UiLifeDivisionHint, lang), ImGuiInputTextFlags_CharsDecimal, 0.0f,
             "volunteers.division");
    const std::string code(trimAscii(m_draft.divisionCode));
    if (!code.empty() && ws.divisions().find(code) != nullptr) {
        ImGui::SetCursorPosX(labels);
        ImGui::TextColored(mutedColour(), "%s", ws.divisions().fullName(code).c_str());
    }
    ImGui::TextUnformatted(tr(Str::UiLifeColKind, lang));
    ImGui::SameLine();
    ImGui::TextColored(mutedColour(), "(%s)", tr(Str::UiLifeKindsNote, lang));
    kindCheckboxes(m_draft.kinds, lang);
    m_volunteerErrors.drawFor("kinds", lang, true);
    ImGui::Checkbox(tr(Str::UiLifeActive, lang), &m_draft.active);
    m_volunteerErrors.drawRest(lang);
    ImGui::EndChild();
    const int action = formFooter(m_volunteerErrors, lang, "volunteers");
    if (action == 1) saveVolunteer(app);
    if (action == -1 || !open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void VolunteerScreen::saveVolunteer(App& app) {
    Workspace& ws = *app.workspace();
    const Volunteer* original = m_draft.id != 0 ? ws.state().volunteer(m_draft.id) : nullptr;
    auto read = readVolunteerDraft(m_draft, original, ws.divisions());
    if (!read.ok()) {
        m_volunteerErrors.set(std::move(read.errors));
        return;
    }
    WorkspaceTasks tasks(ws);
    VolunteerId id = m_draft.id;
    if (original != nullptr) {
        const auto updated = tasks.updateVolunteer(read.value);
        if (!updated.ok()) {
            m_volunteerErrors.set(flatFieldErrors(updated.errors()));
            return;
        }
    } else {
        Volunteer v = std::move(read.value);
        v.id = 0; // the workspace assigns it
        const auto added = tasks.addVolunteer(std::move(v));
        if (!added.ok()) {
            m_volunteerErrors.set(flatFieldErrors(added.errors()));
            return;
        }
        id = added.value();
    }
    app.notify(fillSlots(tr(Str::UiLifeVolunteerSaved, app.lang()), {life::volunteerText(ws, id)}));
    ImGui::CloseCurrentPopup();
}

} // namespace nuanxin
