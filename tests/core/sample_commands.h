#pragma once
// A short campaign as store transactions, touching every command type: the acknowledged history
// of the fault-injection suite, and the journals, snapshots and backups of the fuzz seeds.
// Synthetic people only (test_store_support.h): real county codes, computed check characters.
#include <vector>

#include "core/store/store.h"

#include "test_store_support.h"

namespace nuanxin::test {

inline Need sampleNeed(NeedId id, HouseholdId h, Kind kind, std::int64_t quantity) {
    Need n;
    n.id = id;
    n.household = h;
    n.kind = kind;
    n.unit = kind == Kind::Coal ? Unit::Kg : Unit::Piece;
    n.quantity = quantity;
    n.deadline = Date{2024, 12, 20};
    return n;
}

inline Offer sampleOffer(OfferId id, DonorId donor, std::int64_t capacity) {
    Offer o;
    o.id = id;
    o.donor = donor;
    o.kind = Kind::Coal;
    o.unit = Unit::Kg;
    o.capacity = capacity;
    o.unitValueFen = 120;
    o.coverage = {"51", "1301"};
    o.windowStart = Date{2024, 11, 1};
    o.windowEnd = Date{2025, 2, 28};
    o.perHouseholdCap = 500;
    o.title = "过冬煤炭";
    return o;
}

/// @brief Household n of 石家庄市长安区 (130102), one woman born 1948.
inline Household hebeiHousehold(HouseholdId id, int n) {
    Household h = household(id, n, "河北慈善会");
    h.divisionCode = "130102";
    h.address = "河北省石家庄市长安区某某路" + std::to_string(n) + "号";
    h.categories = {Category::Tekun};
    h.members[0].idNumber = idNumber("130102", "19480315", 2 * n);
    h.members[0].birth = Date{1948, 3, 15};
    return h;
}

/// @brief Transactions 1..N of a campaign; each is accepted by a store holding the ones before.
inline std::vector<Submission> sampleCampaign() {
    std::vector<Submission> out;
    auto add = [&out](std::vector<Command> commands) {
        out.push_back(Submission{"张老师", kNow + static_cast<Timestamp>(out.size()) * 60,
                                 std::move(commands)});
    };
    Member child;
    child.name = "王小红";
    child.idNumber = idNumber("510104", "20120305", 22);
    child.birth = Date{2012, 3, 5};
    child.sex = Sex::Female;

    add({cmd::RegisterHousehold{household(1, 1)}, cmd::AddNeed{sampleNeed(1, 1, Kind::Coal, 300)}});
    add({cmd::RegisterHousehold{hebeiHousehold(2, 2)},
         cmd::AddNeed{sampleNeed(2, 2, Kind::Quilt, 2)}});
    add({cmd::AddDonor{Donor{1, "示例基金会", DonorType::Charity, "51", ""}},
         cmd::AddOffer{sampleOffer(1, 1, 5000)}});
    Allocation a;
    a.id = 1;
    a.need = 1;
    a.offer = 1;
    a.quantity = 300;
    add({cmd::ProposeAllocation{a}});
    add({cmd::SetAllocationStatus{1, AllocationStatus::Approved}, cmd::SetAllocationLock{1, true}});
    add({cmd::ChangeSetting{"title", "示例县温暖过冬"},
         cmd::ApprovePlugin{"sichuan", std::string(64, 'a')}});
    // Another organisation registers the same woman with her granddaughter: held, then merged
    // and taken back.
    Household incoming = household(3, 1, "另一慈善会");
    incoming.members.push_back(child);
    add({cmd::HoldDuplicate{1, incoming, 1}, cmd::HoldNeed{1, sampleNeed(3, 0, Kind::Quilt, 1)}});
    add({cmd::MergeHouseholds{1, 1, 0, 1}});
    add({cmd::Unmerge{1}});
    Household moved = household(1, 1);
    moved.address = "四川省成都市锦江区另一街道8号";
    moved.phone = "13900000001";
    add({cmd::UpdateHousehold{moved}});
    Offer bigger = sampleOffer(1, 1, 6000);
    add({cmd::UpdateOffer{bigger}});
    add({cmd::AddMember{2, [] {
             Member m;
             m.name = "李建国";
             m.idNumber = idNumber("130102", "19450101", 3); // odd: male
             m.birth = Date{1945, 1, 1};
             m.sex = Sex::Male;
             return m;
         }()},
         cmd::AddNeed{sampleNeed(4, 2, Kind::Coal, 200)}});
    add({cmd::CloseNeed{4, NeedStatus::Cancelled}});
    return out;
}

} // namespace nuanxin::test
