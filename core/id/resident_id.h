#pragma once
#include <string>
#include <string_view>

#include "core/geo/divisions.h"
#include "core/model/catalogue.h"
#include "core/util/date.h"
#include "core/util/error.h"

namespace nuanxin {

/// @brief A parsed GB 11643-1999 resident ID number (公民身份号码).
struct ResidentId {
    std::string number;       ///< the 18 characters, check character upper-case
    std::string divisionCode; ///< first 6 digits: where the number was issued
    Date birth;
    int sequence = 0;         ///< 3-digit order code; odd for men, even for women
    Sex sex = Sex::Female;
    /// @brief The county code is not in the current list but its city is: a number issued under
    /// a county since abolished or renumbered (still valid for its holder).
    bool legacyDivision = false;

    /// @brief Age in whole years on the given day.
    [[nodiscard]] int ageOn(const Date& day) const { return birth.yearsUntil(day); }
    /// @brief The number with all but the first 4 and last 4 characters hidden.
    [[nodiscard]] std::string masked() const;
};

/// @brief The check character for the first 17 digits (ISO 7064 MOD 11-2): '0'..'9' or 'X'.
/// @pre `first17` holds exactly 17 ASCII digits.
[[nodiscard]] char residentIdCheckChar(std::string_view first17);

/// @brief Validates and parses an ID number. Refuses, with the reason: wrong length, non-digits,
/// a wrong check character, an impossible or future birth date (after `today`), or a division
/// code under no known city (a code of a since-abolished county inside a known city is accepted
/// and flagged legacyDivision).
/// A lower-case 'x' is accepted and stored upper-case.
[[nodiscard]] Result<ResidentId> parseResidentId(std::string_view text,
                                                 const DivisionRegistry& divisions,
                                                 const Date& today);

/// @brief Masks any ID-like string the same way (first 4, last 4), whatever its validity,
/// so that invalid numbers shown in error messages are not leaked either.
[[nodiscard]] std::string maskIdNumber(std::string_view text);

} // namespace nuanxin
