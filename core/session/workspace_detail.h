#pragma once
// Internal to core/session: what the workspace's files share.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/match/job.h"
#include "core/match/policy.h"
#include "core/plugin/plugin_policy.h"
#include "core/session/workspace.h"

namespace nuanxin {

/// The run in progress, with the policy it reads (kept alive as long as the job) and the
/// allocations in force when it started (the outcome's "before").
struct Workspace::MatchJobState {
    NationalDefaultPolicy root;
    std::unique_ptr<PluginPolicy> policy;
    std::vector<Allocation> before;
    std::unique_ptr<MatchJob> job;
    bool saving = false; ///< the job has finished: the next step journals what it found
};

namespace session_detail {

/// A revision number no workspace of this process has used: a screen that caches by revision
/// then also notices a switch to another store (whose own count would start over).
[[nodiscard]] std::uint64_t nextRevision();

/// The items once each, in ascending order (a second change of the same allocation in one
/// transaction would be refused as a transition from the new status). Sorting keeps a
/// selection of a whole province's proposals at n log n.
template <class T> std::vector<T> once(std::vector<T> items) {
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
    return items;
}

/// One journal command as the audit screen needs it: its stable name and the ids it touches
/// (never personal data); what a, b, c and value mean depends on `type`
/// (workspace_history.cpp).
struct HistoryRef {
    const char* name = "";
    std::uint8_t type = 0;
    std::uint64_t a = 0, b = 0, c = 0;
    std::int64_t value = 0;
};

struct HistoryRecord {
    std::uint64_t sequence = 0;
    std::string who;
    Timestamp when = 0;
    std::vector<HistoryRef> refs;
    std::vector<std::string> texts; ///< setting keys, plugin ids, user names and reasons refs point at
};

/// The journal decoded once, then extended by the records written since.
struct HistoryData {
    std::vector<HistoryRecord> records;
    std::uint64_t offset = kJournalHeaderSize;
    std::uint64_t nextSequence = 1;
    /// The last answer, for a screen that asks every frame.
    bool answered = false;
    HistoryFilter filter;
    std::uint64_t sequence = 0;
    Lang lang = Lang::Zh; ///< of the answer's described lines
    std::vector<HistoryEntry> answer;
};

/// @brief An allocation that still counts: not rejected or cancelled (proposals included).
[[nodiscard]] inline bool inForce(const Allocation& a) {
    return a.status != AllocationStatus::Rejected && a.status != AllocationStatus::Cancelled;
}

/// @brief Whether a need may still be given something.
[[nodiscard]] inline bool isOpen(const Need& n) {
    return n.status == NeedStatus::Open || n.status == NeedStatus::PartlyMet;
}

} // namespace session_detail

struct Workspace::HistoryCache : session_detail::HistoryData {};

} // namespace nuanxin
