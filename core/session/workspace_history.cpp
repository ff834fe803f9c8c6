// The audit screen's history: the journal read through the store, each command as its stable
// name and the ids it touches (never names, ID numbers, phones or addresses), newest first.
#include <string>

#include "core/session/workspace_detail.h"

namespace nuanxin {
namespace {

using session_detail::HistoryRecord;
using Ref = session_detail::HistoryRef;

/// What the ids of a Ref mean, per kind of command.
enum RefType : std::uint8_t {
    kRegister,      ///< a household, value members
    kAddMember,     ///< a household
    kAddNeed,       ///< a need, b household
    kCloseNeed,     ///< a need, value status
    kAddDonor,      ///< a donor
    kAddOffer,      ///< a offer, b donor
    kPropose,       ///< a allocation, b need, c offer, value quantity
    kProposeLocked, ///< the same, made by hand (locked)
    kStatus,        ///< a allocation, value status
    kHold,          ///< a held duplicate, b existing household
    kHoldNeed,      ///< a held duplicate, b need
    kMerge,         ///< a merge, b keep, c drop, value held duplicate
    kUnmerge,       ///< a merge
    kPlugin,        ///< a index into the record's texts (plugin id)
    kSetting,       ///< a index into the record's texts (setting key; the value is not shown)
    kUpdateHousehold, ///< a household
    kUpdateOffer,   ///< a offer
    kLock,          ///< a allocation, value locked
};

/// Turns each command into its Ref; texts (plugin ids, setting keys) go to the record.
struct Describer {
    HistoryRecord& record;
    Ref ref;

    void operator()(const cmd::RegisterHousehold& c) {
        set(kRegister, c.household.id, 0, 0, static_cast<std::int64_t>(c.household.members.size()));
    }
    void operator()(const cmd::AddMember& c) { set(kAddMember, c.household); }
    void operator()(const cmd::AddNeed& c) { set(kAddNeed, c.need.id, c.need.household); }
    void operator()(const cmd::CloseNeed& c) {
        set(kCloseNeed, c.need, 0, 0, static_cast<std::int64_t>(c.status));
    }
    void operator()(const cmd::AddDonor& c) { set(kAddDonor, c.donor.id); }
    void operator()(const cmd::AddOffer& c) { set(kAddOffer, c.offer.id, c.offer.donor); }
    void operator()(const cmd::ProposeAllocation& c) {
        const Allocation& a = c.allocation;
        set(a.locked ? kProposeLocked : kPropose, a.id, a.need, a.offer, a.quantity);
    }
    void operator()(const cmd::SetAllocationStatus& c) {
        set(kStatus, c.allocation, 0, 0, static_cast<std::int64_t>(c.status));
    }
    void operator()(const cmd::HoldDuplicate& c) { set(kHold, c.id, c.existing); }
    void operator()(const cmd::HoldNeed& c) { set(kHoldNeed, c.pending, c.need.id); }
    void operator()(const cmd::MergeHouseholds& c) {
        set(kMerge, c.mergeId, c.keep, c.drop, static_cast<std::int64_t>(c.pending));
    }
    void operator()(const cmd::Unmerge& c) { set(kUnmerge, c.mergeId); }
    void operator()(const cmd::ApprovePlugin& c) { text(kPlugin, c.pluginId); }
    void operator()(const cmd::ChangeSetting& c) { text(kSetting, c.key); }
    void operator()(const cmd::UpdateHousehold& c) { set(kUpdateHousehold, c.household.id); }
    void operator()(const cmd::UpdateOffer& c) { set(kUpdateOffer, c.offer.id); }
    void operator()(const cmd::SetAllocationLock& c) {
        set(kLock, c.allocation, 0, 0, c.locked ? 1 : 0);
    }

