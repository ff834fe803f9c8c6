#pragma once
// Small texts the households and offers screens show, made in one place: short category labels
// for narrow table cells, lists of labels, a decision's reason, a journal time, a count with
// thousands separators, and a translated text with its "{}" filled in.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/i18n/tr.h"
#include "core/model/types.h"
#include "core/store/command.h"

namespace nuanxin {

/// @brief A short label of a category for table cells ("低保", "Dibao").
[[nodiscard]] Str shortLabel(Category category);
/// @brief The categories' short (or full) labels joined: "低保、特困" / "Dibao, Tekun".
[[nodiscard]] std::string categoryList(CategorySet categories, Lang lang, bool shortLabels);
[[nodiscard]] std::string attributeList(AttributeSet attributes, Lang lang);
/// @brief A reason behind a decision in words: its text with the detail in place of "{}" (or
/// in brackets after it).
[[nodiscard]] std::string reasonText(const Reason& reason, Lang lang);
/// @brief "2026-12-01 08:30" (UTC) for a journal time.
[[nodiscard]] std::string timeText(Timestamp when);
/// @brief "1,234,567".
[[nodiscard]] std::string groupedNumber(std::int64_t value);
/// @brief The text of `key` with its first "{}" replaced by `value`.
[[nodiscard]] std::string trFill(Str key, Lang lang, std::string_view value);

} // namespace nuanxin
