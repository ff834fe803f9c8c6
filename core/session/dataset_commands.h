#pragma once
// A whole data set (the demo, a JSON file) as the store commands that register it.
#include <vector>

#include "core/model/types.h"
#include "core/store/command.h"
#include "core/store/state.h"

namespace nuanxin {

/// @brief The commands registering `data` into a store whose next free ids are `next`:
/// households with their members, needs, donors, offers, then allocations (proposed, then moved
/// along the allowed status changes to their status). A kind's ids are kept when they are all
/// positive, distinct and free; otherwise that kind is numbered from `next` in data order and
/// every reference follows (a reference to a record not in `data` becomes 0, which the store
/// refuses with a clear error instead of linking to a stranger). Volunteers are registered too
/// (after the offers, numbered the same way).
[[nodiscard]] std::vector<Command> datasetCommands(const Dataset& data, const IdCounters& next);

} // namespace nuanxin
