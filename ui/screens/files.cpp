// The import/export screen: the exports band on top (always in view, so its buttons are where
// a user and the end-to-end tests look for them), the import of one CSV file below it.
#include <imgui.h>

#include "core/view/import_file_list.h"
#include "ui/screens/files_screen.h"

namespace nuanxin {
namespace {

bool endsWithAny(const std::string& name, const char* accept) {
    return acceptsFile(name, acceptedExtensions(accept));
}

class FilesScreen final : public Screen {
public:
    void draw(App& app) override {
        Workspace* workspace = app.workspace();
        if (workspace == nullptr) return;
        takeFiles(app, *workspace);
        // A restore replaces the workspace: ask for it again rather than keep the old pointer.
        if (app.workspace() == nullptr) return;
        m_export.draw(app);
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::Spacing();
        m_import.draw(app);
    }

private:
    /// The files that came for this screen: a CSV to preview, a backup to restore. A dropped
    /// plugin or backup goes where its name says it belongs.
    void takeFiles(App& app, const Workspace& workspace) {
        if (auto file = app.takeFile(FilePurpose::Import)) {
            if (file->purpose == FilePurpose::Dropped && endsWithAny(file->name, ".so,.wasm")) {
                app.receiveFile(FilePurpose::Plugin, std::move(file->name), std::move(file->bytes));
            } else if (file->purpose == FilePurpose::Dropped && endsWithAny(file->name, ".bak")) {
                m_export.restore(app, *file);
            } else {
                m_import.take(workspace, std::move(*file));
            }
        }
        if (auto file = app.takeFile(FilePurpose::Restore)) m_export.restore(app, *file);
    }

    ImportPanel m_import;
    ExportPanel m_export;
};

} // namespace

std::unique_ptr<Screen> makeFilesScreen() { return std::make_unique<FilesScreen>(); }

} // namespace nuanxin
