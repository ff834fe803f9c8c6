// The exports band of the files screen: the whole store as JSON, a backup of it, the
// distribution list of one offer, and restoring a backup, which only ever goes into an empty
// store (a restore that merged two stores' journals would make an audit trail nobody wrote).
#include <string>

#include <imgui.h>

#include "core/geo/divisions.h"
#include "core/io/export.h"
#include "core/model/catalogue.h"
#include "core/util/date.h"
#include "ui/locator.h"
#include "ui/screens/files_screen.h"
#include "ui/widgets/form_field.h"

namespace nuanxin {
namespace {

const ImVec4 kMuted = mutedColour();
const ImVec4 kError = errorColour();
constexpr float kOfferComboWidth = 320.0f;

Date today(const Workspace& workspace) { return Date::fromDays(workspace.now() / 86400); }

/// The last part of the store's folder: the JSON's title when the store has none.
std::string folderName(const std::string& dir) {
    std::string d = dir;
    while (!d.empty() && d.back() == '/') d.pop_back();
    const auto slash = d.rfind('/');
    return slash == std::string::npos ? d : d.substr(slash + 1);
}

std::string offerText(const Offer& offer, Lang lang) {
    return "#" + std::to_string(offer.id) + ' ' + offer.title + " (" + tr(label(offer.kind), lang) + ')';
}

void failed(App& app, Str what, const FieldErrors& errors) {
    std::string text = tr(what, app.lang());
    if (!errors.empty()) text += ": " + errors.front().describe(app.lang());
    app.notify(std::move(text), true);
}

} // namespace

void ExportPanel::draw(App& app) {
    const Lang lang = app.lang();
    ImGui::PushFont(app.fonts().heading);
    ImGui::TextUnformatted(tr(Str::UiFilesExportTitle, lang));
    ImGui::PopFont();
    if (ImGui::Button(tr(Str::UiFilesExportJson, lang))) exportJson(app);
    markItem("files.export.json");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::UiFilesExportBackup, lang))) exportBackup(app);
    markItem("files.export.backup");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::UiFilesRestore, lang))) {
        if (app.workspace()->state().sequence() != 0) {
            m_restoreNote = tr(Str::UiFilesRestoreNotEmpty, lang);
            m_restoreNoteError = true;
        } else {
            m_restoreNote.clear();
            app.requestFile(FilePurpose::Restore, ".bak");
        }
    }
    markItem("files.restore");
    drawDistribution(app);
    if (!m_restoreNote.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(m_restoreNoteError ? kError : kMuted, "%s", m_restoreNote.c_str());
        ImGui::PopTextWrapPos();
    }
}

void ExportPanel::drawDistribution(App& app) {
    const Lang lang = app.lang();
    const Workspace& workspace = *app.workspace();
    const auto& offers = workspace.data().offers;
    const Offer* chosen = m_offer != 0 ? workspace.state().offer(m_offer) : nullptr;
    if (chosen == nullptr && !offers.empty()) {
        chosen = &offers.front();
        m_offer = chosen->id;
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(Str::UiFilesDistributionLabel, lang));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(kOfferComboWidth);
    const std::string preview = chosen != nullptr ? offerText(*chosen, lang) : tr(Str::UiFilesNoOffers, lang);
    const bool open = ImGui::BeginCombo("##offer", preview.c_str());
    markItem("files.export.offer");
    if (open) {
        // Tens of thousands of offers in a large campaign: list only what is in view.
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(offers.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const Offer& offer = offers[static_cast<std::size_t>(i)];
                ImGui::PushID(i);
                if (ImGui::Selectable(offerText(offer, lang).c_str(), offer.id == m_offer)) m_offer = offer.id;
                markItem(("files.export.offer." + std::to_string(offer.id)).c_str());
                ImGui::PopID();
            }
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (chosen == nullptr) ImGui::BeginDisabled();
    if (ImGui::Button(tr(Str::UiFilesExportDistribution, lang)) && chosen != nullptr) {
        auto csv = distributionListCsv(workspace.state(), m_offer, workspace.divisions(), lang);
        if (csv.ok()) {
            app.saveFile("distribution-" + std::to_string(m_offer) + ".csv", std::move(csv.value()), "text/csv");
        } else {
            failed(app, Str::UiFilesExportFailed, csv.errors());
        }
    }
    if (chosen == nullptr) ImGui::EndDisabled();
    markItem("files.export.distribution");
}

void ExportPanel::exportJson(App& app) {
    const Workspace& workspace = *app.workspace();
    const Date asOf = today(workspace);
    auto json = ::nuanxin::exportJson(workspace.state(),
                                      JsonExportInfo{asOf, folderName(workspace.store().dir())});
    if (!json.ok()) return failed(app, Str::UiFilesExportFailed, json.errors());
    app.saveFile("nuanxin-" + asOf.iso() + ".json", std::move(json.value()), "application/json");
}

void ExportPanel::exportBackup(App& app) {
    const Workspace& workspace = *app.workspace();
    auto bytes = backupStore(app.backend().fileSystem(), workspace.store().dir());
    if (!bytes.ok()) return failed(app, Str::UiFilesExportFailed, bytes.errors());
    app.saveFile("nuanxin-" + today(workspace).iso() + ".bak", std::move(bytes.value()),
                 "application/octet-stream");
}

void ExportPanel::restore(App& app, const IncomingFile& file) {
    const Lang lang = app.lang();
    Workspace* workspace = app.workspace();
    if (workspace == nullptr) return;
    if (workspace->state().sequence() != 0) {
        m_restoreNote = tr(Str::UiFilesRestoreNotEmpty, lang);
        m_restoreNoteError = true;
        return;
    }
    const std::string dir = workspace->store().dir();
    FileSystem& fs = app.backend().fileSystem();
    // The empty store's journal holds its header only; it makes way for the backup's. The open
    // store keeps its handle to the unlinked file until openStore() below replaces it.
    fs.remove(Store::journalPath(dir));
    fs.remove(Store::snapshotPath(dir));
    auto restored = restoreStore(fs, file.bytes, dir, workspace->divisions());
    // Opened again either way: after a refused backup this makes a fresh empty store.
    const bool reopened = app.openStore(dir);
    if (!restored.ok()) {
        m_restoreNote = std::string(tr(Str::UiFilesRestoreFailed, lang)) + " (" + file.name +
                        "): " + restored.errors().front().describe(lang);
        m_restoreNoteError = true;
        return;
    }
    m_restoreNote = std::string(tr(Str::UiFilesRestored, lang)) + ": " + file.name;
    for (const std::string& line : restored.value().describe(lang)) m_restoreNote += "\n" + line;
    m_restoreNoteError = !reopened;
    if (!reopened) m_restoreNote += "\n" + app.storeError();
    app.notify(std::string(tr(Str::UiFilesRestored, lang)) + ": " + file.name, !reopened);
}

} // namespace nuanxin
