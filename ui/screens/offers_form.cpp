// The donors and offers screen's forms, as modals: add or edit an offer, add a donor. Each
// field's refusal is drawn under it; nothing is stored until the form passes
// core/model/validate.h and the store accepts it.
#include <cfloat>
#include <cinttypes>
#include <cstdio>

#include <imgui.h>

#include "core/view/household_search.h"
#include "core/view/household_text.h"
#include "ui/locator.h"
#include "ui/screens/offers_parts.h"

namespace nuanxin {
namespace {

constexpr int kOfferWindowDays = 90; ///< a new offer's default window: the winter
constexpr int kPickerLimit = 200;    ///< donors listed at once in the picker (filter for more)

/// Under a codes input: each code's name, or "unknown code" in red.
void codeNames(const std::vector<std::string>& codes, const DivisionRegistry& registry, Lang lang,
               float x) {
    if (codes.empty()) return;
    ImGui::SetCursorPosX(x);
    bool first = true;
    for (const std::string& code : codes) {
        if (!first) ImGui::SameLine();
        first = false;
        if (registry.find(code) != nullptr) {
            ImGui::TextColored(mutedColour(), "%s", registry.fullName(code).c_str());
        } else {
            ImGui::TextColored(errorColour(), "%s: %s", code.c_str(), tr(Str::UiFormUnknownCode, lang));
        }
    }
}

} // namespace

void OffersScreen::openOfferForm(App& app, const Offer* offer) {
    m_draft = offer != nullptr ? editOfferDraft(*offer)
                               : newOfferDraft(dateOf(app.workspace()->now()), kOfferWindowDays);
    m_offerErrors.clear();
    m_donorFilter.clear();
    m_openOfferForm = true;
}

void OffersScreen::drawDonorPicker(App& app) {
    const Lang lang = app.lang();
    const Workspace& ws = *app.workspace();
    const Donor* chosen = m_draft.donor != 0 ? ws.state().donor(m_draft.donor) : nullptr;
    const char* preview = chosen != nullptr ? chosen->name.c_str() : tr(Str::UiOfFormDonorPick, lang);
    if (!ImGui::BeginCombo("##donor", preview, ImGuiComboFlags_HeightLarge)) return;
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-FLT_MIN);
    inputString("##donor_filter", m_donorFilter, tr(Str::UiOfFormDonorFilter, lang));
    const SearchTerm term = SearchTerm::parse(m_donorFilter);
    int listed = 0;
    char label[64];
    for (const Donor& d : ws.data().donors) {
        if (!term.any && !(term.id ? d.id == *term.id : d.name.find(term.text) != std::string::npos)) {
            continue;
        }
        if (++listed > kPickerLimit) {
            ImGui::TextColored(mutedColour(), "…");
            break;
        }
        std::snprintf(label, sizeof label, "##donor%" PRIu64, d.id);
        if (ImGui::Selectable((d.name + label).c_str(), d.id == m_draft.donor)) m_draft.donor = d.id;
    }
    if (ws.data().donors.empty()) ImGui::TextColored(mutedColour(), "%s", tr(Str::UiOfNoDonors, lang));
    ImGui::EndCombo();
}

