#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nuanxin {

/// @brief The user's language. Chinese comes first; English is the switch.
enum class Lang : unsigned char { Zh, En };

/// @brief Every user-visible text, one key each; the texts live in strings.inc only.
enum class Str : unsigned short {
#define NX_STR(key, zh, en) key,
#include "core/i18n/strings.inc"
#undef NX_STR
    Count_
};

/// @brief The text of `key` in `lang` (UTF-8, static storage).
[[nodiscard]] const char* tr(Str key, Lang lang);
/// @brief The key's identifier as written in strings.inc (stable; used in files and tests).
[[nodiscard]] const char* keyName(Str key);
/// @brief Inverse of keyName().
[[nodiscard]] std::optional<Str> keyFromName(std::string_view name);
/// @brief `text` with each "{}" replaced by the next of `values` in turn (extra slots stay
/// empty): a translated sentence puts its numbers and names in its own word order.
[[nodiscard]] std::string fillSlots(std::string_view text, const std::vector<std::string>& values);
/// @brief "zh" / "en" to a language; nullopt for anything else.
[[nodiscard]] std::optional<Lang> parseLang(std::string_view code);

} // namespace nuanxin
