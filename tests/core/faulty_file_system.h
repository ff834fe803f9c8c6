#pragma once
// A FileSystem wrapper that fails chosen operations, for the fault-injection suite
// (test_store_faults.cpp): the Nth operation of a kind fails in a chosen way, so that a test can
// walk through every point of a commit, a snapshot write or an opening.
//
// Operation kinds are counted separately from arm() on. writeAtomic() is taken apart into the
// steps of PosixFileSystem::writeAtomic (write the temporary file, sync it, rename it over the
// target), so a fault can land between them. Ways to fail:
// - Error:    the operation does nothing and reports EIO;
// - Short:    an append writes the first half of its bytes, then reports EIO (a short write);
// - DiskFull: as Short for an append (nothing for writeAtomic), then every later write reports
//             ENOSPC until freeSpace() (truncating and removing still work, as on a full disk);
// - Crash:    the operation does half its work (half the bytes, a temporary file left behind)
//             and the process is gone: every later operation fails. The test then drops the
//             store, calls MemoryFileSystem::powerCut() and reopens with a healthy file system.
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "core/store/file_system.h"

namespace nuanxin::test {

enum class FaultOp : std::uint8_t {
    OpenAppend,  ///< openAppend()
    Append,      ///< AppendFile::append()
    Sync,        ///< AppendFile::sync()
    AtomicWrite, ///< writeAtomic(): writing the temporary file
    AtomicSync,  ///< writeAtomic(): syncing the temporary file
    Rename,      ///< writeAtomic(): renaming it over the target
    Truncate,    ///< truncate()
    Read,        ///< read() and fileSize()
    Count_
};

enum class FaultMode : std::uint8_t { Error, Short, DiskFull, Crash };

inline const char* faultOpName(FaultOp op) {
    static constexpr const char* kNames[] = {"openAppend", "append", "sync", "atomic-write",
                                             "atomic-sync", "rename", "truncate", "read"};
    return kNames[static_cast<std::size_t>(op)];
}

inline const char* faultModeName(FaultMode m) {
    static constexpr const char* kNames[] = {"error", "short", "disk-full", "crash"};
    return kNames[static_cast<std::size_t>(m)];
}

/// @brief One planned failure: the `n`th (1-based) operation of kind `op` fails as `mode`.
struct Fault {
    FaultOp op = FaultOp::Append;
    std::uint64_t n = 1;
    FaultMode mode = FaultMode::Error;
};

class FaultyFileSystem final : public FileSystem {
public:
    explicit FaultyFileSystem(FileSystem& base) : m_base(base) {}

    /// @brief Starts counting from zero with these faults planned.
    void arm(std::vector<Fault> faults) {
        m_faults = std::move(faults);
        m_fired.assign(m_faults.size(), false);
        m_counts.fill(0);
    }
    /// @brief No more faults (a full disk stays full: see freeSpace()).
    void disarm() {
        m_faults.clear();
        m_fired.clear();
    }
    void freeSpace() { m_full = false; }
    /// @brief Whether every planned fault happened (false: the operation has fewer points).
    [[nodiscard]] bool allFired() const {
        for (bool f : m_fired) {
            if (!f) return false;
        }
        return true;
    }
    [[nodiscard]] bool crashed() const { return m_dead; }
    [[nodiscard]] bool full() const { return m_full; }
    /// @brief Operations of a kind since arm().
    [[nodiscard]] std::uint64_t count(FaultOp op) const {
        return m_counts[static_cast<std::size_t>(op)];
    }

