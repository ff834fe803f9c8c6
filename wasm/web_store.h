#pragma once
// The store in the browser: a store folder inside Emscripten's IDBFS mount, which
// wasm/web_store.js fills from IndexedDB before main() runs and copies back to IndexedDB after
// every durable commit. The App opens it (App::init) through WebFileSystem; files come in through
// the browser's file picker and drag-and-drop (WebBackend) and go through the same import code as
// the CLI (core/io, via the Workspace).
#include "core/store/file_system.h"

namespace nuanxin {

/// @brief Where IDBFS is mounted (wasm/web_store.js mounts and loads it) and the store in it.
inline constexpr const char* kWebStoreMount = "/nuanxin-store";
inline constexpr const char* kWebStoreDir = "/nuanxin-store/store";

/// @brief POSIX calls on Emscripten's in-memory files of the IDBFS mount; every change that must
/// survive (a commit, a snapshot, a cut tail) is followed by a copy to IndexedDB. fsync on these
/// files returns at once, so the copy is what makes a commit last across a reload.
class WebFileSystem final : public FileSystem {
public:
    bool makeDirs(const std::string& path) override { return m_posix.makeDirs(path); }
    [[nodiscard]] bool exists(const std::string& path) const override {
        return m_posix.exists(path);
    }
    [[nodiscard]] std::optional<std::uint64_t> fileSize(const std::string& path) const override {
        return m_posix.fileSize(path);
    }
    [[nodiscard]] std::optional<std::string> read(const std::string& path, std::uint64_t offset,
                                                  std::uint64_t limit) const override {
        return m_posix.read(path, offset, limit);
    }
    [[nodiscard]] std::unique_ptr<AppendFile> openAppend(const std::string& path) override;
    bool writeAtomic(const std::string& path, std::string_view bytes) override;
    bool truncate(const std::string& path, std::uint64_t size) override;
    bool remove(const std::string& path) override;
    [[nodiscard]] std::string lastError() const override { return m_posix.lastError(); }
    [[nodiscard]] std::optional<std::vector<std::string>>
    list(const std::string& dir) const override {
        return m_posix.list(dir);
    }

private:
    PosixFileSystem m_posix;
};

} // namespace nuanxin