void OffersScreen::drawOfferForm(App& app) {
    const Lang lang = app.lang();
    const bool editing = m_draft.id != 0;
    const std::string title =
        std::string(tr(editing ? Str::UiOfFormEditTitle : Str::UiOfFormAddTitle, lang)) +
        "###of_form";
    if (m_openOfferForm) {
        ImGui::OpenPopup("###of_form");
        m_openOfferForm = false;
    }
    placeModal(44.0f, 38.0f);
    bool open = true;
    if (!ImGui::BeginPopupModal(title.c_str(), &open)) return;
    m_offerErrors.beginFrame();
    const DivisionRegistry& registry = app.workspace()->divisions();
    const float em = ImGui::GetFontSize();
    const float labels = labelColumn(
        {tr(Str::UiOfFormDonor, lang), tr(Str::UiOfColKind, lang), tr(Str::UiOfColCapacity, lang),
         tr(Str::UiOfValue, lang), tr(Str::UiOfColCoverage, lang), tr(Str::UiOfColGroups, lang),
         tr(Str::UiOfFormWindowStart, lang), tr(Str::UiOfFormWindowEnd, lang),
         tr(Str::UiOfColCap, lang), tr(Str::UiOfColStatus, lang), tr(Str::UiOfColTitle, lang)});

    ImGui::BeginChild("##of_form_body", ImVec2(0.0f, -formFooterHeight()));
    formText(tr(Str::UiOfColTitle, lang), "##title", m_draft.title, m_offerErrors, "title", lang,
             labels, nullptr, 0, 0.0f, "offers.form.title");

    // What UpdateOffer cannot change is shown, not editable, when editing.
    float x = formLabel(tr(Str::UiOfFormDonor, lang), labels, em * 18.0f);
    ImGui::BeginDisabled(editing);
    drawDonorPicker(app);
    markItem("offers.form.donor");
    ImGui::EndDisabled();
    if (editing) {
        ImGui::SameLine();
        ImGui::TextColored(mutedColour(), "%s", tr(Str::UiOfFormFixed, lang));
    }
    m_offerErrors.drawFor("donor", lang, false, x);

    x = formLabel(tr(Str::UiOfColKind, lang), labels, em * 12.0f);
    ImGui::BeginDisabled(editing);
    enumCombo("##kind", m_draft.kind, lang);
    ImGui::EndDisabled();
    m_offerErrors.drawFor("kind", lang, false, x);
    m_offerErrors.drawFor("unit", lang, false, x);

    x = formLabel(tr(Str::UiOfColCapacity, lang), labels, em * 8.0f);
    inputString("##capacity", m_draft.capacity, nullptr, ImGuiInputTextFlags_CharsDecimal);
    markItem("offers.form.capacity");
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(label(kindInfo(m_draft.kind).unit), lang));
    m_offerErrors.drawFor("capacity", lang, false, x);

    x = formLabel(tr(Str::UiOfValue, lang), labels, em * 8.0f);
    ImGui::BeginDisabled(editing);
    inputString("##value", m_draft.unitValueYuan, "0.00", ImGuiInputTextFlags_CharsDecimal);
    ImGui::EndDisabled();
    m_offerErrors.drawFor("unit_value_fen", lang, false, x);

    x = formLabel(tr(Str::UiOfColCoverage, lang), labels);
    inputString("##coverage", m_draft.coverage, tr(Str::UiOfFormCoverageHint, lang));
    markItem("offers.form.coverage");
    codeNames(splitCodes(m_draft.coverage), registry, lang, x);
    m_offerErrors.drawFor("coverage", lang, true, x);

    ImGui::TextUnformatted(tr(Str::UiOfColGroups, lang));
    ImGui::SameLine();
    ImGui::TextColored(mutedColour(), "(%s)", tr(Str::UiOfFormGroupsNote, lang));
    categoryCheckboxes("##of_form_groups", m_draft.targetGroups, lang);
    m_offerErrors.drawFor("target_groups", lang);

    formText(tr(Str::UiOfFormWindowStart, lang), "##start", m_draft.windowStart, m_offerErrors,
             "window_start", lang, labels, "YYYY-MM-DD", 0, em * 8.0f);
    formText(tr(Str::UiOfFormWindowEnd, lang), "##end", m_draft.windowEnd, m_offerErrors,
             "window_end", lang, labels, "YYYY-MM-DD", 0, em * 8.0f);
    formText(tr(Str::UiOfColCap, lang), "##cap", m_draft.perHouseholdCap, m_offerErrors,
             "per_household_cap", lang, labels, tr(Str::UiOfFormCapHint, lang),
             ImGuiInputTextFlags_CharsDecimal, em * 8.0f);
    if (editing) {
        x = formLabel(tr(Str::UiOfColStatus, lang), labels, em * 8.0f);
        enumCombo("##status", m_draft.status, lang);
        m_offerErrors.drawFor("status", lang, false, x);
    }
    m_offerErrors.drawRest(lang);
    ImGui::EndChild();

    const int action = formFooter(m_offerErrors, lang, "offers.form");
    if (action == 1) saveOffer(app);
    if (action == -1 || !open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void OffersScreen::saveOffer(App& app) {
    Workspace& ws = *app.workspace();
    const Offer* original = m_draft.id != 0 ? ws.state().offer(m_draft.id) : nullptr;
    auto read = readOfferDraft(m_draft, original, ws.divisions());
    if (!read.ok()) {
        m_offerErrors.set(std::move(read.errors));
        return;
    }
    OfferId id = 0;
    if (original != nullptr) {
        auto updated = ws.updateOffer(read.value);
        if (!updated.ok()) {
            m_offerErrors.set(withoutCommandPrefix(updated.errors()));
            return;
        }
        id = original->id;
    } else {
        Offer o = std::move(read.value);
        o.id = 0; // the workspace assigns it
        auto added = ws.addOffer(std::move(o));
        if (!added.ok()) {
            m_offerErrors.set(withoutCommandPrefix(added.errors()));
            return;
        }
        id = added.value();
    }
    m_selected = id;
    app.notify(trFill(Str::UiOfSaved, app.lang(), std::to_string(id)));
    ImGui::CloseCurrentPopup();
}

void OffersScreen::openDonorForm() {
    m_donorDraft = DonorDraft{};
    m_donorErrors.clear();
    m_openDonorForm = true;
}

void OffersScreen::drawDonorForm(App& app) {
    const Lang lang = app.lang();
    const std::string title = std::string(tr(Str::UiOfDonorFormTitle, lang)) + "###donor_form";
    if (m_openDonorForm) {
        ImGui::OpenPopup("###donor_form");
        m_openDonorForm = false;
    }
    placeModal(34.0f, 18.0f);
    bool open = true;
    if (!ImGui::BeginPopupModal(title.c_str(), &open)) return;
    m_donorErrors.beginFrame();
    const DivisionRegistry& registry = app.workspace()->divisions();
    const float em = ImGui::GetFontSize();
    const float labels =
        labelColumn({tr(Str::UiOfDonorColName, lang), tr(Str::UiOfDonorColType, lang),
                     tr(Str::UiOfDonorFormDivision, lang), tr(Str::UiOfDonorColPhone, lang)});
    ImGui::BeginChild("##donor_form_body", ImVec2(0.0f, -formFooterHeight()));
    formText(tr(Str::UiOfDonorColName, lang), "##name", m_donorDraft.name, m_donorErrors, "name",
             lang, labels, nullptr, 0, 0.0f, "donors.form.name");
    float x = formLabel(tr(Str::UiOfDonorColType, lang), labels, em * 10.0f);
    enumCombo("##type", m_donorDraft.type, lang);
    m_donorErrors.drawFor("type", lang, false, x);
    x = formLabel(tr(Str::UiOfDonorFormDivision, lang), labels, em * 7.0f);
    inputString("##division", m_donorDraft.divisionCode, tr(Str::UiOfDonorFormDivisionHint, lang),
                ImGuiInputTextFlags_CharsDecimal);
    const std::string_view code = trimAscii(m_donorDraft.divisionCode);
    if (!code.empty()) {
        ImGui::SameLine();
        if (registry.find(code) != nullptr) {
            ImGui::TextColored(mutedColour(), "%s", registry.fullName(code).c_str());
        } else {
            ImGui::TextColored(errorColour(), "%s", tr(Str::UiFormUnknownCode, lang));
        }
    }
    m_donorErrors.drawFor("division_code", lang, false, x);
    formText(tr(Str::UiOfDonorColPhone, lang), "##phone", m_donorDraft.phone, m_donorErrors,
             "phone", lang, labels, nullptr, 0, em * 12.0f);
    m_donorErrors.drawRest(lang);
    ImGui::EndChild();

    const int action = formFooter(m_donorErrors, lang, "donors.form");
    if (action == 1) saveDonor(app);
    if (action == -1 || !open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void OffersScreen::saveDonor(App& app) {
    Workspace& ws = *app.workspace();
    auto read = readDonorDraft(m_donorDraft, ws.divisions());
    if (!read.ok()) {
        m_donorErrors.set(std::move(read.errors));
        return;
    }
    Donor d = std::move(read.value);
    d.id = 0;
    auto added = ws.addDonor(std::move(d));
    if (!added.ok()) {
        m_donorErrors.set(withoutCommandPrefix(added.errors()));
        return;
    }
    app.notify(trFill(Str::UiOfDonorSaved, app.lang(), std::to_string(added.value())));
    ImGui::CloseCurrentPopup();
}

} // namespace nuanxin
