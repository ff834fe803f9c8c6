#pragma once
// cereal serializers of commands and transactions (journal records; snapshots have their own
// compact form, core/store/snapshot_cereal.h). Included only by .cpp files of core/store and
// core/io (cereal never reaches public headers). Same conventions as
// core/serial/model_cereal.h: names on disk, class versions, errors with a path.
#include "core/serial/model_cereal.h"
#include "core/store/command.h"
#include "core/store/state.h"

CEREAL_CLASS_VERSION(nuanxin::Transaction, 1)

namespace nuanxin {

// ---- the lifecycle records, in the journal's self-describing form ----

/// A work reference as {"type": "allocation" | "task", "id": n}; another type name is refused.
template <class Ar> void serialize(Ar& ar, WorkRef& w) {
    std::string type = w.isTask() ? "task" : "allocation";
    serial::io(ar, "type", type);
    if constexpr (serial::kLoading<Ar>) {
        if (type != "task" && type != "allocation") {
            throw serial::LoadError("type", type, Str::SerialUnknownName, "work");
        }
        w.type = type == "task" ? WorkRef::Type::Task : WorkRef::Type::Allocation;
    }
    serial::io(ar, "id", w.id);
}
template <class Ar> void serialize(Ar& ar, Approval& a) {
    serial::io(ar, "user", a.user);
    serial::io(ar, "tier_held", a.tierHeld);
    serial::io(ar, "when", a.when);
}
template <class Ar> void serialize(Ar& ar, Delivery& d) {
    serial::io(ar, "when", d.when);
    serial::io(ar, "volunteer", d.volunteer);
    serial::io(ar, "note", d.note);
    serial::io(ar, "photo", d.photo);
}
template <class Ar> void serialize(Ar& ar, Progress& p) {
    serial::io(ar, "required_tier", p.requiredTier);
    serial::io(ar, "approvers_needed", p.approversNeeded);
    serial::io(ar, "approvals", p.approvals);
    serial::io(ar, "approved", p.approved);
    serial::io(ar, "advance", p.advance);
    serial::io(ar, "volunteer", p.volunteer);
    serial::io(ar, "assigned", p.assigned);
    serial::io(ar, "delivered", p.delivered);
    serial::io(ar, "delivery", p.delivery);
    serial::io(ar, "confirmed", p.confirmed);
    serial::io(ar, "confirmed_by", p.confirmedBy);
    serial::io(ar, "reason", p.reason);
}
template <class Ar> void serialize(Ar& ar, Task& t) {
    serial::io(ar, "id", t.id);
    serial::io(ar, "household", t.household);
    serial::io(ar, "division_code", t.divisionCode);
    serial::io(ar, "kind", t.kind);
    serial::io(ar, "unit", t.unit);
    serial::io(ar, "quantity", t.quantity);
    serial::io(ar, "deadline", t.deadline);
    serial::io(ar, "plugin", t.plugin);
    serial::io(ar, "code", t.code);
    serial::io(ar, "text", t.text);
    serial::io(ar, "status", t.status);
    serial::io(ar, "progress", t.progress);
}
template <class Ar> void serialize(Ar& ar, UserRole& r) {
    serial::io(ar, "approver_tier", r.approverTier);
    serial::io(ar, "volunteer", r.volunteer);
}

namespace cmd {
template <class Ar> void serialize(Ar& ar, RegisterHousehold& c) {
    serial::io(ar, "household", c.household);
}
template <class Ar> void serialize(Ar& ar, AddMember& c) {
    serial::io(ar, "household", c.household);
    serial::io(ar, "member", c.member);
}
template <class Ar> void serialize(Ar& ar, AddNeed& c) {
    serial::io(ar, "need", c.need);
}
template <class Ar> void serialize(Ar& ar, CloseNeed& c) {
    serial::io(ar, "need", c.need);
    serial::io(ar, "status", c.status);
}
template <class Ar> void serialize(Ar& ar, AddDonor& c) {
    serial::io(ar, "donor", c.donor);
}
template <class Ar> void serialize(Ar& ar, AddOffer& c) {
    serial::io(ar, "offer", c.offer);
}
template <class Ar> void serialize(Ar& ar, ProposeAllocation& c) {
    serial::io(ar, "allocation", c.allocation);
}
template <class Ar> void serialize(Ar& ar, SetAllocationStatus& c) {
    serial::io(ar, "allocation", c.allocation);
    serial::io(ar, "status", c.status);
}
template <class Ar> void serialize(Ar& ar, HoldDuplicate& c) {
    serial::io(ar, "id", c.id);
    serial::io(ar, "incoming", c.incoming);
    serial::io(ar, "existing", c.existing);
}
template <class Ar> void serialize(Ar& ar, HoldNeed& c) {
    serial::io(ar, "pending", c.pending);
    serial::io(ar, "need", c.need);
}
template <class Ar> void serialize(Ar& ar, MergeHouseholds& c) {
    serial::io(ar, "merge", c.mergeId);
    serial::io(ar, "keep", c.keep);
    serial::io(ar, "drop", c.drop);
    serial::io(ar, "pending", c.pending);
}
template <class Ar> void serialize(Ar& ar, Unmerge& c) {
    serial::io(ar, "merge", c.mergeId);
}
template <class Ar> void serialize(Ar& ar, ApprovePlugin& c) {
    serial::io(ar, "plugin", c.pluginId);
    serial::io(ar, "sha256", c.sha256);
}
template <class Ar> void serialize(Ar& ar, ChangeSetting& c) {
    serial::io(ar, "key", c.key);
    serial::io(ar, "value", c.value);
}
template <class Ar> void serialize(Ar& ar, UpdateHousehold& c) {
    serial::io(ar, "household", c.household);
}
template <class Ar> void serialize(Ar& ar, UpdateOffer& c) {
    serial::io(ar, "offer", c.offer);
}
template <class Ar> void serialize(Ar& ar, SetAllocationLock& c) {
    serial::io(ar, "allocation", c.allocation);
    serial::io(ar, "locked", c.locked);
}
template <class Ar> void serialize(Ar& ar, RegisterVolunteer& c) {
    serial::io(ar, "volunteer", c.volunteer);
}
template <class Ar> void serialize(Ar& ar, UpdateVolunteer& c) {
    serial::io(ar, "volunteer", c.volunteer);
}
template <class Ar> void serialize(Ar& ar, SetUserRole& c) {
    serial::io(ar, "user", c.user);
    serial::io(ar, "role", c.role);
}
template <class Ar> void serialize(Ar& ar, ApproveAllocation& c) {
    serial::io(ar, "allocation", c.allocation);
    serial::io(ar, "approver", c.approver);
    serial::io(ar, "required_tier", c.requiredTier);
    serial::io(ar, "approvers_needed", c.approversNeeded);
    serial::io(ar, "when", c.when);
}
template <class Ar> void serialize(Ar& ar, AddTask& c) {
    serial::io(ar, "task", c.task);
}
template <class Ar> void serialize(Ar& ar, AssignWork& c) {
    serial::io(ar, "work", c.work);
    serial::io(ar, "volunteer", c.volunteer);
    serial::io(ar, "reason", c.reason);
    serial::io(ar, "advance", c.advance);
    serial::io(ar, "required_tier", c.requiredTier);
    serial::io(ar, "approvers_needed", c.approversNeeded);
    serial::io(ar, "when", c.when);
}
template <class Ar> void serialize(Ar& ar, RecordDelivery& c) {
    serial::io(ar, "work", c.work);
    serial::io(ar, "delivery", c.delivery);
}
template <class Ar> void serialize(Ar& ar, ConfirmWork& c) {
    serial::io(ar, "work", c.work);
    serial::io(ar, "user", c.user);
    serial::io(ar, "when", c.when);
}
template <class Ar> void serialize(Ar& ar, EndWork& c) {
    serial::io(ar, "work", c.work);
    serial::io(ar, "status", c.status);
    serial::io(ar, "reason", c.reason);
}
} // namespace cmd

namespace serial {

/// @brief A command as its stable type name, then its fields (an unknown name is refused).
struct CommandBox {
    Command* command = nullptr;

