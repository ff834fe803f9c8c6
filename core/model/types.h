#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/model/catalogue.h"
#include "core/model/reason_list.h"
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
using TaskId = std::uint64_t;

/// @brief Seconds since 1970-01-01 UTC, always given by the caller (the core never reads the
/// clock, so a journal replays the same way anywhere).
using Timestamp = std::int64_t;

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


/// @brief A quantity of an offer given to a need.
struct Allocation {
    AllocationId id = 0;
    NeedId need = 0;
    OfferId offer = 0;
    std::int64_t quantity = 0;
    AllocationStatus status = AllocationStatus::Proposed;
    bool locked = false; ///< kept as it is by the next matching run
    ReasonList reasons;
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

/// @brief One approver's decision on an allocation (分级审批).
struct Approval {
    std::string user;
    int tierHeld = 0; ///< the approver tier the user held when approving (0..4)
    Timestamp when = 0;
};

/// @brief A delivery or a task done at the door, as the volunteer reports it.
struct Delivery {
    Timestamp when = 0; ///< when it was handed over (may be before it was recorded: offline)
    VolunteerId volunteer = 0;
    std::string note;
    /// A reference to a photo kept elsewhere (a file name or a hash), never the picture itself:
    /// the store holds no images. Letters, digits and ".-_:" only, at most 128 characters.
    std::string photo;
};

/// @brief What happened to an allocation or a task after it was made: approvals, the volunteer,
/// the delivery, the confirmation and the last reason given. Its status is the record's own
/// (Allocation::status, Task::status); this is the detail behind it.
struct Progress {
    /// The approval tier the region's plugin named for the amount, as recorded with the first
    /// approval (or with an assignment before approval); -1: not asked yet.
    int requiredTier = -1;
    int approversNeeded = 0; ///< distinct approvers that tier needs (see approversNeededFor)
    std::vector<Approval> approvals;
    bool approved = false; ///< enough approvals at the tier (tasks: always true)
    /// 先行救助: assigned (and maybe delivered) before it was approved, as the region allows for
    /// the amount; the approval must still follow and the reports show it.
    bool advance = false;
    VolunteerId volunteer = 0; ///< assigned to (0: nobody)
    Timestamp assigned = 0;
    bool delivered = false;
    Delivery delivery;
    Timestamp confirmed = 0;
    std::string confirmedBy;
    std::string reason; ///< why it was last rejected, cancelled or reassigned
};

/// @brief A job a region's plugin derives by itself (a home visit for a household, snow clearing
/// at a county's civil-affairs institutions): no donor, no approval, the same life as a delivery
/// from assignment on (assigned → delivered (done) → confirmed; cancelled with a reason).
struct Task {
    TaskId id = 0;
    HouseholdId household = 0; ///< 0: an institution task of the county
    std::string divisionCode;  ///< 6-digit county
    Kind kind = Kind::HomeVisit;
    Unit unit = Unit::Visit;
    std::int64_t quantity = 1;
    Date deadline;
    std::string plugin;      ///< id of the plugin whose rule derived it
    std::int32_t code = 0;   ///< that rule's code
    std::string text;        ///< the rule's text, in the language of the day it was derived
    AllocationStatus status = AllocationStatus::Approved; ///< starts ready to assign
    Progress progress;
};

/// @brief An allocation or a task: one thing a volunteer carries out.
struct WorkRef {
    enum class Type : std::uint8_t { Allocation = 0, Task = 1 };
    Type type = Type::Allocation;
    std::uint64_t id = 0;

    [[nodiscard]] static WorkRef allocation(AllocationId id) { return {Type::Allocation, id}; }
    [[nodiscard]] static WorkRef task(TaskId id) { return {Type::Task, id}; }
    [[nodiscard]] bool isTask() const { return type == Type::Task; }
    friend bool operator==(const WorkRef& a, const WorkRef& b) {
        return a.type == b.type && a.id == b.id;
    }
    friend bool operator!=(const WorkRef& a, const WorkRef& b) { return !(a == b); }
    friend bool operator<(const WorkRef& a, const WorkRef& b) {
        return a.type != b.type ? a.type < b.type : a.id < b.id;
    }
};

/// @brief What a user of the store may do beyond ordinary staff work.
struct UserRole {
    int approverTier = 0;      ///< 0 none, 1 charity staff, 2 township, 3 county bureau, 4 higher
    VolunteerId volunteer = 0; ///< the volunteer this user is (0: not a volunteer)
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