    void set(RefType type, std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0,
             std::int64_t value = 0) {
        ref.type = type;
        ref.a = a;
        ref.b = b;
        ref.c = c;
        ref.value = value;
    }
    void text(RefType type, const std::string& t) {
        set(type, record.texts.size());
        record.texts.push_back(t.substr(0, 80));
    }
};

template <class E> std::string enumName(std::int64_t v) {
    const auto e = static_cast<E>(v);
    return e < E::Count_ ? std::string(name(e)) : "?";
}

std::string line(const HistoryRecord& r, const Ref& ref) {
    const auto n = [](std::uint64_t v) { return std::to_string(v); };
    std::string s = ref.name;
    switch (static_cast<RefType>(ref.type)) {
    case kRegister:
        return s + " household=" + n(ref.a) + " members=" + std::to_string(ref.value);
    case kAddMember:
    case kUpdateHousehold:
        return s + " household=" + n(ref.a);
    case kAddNeed:
        return s + " need=" + n(ref.a) + " household=" + n(ref.b);
    case kCloseNeed:
        return s + " need=" + n(ref.a) + " status=" + enumName<NeedStatus>(ref.value);
    case kAddDonor:
        return s + " donor=" + n(ref.a);
    case kAddOffer:
        return s + " offer=" + n(ref.a) + " donor=" + n(ref.b);
    case kUpdateOffer:
        return s + " offer=" + n(ref.a);
    case kPropose:
    case kProposeLocked:
        return s + " allocation=" + n(ref.a) + " need=" + n(ref.b) + " offer=" + n(ref.c) +
               " quantity=" + std::to_string(ref.value) +
               (ref.type == kProposeLocked ? " locked" : "");
    case kStatus:
        return s + " allocation=" + n(ref.a) + " status=" + enumName<AllocationStatus>(ref.value);
    case kLock:
        return s + " allocation=" + n(ref.a) + " locked=" + std::to_string(ref.value);
    case kHold:
        return s + " pending=" + n(ref.a) + " existing=" + n(ref.b);
    case kHoldNeed:
        return s + " pending=" + n(ref.a) + " need=" + n(ref.b);
    case kMerge:
        return s + " merge=" + n(ref.a) + " keep=" + n(ref.b) + " drop=" + n(ref.c) +
               " pending=" + std::to_string(ref.value);
    case kUnmerge:
        return s + " merge=" + n(ref.a);
    case kPlugin:
        return s + " plugin=" + r.texts.at(static_cast<std::size_t>(ref.a));
    case kSetting:
        return s + " key=" + r.texts.at(static_cast<std::size_t>(ref.a));
    }
    return s;
}

/// Whether a command touches what the filter names (every id the filter sets must match).
class Matcher {
public:
    Matcher(const State& state, const HistoryFilter& f) : m_state(state), m_f(f) {}

    [[nodiscard]] bool all() const { return m_f.household == 0 && m_f.allocation == 0 && m_f.offer == 0; }

    [[nodiscard]] bool operator()(const Ref& r) const {
        return (m_f.household == 0 || household(r)) && (m_f.allocation == 0 || allocation(r)) &&
               (m_f.offer == 0 || offer(r));
    }

private:
    HouseholdId householdOfNeed(NeedId id) const {
        const Need* n = m_state.need(id);
        return n ? n->household : 0;
    }
    const Allocation* allocationOf(const Ref& r) const { return m_state.allocation(r.a); }

    bool household(const Ref& r) const {
        const HouseholdId h = m_f.household;
        switch (static_cast<RefType>(r.type)) {
        case kRegister:
        case kAddMember:
        case kUpdateHousehold:
            return r.a == h;
        case kAddNeed:
        case kHold:
            return r.b == h;
        case kCloseNeed:
            return householdOfNeed(r.a) == h;
        case kMerge:
            return r.b == h || r.c == h;
        case kPropose:
        case kProposeLocked:
            return householdOfNeed(r.b) == h;
        case kStatus:
        case kLock: {
            const Allocation* a = allocationOf(r);
            return a && householdOfNeed(a->need) == h;
        }
        default:
            return false;
        }
    }
    bool allocation(const Ref& r) const {
        const bool about = r.type == kPropose || r.type == kProposeLocked || r.type == kStatus ||
                           r.type == kLock;
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
        case kStatus:
        case kLock: {
            const Allocation* a = allocationOf(r);
            return a && a->offer == m_f.offer;
        }
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
           a.limit == b.limit;
}

} // namespace

std::vector<HistoryEntry> Workspace::history(const HistoryFilter& filter) const {
    if (!m_history) m_history = std::make_unique<HistoryCache>();
    HistoryCache& cache = *m_history;
    const std::uint64_t sequence = state().sequence();
    if (cache.answered && cache.sequence == sequence && sameFilter(cache.filter, filter)) {
        return cache.answer;
    }
    // Only the records written since the last call are read and decoded.
    const std::size_t known = cache.records.size();
    const std::uint64_t knownNext = cache.nextSequence;
    const auto read = m_store->readJournal(
        [&cache](Transaction&& t) {
            session_detail::HistoryRecord record{t.sequence, std::move(t.who), t.when, {}, {}};
            record.refs.reserve(t.commands.size());
            for (const Command& c : t.commands) {
                Describer d{record, {}};
                std::visit(d, c);
                d.ref.name = commandName(c);
                record.refs.push_back(d.ref);
            }
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
        HistoryEntry entry{r->sequence, r->who, r->when, {}};
        std::size_t left = 0;
        for (const Ref& ref : r->refs) {
            if (!matches(ref)) continue;
            if (matches.all() && entry.commands.size() >= kMaxLines) {
                ++left;
                continue;
            }
            entry.commands.push_back(line(*r, ref));
        }
        if (left > 0) entry.commands.push_back("... +" + std::to_string(left));
        if (!entry.commands.empty() || (matches.all() && r->refs.empty())) {
            out.push_back(std::move(entry));
        }
    }
    cache.answered = true;
    cache.sequence = sequence;
    cache.filter = filter;
    cache.answer = out;
    return out;
}

} // namespace nuanxin
