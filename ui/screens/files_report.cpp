// The report of an import: what was read, accepted and added, the households held for merge
// review or looking like ones already registered, and every refused row with its reason (the
// rejects can be downloaded as the same CSV the CLI writes).
#include <algorithm>
#include <string>

#include <imgui.h>

#include "ui/locator.h"
#include "ui/screens/files_screen.h"
#include "ui/widgets/form_field.h"

namespace nuanxin {
namespace {

const ImVec4 kMuted = mutedColour();
const ImVec4 kError = errorColour();
const ImVec4 kGood(0.18f, 0.50f, 0.24f, 1.0f);
constexpr int kVisibleRows = 12;

/// One figure of the report: a caption and a number on a line of their own cell.
void figure(const App& app, Str caption, std::size_t value, const ImVec4* colour = nullptr) {
    ImGui::TableNextColumn();
    ImGui::TextColored(kMuted, "%s", tr(caption, app.lang()));
    const std::string number = std::to_string(value);
    if (colour != nullptr) {
        ImGui::TextColored(*colour, "%s", number.c_str());
    } else {
        ImGui::TextUnformatted(number.c_str());
    }
}

/// "#12 王秀兰": a registered household as the report names it (names may be shown; the
/// household id links it to the households screen).
std::string householdText(const Workspace* workspace, HouseholdId id, Lang lang) {
    if (id == 0) return tr(Str::UiFilesNewHousehold, lang);
    std::string text = "#" + std::to_string(id);
    if (workspace != nullptr) {
        if (const Household* h = workspace->state().household(id); h != nullptr && !h->members.empty()) {
            text += ' ';
            text += h->members.front().name;
        }
    }
    return text;
}

float tableHeight(std::size_t rows) {
    const float row = ImGui::GetTextLineHeightWithSpacing() + 2.0f;
    return row * static_cast<float>(std::min<std::size_t>(rows, kVisibleRows) + 1) + 6.0f;
}

} // namespace

void ImportPanel::drawReport(App& app) {
    const Lang lang = app.lang();
    const ImportReport& report = *m_report;
    ImGui::PushFont(app.fonts().heading);
    ImGui::Text("%s: %s (%s)", tr(Str::UiFilesReportTitle, lang), m_reportFile.c_str(),
                tr(importTargetLabel(m_reportTarget), lang));
    ImGui::PopFont();
    if (report.fatal) {
        ImGui::TextColored(kError, "%s: %s", tr(Str::UiFilesImportFailed, lang),
                           report.fatal->describe(lang).c_str());
        return;
    }
    if (ImGui::BeginTable("##figures", 6, ImGuiTableFlags_SizingStretchSame)) {
        figure(app, Str::UiFilesRowsRead, report.rows);
        figure(app, Str::UiFilesRowsAccepted, report.rowsAccepted);
        figure(app, Str::UiFilesRecordsAdded, report.recordsAdded, &kGood);
        figure(app, Str::UiFilesRejected, report.rejects.size(), report.rejects.empty() ? nullptr : &kError);
        figure(app, Str::UiFilesHeld, report.held.size());
        figure(app, Str::UiFilesLikely, report.likely.size());
        ImGui::EndTable();
    }
    if (!report.committed && !report.rejects.empty()) {
        ImGui::TextColored(kError, "%s", tr(Str::UiFilesNothingCommitted, lang));
    }
    if (report.cancelled) ImGui::TextColored(kError, "%s", tr(Str::UiFilesCancelled, lang));
    drawRejects(app);
    drawDuplicates(app);
}

void ImportPanel::drawRejects(App& app) {
    const Lang lang = app.lang();
    const ImportReport& report = *m_report;
    if (report.rejects.empty()) return;
    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(Str::UiFilesRejectsTitle, lang));
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::UiFilesRejectsDownload, lang))) {
        app.saveFile("rejects.csv", rejectsCsv(report, lang), "text/csv");
    }
    markItem("files.rejects.download");
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##rejects", 4, flags, ImVec2(0.0f, tableHeight(report.rejects.size())))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Str::IoColLine, lang), ImGuiTableColumnFlags_WidthFixed, 70.0f);
    ImGui::TableSetupColumn(tr(Str::IoColColumn, lang), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(Str::IoColValue, lang), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn(tr(Str::IoColReason, lang), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableHeadersRow();
    // A file of bad rows can refuse hundreds of thousands: draw only the visible ones.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(report.rejects.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const RejectedRow& r = report.rejects[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%zu", r.line);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.column.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.value.c_str()); // masked by the importer when personal
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(rejectReasonText(r, lang).c_str());
        }
    }
    ImGui::EndTable();
}

void ImportPanel::drawDuplicates(App& app) {
    const Lang lang = app.lang();
    const ImportReport& report = *m_report;
    const Workspace* workspace = app.workspace();
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!report.held.empty()) {
        ImGui::Spacing();
        ImGui::TextUnformatted(tr(Str::UiFilesHeldTitle, lang));
        ImGui::TextColored(kMuted, "%s", tr(Str::UiFilesHeldHint, lang));
        if (ImGui::BeginTable("##held", 3, flags, ImVec2(0.0f, tableHeight(report.held.size())))) {
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableSetupColumn(tr(Str::IoColLine, lang), ImGuiTableColumnFlags_WidthFixed, 70.0f);
            ImGui::TableSetupColumn(tr(Str::UiFilesPendingId, lang));
            ImGui::TableSetupColumn(tr(Str::UiFilesExisting, lang));
            ImGui::TableHeadersRow();
            ImGuiListClipper clipper;
            clipper.Begin(static_cast<int>(report.held.size()));
            while (clipper.Step()) {
                for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                    const HeldDuplicate& d = report.held[static_cast<std::size_t>(i)];
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::Text("%zu", d.line);
                    ImGui::TableNextColumn();
                    ImGui::Text("%llu", static_cast<unsigned long long>(d.pendingId));
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(householdText(workspace, d.existing, lang).c_str());
                }
            }
            ImGui::EndTable();
        }
    }
    if (!report.likely.empty()) {
        ImGui::Spacing();
        ImGui::TextUnformatted(tr(Str::UiFilesLikelyTitle, lang));
        ImGui::TextColored(kMuted, "%s", tr(Str::UiFilesLikelyHint, lang));
        if (ImGui::BeginTable("##likely", 3, flags, ImVec2(0.0f, tableHeight(report.likely.size())))) {
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableSetupColumn(tr(Str::UiFilesRegistered, lang));
            ImGui::TableSetupColumn(tr(Str::UiFilesImported, lang));
            ImGui::TableSetupColumn(tr(Str::IoColReason, lang));
            ImGui::TableHeadersRow();
            ImGuiListClipper clipper;
            clipper.Begin(static_cast<int>(report.likely.size()));
            while (clipper.Step()) {
                for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                    const LikelyDuplicate& d = report.likely[static_cast<std::size_t>(i)];
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(householdText(workspace, d.a, lang).c_str());
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(householdText(workspace, d.b, lang).c_str());
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(tr(d.reason, lang));
                }
            }
            ImGui::EndTable();
        }
    }
}

} // namespace nuanxin
