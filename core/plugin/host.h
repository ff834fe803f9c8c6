#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/types.h"
#include "core/plugin/approvals.h"
#include "core/plugin/plugin.h"

namespace nuanxin {

/// @brief A plugin compiled into the app: its two prefixed entry points (see NX_PLUGIN_DEFINE).
struct BuiltinPlugin {
    const char* name; ///< the build's name for it (the plugin's folder)
    nx_plugin_abi_fn abi;
    nx_plugin_describe_fn describe;
};

/// @brief A need a plugin created by itself (Need.id and .household still to be set by the
/// caller when it keeps it), with the rule that created it.
struct DerivedNeed {
    Need need;
    std::string plugin; ///< id of the plugin that derived it
    std::int32_t code = 0;
    std::string text; ///< the plugin's UTF-8 reason in the language asked for
};

/// @brief Who must approve an allocation (see nx_approval).
struct ApprovalVerdict {
    int tier = 1; ///< 0 none, 1 charity staff, 2 township/street, 3 county bureau, 4 higher
    bool deliverBeforeApproval = false;
    std::string plugin; ///< id of the plugin that decided; empty: the host's default
    std::int32_t code = 0;
    std::string text;
};

/// @brief The registry of region plugins: built-ins and files, the lookup of the plugin that
/// governs a division, settings, and the calls that are not part of matching. Refusals are
/// collected, never thrown: a bad plugin never stops the app.
class PluginHost {
public:
    PluginHost();
    ~PluginHost();
    PluginHost(const PluginHost&) = delete;
    PluginHost& operator=(const PluginHost&) = delete;

    /// @brief Registers a built-in plugin; the refusal when it is not acceptable.
    std::optional<PluginRefusal> addBuiltin(const BuiltinPlugin& plugin);
    /// @brief Loads a plugin file. With `approvals`, only a file whose current SHA-256 equals the
    /// approved one is loaded; without, any (an administrator inspecting a file).
    /// A file may replace a built-in with the same id (an update); two files may not share one.
    std::optional<PluginRefusal> loadFile(const std::string& path,
                                          const PluginApprovals* approvals = nullptr);
    /// @brief Loads every *.so of a folder, by name; returns the refusals of this call.
    std::vector<PluginRefusal> loadDirectory(const std::string& dir,
                                             const PluginApprovals* approvals = nullptr);
    /// @brief The checks loadFile() makes before it opens a file (readable, a module of this
    /// build's kind, approved with this SHA-256), without opening it: the browser runs them before
    /// it compiles a preloaded side module, so a refused file's code is never set up.
    std::optional<PluginRefusal> check(const std::string& path,
                                       const PluginApprovals* approvals = nullptr);
    /// @brief Records a refusal found outside the host (a file the page could not fetch).
    void recordRefusal(PluginRefusal refusal) { refuse(std::move(refusal)); }
    /// @brief Takes out the plugin loaded from the file `origin` (an administrator removing an
    /// upload in the browser); a built-in it replaced is in force again. False when no file
    /// plugin came from `origin`.
    bool unloadFile(const std::string& origin);

    /// @brief One more each time a plugin is accepted or unloaded: who holds state made from
    /// the plugins in force (their settings from a store) compares it to know when to redo it.
    [[nodiscard]] std::uint64_t generation() const { return m_generation; }
    /// @brief Every refusal so far, in order.
    [[nodiscard]] const std::vector<PluginRefusal>& refusals() const { return m_refusals; }
    /// @brief Every accepted plugin in registration order (shadowed built-ins included).
    [[nodiscard]] std::vector<const Plugin*> plugins() const;
    /// @brief The active plugin with this id; null when none.
    [[nodiscard]] const Plugin* find(std::string_view id) const;
    /// @brief The active plugin governing a division: the most specific declared code containing
    /// it (county, then city, then province, then the whole country); null when none.
    [[nodiscard]] const Plugin* governing(std::string_view divisionCode) const;
    /// @brief `plugin` and the plugins it extends, the base first (ends early at a missing id).
    [[nodiscard]] std::vector<const Plugin*> chain(const Plugin* plugin) const;
    /// @brief The chain of the plugin governing a division (empty when none).
    [[nodiscard]] std::vector<const Plugin*> chainFor(std::string_view divisionCode) const;

    /// @brief Sets a plugin's setting from text; errors name the plugin, key and reason.
    [[nodiscard]] std::optional<FieldError>
    setSetting(std::string_view pluginId, const std::string& key, const std::string& value);

    /// @brief Needs the governing chain derives for a household, the base's first.
    [[nodiscard]] std::vector<DerivedNeed> derivedNeeds(const Household& household,
                                                        const Date& asOf, Lang lang) const;
    /// @brief Tasks for the civil-affairs institutions of a county, the base's first.
    [[nodiscard]] std::vector<DerivedNeed> institutionTasks(std::string_view county,
                                                            const Date& asOf, Lang lang) const;
    /// @brief Who approves giving `quantity` units of `offer` to `need`.
    [[nodiscard]] ApprovalVerdict approval(const Household& household, const Need& need,
                                           const Offer& offer, const Donor* donor,
                                           std::int64_t quantity, const Date& asOf,
                                           Lang lang) const;

    /// @brief The context a callback of `plugin` gets (points into the plugin's settings).
    [[nodiscard]] static nx_context context(const Plugin& plugin, const Date& asOf, Lang lang);

private:
    std::optional<PluginRefusal> accept(const std::string& origin, nx_plugin_abi_fn abi,
                                        nx_plugin_describe_fn describe, std::string sha256,
                                        std::shared_ptr<LoadedLibrary> library);
    PluginRefusal refuse(PluginRefusal refusal);
    /// The checks of check(); the file's SHA-256 in `hash`. Records nothing.
    static std::optional<PluginRefusal> inspect(const std::string& path,
                                                const PluginApprovals* approvals, std::string& hash);
    Plugin* findMutable(std::string_view id);

    std::vector<std::unique_ptr<Plugin>> m_plugins;
    std::vector<PluginRefusal> m_refusals;
    std::uint64_t m_generation = 0;
};

} // namespace nuanxin
