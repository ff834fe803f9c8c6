// The workspace: one transaction per change, the revision screens watch, intake and review.
#include "core/session/workspace.h"

#include <algorithm>
#include <atomic>

#include "core/session/workspace_detail.h"

namespace nuanxin {

std::uint64_t session_detail::nextRevision() {
    static std::atomic<std::uint64_t> last{0};
    return ++last;
}

Workspace::Workspace(std::unique_ptr<Store> store, const PluginHost& plugins,
                     WorkspaceConfig config)
    : m_store(std::move(store)), m_plugins(plugins), m_config(std::move(config)),
      m_revision(session_detail::nextRevision()) {}

Workspace::~Workspace() = default;

Date Workspace::asOf() const {
    // A store's data set has no reference date of its own: ages and windows count from today.
    return dateOf(now());
}

const std::string& Workspace::organisation() const {
    return m_config.organisation.empty() ? m_config.user : m_config.organisation;
}

Result<std::uint64_t> Workspace::submit(std::vector<Command> commands) {
    auto r = m_store->submit(Submission{m_config.user, now(), std::move(commands)});
    if (r.ok()) m_revision = session_detail::nextRevision();
    return r;
}

Result<std::uint64_t> Workspace::commit(std::vector<Command> commands) {
    // The run reads the data set in place: nothing may change under it.
    if (m_job) return FieldError{"matching", "", Str::SessionErrMatching, ""};
    return submit(std::move(commands));
}

const Summary& Workspace::summary() const {
    if (m_summaryRevision != m_revision) {
        m_summary = summarize(data());
        m_summaryRevision = m_revision;
    }
    return m_summary;
}

bool Workspace::empty() const {
    const Dataset& d = data();
    return d.households.empty() && d.needs.empty() && d.donors.empty() && d.offers.empty() &&
           d.allocations.empty() && state().data().pending.empty();
}

// ---- intake ----

Result<HouseholdId> Workspace::addHousehold(Household household) {
    const HouseholdId id = state().nextIds().household;
    household.id = id;
    if (household.registeredBy.empty()) household.registeredBy = organisation();
    if (household.registered == Date{}) household.registered = asOf();
    auto r = commit({cmd::RegisterHousehold{std::move(household)}});
    if (!r.ok()) return r.errors();
    return id;
}

Result<std::uint64_t> Workspace::updateHousehold(const Household& household) {
    return commit({cmd::UpdateHousehold{household}});
}

Result<NeedId> Workspace::addNeed(Need need) {
    const NeedId id = state().nextIds().need;
    need.id = id;
    auto r = commit({cmd::AddNeed{std::move(need)}});
    if (!r.ok()) return r.errors();
    return id;
}

Result<std::uint64_t> Workspace::closeNeed(NeedId need, NeedStatus status) {
    return commit({cmd::CloseNeed{need, status}});
}

Result<DonorId> Workspace::addDonor(Donor donor) {
    const DonorId id = state().nextIds().donor;
    donor.id = id;
    auto r = commit({cmd::AddDonor{std::move(donor)}});
    if (!r.ok()) return r.errors();
    return id;
}

Result<OfferId> Workspace::addOffer(Offer offer) {
    const OfferId id = state().nextIds().offer;
    offer.id = id;
    auto r = commit({cmd::AddOffer{std::move(offer)}});
    if (!r.ok()) return r.errors();
    return id;
}

Result<std::uint64_t> Workspace::updateOffer(const Offer& offer) {
    return commit({cmd::UpdateOffer{offer}});
}

// ---- review ----

using session_detail::once;

Result<std::uint64_t> Workspace::setStatus(const std::vector<AllocationId>& allocations,
                                           AllocationStatus status) {
    if (allocations.empty()) return FieldError{"allocations", "", Str::SessionErrNothingSelected, ""};
    std::vector<Command> commands;
    for (AllocationId id : once(allocations)) commands.push_back(cmd::SetAllocationStatus{id, status});
    return commit(std::move(commands));
}

Result<std::uint64_t> Workspace::setStoreSetting(std::string key, std::string value) {
    return commit({cmd::ChangeSetting{std::move(key), std::move(value)}});
}

Result<std::uint64_t> Workspace::setLocked(const std::vector<AllocationId>& allocations,
                                           bool locked) {
    if (allocations.empty()) return FieldError{"allocations", "", Str::SessionErrNothingSelected, ""};
    std::vector<Command> commands;
    for (AllocationId id : once(allocations)) commands.push_back(cmd::SetAllocationLock{id, locked});
    return commit(std::move(commands));
}

} // namespace nuanxin
