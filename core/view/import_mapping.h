#pragma once
// What the import screen decides about a CSV file before it imports it: which kind of records
// the file holds (guessed from its headers), the user's column choices turned into the
// HeaderMap that both the preview and the import read, and the words shown for each field.
// No ImGui here: tested in tests/core/test_view_import.cpp.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/import.h"

namespace nuanxin {

/// @brief A user's choice for one column: the field it feeds, or "" to ignore the column.
struct HeaderChoice {
    std::string header; ///< as the file writes it (the preview's header text)
    std::string field;
};

/// @brief How well a file's headers fit a target under that target's default header names.
struct TargetFit {
    ImportTarget target = ImportTarget::Households;
    std::size_t recognised = 0;      ///< distinct fields some header maps to
    std::size_t missingRequired = 0; ///< required fields no header maps to
};

/// @brief The three targets in the order the screen offers them.
inline constexpr ImportTarget kImportTargets[] = {ImportTarget::Households, ImportTarget::Offers,
                                                  ImportTarget::Donors};

[[nodiscard]] TargetFit targetFit(const std::vector<std::string>& headers, ImportTarget target);

/// @brief The target the headers most likely describe: the one recognising the most distinct
/// fields, then the one missing the fewest required fields, then households, offers, donors.
/// Counting recognised fields first matters: an office's own households layout ("户主姓名",
/// "证件号码", "所属区划" ...) misses two required fields as households but only one as donors.
[[nodiscard]] ImportTarget guessImportTarget(const std::vector<std::string>& headers);

/// @brief The target's default header names with the user's choices laid over them.
[[nodiscard]] HeaderMap headerMapWith(ImportTarget target, const std::vector<HeaderChoice>& choices);

/// @brief The field a header feeds under `target` and `choices` ("" when ignored or unknown).
[[nodiscard]] std::string chosenField(ImportTarget target, const std::vector<HeaderChoice>& choices,
                                      const std::string& header);

/// @brief Records that `header` feeds `field` ("" = ignore), replacing an earlier choice for the
/// same header; a choice equal to what the defaults already say is dropped, so the list only
/// holds what the user changed.
void chooseField(std::vector<HeaderChoice>& choices, ImportTarget target, const std::string& header,
                 const std::string& field);

/// @brief Fields that more than one column feeds, in the order of their first column. The
/// importer reads the first such column only, so the screen warns about the others.
[[nodiscard]] std::vector<std::string> fieldsMappedTwice(const std::vector<std::string>& fields);

/// @brief The translation key naming a field of `target` ("id_number" → 身份证号 / ID number);
/// ErrInvalid for a name the importers do not know.
[[nodiscard]] Str importFieldLabel(ImportTarget target, const std::string& field);

/// @brief "身份证号 (id_number)": the field's words and its name as the CLI's --map writes it;
/// "" reads "ignore this column".
[[nodiscard]] std::string importFieldText(ImportTarget target, const std::string& field, Lang lang);

/// @brief The translation key naming a target (困难家庭 / 捐赠供给 / 捐赠方).
[[nodiscard]] Str importTargetLabel(ImportTarget target);

/// @brief The reason of a refused row in `lang`, with its detail where the text takes one.
[[nodiscard]] std::string rejectReasonText(const RejectedRow& row, Lang lang);

} // namespace nuanxin
