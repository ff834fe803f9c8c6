#pragma once
#include <string>
#include <string_view>

namespace nuanxin {

/// @brief Mainland phone numbers: mobile "1[3-9]" + 9 digits, or a landline "0" + 2-3 digit
/// area code, optional '-', then 7-8 digits. Spaces are not accepted (store them normalised).
[[nodiscard]] bool isValidPhone(std::string_view phone);
/// @brief "138****5678" for a mobile; landlines keep the area code and the last 2 digits.
[[nodiscard]] std::string maskPhone(std::string_view phone);
/// @brief Keeps the first `keep` UTF-8 characters of an address and replaces the rest by "***".
/// A short address keeps at most half of its characters, so something is always hidden.
[[nodiscard]] std::string maskAddress(std::string_view address, std::size_t keep = 6);
/// @brief Keeps the family name (first UTF-8 character) and hides the rest: "张*" / "欧阳**".
[[nodiscard]] std::string maskName(std::string_view name);
/// @brief Number of UTF-8 code points; invalid bytes count as one each.
[[nodiscard]] std::size_t utf8Length(std::string_view text);
/// @brief Keeps the first `front` and last `back` UTF-8 characters and writes one '*' for each
/// character between. When the text is not longer than front + back, each end shrinks to a
/// quarter of the length, so a short value is never shown whole.
[[nodiscard]] std::string maskMiddle(std::string_view text, std::size_t front, std::size_t back);

} // namespace nuanxin
