#pragma once
// Shared pieces of the plugin suites: the paths CTest hands over, a host with the four region
// plugins (built in, or loaded from their files: --source=builtin|files), and small builders.
#include <memory>
#include <string>
#include <vector>

#include "core/match/policy.h"
#include "core/model/types.h"
#include "core/plugin/host.h"
#include "core/plugin/plugin_policy.h"

#include "test_paths.h" // workDir(), testArgument()

namespace nuanxin::test {

[[nodiscard]] std::string pluginDir();   ///< <build>/plugins: the region plugins' files
[[nodiscard]] std::string fixtureDir();  ///< the refusal fixtures' files
[[nodiscard]] std::string exampleFile(); ///< the README example, compiled
[[nodiscard]] bool fromFiles();          ///< --source=files

/// @brief A host with national, sichuan, hebei and shanxi; fails the test on any refusal.
[[nodiscard]] std::unique_ptr<PluginHost> regionHost();

/// @brief The host and the policy a matching run would use, with the root it refines.
struct Regions {
    std::unique_ptr<PluginHost> host = regionHost();
    NationalDefaultPolicy root;
    PluginPolicy policy{*host, root, Lang::Zh};
};

/// @brief The campaign date of the suites.
inline const Date kAsOf{2026, 12, 15};

/// @brief A member of the given age on kAsOf (born 1 January) with attributes.
[[nodiscard]] Member member(int age, AttributeSet attributes = {});
/// @brief A household in `county` with an address, consent and the given members.
[[nodiscard]] Household household(const char* county, CategorySet categories,
                                  std::vector<Member> members = {member(40)});
[[nodiscard]] Need need(Kind kind, std::int64_t quantity = 1, Urgency urgency = Urgency::Normal);
[[nodiscard]] Offer offer(Kind kind, std::int64_t unitValueFen = 0);

/// @brief Codes ("hebei#201") of the reasons a plugin gave, in order.
[[nodiscard]] std::vector<std::string> pluginCodes(const std::vector<Reason>& reasons);
/// @brief "sichuan#104" from a reason detail "sichuan#104 text"; empty when not a plugin's.
[[nodiscard]] std::string pluginCode(const std::string& detail);
/// @brief Derived needs as "plugin#code:kind:quantity" for compact comparisons.
[[nodiscard]] std::vector<std::string> summary(const std::vector<DerivedNeed>& needs);

} // namespace nuanxin::test
