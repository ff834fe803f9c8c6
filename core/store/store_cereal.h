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
