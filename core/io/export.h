#pragma once
// Files out of a store: distribution lists that Excel opens (UTF-8 with BOM, personal data
// masked), the full data set as JSON, and a one-file backup that restores the whole store.
#include <string>
#include <string_view>

#include "core/geo/divisions.h"
#include "core/store/file_system.h"
#include "core/store/state.h"
#include "core/store/store.h"
#include "core/util/error.h"

namespace nuanxin {

/// @brief The households an offer goes to (its allocations that are not rejected or
/// cancelled, by allocation id): one row per allocation with the household, its contact, the
/// quantity and the status. ID numbers and phones are masked; a household that has not
/// consented to sharing also has its name and address masked.
[[nodiscard]] Result<std::string> distributionListCsv(const State& state, OfferId offer,
                                                      const DivisionRegistry& divisions, Lang lang);

/// @brief The setting that names a store (ChangeSetting{"title", ...}).
inline constexpr const char* kTitleSetting = "title";
/// @brief The store's title: its "title" setting, "" when never set.
[[nodiscard]] std::string storeTitle(const State& state);

/// @brief What a JSON export says about itself that the journal does not hold: the day it was
/// made (the caller's clock: the core never reads one) and the title to use when the store has
/// no "title" setting (the CLI passes the store folder's name).
struct JsonExportInfo {
    Date asOf;
    std::string fallbackTitle;
};

/// @brief The store's data set as nuanxin JSON (core/serial), the same format `info` reads,
/// with the store's title and `info.asOf` as the data set's reference date.
/// Unmasked: it is the owner's full export, not a list to hand out.
[[nodiscard]] Result<std::string> exportJson(const State& state, const JsonExportInfo& info);

/// @brief The whole store (journal and snapshot; an encrypted store's key file too, its files
/// as sealed as they are on disk) as one checksummed file.
[[nodiscard]] Result<std::string> backupStore(const FileSystem& fs, const std::string& dir);

/// @brief Writes a backup into `dir`, which must not hold a store yet; then opens it to prove it
/// (the report says what was found). The backup of an encrypted store stays sealed: with its
/// passphrase it is checked before anything is written (a wrong one is refused) and opened;
/// without one it is written whole and not opened (report.locked).
[[nodiscard]] Result<OpenReport> restoreStore(FileSystem& fs, std::string_view backup,
                                              const std::string& dir,
                                              const DivisionRegistry& divisions,
                                              const Secret* passphrase = nullptr);

} // namespace nuanxin
