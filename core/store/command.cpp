#include "core/store/command.h"

namespace nuanxin {
namespace {

struct Namer {
    const char* operator()(const cmd::RegisterHousehold&) const { return "register_household"; }
    const char* operator()(const cmd::AddMember&) const { return "add_member"; }
    const char* operator()(const cmd::AddNeed&) const { return "add_need"; }
    const char* operator()(const cmd::CloseNeed&) const { return "close_need"; }
    const char* operator()(const cmd::AddDonor&) const { return "add_donor"; }
    const char* operator()(const cmd::AddOffer&) const { return "add_offer"; }
    const char* operator()(const cmd::ProposeAllocation&) const { return "propose_allocation"; }
    const char* operator()(const cmd::SetAllocationStatus&) const {
        return "set_allocation_status";
    }
    const char* operator()(const cmd::HoldDuplicate&) const { return "hold_duplicate"; }
    const char* operator()(const cmd::HoldNeed&) const { return "hold_need"; }
    const char* operator()(const cmd::MergeHouseholds&) const { return "merge_households"; }
    const char* operator()(const cmd::Unmerge&) const { return "unmerge"; }
    const char* operator()(const cmd::ApprovePlugin&) const { return "approve_plugin"; }
    const char* operator()(const cmd::ChangeSetting&) const { return "change_setting"; }
    const char* operator()(const cmd::UpdateHousehold&) const { return "update_household"; }
    const char* operator()(const cmd::UpdateOffer&) const { return "update_offer"; }
    const char* operator()(const cmd::SetAllocationLock&) const { return "set_allocation_lock"; }
    const char* operator()(const cmd::RegisterVolunteer&) const { return "register_volunteer"; }
    const char* operator()(const cmd::UpdateVolunteer&) const { return "update_volunteer"; }
    const char* operator()(const cmd::SetUserRole&) const { return "set_user_role"; }
    const char* operator()(const cmd::ApproveAllocation&) const { return "approve_allocation"; }
    const char* operator()(const cmd::AddTask&) const { return "add_task"; }
    const char* operator()(const cmd::AssignWork&) const { return "assign_work"; }
    const char* operator()(const cmd::RecordDelivery&) const { return "record_delivery"; }
    const char* operator()(const cmd::ConfirmWork&) const { return "confirm_work"; }
    const char* operator()(const cmd::EndWork&) const { return "end_work"; }
};

} // namespace

const char* commandName(const Command& c) {
    return std::visit(Namer{}, c);
}

} // namespace nuanxin
