// The audit screen's history: the journal read through the store, each command as its stable
// name and the ids it touches (never names, ID numbers, phones or addresses), newest first;
// the lines themselves are made in history_lines.h.
#include <string>

#include "core/session/history_lines.h"

namespace nuanxin {
namespace {

using session_detail::HistoryRecord;
using Ref = session_detail::HistoryRef;
using namespace session_detail; // RefType names (history_lines.h)

/// Whether a command touches what the filter names (every id the filter sets must match).
/// Relations are read as they are now (need → household, allocation → need and offer, task →
/// household).
class Matcher {
public:
    Matcher(const State& state, const HistoryFilter& f) : m_state(state), m_f(f) {}

    [[nodiscard]] bool all() const {
        return m_f.household == 0 && m_f.allocation == 0 && m_f.offer == 0 && m_f.task == 0 &&
               m_f.volunteer == 0;
    }

    [[nodiscard]] bool operator()(const Ref& r) const {
        return (m_f.household == 0 || household(r)) && (m_f.allocation == 0 || allocation(r)) &&
               (m_f.offer == 0 || offer(r)) && (m_f.task == 0 || task(r)) &&
               (m_f.volunteer == 0 || volunteer(r));
    }

private:
    HouseholdId householdOfNeed(NeedId id) const {
        const Need* n = m_state.need(id);
        return n ? n->household : 0;
    }
    /// The allocation a ref is about (null for other refs and for tasks).
    const Allocation* allocationOf(const Ref& r) const {
        switch (static_cast<RefType>(r.type)) {
        case kStatus:
        case kLock:
        case kApprove:
            return m_state.allocation(r.a);
        default:
            return isWorkRef(r) && !isTaskRef(r) ? m_state.allocation(r.a) : nullptr;
        }
    }

    bool household(const Ref& r) const {
        const HouseholdId h = m_f.household;
        switch (static_cast<RefType>(r.type)) {
        case kRegister:
        case kAddMember:
        case kUpdateHousehold:
            return r.a == h;
        case kAddNeed:
        case kHold:
        case kAddTask:
            return r.b == h;
        case kCloseNeed:
            return householdOfNeed(r.a) == h;
        case kMerge:
            return r.b == h || r.c == h;
        case kPropose:
        case kProposeLocked:
            return householdOfNeed(r.b) == h;
        default:
            break;
        }
        if (isTaskRef(r)) {
            const Task* t = m_state.task(r.a);
            return t && t->household == h;
        }
        const Allocation* a = allocationOf(r);
        return a && householdOfNeed(a->need) == h;
    }
    bool allocation(const Ref& r) const {
        const bool about = r.type == kPropose || r.type == kProposeLocked || r.type == kStatus ||
                           r.type == kLock || r.type == kApprove || (isWorkRef(r) && !isTaskRef(r));
        return about && r.a == m_f.allocation;
    }
    bool offer(const Ref& r) const {
        switch (static_cast<RefType>(r.type)) {
        case kAddOffer:
        case kUpdateOffer:
            return r.a == m_f.offer;
        case kPropose:
        case kProposeLocked:
            return r.c == m_f.offer;
        default: {
            const Allocation* a = allocationOf(r);
            return a && a->offer == m_f.offer;
        }
        }
    }
    bool task(const Ref& r) const {
        return (r.type == kAddTask || isTaskRef(r)) && r.a == m_f.task;
    }
    bool volunteer(const Ref& r) const {
        switch (static_cast<RefType>(r.type)) {
        case kVolunteer:
        case kUpdateVolunteer:
            return r.a == m_f.volunteer;
        case kUserRole:
        case kAssign:
        case kDeliver:
            return r.b == m_f.volunteer;
        default:
            return false;
        }
    }

    const State& m_state;
    const HistoryFilter& m_f;
};

/// An unfiltered record lists at most this many commands (an import holds thousands).
constexpr std::size_t kMaxLines = 200;

bool sameFilter(const HistoryFilter& a, const HistoryFilter& b) {
    return a.household == b.household && a.allocation == b.allocation && a.offer == b.offer &&
           a.task == b.task && a.volunteer == b.volunteer && a.limit == b.limit;
}

} // namespace

std::vector<HistoryEntry> Workspace::history(const HistoryFilter& filter) const {
    if (!m_history) m_history = std::make_unique<HistoryCache>();
    HistoryCache& cache = *m_history;
    const std::uint64_t sequence = state().sequence();
    if (cache.answered && cache.sequence == sequence && cache.lang == lang() &&
        sameFilter(cache.filter, filter)) {
        return cache.answer;
    }
    // Only the records written since the last call are read and decoded.
    const std::size_t known = cache.records.size();
    const std::uint64_t knownNext = cache.nextSequence;
    const auto read = m_store->readJournal(
        [&cache](Transaction&& t) {
            session_detail::HistoryRecord record{t.sequence, std::move(t.who), t.when, {}, {}};
            record.refs.reserve(t.commands.size());
            for (const Command& c : t.commands) record.refs.push_back(session_detail::describeCommand(record, c));
            cache.records.push_back(std::move(record));
            cache.nextSequence = t.sequence + 1;
            return true;
        },
        cache.offset, cache.nextSequence);
    if (read.ok()) {
        cache.offset = read.value();
    } else {
        // Damage the store's opening did not see: list what was read before, but read it again
        // next time rather than keep records without knowing where they end.
        cache.records.resize(known);
        cache.nextSequence = knownNext;
    }

    const Matcher matches(state(), filter);
    std::vector<HistoryEntry> out;
    for (auto r = cache.records.rbegin(); r != cache.records.rend() && out.size() < filter.limit;
         ++r) {
        HistoryEntry entry{r->sequence, r->who, r->when, {}, {}};
        std::size_t left = 0;
        for (const Ref& ref : r->refs) {
            if (!matches(ref)) continue;
            if (matches.all() && entry.commands.size() >= kMaxLines) {
                ++left;
                continue;
            }
            entry.commands.push_back(session_detail::stableLine(*r, ref));
            entry.described.push_back(session_detail::describedLine(*r, ref, lang()));
        }
        if (left > 0) {
            entry.commands.push_back("... +" + std::to_string(left));
            entry.described.push_back("... +" + std::to_string(left));
        }
        if (!entry.commands.empty() || (matches.all() && r->refs.empty())) {
            out.push_back(std::move(entry));
        }
    }
    cache.answered = true;
    cache.sequence = sequence;
    cache.filter = filter;
    cache.lang = lang();
    cache.answer = out;
    return out;
}

} // namespace nuanxin
