// Journal commands as history references and lines (history_lines.h). A line is the command's
// name and its facts (ids, statuses, tiers, reasons given): never names, ID numbers, phones,
// addresses or delivery notes. Each fact has a stable form ("status=approved") and a form in
// the user's language ("状态=已审批"), so one table serves the audit log and the screens.
#include <string>
#include <vector>

#include "core/session/history_lines.h"

namespace nuanxin::session_detail {
namespace {

/// Turns each command into its ref; texts (plugin ids, setting keys, users, reasons) go to the
/// record, at most 80 bytes each.
struct Describer {
    HistoryRecord& record;
    HistoryRef ref;

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
    void operator()(const cmd::ApprovePlugin& c) { set(kPlugin, text(c.pluginId)); }
    void operator()(const cmd::ChangeSetting& c) { set(kSetting, text(c.key)); }
    void operator()(const cmd::UpdateHousehold& c) { set(kUpdateHousehold, c.household.id); }
    void operator()(const cmd::UpdateOffer& c) { set(kUpdateOffer, c.offer.id); }
    void operator()(const cmd::SetAllocationLock& c) {
        set(kLock, c.allocation, 0, 0, c.locked ? 1 : 0);
    }
    void operator()(const cmd::RegisterVolunteer& c) { set(kVolunteer, c.volunteer.id); }
    void operator()(const cmd::UpdateVolunteer& c) { set(kUpdateVolunteer, c.volunteer.id); }
    void operator()(const cmd::SetUserRole& c) {
        set(kUserRole, text(c.user), c.role.volunteer, 0, c.role.approverTier);
    }
    void operator()(const cmd::ApproveAllocation& c) {
        set(kApprove, c.allocation, static_cast<std::uint64_t>(c.approversNeeded), 0,
            c.requiredTier);
    }
    void operator()(const cmd::AddTask& c) {
        const Task& t = c.task;
        set(kAddTask, t.id, t.household, text(t.plugin + "#" + std::to_string(t.code)) + 1,
            static_cast<std::int64_t>(t.kind));
    }
    void operator()(const cmd::AssignWork& c) {
        set(kAssign, c.work.id, c.volunteer, c.reason.empty() ? 0 : text(c.reason) + 1,
            flags(c.work) | (c.advance ? std::int64_t{kFlagAdvance} : 0));
    }
    void operator()(const cmd::RecordDelivery& c) {
        set(kDeliver, c.work.id, c.delivery.volunteer, 0, flags(c.work));
    }
    void operator()(const cmd::ConfirmWork& c) { set(kConfirm, c.work.id, 0, 0, flags(c.work)); }
    void operator()(const cmd::EndWork& c) {
        set(kEnd, c.work.id, static_cast<std::uint64_t>(c.status), text(c.reason) + 1,
            flags(c.work));
    }

