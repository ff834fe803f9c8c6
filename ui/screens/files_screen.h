#pragma once
// The import/export screen's parts (ui/screens/files*.cpp): the import of one CSV file (pick or
// drop, preview with the column mapping, import, report with the rejects) and the band of
// exports, backup and restore above it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/session/workspace.h"
#include "core/view/import_mapping.h"
#include "ui/screens/screen.h"

namespace nuanxin {

/// @brief One CSV file on its way in: preview and mapping, then the report of its import.
class ImportPanel {
public:
    /// @brief A picked or dropped file replaces the one shown (and the last report).
    void take(const Workspace& workspace, IncomingFile file);
    void draw(App& app);

private:
    void drawPicker(App& app);
    void drawTargets(App& app);
    void drawPreview(App& app);
    void drawMappingCell(App& app, std::size_t column);
    void drawImportButton(App& app);
    void drawReport(App& app);
    void drawRejects(App& app);
    void drawDuplicates(App& app);
    void refreshPreview(const Workspace& workspace);
    void runImport(App& app);

    std::optional<IncomingFile> m_file;
    ImportTarget m_target = ImportTarget::Households;
    bool m_guessed = false;                ///< m_target came from the headers
    std::vector<HeaderChoice> m_choices;   ///< the user's column changes (per target)
    ImportPreview m_preview;
    std::vector<std::string> m_chosen;     ///< the field each preview column feeds ("" ignored)
    bool m_previewStale = true;
    bool m_allOrNothing = false;
    std::optional<ImportReport> m_report;
    std::string m_reportFile;              ///< the file name the report is about
    ImportTarget m_reportTarget = ImportTarget::Households;
};

/// @brief Exports of the open store (JSON, backup, distribution lists) and restoring a backup
/// into an empty store.
class ExportPanel {
public:
    void draw(App& app);
    /// @brief A backup file arrives for restoring.
    void restore(App& app, const IncomingFile& file);

private:
    void drawDistribution(App& app);
    void exportJson(App& app);
    void exportBackup(App& app);

    std::uint64_t m_offer = 0;   ///< the offer whose distribution list is exported
    std::string m_restoreNote;   ///< why a restore was refused, or what it found
    bool m_restoreNoteError = false;
};

} // namespace nuanxin
