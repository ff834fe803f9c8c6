// The households screen's forms, as modals: register or edit a household with its members, and
// add a need. Each field's refusal is drawn under it (ui/widgets/form_field.h); nothing is
// stored until the whole form passes core/model/validate.h and the store accepts it.
#include <algorithm>
#include <cfloat>

#include <imgui.h>

#include "core/view/household_text.h"
#include "ui/locator.h"
#include "ui/screens/households_parts.h"

namespace nuanxin {
namespace {

const ImVec4 kMuted = mutedColour();
constexpr int kNeedDeadlineDays = 30; ///< a new need's default deadline, as imports use

} // namespace

void HouseholdsScreen::openAddForm(App& app) {
    (void)app;
    m_draft = newHouseholdDraft();
    m_formErrors.clear();
    m_openForm = true;
}

void HouseholdsScreen::openEditForm(App& app, const Household& h) {
    (void)app;
    m_draft = editHouseholdDraft(h);
    m_formErrors.clear();
    m_openForm = true;
}

void HouseholdsScreen::openNeedForm(App& app, const Household& h) {
    m_needDraft = newNeedDraft(h.id, dateOf(app.workspace()->now()), kNeedDeadlineDays);
    m_needErrors.clear();
    m_openNeedForm = true;
}

void HouseholdsScreen::drawHouseholdForm(App& app) {
    const Lang lang = app.lang();
    const bool editing = m_draft.id != 0;
    // "###" keeps the popup's id when the title changes with the language or the mode.
    const std::string title =
        std::string(tr(editing ? Str::UiHhFormEditTitle : Str::UiHhFormAddTitle, lang)) +
        "###hh_form";
    if (m_openForm) {
        ImGui::OpenPopup("###hh_form");
        m_openForm = false;
    }
    placeModal(52.0f, 40.0f);
    bool open = true;
    if (!ImGui::BeginPopupModal(title.c_str(), &open)) return;
    m_formErrors.beginFrame();
    const float em = ImGui::GetFontSize();
    const float labels = labelColumn({tr(Str::UiHhFormCounty, lang), tr(Str::UiHhAddress, lang),
                                      tr(Str::UiHhPhone, lang), tr(Str::UiHhFormCategories, lang)});

    ImGui::BeginChild("##hh_form_body", ImVec2(0.0f, -formFooterHeight()));
    // County: a code, with its name looked up as it is typed.
    const float x = formLabel(tr(Str::UiHhFormCounty, lang), labels, em * 10.0f);
    if (!editing && ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool countyBad = m_formErrors.has("division_code");
    if (countyBad) ImGui::PushStyleColor(ImGuiCol_Border, errorColour());
    if (countyBad) ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    ImGui::BeginDisabled(editing);
    inputString("##county", m_draft.divisionCode, tr(Str::UiHhFormCountyHint, lang),
                ImGuiInputTextFlags_CharsDecimal);
    markItem("households.form.county");
    ImGui::EndDisabled();
    if (countyBad) {
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
    }
    if (editing) {
        ImGui::SameLine();
        ImGui::TextColored(kMuted, "%s · %s",
                           app.workspace()->divisions().fullName(m_draft.divisionCode).c_str(),
                           tr(Str::UiHhFormCountyFixed, lang));
    } else if (!m_draft.divisionCode.empty()) {
        ImGui::SameLine();
        const Division* d = app.workspace()->divisions().find(m_draft.divisionCode);
        if (d != nullptr) {
            ImGui::TextColored(kMuted, "%s",
                               app.workspace()->divisions().fullName(m_draft.divisionCode).c_str());
        } else {
            ImGui::TextColored(errorColour(), "%s", tr(Str::UiFormUnknownCode, lang));
        }
    }
    m_formErrors.drawFor("division_code", lang, false, x);

    const std::string addressHint =
        editing ? trFill(Str::UiHhFormIdKeep, lang, m_draft.keptAddressMasked) : std::string();
    formText(tr(Str::UiHhAddress, lang), "##address", m_draft.address, m_formErrors, "address",
             lang, labels, editing ? addressHint.c_str() : nullptr, 0, 0.0f,
             "households.form.address");
    const std::string phoneHint =
        editing ? trFill(Str::UiHhFormIdKeep, lang, m_draft.keptPhoneMasked) : std::string();
    formText(tr(Str::UiHhPhone, lang), "##phone", m_draft.phone, m_formErrors, "phone", lang,
             labels, editing ? phoneHint.c_str() : nullptr, 0, em * 16.0f,
             "households.form.phone");

    ImGui::TextUnformatted(tr(Str::UiHhFormCategories, lang));
    categoryCheckboxes("##hh_form_categories", m_draft.categories, lang);
    m_formErrors.drawFor("categories", lang);
    ImGui::Checkbox(tr(Str::UiHhConsent, lang), &m_draft.consent);

    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextUnformatted(tr(Str::UiHhFormMembers, lang));
    if (editing) {
        ImGui::SameLine();
        ImGui::TextColored(kMuted, "%s", tr(Str::UiHhFormMembersFixed, lang));
    }
    m_formErrors.drawFor("members", lang);
    drawMemberRows(app, editing);
    if (!editing && ImGui::Button(tr(Str::UiHhFormAddMember, lang))) m_draft.members.emplace_back();
    m_formErrors.drawRest(lang);
    ImGui::EndChild();

    const int action = formFooter(m_formErrors, lang, "households.form");
    if (action == 1) saveHousehold(app);
    if (action == -1 || !open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void HouseholdsScreen::drawMemberRows(App& app, bool editing) {
    const Lang lang = app.lang();
    const ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH;
    if (!ImGui::BeginTable("##hh_form_members", 7, flags)) return;
    ImGui::TableSetupColumn(tr(Str::UiHhColRelation, lang), 0, 0.8f);
    ImGui::TableSetupColumn(tr(Str::UiHhColName, lang), 0, 1.2f);
    ImGui::TableSetupColumn(tr(Str::UiHhColIdNumber, lang), 0, 2.2f);
    ImGui::TableSetupColumn(tr(Str::UiHhColSex, lang), 0, 0.8f);
    ImGui::TableSetupColumn(tr(Str::UiHhFormBirth, lang), 0, 1.3f);
    ImGui::TableSetupColumn(tr(Str::UiHhColAttributes, lang), 0, 1.4f);
    ImGui::TableSetupColumn("", 0, 0.7f);
    ImGui::TableHeadersRow();

    std::size_t remove = m_draft.members.size();
    for (std::size_t i = 0; i < m_draft.members.size(); ++i) {
        MemberDraft& m = m_draft.members[i];
        const std::string prefix = "members[" + std::to_string(i) + "].";
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(i == 0 ? Str::UiHhRelationHead : Str::UiHhRelationMember, lang));

        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        inputString("##name", m.name);
        markItem(("households.form.members." + std::to_string(i) + ".name").c_str());
        m_formErrors.drawFor(prefix + "name", lang);

        ImGui::TableNextColumn();
        const std::string keep =
            m.keptIdMasked.empty() ? std::string() : trFill(Str::UiHhFormIdKeep, lang, m.keptIdMasked);
        ImGui::SetNextItemWidth(-FLT_MIN);
        inputString("##id", m.idNumber, keep.empty() ? nullptr : keep.c_str(),
                    ImGuiInputTextFlags_CharsUppercase | ImGuiInputTextFlags_CharsNoBlank);
        markItem(("households.form.members." + std::to_string(i) + ".id").c_str());
        m_formErrors.drawFor(prefix + "id_number", lang);

        // Birth and sex are read from an ID number; typed only for someone without papers.
        const bool fromId = !m.idNumber.empty() || !m.keptIdMasked.empty();
        ImGui::TableNextColumn();
        ImGui::BeginDisabled(fromId);
        ImGui::SetNextItemWidth(-FLT_MIN);
        enumCombo("##sex", m.sex, lang);
        ImGui::EndDisabled();
        m_formErrors.drawFor(prefix + "sex", lang);

        ImGui::TableNextColumn();
        ImGui::BeginDisabled(fromId);
        ImGui::SetNextItemWidth(-FLT_MIN);
        inputString("##birth", m.birth, tr(Str::UiHhFormBirthHint, lang));
        ImGui::EndDisabled();
        m_formErrors.drawFor(prefix + "birth", lang);

        ImGui::TableNextColumn();
        std::string attributes = attributeList(m.attributes, lang);
        if (attributes.empty()) attributes = tr(Str::UiHhFormAttributesNone, lang);
        attributes += "##attributes";
        if (ImGui::Button(attributes.c_str(), ImVec2(-FLT_MIN, 0.0f))) ImGui::OpenPopup("##attrs");
        if (ImGui::BeginPopup("##attrs")) {
            for (Attribute a : allOf<Attribute>()) {
                bool on = m.attributes.has(a);
                if (ImGui::Checkbox(tr(label(a), lang), &on)) m.attributes.set(a, on);
            }
            ImGui::EndPopup();
        }
        m_formErrors.drawFor(prefix + "attributes", lang);

        ImGui::TableNextColumn();
        if (!editing && m_draft.members.size() > 1 &&
            ImGui::SmallButton(tr(Str::UiHhFormRemoveMember, lang))) {
            remove = i;
        }
        // Anything else about this member (a rule the store adds later) still shows here.
        m_formErrors.drawFor("members[" + std::to_string(i) + "]", lang, true);
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (remove < m_draft.members.size()) {
        m_draft.members.erase(m_draft.members.begin() + static_cast<long>(remove));
        m_formErrors.clear(); // the indexes in the errors no longer match the rows
    }
}

void HouseholdsScreen::saveHousehold(App& app) {
    Workspace& ws = *app.workspace();
    const Lang lang = app.lang();
    const Household* original = m_draft.id != 0 ? ws.state().household(m_draft.id) : nullptr;
    auto read = readHouseholdDraft(m_draft, original, ws.divisions(), dateOf(ws.now()), ws.user());
    if (!read.ok()) {
        m_formErrors.set(std::move(read.errors));
        return;
    }
    HouseholdId id = 0;
    if (original != nullptr) {
        auto updated = ws.updateHousehold(read.value);
        if (!updated.ok()) {
            m_formErrors.set(withoutCommandPrefix(updated.errors()));
            return;
        }
        id = original->id;
    } else {
        // The workspace assigns the id and records its own organisation and day.
        Household h = std::move(read.value);
        h.id = 0;
        h.registered = Date{};
        h.registeredBy.clear();
        auto added = ws.addHousehold(std::move(h));
        if (!added.ok()) {
            m_formErrors.set(withoutCommandPrefix(added.errors()));
            return;
        }
        id = added.value();
    }
    m_selected = id;
    app.notify(trFill(Str::UiHhSaved, lang, std::to_string(id)));
    ImGui::CloseCurrentPopup();
}

void HouseholdsScreen::drawNeedForm(App& app) {
    const Lang lang = app.lang();
    const std::string title =
        trFill(Str::UiHhNeedFormTitle, lang, std::to_string(m_needDraft.household)) + "###hh_need";
    if (m_openNeedForm) {
        ImGui::OpenPopup("###hh_need");
        m_openNeedForm = false;
    }
    placeModal(34.0f, 22.0f);
    bool open = true;
    if (!ImGui::BeginPopupModal(title.c_str(), &open)) return;
    m_needErrors.beginFrame();
    const float em = ImGui::GetFontSize();
    const float labels =
        labelColumn({tr(Str::Kind, lang), tr(Str::Quantity, lang), tr(Str::UiHhColUrgency, lang),
                     tr(Str::UiHhColDeadline, lang), tr(Str::UiHhColNote, lang)});

    ImGui::BeginChild("##hh_need_body", ImVec2(0.0f, -formFooterHeight()));
    float x = formLabel(tr(Str::Kind, lang), labels, em * 12.0f);
    enumCombo("##kind", m_needDraft.kind, lang);
    m_needErrors.drawFor("kind", lang, false, x);
    m_needErrors.drawFor("unit", lang, false, x);

    x = formLabel(tr(Str::Quantity, lang), labels, em * 8.0f);
    inputString("##quantity", m_needDraft.quantity, nullptr, ImGuiInputTextFlags_CharsDecimal);
    markItem("households.need.quantity");
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(label(kindInfo(m_needDraft.kind).unit), lang));
    m_needErrors.drawFor("quantity", lang, false, x);

    x = formLabel(tr(Str::UiHhColUrgency, lang), labels, em * 8.0f);
    enumCombo("##urgency", m_needDraft.urgency, lang);
    m_needErrors.drawFor("urgency", lang, false, x);

    formText(tr(Str::UiHhColDeadline, lang), "##deadline", m_needDraft.deadline, m_needErrors,
             "deadline", lang, labels, "YYYY-MM-DD", 0, em * 8.0f);
    formText(tr(Str::UiHhColNote, lang), "##note", m_needDraft.note, m_needErrors, "note", lang,
             labels);
    m_needErrors.drawRest(lang);
    ImGui::EndChild();

    const int action = formFooter(m_needErrors, lang, "households.need");
    if (action == 1) saveNeed(app);
    if (action == -1 || !open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void HouseholdsScreen::saveNeed(App& app) {
    Workspace& ws = *app.workspace();
    auto read = readNeedDraft(m_needDraft);
    if (!read.ok()) {
        m_needErrors.set(std::move(read.errors));
        return;
    }
    Need need = std::move(read.value);
    need.id = 0; // the workspace assigns it
    auto added = ws.addNeed(std::move(need));
    if (!added.ok()) {
        m_needErrors.set(withoutCommandPrefix(added.errors()));
        return;
    }
    app.notify(trFill(Str::UiHhNeedSaved, app.lang(), std::to_string(added.value())));
    ImGui::CloseCurrentPopup();
}

} // namespace nuanxin
