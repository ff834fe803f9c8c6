// The volunteer screen: a volunteer's own list (county → township → stop, with only what is
// needed at the door: address, name, masked ID, phone), "done" on a task with a note and a
// photo reference, a print view and a CSV; staff pick a volunteer, and manage user roles and
// the volunteers' register in a second tab. Nothing here needs the network: the store is local
// (IndexedDB in the browser), so a volunteer marks tasks done offline like any other change.
#include <cinttypes>
#include <cstdio>

#include <imgui.h>

#include "core/model/catalogue.h"
#include "core/view/household_text.h"
#include "ui/locator.h"
#include "ui/screens/dashboard_widgets.h"
#include "ui/screens/volunteer_parts.h"

namespace nuanxin {
namespace {

using namespace widgets;

constexpr int kMarkedTasks = 10; ///< "done" buttons named volunteer.task.0 .. 9

} // namespace

void groupHeading(const VolunteerSheet& sheet, const VolunteerGroup& group, Lang lang, const ImVec4& townshipColour) {
    // The county once, over its first township; each township under it.
    if (&group == &sheet.groups.front() || (&group - 1)->county != group.county) {
        ImGui::Spacing();
        ImGui::TextUnformatted((group.countyName.empty() ? group.county : group.countyName).c_str());
    }
    ImGui::TextColored(townshipColour, "%s", group.township.empty() ? tr(Str::UiLifeNoTownship, lang) : group.township.c_str());
}

void VolunteerScreen::refreshSheet(Workspace& ws, VolunteerId volunteer) {
    if (m_workspace == &ws && m_revision == ws.revision() && m_sheetVolunteer == volunteer &&
        m_sheetDone == m_includeDone) {
        return;
    }
    m_workspace = &ws;
    m_revision = ws.revision();
    m_sheetVolunteer = volunteer;
    m_sheetDone = m_includeDone;
    m_sheet = volunteer != 0 ? WorkspaceTasks(ws).volunteerSheet(volunteer, m_includeDone)
                             : VolunteerSheet{};
}

void VolunteerScreen::draw(App& app) {
    Workspace& ws = *app.workspace();
    const Lang lang = app.lang();
    const auto own = WorkspaceTasks(ws).currentVolunteer();
    if (own) {
        // A volunteer sees their own list and nothing else.
        sheetTab(app, *own, true);
        return;
    }
    if (!ImGui::BeginTabBar("##volunteer_tabs")) return;
    const bool sheet = ImGui::BeginTabItem(tr(Str::UiLifeTabSheet, lang));
    markItem("volunteer.tab.sheet");
    if (sheet) {
        sheetTab(app, m_picked, false);
        ImGui::EndTabItem();
    }
    const bool admin = ImGui::BeginTabItem(tr(Str::UiLifeTabAdmin, lang));
    markItem("volunteer.tab.admin");
    if (admin) {
        adminTab(app);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

void VolunteerScreen::sheetTab(App& app, VolunteerId volunteer, bool isOwn) {
    Workspace& ws = *app.workspace();
    const Lang lang = app.lang();
    if (!isOwn) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(Str::UiLifePickVolunteer, lang));
        ImGui::SameLine();
        life::volunteerCombo("##pick", ws, m_picked, lang, "volunteer.pick", Str::Count_, ImGui::GetFontSize() * 10.0f);
        volunteer = m_picked;
        ImGui::SameLine(0.0f, 20.0f);
    }
    refreshSheet(ws, volunteer);
    if (volunteer == 0) {
        ImGui::NewLine();
        ImGui::TextColored(mutedColour(), "%s", tr(ws.data().volunteers.empty() ? Str::UiLifeRegisterFirst : Str::UiLifePickFirst, lang));
        return;
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(life::volunteerText(ws, volunteer).c_str());
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    mutedText(fillSlots(tr(Str::UiLifeSheetCounts, lang),
                        {grouped(static_cast<std::int64_t>(m_sheet.open)), grouped(static_cast<std::int64_t>(m_sheet.done))})
                  .c_str());
    ImGui::SameLine(0.0f, 20.0f);
    ImGui::Checkbox(tr(Str::UiLifeIncludeDone, lang), &m_includeDone);
    ImGui::SameLine(0.0f, 20.0f);
    if (ImGui::Button(tr(Str::UiLifePrintView, lang))) m_printOpen = true;
    markItem("volunteer.print");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::UiLifeCsv, lang))) downloadCsv(app);
    markItem("volunteer.csv");
    if (isOwn) {
        ImGui::TextColored(mutedColour(), "%s", tr(Str::UiLifeOfflineNote, lang));
    }
    ImGui::Separator();
    ImGui::BeginChild("##sheet");
    sheetGroups(app);
    ImGui::EndChild();
    doneModal(app, volunteer);
    printWindow(app);
}