    static std::int64_t flags(WorkRef w) { return w.isTask() ? std::int64_t{kFlagTask} : 0; }
    void set(RefType type, std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0,
             std::int64_t value = 0) {
        ref.type = type;
        ref.a = a;
        ref.b = b;
        ref.c = c;
        ref.value = value;
    }
    std::uint64_t text(const std::string& t) {
        // Cut at a character boundary: never half a UTF-8 character.
        std::size_t n = std::min<std::size_t>(t.size(), 80);
        while (n > 0 && n < t.size() && (static_cast<unsigned char>(t[n]) & 0xC0U) == 0x80U) --n;
        record.texts.push_back(t.substr(0, n));
        return record.texts.size() - 1;
    }
};

/// One fact of a line: a stable key and value, and their forms in the user's language.
struct Fact {
    const char* key;
    Str label;
    std::string value;
    std::string shown; ///< empty: the same as value
};

template <class E> bool valid(std::int64_t v) {
    return v >= 0 && v < static_cast<std::int64_t>(E::Count_);
}

template <class E> Fact enumFact(const char* key, Str label, std::int64_t v, Lang lang) {
    if (!valid<E>(v)) return {key, label, "?", "?"};
    const auto e = static_cast<E>(v);
    return {key, label, std::string(name(e)), tr(nuanxin::label(e), lang)};
}

std::vector<Fact> facts(const HistoryRecord& r, const HistoryRef& ref, Lang lang) {
    const auto n = [](std::uint64_t v) { return std::to_string(v); };
    const auto text = [&r](std::uint64_t i) {
        return i < r.texts.size() ? r.texts[static_cast<std::size_t>(i)] : std::string("?");
    };
    const bool task = (ref.value & kFlagTask) != 0;
    const Fact work{task ? "task" : "allocation", task ? Str::LifeWordTask : Str::LifeWordAllocation,
                    n(ref.a), {}};
    switch (static_cast<RefType>(ref.type)) {
    case kRegister:
        return {{"household", Str::LifeWordHousehold, n(ref.a), {}},
                {"members", Str::LifeWordMembers, std::to_string(ref.value), {}}};
    case kAddMember:
    case kUpdateHousehold:
        return {{"household", Str::LifeWordHousehold, n(ref.a), {}}};
    case kAddNeed:
        return {{"need", Str::LifeWordNeed, n(ref.a), {}},
                {"household", Str::LifeWordHousehold, n(ref.b), {}}};
    case kCloseNeed:
        return {{"need", Str::LifeWordNeed, n(ref.a), {}},
                enumFact<NeedStatus>("status", Str::LifeWordStatus, ref.value, lang)};
    case kAddDonor:
        return {{"donor", Str::LifeWordDonor, n(ref.a), {}}};
    case kAddOffer:
        return {{"offer", Str::LifeWordOffer, n(ref.a), {}},
                {"donor", Str::LifeWordDonor, n(ref.b), {}}};
    case kUpdateOffer:
        return {{"offer", Str::LifeWordOffer, n(ref.a), {}}};
    case kPropose:
    case kProposeLocked: {
        std::vector<Fact> out = {{"allocation", Str::LifeWordAllocation, n(ref.a), {}},
                                 {"need", Str::LifeWordNeed, n(ref.b), {}},
                                 {"offer", Str::LifeWordOffer, n(ref.c), {}},
                                 {"quantity", Str::LifeWordQuantity, std::to_string(ref.value), {}}};
        if (ref.type == kProposeLocked) out.push_back({"locked", Str::LifeWordLocked, {}, {}});
        return out;
    }
    case kStatus:
        return {{"allocation", Str::LifeWordAllocation, n(ref.a), {}},
                enumFact<AllocationStatus>("status", Str::LifeWordStatus, ref.value, lang)};
    case kLock:
        return {{"allocation", Str::LifeWordAllocation, n(ref.a), {}},
                {"locked", Str::LifeWordLocked, std::to_string(ref.value),
                 tr(ref.value ? Str::ColYes : Str::ColNo, lang)}};
    case kHold:
        return {{"pending", Str::LifeWordPending, n(ref.a), {}},
                {"existing", Str::LifeWordExisting, n(ref.b), {}}};
    case kHoldNeed:
        return {{"pending", Str::LifeWordPending, n(ref.a), {}},
                {"need", Str::LifeWordNeed, n(ref.b), {}}};
    case kMerge:
        return {{"merge", Str::LifeWordMerge, n(ref.a), {}},
                {"keep", Str::LifeWordKeep, n(ref.b), {}},
                {"drop", Str::LifeWordDrop, n(ref.c), {}},
                {"pending", Str::LifeWordPending, std::to_string(ref.value), {}}};
    case kUnmerge:
        return {{"merge", Str::LifeWordMerge, n(ref.a), {}}};
    case kPlugin:
        return {{"plugin", Str::LifeWordPlugin, text(ref.a), {}}};
    case kSetting:
        return {{"key", Str::LifeWordKey, text(ref.a), {}}};
    case kVolunteer:
    case kUpdateVolunteer:
        return {{"volunteer", Str::LifeWordVolunteer, n(ref.a), {}}};
    case kUserRole:
        return {{"user", Str::LifeWordUser, text(ref.a), {}},
                {"tier", Str::LifeWordTier, std::to_string(ref.value), {}},
                {"volunteer", Str::LifeWordVolunteer, n(ref.b), {}}};
    case kApprove:
        return {{"allocation", Str::LifeWordAllocation, n(ref.a), {}},
                {"tier", Str::LifeWordTier, std::to_string(ref.value), {}},
                {"approvers", Str::LifeWordApprovers, n(ref.b), {}}};
    case kAddTask:
        return {{"task", Str::LifeWordTask, n(ref.a), {}},
                {"household", Str::LifeWordHousehold, n(ref.b), {}},
                enumFact<Kind>("kind", Str::LifeWordKind, ref.value, lang),
                {"rule", Str::LifeWordRule, text(ref.c - 1), {}}};
    case kAssign: {
        std::vector<Fact> out = {work, {"volunteer", Str::LifeWordVolunteer, n(ref.b), {}}};
        if (ref.value & kFlagAdvance) out.push_back({"advance", Str::LifeWordAdvance, {}, {}});
        if (ref.c != 0) out.push_back({"reason", Str::LifeWordReason, text(ref.c - 1), {}});
        return out;
    }
    case kDeliver:
        return {work, {"volunteer", Str::LifeWordVolunteer, n(ref.b), {}}};
    case kConfirm:
        return {work};
    case kEnd:
        return {work,
                enumFact<AllocationStatus>("status", Str::LifeWordStatus,
                                           static_cast<std::int64_t>(ref.b), lang),
                {"reason", Str::LifeWordReason, text(ref.c - 1), {}}};
    }
    return {};
}

Str commandLabel(const HistoryRef& ref) {
    static constexpr Str kNames[] = {
        Str::HistRegisterHousehold, Str::HistAddMember,      Str::HistAddNeed,
        Str::HistCloseNeed,         Str::HistAddDonor,       Str::HistAddOffer,
        Str::HistProposeAllocation, Str::HistProposeAllocation, Str::HistSetAllocationStatus,
        Str::HistHoldDuplicate,     Str::HistHoldNeed,       Str::HistMergeHouseholds,
        Str::HistUnmerge,           Str::HistApprovePlugin,  Str::HistChangeSetting,
        Str::HistUpdateHousehold,   Str::HistUpdateOffer,    Str::HistSetAllocationLock,
        Str::HistRegisterVolunteer, Str::HistUpdateVolunteer, Str::HistSetUserRole,
        Str::HistApproveAllocation, Str::HistAddTask,        Str::HistAssignWork,
        Str::HistRecordDelivery,    Str::HistConfirmWork,    Str::HistEndWork};
    static_assert(sizeof(kNames) / sizeof(kNames[0]) == kEnd + 1, "one name per RefType");
    // A reassignment is an assignment with a reason.
    if (ref.type == kAssign && ref.c != 0) return Str::HistReassignWork;
    return ref.type <= kEnd ? kNames[ref.type] : Str::ErrInvalid;
}

} // namespace

HistoryRef describeCommand(HistoryRecord& record, const Command& command) {
    Describer d{record, {}};
    std::visit(d, command);
    d.ref.name = commandName(command);
    return d.ref;
}

std::string stableLine(const HistoryRecord& record, const HistoryRef& ref) {
    std::string s = ref.name;
    for (const Fact& f : facts(record, ref, Lang::En)) {
        s += ' ';
        s += f.key;
        if (!f.value.empty()) s += '=' + f.value;
    }
    return s;
}

std::string describedLine(const HistoryRecord& record, const HistoryRef& ref, Lang lang) {
    std::string s = tr(commandLabel(ref), lang);
    for (const Fact& f : facts(record, ref, lang)) {
        s += ' ';
        s += tr(f.label, lang);
        const std::string& v = f.shown.empty() ? f.value : f.shown;
        if (!v.empty()) s += '=' + v;
    }
    return s;
}

} // namespace nuanxin::session_detail