    bool makeDirs(const std::string& path) override {
        return !m_dead ? keep(m_base.makeDirs(path)) : gone(path);
    }
    [[nodiscard]] bool exists(const std::string& path) const override {
        return !m_dead && m_base.exists(path);
    }
    [[nodiscard]] std::optional<std::uint64_t> fileSize(const std::string& path) const override {
        if (blocked(FaultOp::Read, path)) return std::nullopt;
        auto r = m_base.fileSize(path);
        if (!r) m_error = m_base.lastError();
        return r;
    }
    [[nodiscard]] std::optional<std::string> read(const std::string& path, std::uint64_t offset,
                                                  std::uint64_t limit) const override {
        if (blocked(FaultOp::Read, path)) return std::nullopt;
        auto r = m_base.read(path, offset, limit);
        if (!r) m_error = m_base.lastError();
        return r;
    }
    [[nodiscard]] std::unique_ptr<AppendFile> openAppend(const std::string& path) override {
        if (blocked(FaultOp::OpenAppend, path)) return nullptr;
        auto file = m_base.openAppend(path);
        if (!file) {
            m_error = m_base.lastError();
            return nullptr;
        }
        return std::make_unique<File>(*this, path, std::move(file));
    }
    bool writeAtomic(const std::string& path, std::string_view bytes) override {
        const std::string tmp = path + ".tmp";
        if (m_dead) return gone(path);
        if (m_full) return fail(tmp, ENOSPC);
        if (const Fault* f = hit(FaultOp::AtomicWrite)) {
            if (f->mode == FaultMode::Crash) {
                (void)m_base.writeAtomic(tmp, bytes.substr(0, bytes.size() / 2));
                return die(tmp);
            }
            if (f->mode == FaultMode::DiskFull) m_full = true;
            return fail(tmp, f->mode == FaultMode::DiskFull ? ENOSPC : EIO);
        }
        for (FaultOp step : {FaultOp::AtomicSync, FaultOp::Rename}) {
            if (const Fault* f = hit(step)) {
                if (f->mode == FaultMode::Crash) {
                    (void)m_base.writeAtomic(tmp, bytes); // written in full, never renamed
                    return die(tmp);
                }
                return fail(step == FaultOp::Rename ? path : tmp, EIO);
            }
        }
        return keep(m_base.writeAtomic(path, bytes));
    }
    bool truncate(const std::string& path, std::uint64_t size) override {
        return !blocked(FaultOp::Truncate, path) && keep(m_base.truncate(path, size));
    }
    bool remove(const std::string& path) override {
        return !m_dead ? keep(m_base.remove(path)) : gone(path);
    }
    [[nodiscard]] std::string lastError() const override { return m_error; }
    /// Listing changes nothing on disk: never a fault point.
    [[nodiscard]] std::optional<std::vector<std::string>>
    list(const std::string& dir) const override {
        return m_base.list(dir);
    }

private:
    class File final : public AppendFile {
    public:
        File(FaultyFileSystem& fs, std::string path, std::unique_ptr<AppendFile> base)
            : m_fs(fs), m_path(std::move(path)), m_base(std::move(base)) {}
        bool append(std::string_view bytes) override {
            if (m_fs.m_dead) return m_fs.gone(m_path);
            if (m_fs.m_full) return m_fs.fail(m_path, ENOSPC);
            if (const Fault* f = m_fs.hit(FaultOp::Append)) {
                if (f->mode != FaultMode::Error && bytes.size() > 1) {
                    (void)m_base->append(bytes.substr(0, bytes.size() / 2));
                }
                if (f->mode == FaultMode::Crash) return m_fs.die(m_path);
                if (f->mode == FaultMode::DiskFull) m_fs.m_full = true;
                return m_fs.fail(m_path, f->mode == FaultMode::DiskFull ? ENOSPC : EIO);
            }
            return m_fs.keep(m_base->append(bytes));
        }
        bool sync() override { return !m_fs.blocked(FaultOp::Sync, m_path) && m_fs.keep(m_base->sync()); }
        [[nodiscard]] std::uint64_t size() const override { return m_base->size(); }

    private:
        FaultyFileSystem& m_fs;
        std::string m_path;
        std::unique_ptr<AppendFile> m_base;
    };

    /// Counts an operation; the planned fault it triggers, if any.
    const Fault* hit(FaultOp op) const {
        const std::uint64_t n = ++m_counts[static_cast<std::size_t>(op)];
        for (std::size_t i = 0; i < m_faults.size(); ++i) {
            if (m_faults[i].op == op && m_faults[i].n == n) {
                m_fired[i] = true;
                return &m_faults[i];
            }
        }
        return nullptr;
    }
    /// For operations that either happen or not: true when this one must fail.
    bool blocked(FaultOp op, const std::string& path) const {
        if (m_dead) {
            gone(path);
            return true;
        }
        const Fault* f = hit(op);
        if (f == nullptr) return false;
        if (f->mode == FaultMode::Crash) {
            die(path);
        } else {
            fail(path, EIO);
        }
        return true;
    }
    bool fail(const std::string& path, int error) const {
        m_error = path + ": " + std::strerror(error) + " (injected)";
        return false;
    }
    bool die(const std::string& path) const {
        m_dead = true;
        m_error = path + ": process killed (injected)";
        return false;
    }
    bool gone(const std::string& path) const {
        m_error = path + ": after the crash (injected)";
        return false;
    }
    bool keep(bool ok) const {
        if (!ok) m_error = m_base.lastError();
        return ok;
    }

    FileSystem& m_base;
    std::vector<Fault> m_faults;
    mutable std::vector<bool> m_fired;
    mutable std::array<std::uint64_t, static_cast<std::size_t>(FaultOp::Count_)> m_counts{};
    mutable std::string m_error;
    mutable bool m_dead = false;
    bool m_full = false;
};

} // namespace nuanxin::test