void VolunteerScreen::sheetGroups(App& app) {
    const Lang lang = app.lang();
    if (m_sheet.groups.empty()) {
        ImGui::TextColored(mutedColour(), "%s", tr(Str::UiLifeSheetEmpty, lang));
        return;
    }
    int marked = 0;
    int table = 0;
    for (const VolunteerGroup& g : m_sheet.groups) {
        groupHeading(m_sheet, g, lang, kOfferBar);
        ImGui::PushID(table++);
        const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
        if (ImGui::BeginTable("##stops", 8, flags)) {
            ImGui::TableSetupColumn(tr(Str::UiLifeColAddress, lang), 0, 1.8f);
            ImGui::TableSetupColumn(tr(Str::UiLifeColName, lang), 0, 0.7f);
            ImGui::TableSetupColumn(tr(Str::UiLifeColIdMasked, lang), 0, 1.2f);
            ImGui::TableSetupColumn(tr(Str::UiLifeColPhone, lang), 0, 0.9f);
            ImGui::TableSetupColumn(tr(Str::UiLifeColTitle, lang), 0, 1.4f);
            ImGui::TableSetupColumn(tr(Str::UiLifeColQuantity, lang), 0, 0.8f);
            ImGui::TableSetupColumn(tr(Str::UiLifeColDeadline, lang), 0, 0.7f);
            ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5.0f);
            ImGui::TableHeadersRow();
            for (const VolunteerStop& stop : g.stops) {
                bool first = true;
                for (const VolunteerTask& t : stop.tasks) {
                    ImGui::TableNextRow();
                    ImGui::PushID(static_cast<int>(t.ref.type));
                    ImGui::PushID(static_cast<int>(t.ref.id));
                    if (first) {
                        ImGui::TableSetColumnIndex(0);
                        ImGui::TextWrapped("%s", stop.address.c_str()); // an institution's names it
                        ImGui::TableSetColumnIndex(1);
                        ImGui::TextUnformatted(stop.name.c_str());
                        ImGui::TableSetColumnIndex(2);
                        ImGui::TextUnformatted(stop.maskedId.c_str());
                        ImGui::TableSetColumnIndex(3);
                        ImGui::TextUnformatted(stop.phone.c_str());
                        first = false;
                    }
                    ImGui::TableSetColumnIndex(4);
                    ImGui::TextWrapped("%s", t.what.empty() ? tr(label(t.kind), lang) : t.what.c_str());
                    if (t.advance) ImGui::TextColored(kNeedBar, "%s", tr(Str::LifeWordAdvance, lang));
                    ImGui::TableSetColumnIndex(5);
                    ImGui::Text("%s %s", grouped(t.quantity).c_str(), tr(label(t.unit), lang));
                    ImGui::TableSetColumnIndex(6);
                    ImGui::TextUnformatted(t.deadline.iso().c_str());
                    ImGui::TableSetColumnIndex(7);
                    if (t.done) {
                        ImGui::TextColored(kDoneBar, "%s", tr(label(t.status), lang));
                    } else {
                        if (ImGui::SmallButton(tr(Str::UiLifeDone, lang))) {
                            m_doneRef = t.ref;
                            m_openDone = true;
                            m_note.clear();
                            m_photo.clear();
                            m_doneErrors.clear();
                        }
                        if (marked < kMarkedTasks) {
                            char mark[32];
                            std::snprintf(mark, sizeof mark, "volunteer.task.%d", marked++);
                            markItem(mark);
                        }
                    }
                    ImGui::PopID();
                    ImGui::PopID();
                }
            }
            ImGui::EndTable();
        }
        ImGui::PopID();
    }
}

