// The desktop's in-app file browser (the browser build has the platform's picker instead): a
// modal that opens a file for a purpose or saves bytes under a chosen name. It starts in the
// folder used last ("browse_dir" setting). The folder is read with std::filesystem; what is
// listed and in which order is core/view/import_file_list.h.
#include <cstdlib>
#include <cstring>
#include <optional>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

#include <imgui.h>

#include "core/view/import_file_list.h"
#include "core/view/import_mapping.h"
#include "ui/locator.h"
#include "ui/screens/screen.h"
#include "ui/widgets/form_field.h"

namespace nuanxin {
namespace {

namespace fs = std::filesystem;

const ImVec4 kMuted = mutedColour();
const ImVec4 kError = errorColour();
const ImVec4 kFolder(0.24f, 0.47f, 0.66f, 1.0f);
constexpr const char* kBrowseSetting = "browse_dir";
constexpr const char* kPopupId = "###filebrowser";
constexpr std::size_t kPathCapacity = 1024;
constexpr std::size_t kNameCapacity = 256;

void copyTo(char* buffer, std::size_t capacity, const std::string& text) {
    std::strncpy(buffer, text.c_str(), capacity - 1);
    buffer[capacity - 1] = '\0';
}

std::string homeFolder() {
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') return home;
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    return ec ? std::string("/") : cwd.string();
}

bool isFolder(const fs::path& path) {
    std::error_code ec;
    return fs::is_directory(path, ec);
}

std::optional<std::string> readWhole(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return std::nullopt;
    return bytes;
}

class FileBrowser final : public FileBrowserScreen {
public:
    void openFor(FilePurpose purpose, std::string_view accept) override {
        m_mode = Mode::Open;
        m_purpose = purpose;
        m_extensions = acceptedExtensions(accept);
        begin();
    }

    void saveAs(std::string name, std::string bytes) override {
        m_mode = Mode::Save;
        const auto dot = name.rfind('.');
        m_extensions.clear();
        if (dot != std::string::npos) m_extensions.push_back(name.substr(dot));
        copyTo(m_name, kNameCapacity, name);
        m_bytes = std::move(bytes);
        begin();
    }

    void draw(App& app) override {
        if (m_mode == Mode::Closed) return;
        if (m_dir.empty() && !go(app, startFolder(app))) go(app, "/");
        if (m_openPopup) {
            ImGui::OpenPopup(kPopupId);
            m_openPopup = false;
        }
        const Lang lang = app.lang();
        const std::string title =
            std::string(tr(m_mode == Mode::Open ? Str::UiBrowseOpenTitle : Str::UiBrowseSaveTitle, lang)) +
            kPopupId;
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x * 0.7f, viewport->WorkSize.y * 0.75f),
                                 ImGuiCond_Appearing);
        ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                       viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                                ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
            m_mode = Mode::Closed; // closed from outside (should not happen: it is modal)
            return;
        }
        drawPathRow(app);
        drawEntries(app);
        if (m_mode == Mode::Save) drawNameRow(app);
        if (!m_error.empty()) ImGui::TextColored(kError, "%s", m_error.c_str());
        drawButtons(app);
        if (m_confirmOverwrite) drawOverwrite(app);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) && !m_confirmOverwrite) close();
        if (m_mode == Mode::Closed) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

