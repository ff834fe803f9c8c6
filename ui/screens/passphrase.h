#pragma once
// The passphrase of an encrypted store in the UI: the modal that asks for it when the store to
// open is encrypted, and "encrypt this store" (the passphrase twice). Both front ends draw it
// through App (ui/app.cpp); the key derivation (Argon2id, core/store/crypto.h) runs in the frame
// after the button, behind a "deriving" line, so the click shows before the pause.
#include <string>

namespace nuanxin {

class App;

class PassphraseDialog {
public:
    PassphraseDialog() = default;
    ~PassphraseDialog();
    PassphraseDialog(const PassphraseDialog&) = delete;
    PassphraseDialog& operator=(const PassphraseDialog&) = delete;

    /// @brief The store in `dir` is encrypted and was opened without a passphrase: ask for it.
    void ask(const std::string& dir);
    /// @brief The main menu's entry "encrypt store" (only while the open store is plain).
    /// Locator id: menu.encrypt.
    void drawMenu(App& app);
    /// @brief The modals, each frame after the screens. Locator ids: pass.field, pass.open,
    /// pass.error; encrypt.pass1, encrypt.pass2, encrypt.do, encrypt.cancel.
    void draw(App& app);

private:
    void drawUnlock(App& app);
    void drawEncrypt(App& app);
    void clear();

    std::string m_dir;          ///< the encrypted store waiting for its passphrase
    bool m_unlockRequested = false;
    bool m_encryptRequested = false;
    int m_pending = 0;          ///< frames until the derivation runs (1: show "deriving" first)
    char m_first[256] = {};     ///< wiped after every use
    char m_second[256] = {};
    std::string m_error;
};

} // namespace nuanxin
