// The import half of the files screen: pick or drop a CSV, say what it holds, check how its
// columns map to fields on the first rows (masked), import, then read the report.
#include <algorithm>
#include <string>

#include <imgui.h>

#include "core/view/import_file_list.h"
#include "ui/locator.h"
#include "ui/screens/files_screen.h"
#include "ui/widgets/form_field.h"

namespace nuanxin {
namespace {

const ImVec4 kMuted = mutedColour();
const ImVec4 kError = errorColour();
const ImVec4 kWarn(0.78f, 0.48f, 0.05f, 1.0f);
constexpr std::size_t kPreviewRows = 8;
constexpr float kColumnWidth = 150.0f;

const char* targetMark(ImportTarget target) {
    switch (target) {
    case ImportTarget::Households:
        return "files.target.households";
    case ImportTarget::Offers:
        return "files.target.offers";
    case ImportTarget::Donors:
        return "files.target.donors";
    }
    return "files.target.households";
}

/// A button that looks pressed while `on`: the one chosen of a small set.
bool toggleButton(const char* label, bool on) {
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const bool pressed = ImGui::Button(label);
    if (on) ImGui::PopStyleColor();
    return pressed;
}

} // namespace

void ImportPanel::take(const Workspace& workspace, IncomingFile file) {
    m_file = std::move(file);
    m_report.reset();
    m_choices.clear();
    // The headers decide the target: preview once under the first target, guess, and preview
    // again only when the guess differs.
    m_target = ImportTarget::Households;
    refreshPreview(workspace);
    if (!m_preview.fatal) {
        const ImportTarget guess = guessImportTarget(m_preview.headers);
        if (guess != m_target) {
            m_target = guess;
            m_previewStale = true;
        }
    }
    m_guessed = true;
}

void ImportPanel::refreshPreview(const Workspace& workspace) {
    m_preview = workspace.previewCsv(m_file->bytes, m_target, headerMapWith(m_target, m_choices),
                                     kPreviewRows);
    m_chosen.clear();
    for (const std::string& header : m_preview.headers) m_chosen.push_back(chosenField(m_target, m_choices, header));
    m_previewStale = false;
}

void ImportPanel::draw(App& app) {
    const Lang lang = app.lang();
    ImGui::PushFont(app.fonts().heading);
    ImGui::TextUnformatted(tr(Str::UiFilesImportTitle, lang));
    ImGui::PopFont();
    drawPicker(app);
    if (m_file && m_previewStale && app.workspace() != nullptr) refreshPreview(*app.workspace());
    if (m_file) {
        ImGui::Spacing();
        drawTargets(app);
        ImGui::Spacing();
        drawPreview(app);
    }
    if (m_report) {
        ImGui::Spacing();
        ImGui::Separator();
        drawReport(app);
    }
}

void ImportPanel::drawPicker(App& app) {
    const Lang lang = app.lang();
    if (ImGui::Button(tr(Str::UiFilesPick, lang))) app.requestFile(FilePurpose::Import, ".csv,text/csv");
    markItem("files.pick");
    ImGui::SameLine();
    if (m_file) {
        ImGui::Text("%s  ·  %s", m_file->name.c_str(), formatFileSize(m_file->bytes.size()).c_str());
        if (!m_preview.fatal) {
            ImGui::SameLine();
            ImGui::TextColored(kMuted, "·  %s %s  ·  %s %zu", tr(Str::UiFilesEncoding, lang),
                               encodingName(m_preview.encoding), tr(Str::UiFilesDataRows, lang),
                               m_preview.totalRows);
        }
    } else {
        ImGui::TextColored(kMuted, "%s", tr(Str::UiFilesPickHint, lang));
    }
}

void ImportPanel::drawTargets(App& app) {
    const Lang lang = app.lang();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(Str::UiFilesTargetLabel, lang));
    for (ImportTarget target : kImportTargets) {
        ImGui::SameLine();
        ImGui::PushID(static_cast<int>(target));
        if (toggleButton(tr(importTargetLabel(target), lang), target == m_target) && target != m_target) {
            m_target = target;
            m_guessed = false;
            m_choices.clear(); // the fields differ from one target to the next
            m_previewStale = true;
        }
        markItem(targetMark(target));
        ImGui::PopID();
    }
    if (m_guessed) {
        ImGui::SameLine();
        ImGui::TextColored(kMuted, "%s", tr(Str::UiFilesTargetGuessed, lang));
    }
}

