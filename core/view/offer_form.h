#pragma once
// The add and edit forms of the donors and offers screen as plain values (see household_form.h
// for the pattern): a draft of what was typed, read into a record with each problem named by
// its field.
#include <string>
#include <vector>

#include "core/geo/divisions.h"
#include "core/model/types.h"
#include "core/view/household_form.h"

namespace nuanxin {

struct OfferDraft {
    OfferId id = 0; ///< 0: a new offer
    DonorId donor = 0;
    Kind kind = Kind::Coal;
    std::string capacity;
    std::string unitValueYuan; ///< yuan with at most two decimals ("12.5"); empty: 0
    /// Division codes separated by commas, spaces or the Chinese comma/enumeration comma.
    std::string coverage;
    CategorySet targetGroups;
    std::string windowStart; ///< YYYY-MM-DD
    std::string windowEnd;
    std::string perHouseholdCap; ///< empty: no cap
    OfferStatus status = OfferStatus::Open;
    std::string title;
};

/// @brief A new offer's draft: open, its window from `today` for `days` days.
[[nodiscard]] OfferDraft newOfferDraft(const Date& today, int days);
[[nodiscard]] OfferDraft editOfferDraft(const Offer& o);
/// @brief The coverage text split into codes, in the order typed (empty pieces dropped).
[[nodiscard]] std::vector<std::string> splitCodes(const std::string& text);
/// @brief Reads an amount of yuan ("12", "12.5", "12.50") into fen; errors name `field`.
[[nodiscard]] bool readYuan(const std::string& text, const std::string& field, std::int64_t& fen,
                            FieldErrors& errors);
/// @brief Reads an offer draft and checks it with validate(). A new offer gets placeholder
/// id 1; editing keeps what UpdateOffer cannot change (donor, kind, unit, value) from
/// `original`. Nothing is stored.
[[nodiscard]] FormResult<Offer> readOfferDraft(const OfferDraft& draft, const Offer* original,
                                               const DivisionRegistry& divisions);

struct DonorDraft {
    std::string name;
    DonorType type = DonorType::Charity;
    std::string divisionCode;
    std::string phone;
};

/// @brief Reads a donor draft and checks it with validate(); placeholder id 1.
[[nodiscard]] FormResult<Donor> readDonorDraft(const DonorDraft& draft,
                                               const DivisionRegistry& divisions);

} // namespace nuanxin