    template <class Ar> void save(Ar& ar) const {
        std::string type = commandName(*command);
        io(ar, "type", type);
        std::visit([&](auto& c) { io(ar, "fields", c); }, *command);
    }
    template <class Ar> void load(Ar& ar) {
        std::string type;
        io(ar, "type", type);
        if (!loadAs<0>(ar, type)) throw LoadError("type", type, Str::SerialUnknownName, "command");
    }

private:
    template <std::size_t I, class Ar> bool loadAs(Ar& ar, const std::string& type) {
        if constexpr (I < std::variant_size_v<Command>) {
            Command probe{std::in_place_index<I>};
            if (type != commandName(probe)) return loadAs<I + 1>(ar, type);
            io(ar, "fields", std::get<I>(probe));
            *command = std::move(probe);
            return true;
        } else {
            return false;
        }
    }
};

template <class Ar> void commands(Ar& ar, const char* name, std::vector<Command>& list) {
    cereal::size_type n = list.size();
    ar(cereal::make_size_tag(n));
    if constexpr (kLoading<Ar>) {
        checkCount(n);
        list.assign(static_cast<std::size_t>(n), Command{});
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        try {
            CommandBox box{&list[i]};
            raw(ar, nullptr, box);
        } catch (LoadError& e) {
            prependPath(e.path, std::string(name) + "[" + std::to_string(i) + "]");
            throw;
        }
    }
}

} // namespace serial

template <class Ar> void serialize(Ar& ar, Transaction& t, const std::uint32_t version) {
    serial::checkVersion(version, 1);
    serial::io(ar, "sequence", t.sequence);
    serial::io(ar, "who", t.who);
    serial::io(ar, "when", t.when);
    serial::commands(ar, "commands", t.commands);
}

} // namespace nuanxin
