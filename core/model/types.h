#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/model/catalogue.h"
#include "core/util/date.h"

namespace nuanxin {

/// Identifiers are positive integers unique within their kind of record in one data set;
/// 0 means "none". Integers (not strings) keep sorting, hashing and files simple and portable.
using HouseholdId = std::uint64_t;
using NeedId = std::uint64_t;
using DonorId = std::uint64_t;
using OfferId = std::uint64_t;
using AllocationId = std::uint64_t;
using VolunteerId = std::uint64_t;

/// @brief A member of a household. The ID number is personal data: validate, mask for display.
struct Member {
    std::string name;
    std::string idNumber; ///< GB 11643 resident ID number (18 characters)
    Date birth;           ///< must agree with the ID number
    Sex sex = Sex::Female;
    AttributeSet attributes;
};

/// @brief A household registered as needing help (one household, one record).
struct Household {
    HouseholdId id = 0;
    std::string divisionCode; ///< 6-digit county code where the household lives
    std::string address;      ///< personal data
    std::string phone;        ///< personal data: mobile (11 digits) or landline with area code
    CategorySet categories;
    bool consentToShare = false; ///< agreed that charities may see its data to help it
    std::vector<Member> members;
    Date registered;             ///< when it was registered (tie rule: earlier first)
    std::string registeredBy;    ///< the registering organisation's name
};

/// @brief Something a household needs: one kind, an integer quantity in the kind's unit.
struct Need {
    NeedId id = 0;
    HouseholdId household = 0;
    Kind kind = Kind::Coal;
    std::int64_t quantity = 0;
    Unit unit = Unit::Kg;
    Urgency urgency = Urgency::Normal;
    Date deadline;
    NeedStatus status = NeedStatus::Open;
    std::string note;
};

/// @brief Who gives: a charity, an enterprise, a person or a government programme.
struct Donor {
    DonorId id = 0;
    std::string name;
    DonorType type = DonorType::Charity;
    std::string divisionCode; ///< where the donor is based (any level)
    std::string phone;        ///< contact, personal data when the donor is a person
};

/// @brief What a donor offers: a capacity of one kind, where, to whom and when.
struct Offer {
    OfferId id = 0;
    DonorId donor = 0;
    Kind kind = Kind::Coal;
    Unit unit = Unit::Kg;
    std::int64_t capacity = 0;        ///< in units
    std::int64_t unitValueFen = 0;    ///< value of one unit in fen (0.01 yuan), for reports
    std::vector<std::string> coverage; ///< division codes (2, 4 or 6 digits); a household inside any is covered
    CategorySet targetGroups;          ///< empty: every category
    Date windowStart;
    Date windowEnd;
    std::int64_t perHouseholdCap = 0;  ///< 0: no cap
    OfferStatus status = OfferStatus::Open;
    std::string title;
};

/// @brief One reason behind a decision: a translation key and language-neutral facts.
struct Reason {
    Str code = Str::ErrInvalid;
    std::string detail;
};

/// @brief A quantity of an offer given to a need.
struct Allocation {
    AllocationId id = 0;
    NeedId need = 0;
    OfferId offer = 0;
    std::int64_t quantity = 0;
    AllocationStatus status = AllocationStatus::Proposed;
    bool locked = false; ///< kept as it is by the next matching run
    std::vector<Reason> reasons;
};

/// @brief A person who delivers goods and makes visits.
struct Volunteer {
    VolunteerId id = 0;
    std::string name;
    std::string phone;        ///< personal data
    std::string divisionCode; ///< where they work (any level)
    std::vector<Kind> kinds;  ///< what they can carry out; empty: anything
    bool active = true;
};

/// @brief Everything of one campaign, as a plain value.
struct Dataset {
    std::string title;
    Date asOf; ///< the campaign's reference date (ages, windows)
    std::vector<Household> households;
    std::vector<Need> needs;
    std::vector<Donor> donors;
    std::vector<Offer> offers;
    std::vector<Allocation> allocations;
    std::vector<Volunteer> volunteers;
};

} // namespace nuanxin
