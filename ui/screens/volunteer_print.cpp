// The volunteer's list to take along: a print view in its own window, black on white with thin
// rules and nothing to click in the listing (a screenshot of it prints cleanly), the same page
// as HTML that the browser prints when it is opened, and the CSV for Excel.
#include <imgui.h>

#include "core/model/catalogue.h"
#include "core/view/household_text.h"
#include "core/view/report_view.h"
#include "ui/locator.h"
#include "ui/screens/volunteer_parts.h"

namespace nuanxin {
namespace {

/// China Standard Time: the day printed on the list is the volunteers' day, not UTC's.
constexpr int kUtcOffsetMinutes = 480;

std::string fileStem(const VolunteerSheet& sheet, const Workspace& ws) {
    return "volunteer-" + std::to_string(sheet.volunteer) + "-" + localDay(ws.now(), kUtcOffsetMinutes).iso();
}

} // namespace

void VolunteerScreen::downloadCsv(App& app) {
    const Workspace& ws = *app.workspace();
    app.saveFile(fileStem(m_sheet, ws) + ".csv", volunteerSheetCsv(m_sheet, app.lang()), "text/csv");
    app.notify(tr(Str::UiLifeCsvSaved, app.lang()));
}

void VolunteerScreen::downloadPrintPage(App& app) {
    const Workspace& ws = *app.workspace();
    app.saveFile(fileStem(m_sheet, ws) + ".html",
                 volunteerSheetHtml(m_sheet, app.lang(), localDay(ws.now(), kUtcOffsetMinutes).iso()), "text/html");
    app.notify(tr(Str::UiLifePrintSaved, app.lang()));
}

void VolunteerScreen::printWindow(App& app) {
    if (!m_printOpen) return;
    const Lang lang = app.lang();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float margin = ImGui::GetFontSize() * 2.0f;
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + margin, vp->WorkPos.y + margin), ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x - 2.0f * margin, vp->WorkSize.y - 2.0f * margin), ImGuiCond_Appearing);
    const ImVec4 black(0, 0, 0, 1);
    const ImVec4 white(1, 1, 1, 1);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, white);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, white);
    ImGui::PushStyleColor(ImGuiCol_Text, black);
    ImGui::PushStyleColor(ImGuiCol_TableBorderStrong, black);
    ImGui::PushStyleColor(ImGuiCol_TableBorderLight, black);
    ImGui::PushStyleColor(ImGuiCol_TableHeaderBg, white);
    ImGui::PushStyleColor(ImGuiCol_TableRowBg, white);
    ImGui::PushStyleColor(ImGuiCol_TableRowBgAlt, white);
    const std::string title = std::string(tr(Str::UiLifePrintView, lang)) + "###print";
    if (ImGui::Begin(title.c_str(), &m_printOpen, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        if (ImGui::Button(tr(Str::UiLifePrintHtml, lang))) downloadPrintPage(app);
        markItem("volunteer.print.html");
        ImGui::SameLine();
        if (ImGui::Button(tr(Str::UiLifeClose, lang))) m_printOpen = false;
        markItem("volunteer.print.close");
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(Str::UiLifePrintHint, lang));
        ImGui::Separator();
        ImGui::TextUnformatted(fillSlots(tr(Str::UiLifePrintTitle, lang), {m_sheet.volunteerName}).c_str());
        ImGui::TextUnformatted(fillSlots(tr(Str::UiLifePrintSubtitle, lang),
                                         {localDay(app.workspace()->now(), kUtcOffsetMinutes).iso(),
                                          groupedNumber(static_cast<std::int64_t>(m_sheet.open)),
                                          groupedNumber(static_cast<std::int64_t>(m_sheet.done))})
                                   .c_str());
        int table = 0;
        for (const VolunteerGroup& g : m_sheet.groups) {
            groupHeading(m_sheet, g, lang, black);
            ImGui::PushID(table++);
            if (ImGui::BeginTable("##print", 8, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) {
                for (const Str head : {Str::UiLifeColAddress, Str::UiLifeColName, Str::UiLifeColIdMasked, Str::UiLifeColPhone, Str::UiLifeColTitle,
                                       Str::UiLifeColQuantity, Str::UiLifeColDeadline, Str::UiLifePrintSign}) {
                    ImGui::TableSetupColumn(tr(head, lang));
                }
                ImGui::TableHeadersRow();
                for (const VolunteerStop& stop : g.stops) {
                    for (const VolunteerTask& t : stop.tasks) {
                        ImGui::TableNextRow();
                        ImGui::TableNextColumn();
                        ImGui::TextWrapped("%s", stop.address.c_str());
                        ImGui::TableNextColumn();
                        ImGui::TextUnformatted(stop.name.c_str());
                        ImGui::TableNextColumn();
                        ImGui::TextUnformatted(stop.maskedId.c_str());
                        ImGui::TableNextColumn();
                        ImGui::TextUnformatted(stop.phone.c_str());
                        ImGui::TableNextColumn();
                        ImGui::TextWrapped("%s", t.what.empty() ? tr(label(t.kind), lang) : t.what.c_str());
                        ImGui::TableNextColumn();
                        ImGui::Text("%s %s", groupedNumber(t.quantity).c_str(), tr(label(t.unit), lang));
                        ImGui::TableNextColumn();
                        ImGui::TextUnformatted(t.deadline.iso().c_str());
                        ImGui::TableNextColumn();
                        if (t.done) ImGui::TextUnformatted(tr(label(t.status), lang));
                    }
                }
                ImGui::EndTable();
            }
            ImGui::PopID();
        }
        if (m_sheet.groups.empty()) ImGui::TextUnformatted(tr(Str::UiLifeSheetEmpty, lang));
    }
    ImGui::End();
    ImGui::PopStyleColor(8);
}

} // namespace nuanxin
