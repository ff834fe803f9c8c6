#include "core/plugin/host.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <dirent.h>
#include <fstream>

#include "core/geo/divisions.h"
#include "core/plugin/library.h"
#include "core/plugin/sha256.h"
#include "core/plugin/views.h"

namespace nuanxin {
namespace {

/// Longest "extends" chain followed; deeper (or circular) chains stop here.
constexpr std::size_t kMaxChain = 8;
/// Room the host gives a plugin for derived needs per call.
constexpr std::uint32_t kDerivedCapacity = 32;

std::string versionText(std::uint32_t v) {
    return std::to_string(v >> 16) + "." + std::to_string(v & 0xFFFFU);
}

bool validId(const char* id) {
    if (id == nullptr || *id == '\0') return false;
    for (const char* p = id; *p != '\0'; ++p) {
        const char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
            return false;
    }
    return true;
}

bool validDivision(const char* code) {
    if (code == nullptr) return false;
    const std::string_view s(code);
    if (s.size() != 2 && s.size() != 4 && s.size() != 6) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// The problem with a description, or empty when it is acceptable.
std::string checkInfo(const nx_plugin_info& info) {
    if (!validId(info.id)) return "id";
    if (info.name_zh == nullptr) return "name_zh";
    if (info.version == nullptr) return "version";
    if (info.division_count == 0 || info.divisions == nullptr) return "divisions";
    for (std::uint32_t i = 0; i < info.division_count; ++i) {
        if (!validDivision(info.divisions[i])) return "divisions[" + std::to_string(i) + "]";
    }
    if (info.extends != nullptr && *info.extends != '\0' &&
        std::string_view(info.extends) == info.id) {
        return "extends";
    }
    return {};
}

/// How specific a declared code is for a county: 3 county, 2 city, 1 province, 0 country;
/// -1 when it does not contain the county.
int specificity(std::string_view declared, std::string_view county) {
    if (declared == NX_DIVISION_NATIONAL) return 0;
    const std::string code = DivisionRegistry::normalize(declared);
    if (county.size() < code.size() || county.compare(0, code.size(), code) != 0) return -1;
    return static_cast<int>(code.size() / 2);
}

std::string readHeader(const std::string& path, bool& ok) {
    std::ifstream in(path, std::ios::binary);
    ok = static_cast<bool>(in);
    std::string header(64, '\0');
    if (ok) {
        in.read(header.data(), static_cast<std::streamsize>(header.size()));
        header.resize(static_cast<std::size_t>(in.gcount()));
    }
    return header;
}

} // namespace

PluginHost::PluginHost() = default;
PluginHost::~PluginHost() = default;

PluginRefusal PluginHost::refuse(PluginRefusal refusal) {
    m_refusals.push_back(refusal);
    return refusal;
}

std::optional<PluginRefusal> PluginHost::addBuiltin(const BuiltinPlugin& plugin) {
    return accept(std::string("built-in:") + plugin.name, plugin.abi, plugin.describe, {}, nullptr);
}

std::optional<PluginRefusal> PluginHost::accept(const std::string& origin, nx_plugin_abi_fn abi,
                                                nx_plugin_describe_fn describe, std::string sha256,
                                                std::shared_ptr<LoadedLibrary> library) {
    if (abi == nullptr) return refuse({origin, Str::PluginMissingSymbol, NX_PLUGIN_ABI_SYMBOL});
    if (describe == nullptr) {
        return refuse({origin, Str::PluginMissingSymbol, NX_PLUGIN_DESCRIBE_SYMBOL});
    }
    const std::uint32_t version = abi();
    const std::string versions = versionText(version) + " / " + versionText(NX_PLUGIN_ABI_VERSION);
    if ((version >> 16) != NX_PLUGIN_ABI_MAJOR) {
        return refuse({origin, Str::PluginAbiMajor, versions});
    }
    if ((version & 0xFFFFU) > NX_PLUGIN_ABI_MINOR) {
        return refuse({origin, Str::PluginAbiMinor, versions});
    }
    const nx_plugin_info* info = describe();
    if (info == nullptr) return refuse({origin, Str::PluginBadInfo, "null"});
    if (info->struct_size < NX_PLUGIN_INFO_SIZE_1_0) {
        return refuse(
            {origin, Str::PluginStructSmall,
             std::to_string(info->struct_size) + " < " + std::to_string(NX_PLUGIN_INFO_SIZE_1_0)});
    }
    if (const std::string bad = checkInfo(*info); !bad.empty()) {
        return refuse({origin, Str::PluginBadInfo, bad});
    }
    auto schema =
        parseSettingsSchema(info->settings_schema != nullptr ? info->settings_schema : "");
    if (!schema) {
        const FieldError& e = schema.errors().front();
        return refuse({origin, Str::PluginBadSchema, e.field + ": " + e.detail});
    }
    Plugin* existing = findMutable(info->id);
    const bool isFile = library != nullptr;
    if (existing != nullptr && !(isFile && existing->builtIn())) {
        return refuse(
            {origin, Str::PluginDuplicateId, std::string(info->id) + " = " + existing->origin()});
    }
    // A file with a built-in's id is that region's update: the built-in steps aside.
    if (existing != nullptr) existing->setShadowed(true);
    m_plugins.push_back(std::make_unique<Plugin>(info, version, origin, std::move(sha256),
                                                 std::move(schema.value()), std::move(library)));
    ++m_generation;
    return std::nullopt;
}

std::optional<PluginRefusal> PluginHost::inspect(const std::string& path,
                                                 const PluginApprovals* approvals,
                                                 std::string& hash) {
    bool readable = false;
    const std::string header = readHeader(path, readable);
    if (!readable) return PluginRefusal{path, Str::PluginCannotRead, {}};
    const ModuleFormat format = sniffModuleFormat(header);
    if (format != loadableFormat()) {
        static constexpr std::array<const char*, 4> kNames = {"unknown", "ELF, not a shared object",
                                                              "ELF shared object", "wasm"};
        return PluginRefusal{path, Str::PluginNotModule,
                             kNames[static_cast<std::size_t>(format)]};
    }
    // Hash before opening: dlopen runs the file's initialisers.
    hash = sha256OfFile(path);
    if (approvals != nullptr) {
        const auto approved = approvals->approved(path);
        if (!approved) return PluginRefusal{path, Str::PluginNotApproved, hash};
        if (*approved != hash) {
            return PluginRefusal{path, Str::PluginHashChanged,
                                 "approved " + *approved + ", now " + hash};
        }
    }
    return std::nullopt;
}

std::optional<PluginRefusal> PluginHost::check(const std::string& path,
                                               const PluginApprovals* approvals) {
    std::string hash;
    if (auto refused = inspect(path, approvals, hash)) return refuse(std::move(*refused));
    return std::nullopt;
}

std::optional<PluginRefusal> PluginHost::loadFile(const std::string& path,
                                                  const PluginApprovals* approvals) {
    std::string hash;
    if (auto refused = inspect(path, approvals, hash)) return refuse(std::move(*refused));
    std::string error;
    auto library = LoadedLibrary::open(path, error);
    if (!library) return refuse({path, Str::PluginLoadFailed, error});
    const auto abi = reinterpret_cast<nx_plugin_abi_fn>(library->symbol(NX_PLUGIN_ABI_SYMBOL));
    const auto describe =
        reinterpret_cast<nx_plugin_describe_fn>(library->symbol(NX_PLUGIN_DESCRIBE_SYMBOL));
    return accept(path, abi, describe, hash, std::move(library));
}

bool PluginHost::unloadFile(const std::string& origin) {
    const auto it = std::find_if(m_plugins.begin(), m_plugins.end(), [&origin](const auto& p) {
        return !p->builtIn() && p->origin() == origin;
    });
    if (it == m_plugins.end()) return false;
    // Copied before the erase: the id lives in the plugin's own code, which may be unmapped.
    const std::string id = (*it)->id();
    m_plugins.erase(it);
    ++m_generation;
    // Files are never shadowed; the built-in this one replaced (if any) takes its place again.
    for (const auto& p : m_plugins) {
        if (p->builtIn() && p->shadowed() && p->id() == id) p->setShadowed(false);
    }
    return true;
}

std::vector<PluginRefusal> PluginHost::loadDirectory(const std::string& dir,
                                                     const PluginApprovals* approvals) {
    std::vector<std::string> names;
    if (DIR* d = opendir(dir.c_str())) {
        while (const dirent* e = readdir(d)) {
            const std::string name = e->d_name;
            if (name.size() > 3 && name.compare(name.size() - 3, 3, ".so") == 0)
                names.push_back(name);
        }
        closedir(d);
    }
    std::sort(names.begin(), names.end()); // readdir order differs between systems
    std::vector<PluginRefusal> out;
    for (const std::string& name : names) {
        if (auto r = loadFile(dir + "/" + name, approvals)) out.push_back(*r);
    }
    return out;
}

std::vector<const Plugin*> PluginHost::plugins() const {
    std::vector<const Plugin*> out;
    for (const auto& p : m_plugins) out.push_back(p.get());
    return out;
}

Plugin* PluginHost::findMutable(std::string_view id) {
    for (const auto& p : m_plugins) {
        if (!p->shadowed() && p->info().id == id) return p.get();
    }
    return nullptr;
}

const Plugin* PluginHost::find(std::string_view id) const {
    return const_cast<PluginHost*>(this)->findMutable(id);
}

const Plugin* PluginHost::governing(std::string_view divisionCode) const {
    const Plugin* best = nullptr;
    int bestLevel = -1;
    for (const auto& p : m_plugins) {
        if (p->shadowed()) continue;
        for (std::uint32_t i = 0; i < p->info().division_count; ++i) {
            const int level = specificity(p->info().divisions[i], divisionCode);
            // Strictly better only: on a tie the plugin registered first keeps the division.
            if (level > bestLevel) {
                best = p.get();
                bestLevel = level;
            }
        }
    }
    return best;
}

std::vector<const Plugin*> PluginHost::chain(const Plugin* plugin) const {
    std::vector<const Plugin*> out;
    while (plugin != nullptr && out.size() < kMaxChain &&
           std::find(out.begin(), out.end(), plugin) == out.end()) {
        out.push_back(plugin);
        const std::string base = plugin->extends();
        plugin = base.empty() ? nullptr : find(base);
    }
    std::reverse(out.begin(), out.end());
    return out;
}

std::vector<const Plugin*> PluginHost::chainFor(std::string_view divisionCode) const {
    return chain(governing(divisionCode));
}

std::optional<FieldError> PluginHost::setSetting(std::string_view pluginId, const std::string& key,
                                                 const std::string& value) {
    Plugin* p = findMutable(pluginId);
    if (p == nullptr) return FieldError{std::string(pluginId), value, Str::PluginUnknown, {}};
    return p->setSetting(key, value);
}

nx_context PluginHost::context(const Plugin& plugin, const Date& asOf, Lang lang) {
    nx_context ctx{};
    ctx.struct_size = sizeof(nx_context);
    ctx.lang = lang == Lang::En ? NX_LANG_EN : NX_LANG_ZH;
    ctx.as_of_days = asOf.daysSinceEpoch();
    ctx.settings = plugin.settings().data();
    ctx.setting_count = static_cast<std::uint32_t>(plugin.settings().size());
    return ctx;
}

namespace {

/// Runs one derived-list callback of every plugin in a chain and collects the entries.
template <class Call>
std::vector<DerivedNeed> collectDerived(const std::vector<const Plugin*>& chain, const Date& asOf,
                                        Lang lang, Call call) {
    std::vector<DerivedNeed> out;
    std::vector<nx_derived_need> items(kDerivedCapacity);
    for (const Plugin* p : chain) {
        nx_derived_list list{};
        list.struct_size = sizeof(nx_derived_list);
        list.capacity = kDerivedCapacity;
        list.item_size = sizeof(nx_derived_need);
        list.items = items.data();
        const nx_context ctx = PluginHost::context(*p, asOf, lang);
        if (call(*p, ctx, list) != NX_SET) continue;
        for (std::uint32_t i = 0; i < std::min(list.count, kDerivedCapacity); ++i) {
            const nx_derived_need& d = items[i];
            // A plugin's numbers are checked like imported data: bad entries are dropped.
            if (d.kind >= static_cast<std::uint32_t>(Kind::Count_) || d.quantity <= 0) continue;
            DerivedNeed n;
            n.need.kind = static_cast<Kind>(d.kind);
            n.need.unit = kindInfo(n.need.kind).unit;
            n.need.quantity = d.quantity;
            n.need.urgency = d.urgency < static_cast<std::uint32_t>(Urgency::Count_)
                                 ? static_cast<Urgency>(d.urgency)
                                 : Urgency::Normal;
            n.need.deadline = d.deadline_days == NX_UNSET ? asOf : Date::fromDays(d.deadline_days);
            n.plugin = p->id();
            n.code = d.reason.code;
            n.text.assign(d.reason.text, strnlen(d.reason.text, NX_TEXT_BYTES));
            out.push_back(std::move(n));
        }
    }
    return out;
}

} // namespace

std::vector<DerivedNeed> PluginHost::derivedNeeds(const Household& household, const Date& asOf,
                                                  Lang lang) const {
    const HouseholdView view(household, asOf);
    return collectDerived(
        chainFor(household.divisionCode), asOf, lang,
        [&view](const Plugin& p, const nx_context& ctx, nx_derived_list& list) -> std::int32_t {
            if (p.info().derived_needs == nullptr) return NX_KEEP;
            return p.info().derived_needs(&ctx, view.get(), &list);
        });
}

std::vector<DerivedNeed> PluginHost::institutionTasks(std::string_view county, const Date& asOf,
                                                      Lang lang) const {
    const std::string code(county);
    return collectDerived(
        chainFor(code), asOf, lang,
        [&code](const Plugin& p, const nx_context& ctx, nx_derived_list& list) -> std::int32_t {
            if (p.info().institution_tasks == nullptr) return NX_KEEP;
            return p.info().institution_tasks(&ctx, code.c_str(), &list);
        });
}

ApprovalVerdict PluginHost::approval(const Household& household, const Need& need,
                                     const Offer& offer, const Donor* donor, std::int64_t quantity,
                                     const Date& asOf, Lang lang) const {
    ApprovalVerdict verdict;
    verdict.text = tr(Str::PluginApprovalDefault, lang);
    const HouseholdView view(household, asOf);
    const nx_need_view needView = makeNeedView(need);
    const nx_offer_view offerView = makeOfferView(offer, donor);
    const std::int64_t amountFen = quantity * offer.unitValueFen;
    for (const Plugin* p : chainFor(household.divisionCode)) {
        if (p->info().approval == nullptr) continue;
        nx_approval out{};
        out.struct_size = sizeof(nx_approval);
        out.tier = verdict.tier;
        out.deliver_before_approval = verdict.deliverBeforeApproval ? 1U : 0U;
        const nx_context ctx = context(*p, asOf, lang);
        if (p->info().approval(&ctx, view.get(), &needView, &offerView, amountFen, &out) !=
            NX_SET) {
            continue;
        }
        verdict.tier = std::clamp(out.tier, 0, 4);
        verdict.deliverBeforeApproval = out.deliver_before_approval != 0;
        verdict.plugin = p->id();
        verdict.code = out.reason.code;
        verdict.text.assign(out.reason.text, strnlen(out.reason.text, NX_TEXT_BYTES));
    }
    return verdict;
}

} // namespace nuanxin
