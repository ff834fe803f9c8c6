#include "ui/screens/passphrase.h"

#include <cstring>

#include <imgui.h>

#include "core/i18n/tr.h"
#include "core/session/workspace.h"
#include "core/store/crypto.h"
#include "ui/app.h"
#include "ui/locator.h"

namespace nuanxin {
namespace {

constexpr const char* kUnlockId = "###store_passphrase";
constexpr const char* kEncryptId = "###store_encrypt";
/// Frames from the click to the derivation: the next frame draws "deriving…" before the pause.
constexpr int kDeriveDelay = 2;

/// A fixed width and a height that follows the content (an error line appears later).
constexpr ImGuiWindowFlags kModalFlags =
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize;

void centreNext() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(520.0f, 0.0f), ImVec2(520.0f, 10000.0f));
}

/// A passphrase field: never shown in clear, Enter submits.
bool passwordField(const char* id, char* buffer, std::size_t size, const char* mark) {
    ImGui::SetNextItemWidth(-1.0f);
    const bool enter = ImGui::InputText(id, buffer, size,
                                        ImGuiInputTextFlags_Password |
                                            ImGuiInputTextFlags_EnterReturnsTrue);
    markItem(mark);
    return enter;
}

/// Opens the modal when asked, then begins it centred (false: not shown this frame).
bool beginModal(bool& requested, const char* id, Str title, Lang lang) {
    if (requested) {
        ImGui::OpenPopup(id);
        requested = false;
    }
    centreNext();
    const std::string label = std::string(tr(title, lang)) + id;
    return ImGui::BeginPopupModal(label.c_str(), nullptr, kModalFlags);
}

/// The action button and Cancel; true when the action was pressed. Cancel closes the modal.
bool buttons(Str action, const char* actionMark, const char* cancelMark, Lang lang, bool& cancelled) {
    const bool pressed = ImGui::Button(tr(action, lang));
    markItem(actionMark);
    ImGui::SameLine();
    cancelled = ImGui::Button(tr(Str::UiCancel, lang));
    markItem(cancelMark);
    if (cancelled) ImGui::CloseCurrentPopup();
    return pressed;
}

void errorLine(const std::string& error) {
    if (error.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.80f, 0.20f, 0.12f, 1.0f));
    ImGui::TextWrapped("%s", error.c_str());
    ImGui::PopStyleColor();
    markItem("pass.error");
}

} // namespace

PassphraseDialog::~PassphraseDialog() {
    clear();
}

void PassphraseDialog::clear() {
    wipe(m_first, sizeof m_first);
    wipe(m_second, sizeof m_second);
}

void PassphraseDialog::ask(const std::string& dir) {
    m_dir = dir;
    m_unlockRequested = true;
    m_pending = 0;
    m_error.clear();
    clear();
}

void PassphraseDialog::drawMenu(App& app) {
    const Workspace* workspace = app.workspace();
    if (workspace == nullptr || workspace->store().encrypted()) return;
    if (ImGui::MenuItem(tr(Str::UiEncryptMenu, app.lang()))) {
        m_encryptRequested = true;
        m_pending = 0;
        m_error.clear();
        clear();
    }
    markItem("menu.encrypt");
}

void PassphraseDialog::draw(App& app) {
    drawUnlock(app);
    drawEncrypt(app);
}

void PassphraseDialog::drawUnlock(App& app) {
    const Lang lang = app.lang();
    if (!beginModal(m_unlockRequested, kUnlockId, Str::UiPassTitle, lang)) return;
    const std::string prompt = fillSlots(tr(Str::UiPassPrompt, lang), {m_dir});
    ImGui::TextWrapped("%s", prompt.c_str());
    ImGui::Spacing();
    ImGui::TextUnformatted(tr(Str::UiPassField, lang));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool enter = passwordField("##passphrase", m_first, sizeof m_first, "pass.field");
    errorLine(m_error);
    if (m_pending > 0) {
        ImGui::TextDisabled("%s", tr(Str::UiPassWorking, lang));
        if (--m_pending == 0) {
            const Secret passphrase{std::string_view(m_first)};
            clear();
            if (app.openStore(m_dir, &passphrase)) {
                m_error.clear();
                ImGui::CloseCurrentPopup();
            } else {
                m_error = app.storeError(); // names the store: "…: wrong passphrase"
            }
        }
    } else {
        bool cancelled = false;
        const bool open = buttons(Str::UiPassOpen, "pass.open", "pass.cancel", lang, cancelled);
        if (cancelled) clear();
        if ((open || enter) && m_first[0] != '\0') m_pending = kDeriveDelay;
    }
    ImGui::EndPopup();
}

void PassphraseDialog::drawEncrypt(App& app) {
    const Lang lang = app.lang();
    if (!beginModal(m_encryptRequested, kEncryptId, Str::UiEncryptTitle, lang)) return;
    Workspace* workspace = app.workspace();
    ImGui::TextWrapped("%s", tr(Str::UiEncryptText, lang));
    ImGui::Spacing();
    ImGui::TextUnformatted(tr(Str::UiPassField, lang));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    passwordField("##first", m_first, sizeof m_first, "encrypt.pass1");
    ImGui::TextUnformatted(tr(Str::UiPassRepeat, lang));
    const bool enter = passwordField("##second", m_second, sizeof m_second, "encrypt.pass2");
    errorLine(m_error);
    if (m_pending > 0) {
        ImGui::TextDisabled("%s", tr(Str::UiPassWorking, lang));
        if (--m_pending == 0) {
            const Secret passphrase{std::string_view(m_first)};
            clear();
            const auto problem = workspace == nullptr
                                     ? std::optional<FieldError>(FieldError{"", "", Str::StoreReadOnly, ""})
                                     : workspace->store().encrypt(passphrase, KdfLimits::interactive());
            if (problem) {
                m_error = std::string(tr(Str::UiEncryptFailed, lang)) + ": " + problem->describe(lang);
            } else {
                // Opened again: the journal was rewritten, so what the workspace remembers of
                // it (the history's read position) no longer applies.
                const std::string dir = workspace->store().dir();
                m_error.clear();
                const bool reopened = app.openStore(dir, &passphrase);
                app.notify(reopened ? tr(Str::UiEncryptDone, lang) : app.storeError(), !reopened);
                ImGui::CloseCurrentPopup();
            }
        }
    } else {
        bool cancelled = false;
        const bool go = buttons(Str::UiEncryptDo, "encrypt.do", "encrypt.cancel", lang, cancelled);
        if (cancelled) clear();
        if (go || enter) {
            if (m_first[0] == '\0') {
                m_error = tr(Str::StoreEmptyPassphrase, lang);
            } else if (std::strcmp(m_first, m_second) != 0) {
                m_error = tr(Str::UiPassMismatch, lang);
                clear();
            } else {
                m_error.clear();
                m_pending = kDeriveDelay;
            }
        }
    }
    ImGui::EndPopup();
}

} // namespace nuanxin
