#include "core/plugin/plugin_policy.h"

#include <algorithm>
#include <cstring>

#include "core/plugin/views.h"

namespace nuanxin {
namespace {

/// Room for a plugin's priority reasons per call.
constexpr std::uint32_t kReasonCapacity = 8;

} // namespace

std::string pluginReasonDetail(std::string_view plugin, std::int32_t code, const char* text) {
    std::string out(plugin);
    out += '#';
    out += std::to_string(code);
    const std::size_t n = strnlen(text, NX_TEXT_BYTES);
    if (n > 0) {
        out += ' ';
        out.append(text, n);
    }
    return out;
}

PluginPolicy::PluginPolicy(const PluginHost& host, const MatchPolicy& root, Lang lang,
                           const std::vector<Donor>& donors)
    : m_host(host), m_root(root), m_lang(lang) {
    for (const Donor& d : donors) m_donorTypes.emplace(d.id, d.type);
}

std::optional<DonorType> PluginPolicy::donorType(DonorId donor) const {
    const auto it = m_donorTypes.find(donor);
    if (it == m_donorTypes.end()) return std::nullopt;
    return it->second;
}

EligibilityVerdict PluginPolicy::eligible(const Household& household, const Need& need,
                                          const Offer& offer, const Date& asOf) const {
    EligibilityVerdict verdict = m_root.eligible(household, need, offer, asOf);
    const auto chain = m_host.chainFor(household.divisionCode);
    if (chain.empty()) return verdict;
    const HouseholdView view(household, asOf);
    const nx_need_view needView = makeNeedView(need);
    const nx_offer_view offerView = makeOfferView(offer, donorType(offer.donor));
    for (const Plugin* p : chain) {
        if (p->info().eligibility == nullptr) continue;
        nx_eligibility out{};
        out.struct_size = sizeof(nx_eligibility);
        out.eligible = verdict.eligible ? 1U : 0U;
        const nx_context ctx = PluginHost::context(*p, asOf, m_lang);
        const std::int32_t rc =
            p->info().eligibility(&ctx, view.get(), &needView, &offerView, &out);
        if (rc == NX_ERROR) ++m_errors;
        if (rc != NX_SET) continue;
        verdict.eligible = out.eligible != 0;
        verdict.reason = Str::PluginRule;
        verdict.detail = pluginReasonDetail(p->id(), out.reason.code, out.reason.text);
    }
    return verdict;
}

PriorityVerdict PluginPolicy::priority(const Household& household, const Need& need,
                                       const Date& asOf) const {
    PriorityVerdict verdict = m_root.priority(household, need, asOf);
    const auto chain = m_host.chainFor(household.divisionCode);
    if (chain.empty()) return verdict;
    const HouseholdView view(household, asOf);
    const nx_need_view needView = makeNeedView(need);
    nx_reason reasons[kReasonCapacity];
    for (const Plugin* p : chain) {
        if (p->info().priority == nullptr) continue;
        nx_priority out{};
        out.struct_size = sizeof(nx_priority);
        out.tier = verdict.tier;
        out.score = verdict.score;
        out.reason_capacity = kReasonCapacity;
        out.reasons = reasons;
        const nx_context ctx = PluginHost::context(*p, asOf, m_lang);
        const std::int32_t rc = p->info().priority(&ctx, view.get(), &needView, &out);
        if (rc == NX_ERROR) ++m_errors;
        if (rc != NX_SET) continue;
        verdict.tier = std::clamp(out.tier, 0, kMaxTiers - 1);
        verdict.score = std::clamp(out.score, 0, kMaxScore);
        for (std::uint32_t i = 0; i < std::min(out.reason_count, kReasonCapacity); ++i) {
            verdict.reasons.push_back(
                {Str::PluginRule, pluginReasonDetail(p->id(), reasons[i].code, reasons[i].text)});
        }
    }
    return verdict;
}

std::optional<std::uint64_t> PluginPolicy::key(std::optional<std::uint64_t> rootKey,
                                               const Household& household, const Need& need,
                                               const Date& asOf) const {
    if (!rootKey) return std::nullopt;
    const auto chain = m_host.chainFor(household.divisionCode);
    if (chain.empty()) return fnvMix(kFnvOffset, *rootKey); // the root's answer alone
    std::uint64_t h = fnvMix(kFnvOffset, *rootKey);
    // The chain's plugins by address: stable for the policy's life, which is the memo's.
    for (const Plugin* p : chain) h = fnvMix(h, reinterpret_cast<std::uintptr_t>(p));
    h = fnvMix(h, HouseholdView(household, asOf).hash());
    return fnvMix(h, hashNeedView(makeNeedView(need)));
}

std::optional<std::uint64_t>
PluginPolicy::eligibilityKey(const Household& household, const Need& need, const Date& asOf) const {
    return key(m_root.eligibilityKey(household, need, asOf), household, need, asOf);
}

std::optional<std::uint64_t> PluginPolicy::priorityKey(const Household& household, const Need& need,
                                                       const Date& asOf) const {
    return key(m_root.priorityKey(household, need, asOf), household, need, asOf);
}

} // namespace nuanxin
