#pragma once
// A FileSystem in memory, for the fault-injection suite and the fuzz targets: no disk traffic
// (a fuzz target opens thousands of stores a second), and a model of what a power cut keeps.
//
// Durability model (what the store relies on, nothing more):
// - AppendFile::sync() makes everything appended to that file so far durable;
// - writeAtomic() and truncate() are durable when they return true (the real ones sync);
// - powerCut() forgets, per file, the bytes appended since its last sync, keeping none, half or
//   all of them: a real disk may have written any prefix of them before the power went.
// Folders exist once made or once a file was written under them (no folder sync is modelled).
#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "core/store/file_system.h"

namespace nuanxin::test {

class MemoryFileSystem final : public FileSystem {
public:
    /// @brief How much of the unsynced bytes a power cut keeps.
    enum class Keep : std::uint8_t { None, Half, All };

    bool makeDirs(const std::string& path) override {
        for (std::string p = path; !p.empty() && p != "." && p != "/"; p = parentDir(p)) {
            if (m_files.count(p) != 0) return fail(path, "a file is in the way");
            m_dirs.insert(p);
            if (parentDir(p) == p) break;
        }
        return true;
    }
    [[nodiscard]] bool exists(const std::string& path) const override {
        return m_files.count(path) != 0 || m_dirs.count(path) != 0;
    }
    [[nodiscard]] std::optional<std::uint64_t> fileSize(const std::string& path) const override {
        const auto it = m_files.find(path);
        if (it == m_files.end()) return failed(path, "no such file");
        return it->second.bytes.size();
    }
    [[nodiscard]] std::optional<std::string> read(const std::string& path, std::uint64_t offset,
                                                  std::uint64_t limit) const override {
        const auto it = m_files.find(path);
        if (it == m_files.end()) return failed(path, "no such file");
        const std::string& b = it->second.bytes;
        if (offset >= b.size()) return std::string();
        return b.substr(static_cast<std::size_t>(offset),
                        static_cast<std::size_t>(std::min<std::uint64_t>(limit, b.size() - offset)));
    }
    [[nodiscard]] std::unique_ptr<AppendFile> openAppend(const std::string& path) override {
        if (!parentExists(path)) {
            failed(path, "no such folder");
            return nullptr;
        }
        File& f = m_files[path]; // created empty, like O_CREAT
        return std::make_unique<Append>(*this, path, f.bytes.size());
    }
    bool writeAtomic(const std::string& path, std::string_view bytes) override {
        if (!parentExists(path)) return fail(path, "no such folder");
        File& f = m_files[path];
        f.bytes.assign(bytes);
        f.durable = f.bytes.size();
        return true;
    }
    bool truncate(const std::string& path, std::uint64_t size) override {
        const auto it = m_files.find(path);
        if (it == m_files.end()) return fail(path, "no such file");
        it->second.bytes.resize(static_cast<std::size_t>(std::min<std::uint64_t>(
            size, it->second.bytes.size())));
        it->second.durable = it->second.bytes.size();
        return true;
    }
    bool remove(const std::string& path) override {
        m_files.erase(path); // like unlink with ENOENT ignored
        return true;
    }
    [[nodiscard]] std::string lastError() const override { return m_error; }
    [[nodiscard]] std::optional<std::vector<std::string>>
    list(const std::string& dir) const override {
        std::vector<std::string> names;
        for (const auto& entry : m_files) {
            if (parentDir(entry.first) == dir) names.push_back(entry.first.substr(dir.size() + 1));
        }
        return names;
    }

    /// @brief Drops what was never synced (see Keep). Open AppendFiles must be gone by then.
    void powerCut(Keep keep) {
        for (auto& [path, f] : m_files) {
            const std::size_t unsynced = f.bytes.size() - std::min(f.durable, f.bytes.size());
            const std::size_t kept =
                keep == Keep::All ? unsynced : keep == Keep::Half ? unsynced / 2 : 0;
            f.bytes.resize(f.durable + kept);
            f.durable = f.bytes.size();
        }
    }
    /// @brief Every file's path (to look for leftovers such as "snapshot.nxs.tmp").
    [[nodiscard]] std::set<std::string> files() const {
        std::set<std::string> out;
        for (const auto& entry : m_files) out.insert(entry.first);
        return out;
    }
    /// @brief Direct access for tests that damage files on purpose.
    std::string& bytes(const std::string& path) { return m_files[path].bytes; }

private:
    struct File {
        std::string bytes;
        std::size_t durable = 0; ///< bytes a power cut cannot take away
    };

    class Append final : public AppendFile {
    public:
        Append(MemoryFileSystem& fs, std::string path, std::uint64_t size)
            : m_fs(fs), m_path(std::move(path)), m_size(size) {}
        bool append(std::string_view bytes) override {
            const auto it = m_fs.m_files.find(m_path);
            if (it == m_fs.m_files.end()) return m_fs.fail(m_path, "file removed while open");
            it->second.bytes.append(bytes); // O_APPEND: at the file's end
            m_size += bytes.size();
            return true;
        }
        bool sync() override {
            const auto it = m_fs.m_files.find(m_path);
            if (it == m_fs.m_files.end()) return m_fs.fail(m_path, "file removed while open");
            it->second.durable = it->second.bytes.size();
            return true;
        }
        [[nodiscard]] std::uint64_t size() const override { return m_size; }

    private:
        MemoryFileSystem& m_fs;
        std::string m_path;
        std::uint64_t m_size;
    };

    [[nodiscard]] bool parentExists(const std::string& path) const {
        const std::string parent = parentDir(path);
        return parent == "." || parent == "/" || m_dirs.count(parent) != 0;
    }
    bool fail(const std::string& path, const char* why) const {
        m_error = path + ": " + why;
        return false;
    }
    std::nullopt_t failed(const std::string& path, const char* why) const {
        fail(path, why);
        return std::nullopt;
    }

    std::map<std::string, File> m_files;
    std::set<std::string> m_dirs;
    mutable std::string m_error;
};

} // namespace nuanxin::test
