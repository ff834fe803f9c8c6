#pragma once
// Shared by the store commands of the CLI (import, export, backup, restore, check, bench).
#include <cstdint>
#include <memory>
#include <string>

#include "core/store/store.h"
#include "native/cli/cli.h"

namespace nuanxin::cli {

/// @brief The --store DIR option (required).
[[nodiscard]] std::string storeOption(Args& args);
/// @brief The user name to journal: --user, else $USER, else "cli".
[[nodiscard]] std::string userName(Args& args);
/// @brief Now, in seconds since 1970 (the CLI, not the core, reads the clock).
[[nodiscard]] Timestamp now();
/// @brief Reads a whole file; nullopt when it cannot be opened.
[[nodiscard]] std::optional<std::string> readWholeFile(const std::string& path);
/// @brief Writes a whole file atomically; prints the reason and returns false on failure.
bool writeWholeFile(const std::string& path, const std::string& bytes, Lang lang);
/// @brief The passphrase of an encrypted store: the first line of --passphrase-file FILE, else
/// the environment variable NUANXIN_PASSPHRASE (or, with `prefix` "new-", --new-passphrase-file
/// and NUANXIN_NEW_PASSPHRASE); nullopt when neither is given. Never from the command line
/// itself (any user of the machine can read it in the process list): --passphrase is a usage
/// error that says so.
[[nodiscard]] std::optional<Secret> passphraseOption(Args& args, const std::string& prefix = "");
/// @brief Without a `passphrase` given, for an encrypted store at `dir` and a terminal on
/// standard input: the passphrase asked for there, not echoed (a script without one is refused
/// at once instead of waiting at a prompt).
void askIfEncrypted(std::optional<Secret>& passphrase, const FileSystem& fs, const std::string& dir,
                    Lang lang);
/// @brief Without a new `passphrase` given and with a terminal on standard input: a new one for
/// the store at `dir`, typed twice, not echoed. Two that differ are a usage error (nothing is
/// changed); nothing typed leaves it unset.
void askNewPassphrase(std::optional<Secret>& passphrase, const std::string& dir, Lang lang);
/// @brief Opens the store or prints why not (nullptr). Prints what opening found when the
/// journal needed repair, always on stderr. A new store created with a passphrase is encrypted.
[[nodiscard]] std::unique_ptr<Store> openStoreOrSay(FileSystem& fs, const std::string& dir,
                                                    Lang lang, Store::Mode mode,
                                                    const Secret* passphrase = nullptr);

} // namespace nuanxin::cli
