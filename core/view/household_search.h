#pragma once
// What a search box's text means, for the households and the offers tables alike, and the small
// readings of typed text the forms share.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nuanxin {

/// @brief Trims ASCII white space at both ends.
[[nodiscard]] std::string_view trimAscii(std::string_view text);
/// @brief The text without spaces and tabs (phone numbers are stored without them).
[[nodiscard]] std::string withoutSpaces(std::string_view text);
/// @brief The number written in `text` when it is 1 to 19 ASCII digits, else nullopt.
[[nodiscard]] std::optional<std::uint64_t> digitsValue(std::string_view text);

/// @brief A search box's text, read once per change:
/// - all digits: a record id (exact); four digits are also the end of an ID number;
/// - three digits and an X (either case): the end of an ID number only;
/// - anything else: part of a name (or title), byte for byte.
/// A full ID number is never a search term: the box must not become a way to probe who is
/// registered, and the end of the number is what people read out on the phone.
struct SearchTerm {
    bool any = true;                ///< empty text: everything matches
    std::optional<std::uint64_t> id;
    std::string idSuffix;           ///< four characters, 'x' as 'X'; empty: none
    std::string text;               ///< trimmed; empty when the text is an id or a suffix

    [[nodiscard]] static SearchTerm parse(std::string_view text);
    /// @brief True when an ID number ends with idSuffix ('x' counts as 'X').
    [[nodiscard]] bool matchesIdNumber(std::string_view idNumber) const;
};

} // namespace nuanxin
