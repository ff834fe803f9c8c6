#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "core/match/policy.h"
#include "core/plugin/host.h"

namespace nuanxin {

/// @brief The matching policy of a set of region plugins: for each household the chain of the
/// plugin governing its division (national base → province → ...) refines the answer of a root
/// policy (the engine's built-in national default), each plugin seeing the answer inherited so
/// far. Households no plugin governs get the root's answer unchanged.
/// The engine hands a policy the offer, which names its donor only by id; the donors' types are
/// therefore copied in at construction (plain values, no pointer into the data set), so that a
/// plugin's nx_offer_view.donor_type is the real one.
class PluginPolicy final : public MatchPolicy {
public:
    /// @brief `host` and `root` must outlive the policy; texts in `lang`. `donors`: the data
    /// set's donors (only id and type are kept); an offer whose donor is not among them reaches
    /// the plugins as NX_DONOR_UNKNOWN.
    PluginPolicy(const PluginHost& host, const MatchPolicy& root, Lang lang = Lang::Zh,
                 const std::vector<Donor>& donors = {});

    [[nodiscard]] std::string_view id() const override { return "plugins"; }
    [[nodiscard]] EligibilityVerdict eligible(const Household& household, const Need& need,
                                              const Offer& offer, const Date& asOf) const override;
    [[nodiscard]] PriorityVerdict priority(const Household& household, const Need& need,
                                           const Date& asOf) const override;
    /// @brief The root's key mixed with a hash of everything a plugin can read (its views and
    /// its chain). Equal inputs give equal keys; a 64-bit hash collision (odds about n²/2^64)
    /// is the price of sharing answers across a million needs.
    [[nodiscard]] std::optional<std::uint64_t>
    eligibilityKey(const Household& household, const Need& need, const Date& asOf) const override;
    [[nodiscard]] std::optional<std::uint64_t>
    priorityKey(const Household& household, const Need& need, const Date& asOf) const override;

    /// @brief Callbacks that returned NX_ERROR so far (their answers were ignored).
    [[nodiscard]] std::size_t errorCount() const { return m_errors; }

private:
    [[nodiscard]] std::optional<std::uint64_t> key(std::optional<std::uint64_t> rootKey,
                                                   const Household& household, const Need& need,
                                                   const Date& asOf) const;

    [[nodiscard]] std::optional<DonorType> donorType(DonorId donor) const;

    const PluginHost& m_host;
    const MatchPolicy& m_root;
    Lang m_lang;
    std::map<DonorId, DonorType> m_donorTypes;
    mutable std::size_t m_errors = 0;
};

/// @brief "<plugin id>#<code> <text>": the detail of a Reason that came from a plugin.
[[nodiscard]] std::string pluginReasonDetail(std::string_view plugin, std::int32_t code,
                                             const char* text);

} // namespace nuanxin