void ImportPanel::drawPreview(App& app) {
    const Lang lang = app.lang();
    if (m_preview.fatal) {
        ImGui::TextColored(kError, "%s: %s", tr(Str::UiFilesUnreadable, lang),
                           m_preview.fatal->describe(lang).c_str());
        return;
    }
    ImGui::TextColored(kMuted, "%s", tr(Str::UiFilesMappingHint, lang));
    const std::size_t columns = m_preview.headers.size();
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
    // Header, the row of field choices, the data rows and the horizontal scroll bar.
    const float pad = 2.0f * ImGui::GetStyle().CellPadding.y;
    const float textRow = ImGui::GetTextLineHeight() + pad;
    const float height = textRow * static_cast<float>(1 + std::min(m_preview.rows.size(), kPreviewRows)) +
                         ImGui::GetFrameHeight() + pad + ImGui::GetStyle().ScrollbarSize + 4.0f;
    // ImGui tables take at most 64 columns; a wider file is previewed on its first 64.
    const int shown = static_cast<int>(std::min<std::size_t>(columns, 64));
    if (shown > 0 && ImGui::BeginTable("##preview", shown, flags, ImVec2(0.0f, height))) {
        for (int c = 0; c < shown; ++c) {
            ImGui::TableSetupColumn(m_preview.headers[static_cast<std::size_t>(c)].c_str(),
                                    ImGuiTableColumnFlags_WidthFixed, kColumnWidth);
        }
        ImGui::TableSetupScrollFreeze(0, 2);
        ImGui::TableHeadersRow();
        ImGui::TableNextRow();
        for (int c = 0; c < shown; ++c) {
            ImGui::TableSetColumnIndex(c);
            drawMappingCell(app, static_cast<std::size_t>(c));
        }
        for (const auto& row : m_preview.rows) {
            ImGui::TableNextRow();
            for (int c = 0; c < shown && static_cast<std::size_t>(c) < row.size(); ++c) {
                ImGui::TableSetColumnIndex(c);
                ImGui::TextUnformatted(row[static_cast<std::size_t>(c)].c_str());
            }
        }
        ImGui::EndTable();
    }
    if (m_preview.totalRows > m_preview.rows.size()) {
        const std::string more = fillSlots(tr(Str::UiFilesMoreRows, lang),
                                           {std::to_string(m_preview.totalRows - m_preview.rows.size())});
        ImGui::TextColored(kMuted, "%s", more.c_str());
    }

    for (const std::string& field : fieldsMappedTwice(m_chosen)) {
        ImGui::TextColored(kWarn, "%s: %s", tr(Str::UiFilesMappedTwice, lang),
                           importFieldText(m_target, field, lang).c_str());
    }
    if (!m_preview.missingRequired.empty()) {
        std::string missing;
        for (const std::string& field : m_preview.missingRequired) {
            if (!missing.empty()) missing += lang == Lang::Zh ? "、" : ", ";
            missing += importFieldText(m_target, field, lang);
        }
        ImGui::TextColored(kError, "%s: %s", tr(Str::UiFilesMissingRequired, lang), missing.c_str());
    }
    ImGui::Spacing();
    drawImportButton(app);
}

void ImportPanel::drawMappingCell(App& app, std::size_t column) {
    const Lang lang = app.lang();
    const std::string& header = m_preview.headers[column];
    const std::string& current = m_chosen[column];
    // A column can lose its field to an earlier one (the import reads the first): say so.
    const bool lost = !current.empty() && m_preview.fields[column] != current;
    ImGui::PushID(static_cast<int>(column));
    ImGui::SetNextItemWidth(-1.0f);
    // The cell shows the field's words only (the column is narrow); the list adds the names.
    const Str key = importFieldLabel(m_target, current);
    const std::string preview = current.empty()        ? tr(Str::UiFilesIgnoreColumn, lang)
                                : key == Str::ErrInvalid ? current
                                                         : tr(key, lang);
    if (lost) ImGui::PushStyleColor(ImGuiCol_Text, kWarn);
    const bool open = ImGui::BeginCombo("##field", preview.c_str());
    markItem(("files.map." + std::to_string(column)).c_str());
    if (lost) ImGui::PopStyleColor();
    if (!open && ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s%s%s", importFieldText(m_target, current, lang).c_str(), lost ? "\n" : "",
                          lost ? tr(Str::UiFilesColumnLost, lang) : "");
    }
    if (open) {
        std::vector<std::string> options = HeaderMap::fields(m_target);
        options.insert(options.begin(), std::string()); // "ignore this column" first
        const auto required = HeaderMap::requiredFields(m_target);
        for (const std::string& field : options) {
            std::string label = importFieldText(m_target, field, lang);
            if (std::find(required.begin(), required.end(), field) != required.end()) label += " *";
            if (ImGui::Selectable(label.c_str(), field == current) && field != current) {
                chooseField(m_choices, m_target, header, field);
                m_previewStale = true;
            }
            markItem(("files.map.option." + (field.empty() ? std::string("ignore") : field)).c_str());
        }
        ImGui::EndCombo();
    }
    ImGui::PopID();
}

void ImportPanel::drawImportButton(App& app) {
    const Lang lang = app.lang();
    const bool busy = app.workspace() != nullptr && app.workspace()->matching();
    const bool ready = !m_preview.fatal && m_preview.missingRequired.empty() && !busy;
    ImGui::Checkbox(tr(Str::UiFilesAllOrNothing, lang), &m_allOrNothing);
    ImGui::SameLine();
    if (!ready) ImGui::BeginDisabled();
    if (ImGui::Button(tr(Str::UiFilesImport, lang))) runImport(app);
    if (!ready) ImGui::EndDisabled();
    markItem("files.import");
    if (busy) {
        ImGui::SameLine();
        ImGui::TextColored(kMuted, "%s", tr(Str::UiFilesBusyMatching, lang));
    }
}

void ImportPanel::runImport(App& app) {
    Workspace* workspace = app.workspace();
    if (workspace == nullptr || !m_file) return;
    ImportOptions options;
    options.allOrNothing = m_allOrNothing;
    options.headers = headerMapWith(m_target, m_choices);
    m_report = workspace->importCsv(m_file->bytes, m_target, m_file->name, std::move(options));
    m_reportFile = m_file->name;
    m_reportTarget = m_target;
    const Lang lang = app.lang();
    if (m_report->fatal) {
        app.notify(std::string(tr(Str::UiFilesImportFailed, lang)) + ": " + m_report->fatal->describe(lang), true);
        return;
    }
    // Imported: the file is done with, so a second click cannot import it twice.
    m_file.reset();
    app.notify(fillSlots(tr(Str::UiFilesImportDone, lang), {std::to_string(m_report->recordsAdded),
                                                          std::to_string(m_report->rejects.size())}),
               !m_report->rejects.empty() && m_report->recordsAdded == 0);
}

} // namespace nuanxin
