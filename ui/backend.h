#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nuanxin {

class App;
class FileSystem;
class PluginHost;

/// @brief What a file the user picks is for; the App routes it to the screen that asked.
enum class FilePurpose : std::uint8_t {
    Import,   ///< a CSV of households, offers or donors (the import screen previews it)
    Plugin,   ///< a region plugin file (.so natively, a side module in the browser)
    Restore,  ///< a backup of a whole store
    Dropped,  ///< dropped on the window: the import screen decides by its name
};

/// @brief A plugin file as the plugins screen lists it: where it came from, its hash, and whether
/// an administrator approved that hash (loading runs a file's code, so nothing unapproved runs).
struct PluginFileInfo {
    std::string file;     ///< file name, unique in the plugins folder
    std::string sha256;   ///< of the bytes as they are now
    std::string pluginId; ///< when loaded
    bool approved = false;
    bool loaded = false;
    std::string problem;  ///< why it is not loaded (translated), empty when it is
};

/// @brief The plugin administration of a front end: the host both the matching and the
/// plugins screen use, and its plugins folder (desktop: `plugins/` next to the store; browser:
/// uploads kept in IndexedDB and side modules deployed with the page).
class PluginAdmin {
public:
    virtual ~PluginAdmin() = default;
    [[nodiscard]] virtual PluginHost& host() = 0;
    [[nodiscard]] virtual std::vector<PluginFileInfo> files() const = 0;
    /// @brief Puts a file into the plugins folder; it is loaded only once approved.
    virtual void add(const std::string& name, std::string bytes) = 0;
    /// @brief Records the file's current hash as approved and loads it (the browser compiles
    /// asynchronously: files() shows it loaded a few frames later).
    virtual void approve(const std::string& file) = 0;
    /// @brief Unloads a file (if loaded), forgets its approval and deletes it.
    virtual void remove(const std::string& file) = 0;
};

/// @brief What the screens need from the platform they run on. One implementation per front
/// end (native/desktop, wasm), chosen by CMake; the screens never ask which one they have.
class Backend {
public:
    virtual ~Backend() = default;

    /// @brief Path, in the platform's file system, of the demo data set (nuanxin JSON) that a
    /// first visit can load (the desktop: a real file; the browser: a preloaded virtual file).
    [[nodiscard]] virtual std::string dataPath() const = 0;
    /// @brief Path of the CJK font subset (assets/nuanxin-cjk.ttf of the build).
    [[nodiscard]] virtual std::string fontPath() const = 0;
    /// @brief A small user setting (e.g. "lang") kept between runs; nullopt when never saved.
    [[nodiscard]] virtual std::optional<std::string> loadSetting(std::string_view key) const = 0;
    /// @brief Stores a small setting; failures are ignored (settings are a convenience).
    virtual void saveSetting(std::string_view key, std::string_view value) = 0;

    /// @brief The file system the store lives in (IDBFS-backed in the browser).
    [[nodiscard]] virtual FileSystem& fileSystem() = 0;
    /// @brief The store folder to open at start (desktop: the last one used, else a default).
    [[nodiscard]] virtual std::string storeDir() const = 0;
    /// @brief The page was opened with `?demo` (load the demo at once when the store is empty).
    [[nodiscard]] virtual bool demoRequested() const { return false; }

    [[nodiscard]] virtual PluginAdmin& plugins() = 0;

    /// @brief True when the platform has its own file picker and downloads (the browser); the
    /// desktop answers false and the App shows its in-app file browser instead.
    [[nodiscard]] virtual bool platformFiles() const = 0;
    /// @brief Opens the platform's picker; the chosen file comes back later through
    /// App::receiveFile(). Only called when platformFiles().
    virtual void pickFile(FilePurpose purpose, std::string_view accept) { (void)purpose, (void)accept; }
    /// @brief The platform's own entries of the main menu bar (the desktop: open another store
    /// folder), drawn each frame inside it, after the app's name.
    virtual void drawMenu(App& app) { (void)app; }
    /// @brief Hands a file to the user (a browser download). Only called when platformFiles().
    virtual void download(std::string_view name, std::string_view bytes, std::string_view mime) {
        (void)name, (void)bytes, (void)mime;
    }
};

} // namespace nuanxin