private:
    enum class Mode { Closed, Open, Save };

    void begin() {
        m_openPopup = true;
        m_focusName = m_mode == Mode::Save;
        m_error.clear();
        m_selected.clear();
        m_confirmOverwrite = false;
        m_dir.clear(); // read again at the first frame: the folder may have changed meanwhile
    }

    void close() {
        m_mode = Mode::Closed;
        m_bytes.clear();
        m_confirmOverwrite = false;
    }

    static std::string startFolder(App& app) {
        if (const auto saved = app.backend().loadSetting(kBrowseSetting); saved && isFolder(*saved)) {
            return *saved;
        }
        return homeFolder();
    }

    /// Shows `folder`; false (with the reason shown) when it cannot be listed.
    bool go(App& app, const fs::path& folder) {
        std::error_code ec;
        const fs::path absolute = fs::absolute(folder, ec).lexically_normal();
        std::vector<FileEntry> entries;
        fs::directory_iterator it(absolute, ec);
        if (ec) {
            m_error = std::string(tr(Str::UiBrowseCannotList, app.lang())) + ": " + absolute.string();
            return false;
        }
        for (const auto& entry : it) {
            FileEntry e;
            e.name = entry.path().filename().string();
            std::error_code typeError;
            e.folder = entry.is_directory(typeError);
            if (!e.folder) e.size = entry.file_size(typeError);
            entries.push_back(std::move(e));
        }
        // A save shows every file (so a name is not chosen twice by accident) but greys others.
        m_entries = listedEntries(std::move(entries), m_mode == Mode::Save ? std::vector<std::string>{} : m_extensions);
        std::string dir = absolute.string();
        if (dir.size() > 1 && dir.back() == '/') dir.pop_back();
        m_dir = dir;
        copyTo(m_path, kPathCapacity, m_mode == Mode::Open ? m_dir + "/" : m_dir);
        m_selected.clear();
        m_error.clear();
        return true;
    }

    void drawPathRow(App& app) {
        const Lang lang = app.lang();
        if (ImGui::Button(tr(Str::UiBrowseUp, lang))) go(app, fs::path(m_dir).parent_path());
        markItem("filebrowser.up");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-1.0f);
        // Open: the path takes the keyboard (type a name or a whole path, then Enter); all of it
        // is selected on focus so that typing replaces it. Save: the file name does.
        if (m_mode == Mode::Open && ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        if (ImGui::InputText("##path", m_path, kPathCapacity,
                             ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll)) {
            usePath(app, m_path);
        }
        markItem("filebrowser.path");
    }

    /// A typed path (relative ones from the folder shown): a folder is shown; a file is opened
    /// (open) or becomes the name to save under in its folder (save).
    void usePath(App& app, const std::string& text) {
        if (text.empty()) return;
        // A bare name is looked for in the folder shown, not in the app's working folder.
        fs::path path(text);
        if (path.is_relative()) path = fs::path(m_dir) / path;
        if (isFolder(path)) {
            go(app, path);
        } else if (m_mode == Mode::Open) {
            openFile(app, path);
        } else if (isFolder(path.parent_path())) {
            const std::string name = path.filename().string();
            go(app, path.parent_path());
            copyTo(m_name, kNameCapacity, name);
        } else {
            m_error = std::string(tr(Str::UiBrowseNoSuchFolder, app.lang())) + ": " + text;
        }
    }

    void drawEntries(App& app) {
        const Lang lang = app.lang();
        const float footer = ImGui::GetFrameHeightWithSpacing() * (m_mode == Mode::Save ? 3.2f : 2.2f) +
                             (m_error.empty() ? 0.0f : ImGui::GetTextLineHeightWithSpacing());
        ImGui::BeginChild("##entries", ImVec2(0.0f, -footer), true);
        if (m_entries.empty()) ImGui::TextColored(kMuted, "%s", tr(Str::UiBrowseEmpty, lang));
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(m_entries.size()));
        std::optional<FileEntry> chosen;
        bool activated = false;
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const FileEntry& e = m_entries[static_cast<std::size_t>(i)];
                const bool dimmed = m_mode == Mode::Save && !e.folder && !acceptsFile(e.name, m_extensions);
                ImGui::PushID(i);
                if (e.folder) ImGui::PushStyleColor(ImGuiCol_Text, kFolder);
                if (dimmed) ImGui::PushStyleColor(ImGuiCol_Text, kMuted);
                const std::string label = e.folder ? e.name + "/" : e.name;
                if (ImGui::Selectable(label.c_str(), e.name == m_selected,
                                      ImGuiSelectableFlags_AllowDoubleClick | ImGuiSelectableFlags_SpanAllColumns)) {
                    chosen = e;
                    activated = ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
                }
                if (e.folder || dimmed) ImGui::PopStyleColor();
                if (!e.folder) {
                    const std::string size = formatFileSize(e.size);
                    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(size.c_str()).x);
                    ImGui::TextColored(kMuted, "%s", size.c_str());
                }
                ImGui::PopID();
            }
        }
        ImGui::EndChild();
        if (!chosen) return;
        const fs::path path = fs::path(m_dir) / chosen->name;
        if (chosen->folder) {
            // One click enters a folder: there is nothing else to do with one here.
            go(app, path);
        } else if (m_mode == Mode::Open) {
            m_selected = chosen->name;
            copyTo(m_path, kPathCapacity, path.string());
            if (activated) openFile(app, path);
        } else {
            m_selected = chosen->name;
            copyTo(m_name, kNameCapacity, chosen->name);
        }
    }

    void drawNameRow(App& app) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(Str::UiBrowseFileName, app.lang()));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-1.0f);
        if (m_focusName) {
            ImGui::SetKeyboardFocusHere();
            m_focusName = false;
        }
        if (ImGui::InputText("##name", m_name, kNameCapacity,
                             ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll)) {
            save(app, false);
        }
        markItem("filebrowser.name");
    }

    void drawButtons(App& app) {
        const Lang lang = app.lang();
        ImGui::TextColored(kMuted, "%s", m_mode == Mode::Open ? m_path : (m_dir + "/" + m_name).c_str());
        const bool saving = m_mode == Mode::Save;
        if (ImGui::Button(tr(saving ? Str::UiBrowseSave : Str::UiBrowseOpen, lang), ImVec2(120.0f, 0.0f))) {
            if (saving) {
                save(app, false);
            } else {
                usePath(app, m_path);
            }
        }
        markItem("filebrowser.ok");
        ImGui::SameLine();
        if (ImGui::Button(tr(Str::UiCancel, lang), ImVec2(120.0f, 0.0f))) close();
        markItem("filebrowser.cancel");
    }

    void drawOverwrite(App& app) {
        const Lang lang = app.lang();
        if (!ImGui::IsPopupOpen("##overwrite")) ImGui::OpenPopup("##overwrite");
        if (ImGui::BeginPopupModal("##overwrite", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
            ImGui::TextUnformatted(fillSlots(tr(Str::UiBrowseOverwriteAsk, lang), {m_name}).c_str());
            if (ImGui::Button(tr(Str::UiBrowseOverwrite, lang))) {
                ImGui::CloseCurrentPopup();
                save(app, true);
            }
            markItem("filebrowser.overwrite");
            ImGui::SameLine();
            if (ImGui::Button(tr(Str::UiBrowseKeep, lang))) {
                ImGui::CloseCurrentPopup();
                m_confirmOverwrite = false;
            }
            ImGui::EndPopup();
        }
    }

    void openFile(App& app, const fs::path& path) {
        auto bytes = readWhole(path);
        if (!bytes) {
            m_error = std::string(tr(Str::UiBrowseCannotRead, app.lang())) + ": " + path.string();
            return;
        }
        app.backend().saveSetting(kBrowseSetting, path.parent_path().string());
        const FilePurpose purpose = m_purpose;
        close();
        app.receiveFile(purpose, path.filename().string(), std::move(*bytes));
    }

    void save(App& app, bool overwrite) {
        const Lang lang = app.lang();
        const std::string name = nameWithExtension(m_name, m_extensions.empty() ? "" : m_extensions.front());
        if (name.empty() || name.find('/') != std::string::npos) {
            m_error = tr(Str::UiBrowseBadName, lang);
            return;
        }
        const fs::path path = fs::path(m_dir) / name;
        std::error_code ec;
        if (!overwrite && fs::exists(path, ec)) {
            copyTo(m_name, kNameCapacity, name);
            m_confirmOverwrite = true;
            return;
        }
        m_confirmOverwrite = false;
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(m_bytes.data(), static_cast<std::streamsize>(m_bytes.size()));
        out.close();
        if (!out) {
            m_error = std::string(tr(Str::UiBrowseCannotWrite, lang)) + ": " + path.string();
            return;
        }
        app.backend().saveSetting(kBrowseSetting, m_dir);
        app.notify(std::string(tr(Str::UiBrowseSaved, lang)) + ": " + path.string());
        close();
    }

    Mode m_mode = Mode::Closed;
    FilePurpose m_purpose = FilePurpose::Import;
    std::vector<std::string> m_extensions;
    std::string m_dir;
    std::vector<FileEntry> m_entries;
    std::string m_selected;
    char m_path[kPathCapacity] = {};
    char m_name[kNameCapacity] = {};
    std::string m_bytes; ///< what a save writes
    std::string m_error;
    bool m_openPopup = false;
    bool m_confirmOverwrite = false;
    bool m_focusName = false; ///< a save dialog just opened: the name takes the keyboard
};

} // namespace

std::unique_ptr<FileBrowserScreen> makeFileBrowser() { return std::make_unique<FileBrowser>(); }

} // namespace nuanxin
