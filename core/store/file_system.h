#pragma once
// The few file operations the store needs, behind an interface: natively a folder on disk
// (PosixFileSystem); later a fault-injecting wrapper for tests and IDBFS in the browser.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nuanxin {

/// @brief A file opened for appending. Every call reports failure instead of throwing.
class AppendFile {
public:
    virtual ~AppendFile() = default;
    /// @brief Writes all bytes at the end (retrying short writes).
    virtual bool append(std::string_view bytes) = 0;
    /// @brief Makes everything appended so far durable (fsync/fdatasync).
    virtual bool sync() = 0;
    /// @brief Current size in bytes.
    [[nodiscard]] virtual std::uint64_t size() const = 0;
};

/// @brief File operations of one storage medium. Paths are plain strings joined with '/'.
class FileSystem {
public:
    virtual ~FileSystem() = default;
    /// @brief Creates the folder (and its parents); true when it exists afterwards.
    virtual bool makeDirs(const std::string& path) = 0;
    [[nodiscard]] virtual bool exists(const std::string& path) const = 0;
    /// @brief Size in bytes; nullopt when the file cannot be inspected.
    [[nodiscard]] virtual std::optional<std::uint64_t> fileSize(const std::string& path) const = 0;
    /// @brief Bytes from `offset` to the end (or `limit` bytes); nullopt when unreadable.
    [[nodiscard]] virtual std::optional<std::string>
    read(const std::string& path, std::uint64_t offset = 0,
         std::uint64_t limit = ~std::uint64_t{0}) const = 0;
    /// @brief Opens (creating when missing) for appending.
    [[nodiscard]] virtual std::unique_ptr<AppendFile> openAppend(const std::string& path) = 0;
    /// @brief Replaces the file's content atomically: temporary file, sync, rename, sync folder.
    /// A crash at any moment leaves either the old or the new content.
    virtual bool writeAtomic(const std::string& path, std::string_view bytes) = 0;
    /// @brief Cuts the file to `size` bytes and makes that durable.
    virtual bool truncate(const std::string& path, std::uint64_t size) = 0;
    virtual bool remove(const std::string& path) = 0;
    /// @brief The reason of the last failure (errno text), for messages.
    [[nodiscard]] virtual std::string lastError() const = 0;
    /// @brief The names of the files in folder `dir` (an encrypted store looks for what is
    /// left in clear); nullopt when this file system cannot list, and the caller skips that.
    [[nodiscard]] virtual std::optional<std::vector<std::string>>
    list(const std::string& dir) const {
        (void)dir;
        return std::nullopt;
    }
};

/// @brief POSIX open/write/fsync/rename. Also what Emscripten's file systems (NODERAWFS,
/// MEMFS, IDBFS) provide, so one implementation serves every build.
class PosixFileSystem final : public FileSystem {
public:
    bool makeDirs(const std::string& path) override;
    [[nodiscard]] bool exists(const std::string& path) const override;
    [[nodiscard]] std::optional<std::uint64_t> fileSize(const std::string& path) const override;
    [[nodiscard]] std::optional<std::string> read(const std::string& path, std::uint64_t offset,
                                                  std::uint64_t limit) const override;
    [[nodiscard]] std::unique_ptr<AppendFile> openAppend(const std::string& path) override;
    bool writeAtomic(const std::string& path, std::string_view bytes) override;
    bool truncate(const std::string& path, std::uint64_t size) override;
    bool remove(const std::string& path) override;
    [[nodiscard]] std::string lastError() const override { return m_error; }
    [[nodiscard]] std::optional<std::vector<std::string>>
    list(const std::string& dir) const override;

private:
    bool fail(const std::string& what) const;
    mutable std::string m_error;
};

/// @brief The folder part of a path ("a/b/c" → "a/b", "c" → ".").
[[nodiscard]] std::string parentDir(const std::string& path);

} // namespace nuanxin
