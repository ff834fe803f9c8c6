#include "native/desktop/store_menu.h"

#include <cstdio>

#include <imgui.h>
#include <imgui_internal.h>

#include "core/session/workspace.h"
#include "native/desktop/desktop_backend.h"
#include "ui/app.h"
#include "ui/locator.h"

namespace nuanxin {
namespace {

constexpr const char* kDialogId = "###open_store";

/// The theme's value of a colour the menu bar has pushed (white text on the red bar): the
/// first backup on ImGui's colour stack is what the theme set. The dialog is drawn from inside
/// the menu bar and must look like the rest of the app.
ImVec4 themeColour(ImGuiCol idx) {
    for (const ImGuiColorMod& mod : GImGui->ColorStack) {
        if (mod.Col == idx) return mod.BackupValue;
    }
    return ImGui::GetStyle().Colors[idx];
}

} // namespace

void StoreMenu::draw(App& app, DesktopBackend& backend) {
    const Lang lang = app.lang();
    if (ImGui::MenuItem(tr(Str::UiDeskOpenStore, lang))) {
        m_openRequested = true;
        m_error.clear();
        std::snprintf(m_path, sizeof m_path, "%s", backend.storeDir().c_str());
    }
    markItem("menu.open_store");
    drawDialog(app, backend);
}

void StoreMenu::drawDialog(App& app, DesktopBackend& backend) {
    const Lang lang = app.lang();
    const ImGuiCol themed[] = {ImGuiCol_Text, ImGuiCol_Header, ImGuiCol_HeaderHovered,
                               ImGuiCol_HeaderActive};
    for (ImGuiCol c : themed) ImGui::PushStyleColor(c, themeColour(c));
    if (m_openRequested) {
        ImGui::OpenPopup(kDialogId);
        m_openRequested = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(640.0f, 0.0f), ImGuiCond_Appearing);
    const std::string title = std::string(tr(Str::UiDeskOpenStoreTitle, lang)) + kDialogId;
    if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::TextWrapped("%s", tr(Str::UiDeskStoreHint, lang));
        ImGui::TextDisabled("%s: %s", tr(Str::UiDeskCurrentStore, lang),
                            backend.storeDir().c_str());
        ImGui::Spacing();
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(-1.0f);
        const bool entered =
            ImGui::InputTextWithHint("##store_path", tr(Str::UiDeskStorePath, lang), m_path,
                                     sizeof m_path, ImGuiInputTextFlags_EnterReturnsTrue);
        markItem("store.path");
        const std::string folder = absoluteFolder(m_path);
        if (!folder.empty()) {
            ImGui::TextDisabled("%s: %s", tr(Str::UiDeskPluginFolder, lang),
                                pluginFolderFor(folder).c_str());
        }
        if (!m_error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.80f, 0.20f, 0.12f, 1.0f));
            ImGui::TextWrapped("%s", m_error.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::Spacing();
        const bool ok = ImGui::Button(tr(Str::UiDeskOpen, lang));
        markItem("store.ok");
        ImGui::SameLine();
        const bool cancel = ImGui::Button(tr(Str::UiDeskCancel, lang)) ||
                            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
        markItem("store.cancel");
        if (ok || entered) {
            submit(app, backend);
            if (m_error.empty()) ImGui::CloseCurrentPopup();
        } else if (cancel) {
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleColor(static_cast<int>(sizeof themed / sizeof themed[0]));
}

void StoreMenu::submit(App& app, DesktopBackend& backend) {
    const Lang lang = app.lang();
    const std::string folder = absoluteFolder(m_path);
    if (folder.empty()) {
        m_error = tr(Str::UiDeskPathEmpty, lang);
        return;
    }
    if (app.workspace() != nullptr && absoluteFolder(app.workspace()->store().dir()) == folder) {
        m_error.clear(); // already open: opening it a second time beside itself gains nothing
        return;
    }
    if (app.workspace() != nullptr && app.workspace()->matching()) {
        m_error = tr(Str::UiDeskStoreBusy, lang);
        return;
    }
    if (!backend.switchStore(app, folder)) {
        m_error = std::string(tr(Str::UiStoreOpenFailed, lang)) + ": " + app.storeError();
        return;
    }
    m_error.clear();
    app.notify(std::string(tr(Str::UiDeskStoreOpened, lang)) + ": " + folder);
}

} // namespace nuanxin