void VolunteerScreen::doneModal(App& app, VolunteerId volunteer) {
    const Lang lang = app.lang();
    if (m_openDone) {
        ImGui::OpenPopup("###done");
        m_openDone = false;
    }
    if (!m_doneRef) return;
    placeModal(32.0f, 13.0f);
    const std::string title = fillSlots(tr(Str::UiLifeDoneTitle, lang), {life::workRefText(*m_doneRef, lang)}) + "###done";
    bool open = true;
    if (!ImGui::BeginPopupModal(title.c_str(), &open)) return;
    m_doneErrors.beginFrame();
    // What the volunteer is about to mark: opened through the same check as any other of theirs.
    const auto card = WorkspaceTasks(*app.workspace()).openTask(volunteer, *m_doneRef);
    if (card.ok() && !card.value().where.stops.empty()) {
        const VolunteerStop& stop = card.value().where.stops.front();
        ImGui::TextWrapped("%s · %s", stop.address.c_str(), stop.name.c_str());
        if (!stop.tasks.empty()) {
            const VolunteerTask& t = stop.tasks.front();
            ImGui::TextColored(mutedColour(), "%s %s %s", t.what.c_str(), grouped(t.quantity).c_str(), tr(label(t.unit), lang));
        }
    } else if (!card.ok()) {
        ImGui::TextColored(errorColour(), "%s", life::refusalText(card.errors(), lang).c_str());
    }
    ImGui::Separator();
    const float labels = labelColumn({tr(Str::UiLifeNote, lang), tr(Str::UiLifePhoto, lang)});
    formText(tr(Str::UiLifeNote, lang), "##note", m_note, m_doneErrors, "note", lang, labels,
             tr(Str::UiLifeNoteHint, lang), 0, 0.0f, "volunteer.done.note");
    formText(tr(Str::UiLifePhoto, lang), "##photo", m_photo, m_doneErrors, "photo", lang, labels,
             tr(Str::UiLifePhotoHint, lang), 0, 0.0f, "volunteer.done.photo");
    m_doneErrors.drawRest(lang);
    ImGui::Separator();
    const bool ok = ImGui::Button(tr(Str::UiLifeDoneOk, lang));
    markItem("volunteer.done.ok");
    ImGui::SameLine();
    const bool cancel = ImGui::Button(tr(Str::UiFormCancel, lang));
    markItem("volunteer.done.cancel");
    if (ok) markDone(app, volunteer);
    if (cancel || !open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void VolunteerScreen::markDone(App& app, VolunteerId volunteer) {
    const Lang lang = app.lang();
    Delivery delivery;
    delivery.note = m_note;
    delivery.photo = m_photo;
    const auto result = WorkspaceTasks(*app.workspace()).markDone(volunteer, *m_doneRef, std::move(delivery));
    if (!result.ok()) {
        m_doneErrors.set(flatFieldErrors(result.errors()));
        return;
    }
    app.notify(fillSlots(tr(Str::UiLifeMarkedDone, lang), {life::workRefText(*m_doneRef, lang)}));
    m_doneRef.reset();
    ImGui::CloseCurrentPopup();
}

std::unique_ptr<Screen> makeVolunteerScreen() { return std::make_unique<VolunteerScreen>(); }

} // namespace nuanxin
